import Foundation
import Synchronization

/// The calling thread plus one helper thread per further core, for splitting one training step's work
/// (matrix products, optimizer updates) into parts that run at the same time.
///
/// A step hands the team work every few microseconds, so a helper that has just finished spins, watching
/// for the next part, instead of sleeping: waking a sleeping thread costs more than most parts take. After
/// `spinLimit` without work (the step loop has ended) it sleeps on a semaphore until the next part.
/// One piece of work uses the team at a time; a caller that finds it busy (another thread's, or a part
/// that itself asks for the team) runs its work alone.
///
/// Work is a C function called as `entry(context, part, parts)` on each thread, with a pointer to what it
/// reads: handing it out allocates nothing. A `TeamJob` object and a closure are two ways of writing it;
/// only the closure allocates (an optimised build boxes its captures once per `run`), so the library hands
/// out jobs and entries, and closures serve tests. Nothing a part reads should be reference counted:
/// every retain and release from two cores moves the count's cache line between them.
final class ThreadTeam: @unchecked Sendable {
    /// The work being shared, as a closure: called as `work(part, parts)` on each thread.
    typealias Work = (_ part: Int, _ parts: Int) -> Void
    /// The work being shared, as a C function: called as `entry(context, part, parts)` on each thread.
    typealias Entry = @convention(c) (_ context: UnsafeRawPointer, _ part: Int, _ parts: Int) -> Void

    /// The process's team: one thread per core this process may use, or `DESCENT_THREADS` threads
    /// (1 turns splitting off; see `ThreadSetting`).
    static let shared = ThreadTeam(threads: ThreadSetting.current.threads)

    /// Batch rows × parameter values from which a training step is shared among the team (`BandedStep`,
    /// `BatchShards`): digits (32 × 17,226) is, tiny (200 × 97) is not — its whole step takes ~12 µs, in
    /// which handing work to a second core gains nothing.
    static let minimumStepWork = 1 << 18

    /// How long a helper keeps watching for work before it sleeps.
    static let spinLimit: Duration = .milliseconds(2)

    /// Threads in the team, the caller included.
    let size: Int
    /// One per helper.
    private let helpers: [Helper]
    /// Counts pieces of work handed out; a helper starts its part when this moves.
    private let generation = isolated(Atomic<Int>(0))
    /// Helpers that have not yet finished their part of the current work.
    private let unfinished = isolated(Atomic<Int>(0))
    /// Whether a piece of work holds the team.
    private let busy = isolated(Atomic<Bool>(false))
    /// Parts of the current work that have reached `sync` in the round under way.
    private let arrived = isolated(Atomic<Int>(0))
    /// Counts completed `sync` rounds.
    private let rounds = isolated(Atomic<Int>(0))
    /// The current work, set by the caller before `generation` moves and cleared after all parts finish.
    private let current = WorkSlot()

    /// Holds the current work: its entry and the context the entry reads.
    private final class WorkSlot: @unchecked Sendable {
        var entry: Entry?
        var context: UnsafeRawPointer?
    }

    /// A helper's bed: whether it sleeps, and the semaphore that wakes it.
    private final class Helper: @unchecked Sendable {
        let sleeping = isolated(Atomic<Bool>(false))
        let wake = DispatchSemaphore(value: 0)
    }

    /// `value` moved into a block of two cache lines of its own, never freed (teams live as long as their
    /// threads, which never end). A word that one thread spins on must not share a line with data another
    /// thread writes while it works: every such write would pull the line away from the spinner and back,
    /// and the thread writing would wait each time (measured: digits ran at half speed in some runs).
    private static func isolated<Value: ~Copyable>(_ value: consuming Value) -> UnsafeMutablePointer<Value> {
        let line = 128
        precondition(MemoryLayout<Value>.size <= line)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: line, alignment: line)
        let p = raw.bindMemory(to: Value.self, capacity: 1)
        p.initialize(to: value)
        return p
    }

    /// A team of `threads` threads: the caller and `threads − 1` helpers, started now.
    init(threads: Int) {
        size = max(1, threads)
        helpers = (1..<size).map { _ in Helper() }
        for h in helpers.indices {
            let thread = Thread { [self] in
                ThreadTeam.pinToAllowedCPU(h + 1)
                serve(part: h + 1)
            }
            thread.name = "descent-team-\(h + 1)"
            thread.start()
        }
    }

    /// Keeps the calling thread (helper `index`) on the `index`-th CPU this process may use, when there is
    /// one. A helper that sleeps between runs of steps may otherwise be woken on the CPU of the thread that
    /// wakes it, where the two share one CPU until the scheduler moves one, and the pacer would time the
    /// team at its worst. (On the 2-core VM the runs of digits at the one-thread speed did not go away with
    /// this: there the team's own steps were twice as slow, the host's doing, not the guest scheduler's.)
    private static func pinToAllowedCPU(_ index: Int) {
        guard let cpus = CPUAffinity.allowed(), index < cpus.count else { return }
        CPUAffinity.pin(to: cpus[index])
    }

    /// Runs `entry(context, part, parts)` for every part, part 0 on the calling thread, and returns when
    /// all are done. `parts` is the team's size, or 1 (the caller alone) when asked to run `alone`, or when
    /// the team is busy or has no helpers.
    /// When `alone`, the caller still holds the team while it works, so that work started inside (a matrix
    /// product) stays on its thread too, cut the same way as inside work shared among the team.
    func run(alone: Bool = false, context: UnsafeRawPointer, entry: Entry) {
        guard size > 1, busy.pointee.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            entry(context, 0, 1)
            return
        }
        if alone {
            entry(context, 0, 1)
            busy.pointee.store(false, ordering: .releasing)
            return
        }
        current.context = context
        current.entry = entry
        unfinished.pointee.store(size - 1, ordering: .relaxed)
        generation.pointee.wrappingAdd(1, ordering: .sequentiallyConsistent)
        for h in helpers.indices where helpers[h].sleeping.pointee.exchange(false, ordering: .sequentiallyConsistent) {
            helpers[h].wake.signal()
        }
        entry(context, 0, size)
        while unfinished.pointee.load(ordering: .acquiring) != 0 {}
        current.entry = nil
        current.context = nil
        busy.pointee.store(false, ordering: .releasing)
    }

    /// Runs `job.run(part:parts:)` for every part, as `run(alone:context:entry:)` does. The context is the
    /// job unretained (the caller holds it until every part has finished), and the job's own `teamEntry`
    /// calls it without retaining it: a retain on each thread would have both cores fight over its count.
    func run<Job: TeamJob>(alone: Bool = false, _ job: Job) {
        run(alone: alone, context: UnsafeRawPointer(Unmanaged.passUnretained(job).toOpaque()), entry: Job.teamEntry)
    }

    /// Runs `work(part, parts)` for every part, as `run(alone:context:entry:)` does (allocating once).
    func run(alone: Bool = false, _ work: Work) {
        withoutActuallyEscaping(work) { shared in
            withUnsafePointer(to: shared) { pointer in
                run(alone: alone, context: UnsafeRawPointer(pointer), entry: ThreadTeam.closureEntry)
            }
        }
    }

    /// Calls the closure the context points to.
    private static let closureEntry: Entry = { context, part, parts in
        context.assumingMemoryBound(to: Work.self).pointee(part, parts)
    }

    /// Waits until all `parts` parts of the current work have called this (a barrier inside one `run`);
    /// returns at once when `parts` is 1. Every part must call it equally often.
    func sync(parts: Int) {
        guard parts > 1 else { return }
        let round = rounds.pointee.load(ordering: .acquiring)
        if arrived.pointee.add(1, ordering: .acquiringAndReleasing).newValue == parts {
            arrived.pointee.store(0, ordering: .relaxed)
            rounds.pointee.wrappingAdd(1, ordering: .releasing)
        } else {
            while rounds.pointee.load(ordering: .acquiring) == round {}
        }
    }

    /// Helper `part`'s life: wait for work, run its part, report, forever.
    private func serve(part: Int) {
        var seen = 0  // the value before any work: work may be handed out before this thread runs
        let helper = helpers[part - 1]  // once: reading the array each time would retain it from two cores
        while true {
            seen = awaitWork(after: seen, helper: helper)
            runCurrent(part: part)
            unfinished.pointee.subtract(1, ordering: .releasing)
        }
    }

    /// Runs part `part` of the current work.
    private func runCurrent(part: Int) {
        if let entry = current.entry, let context = current.context { entry(context, part, size) }
    }

    /// Waits until `generation` moves past `seen` and returns its new value: spinning at first, asleep
    /// once `spinLimit` has passed without work.
    private func awaitWork(after seen: Int, helper: Helper) -> Int {
        let clock = ContinuousClock()
        var deadline = clock.now + Self.spinLimit
        var spins = 0
        while true {
            let now = generation.pointee.load(ordering: .acquiring)
            if now != seen { return now }
            spins &+= 1
            guard spins & 1023 == 0, clock.now >= deadline else { continue }
            // Announce the sleep, then look once more: the caller moves `generation` before it checks
            // `sleeping`, so one of the two sees the other.
            helper.sleeping.pointee.store(true, ordering: .sequentiallyConsistent)
            if generation.pointee.load(ordering: .sequentiallyConsistent) == seen {
                helper.wake.wait()
            } else if !helper.sleeping.pointee.exchange(false, ordering: .sequentiallyConsistent) {
                helper.wake.wait()  // the caller saw us asleep and signalled: take that signal
            }
            deadline = clock.now + Self.spinLimit
        }
    }

    /// The `part`-th of `parts` near-equal pieces of `0 ..< count`, cut at multiples of `align`.
    static func slice(_ count: Int, part: Int, of parts: Int, align: Int) -> Range<Int> {
        let units = (count + align - 1) / align
        let lower = min(count, units * part / parts * align)
        let upper = min(count, units * (part + 1) / parts * align)
        return lower..<upper
    }
}

/// Work for the team as an object: `run(part:parts:)` is called once on each thread of a `ThreadTeam.run`.
protocol TeamJob: AnyObject {
    func run(part: Int, parts: Int)
    /// Calls `run(part:parts:)` on the job that the context holds unretained, without retaining it, as
    /// `Unmanaged<Self>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.run(part: part, parts: parts) }`
    /// (a C function cannot be formed from generic code, so each job type spells out its own).
    static var teamEntry: ThreadTeam.Entry { get }
}
