import XCTest
import Foundation
@testable import DescentCore

/// The training loop allocates nothing per step.
///
/// Each test runs itself again in a child process with glibc's allocation tracer preloaded
/// (`libc_malloc_debug.so.0`, glibc 2.34+). The child warms a benchmark workload up, switches tracing on with
/// `mtrace()` after one step and off with `muntrace()` after step 101, so the trace lists every `malloc`,
/// `calloc`, `realloc` and aligned allocation of 100 whole steps, from any thread and any library (OpenBLAS
/// included when it is loaded). The parent counts the allocation lines in the trace. Digits' batches are cut
/// by two threads that each own a band of every layer (`BandedStep`), so its test covers the team's
/// hand-offs and waits too (on a machine with two cores or more).
final class AllocationTests: XCTestCase {
    /// The environment variable that makes a test the traced child, naming its trace file.
    private static let childKey = "DESCENT_ALLOCATION_TRACE"

    /// The counting reaches allocations: one buffer made inside the traced window shows up.
    func testTracerSeesAnAllocation() throws {
        guard let allocations = try tracedAllocations(test: #function, child: {
            _ = try self.traceSteps("tiny", allocateInside: true)
        }) else { return }
        XCTAssertGreaterThanOrEqual(allocations.count, 2, "a Buffer object and its storage")
    }

    /// Full-batch tanh network, MSE with an L2 penalty, plain SGD.
    func testTinyStepsAllocateNothing() throws {
        guard let allocations = try tracedAllocations(test: #function, child: { _ = try self.traceSteps("tiny") })
        else { return }
        XCTAssertEqual(allocations.count, 0, "allocations in 100 steps: \(allocations.prefix(5))")
    }

    /// Shuffled minibatches of 32 over 1797 rows (an epoch's reshuffle included), ReLU, cross-entropy, Adam.
    func testDigitsStepsAllocateNothing() throws {
        guard let allocations = try tracedAllocations(test: #function, child: { _ = try self.traceSteps("digits") })
        else { return }
        XCTAssertEqual(allocations.count, 0, "allocations in 100 steps: \(allocations.prefix(5))")
    }

    /// Eight features: too few for bands (`BandedStep`), so each batch of 32 is cut in halves (`BatchShards`),
    /// whose passes, sums and update run on the team.
    func testHalvedBatchStepsAllocateNothing() throws {
        guard let allocations = try tracedAllocations(test: #function, child: {
            let halves = Benchmark.Workload(name: "halves", sizes: [8, 128, 64, 10], activation: .relu, samples: 1797,
                                            batch: 32, loss: .ce, regularizer: .none,
                                            optimizer: .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8), learningRate: 1e-3,
                                            steps: 0)
            let model = Benchmark.trainer(halves).model
            XCTAssertTrue(BatchShards.cuts(model, rows: 32) && !BandedStep.applies(model, rows: 32))
            _ = try self.traceSteps(halves)
        }) else { return }
        XCTAssertEqual(allocations.count, 0, "allocations in 100 steps: \(allocations.prefix(5))")
    }

    /// In the parent, runs test `test` again in a traced child and returns the trace's allocation lines; in
    /// the child, runs `child` and returns nil.
    private func tracedAllocations(test: String, child: () throws -> Void) throws -> [Substring]? {
        if ProcessInfo.processInfo.environment[Self.childKey] != nil {
            try child()
            return nil
        }
        let library = "libc_malloc_debug.so.0"
        guard let handle = dlopen(library, RTLD_NOW) else { throw XCTSkip("no \(library): glibc's tracer is missing") }
        dlclose(handle)
        let trace = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-allocations-\(UUID().uuidString).trace").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["DescentCoreTests.AllocationTests/\(test.replacingOccurrences(of: "()", with: ""))"]
        var environment = ProcessInfo.processInfo.environment
        environment["LD_PRELOAD"] = library
        environment["MALLOC_TRACE"] = trace
        environment[Self.childKey] = trace
        // The team as it comes (the step hands it a `TeamJob`, which allocates nothing). The release binary
        // was checked too, with a preloaded counter of malloc, calloc, realloc and aligned allocations:
        // `descent bench --scale 0.1`, `0.2` and `0.4 digits` (300, 600, 1,200 timed steps, two threads)
        // made 1,551, 1,549 and 1,549 `malloc`s (the same 30 `calloc`s, 1 `realloc`, 243 aligned); with gdb
        // breaking on `malloc` from step 200 on, the first came after the last step.
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "the traced child run failed")
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        XCTAssertTrue(text.contains("= Start") && text.contains("= End"), "the tracer did not run: \(text.prefix(200))")
        // mtrace lines: "@ caller + address size" (malloc, calloc, memalign), "@ caller > address size" (realloc).
        return text.split(separator: "\n").filter { $0.contains(" + ") || $0.contains(" > ") }
    }

    /// The child's work: 60 warm-up steps of benchmark workload `name`, then 101 more with the tracer on from
    /// the end of the first to the end of the last (so `train`'s one-off history reservation is outside);
    /// with `allocateInside`, one buffer is made while tracing. Returns what was made.
    private func traceSteps(_ name: String, allocateInside: Bool = false) throws -> [Buffer] {
        try traceSteps(XCTUnwrap(Benchmark.workloads.first { $0.name == name }), allocateInside: allocateInside)
    }

    /// The same for workload `workload`.
    private func traceSteps(_ workload: Benchmark.Workload, allocateInside: Bool = false) throws -> [Buffer] {
        let start = try Self.tracerSwitch("mtrace"), stop = try Self.tracerSwitch("muntrace")
        let trainer = Benchmark.trainer(workload)
        _ = trainer.train(steps: 60, evaluateAtEnd: false) { _ in nil }
        var made: [Buffer] = []
        made.reserveCapacity(1)
        var seen = 0
        let reason = trainer.train(steps: 101, evaluateAtEnd: false) { _ in
            seen += 1
            if seen == 1 { start() }
            if seen == 2 && allocateInside { made.append(Buffer(count: 10)) }
            if seen == 101 { stop() }
            return nil
        }
        XCTAssertEqual(reason, .completed)
        XCTAssertEqual(trainer.stepCount, 161)
        return made
    }

    /// `mtrace` or `muntrace` of the preloaded tracer. Its copies are a non-default symbol version (the C
    /// library's own are do-nothing stubs), so they are looked up with `dlvsym`, itself found with `dlsym`.
    private static func tracerSwitch(_ name: String) throws -> @convention(c) () -> Void {
        typealias VersionedLookup = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>,
                                                    UnsafePointer<CChar>) -> UnsafeMutableRawPointer?
        let tracer = try XCTUnwrap(dlopen("libc_malloc_debug.so.0", RTLD_NOW | RTLD_NOLOAD), "tracer not preloaded")
        let lookup = try XCTUnwrap(dlsym(dlopen(nil, RTLD_NOW), "dlvsym"), "no dlvsym")
        let symbol = try XCTUnwrap(unsafeBitCast(lookup, to: VersionedLookup.self)(tracer, name, "GLIBC_2.2.5"))
        return unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)
    }
}
