import ArgumentParser
import DescentCore
import DescentShell
import Foundation

/// Times the reference workloads.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Time the tiny, digits and wide training workloads (steps per second).")

    /// The root command's options, which a benchmark does not take.
    @ParentCommand var launch: Descent

    @Option(help: "Multiply each workload's timed steps by this factor (e.g. 0.1 for a quick look).")
    var scale: Double = 1

    @Argument(help: ArgumentHelp("Workloads to run (tiny, digits, wide); all when omitted.", valueName: "workload"))
    var names: [String] = []

    func validate() throws {
        guard launch.commands.isEmpty && !launch.noTUI else { throw ValidationError("-c and --no-tui do not go with bench") }
        guard scale > 0 && scale <= 100 else { throw ValidationError("--scale must be in (0, 100]") }
        let known = Benchmark.workloads.map(\.name)
        for n in names where !known.contains(n) {
            throw ValidationError("unknown workload '\(n)' (choose from \(known.joined(separator: ", ")))")
        }
    }

    func run() throws {
        print("# descent \(Version.string), \(Descent.setup)")
        for w in Benchmark.workloads where names.isEmpty || names.contains(w.name) {
            let m = Benchmark.run(w, scale: scale)
            print("\(w.name) \(String(format: "%.1f", m.stepsPerSecond)) steps/s")
            let threads = ThreadSetting.current.threads
            print("# \(w.name): " + (threads == 1 ? "one thread"
                : "\(Int((100 * m.shareOnTeam).rounded()))% of the timed steps shared by \(threads) threads"))
        }
    }
}
