import CCurses
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set by the full-screen view's SIGTSTP handler: a stop was asked for (Ctrl-Z from a terminal in its own modes, or
/// `kill -TSTP`), which the view makes once it has given the terminal back.
private let stopRequested = Atomic<Bool>(false)

/// Set by the full-screen view's SIGCONT handler: the process went on after a stop, perhaps one the view did not make
/// (`kill -STOP`), so the shell may have left the terminal in its own modes with its own text on the screen.
private let continued = Atomic<Bool>(false)

/// Nanoseconds the process spent stopped by SIGTSTP while Descent was counting (see `Suspension`).
private let stoppedNanoseconds = Atomic<Int64>(0)

/// Ctrl-Z (SIGTSTP) and `fg` (SIGCONT) while work runs. During a training run a SIGTSTP handler stops the process as
/// the default action does, but counts how long it stayed stopped, so that the run's elapsed time and speed leave
/// that out. While a full-screen view is up its handlers only set a flag and wake the view's wait: giving the
/// terminal back (endwin) before stopping, and taking it back after, are not things a handler may do. Like
/// `Interrupt`, each handler is installed only while its work runs and the previous one is put back after it.
public enum Suspension {
    /// The time the process has spent stopped by Ctrl-Z while counting, since it started; a run subtracts the value
    /// it had when the run began.
    public static var stoppedTime: Duration { .nanoseconds(stoppedNanoseconds.load(ordering: .acquiring)) }

    /// A reading of `clock` that leaves out the time stopped (`stoppedTime`): the difference of two such readings is
    /// the time the process ran between them.
    public static func activeNow(_ clock: ContinuousClock) -> ContinuousClock.Instant { clock.now - stoppedTime }

    /// Runs `body` with the counting SIGTSTP handler installed.
    public static func during<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        _ = stoppedNanoseconds.load(ordering: .relaxed)   // made on first use, which must not happen in the handler
        let trap = SignalTrap(signal: shim_sigtstp(), handler: stopCounting)
        defer { trap.restore() }
        return try body()
    }

    /// Stops the process as SIGTSTP's default action does and returns once it continues, counting the time stopped.
    static func stopProcess() {
        let began = shim_monotonic_nanoseconds()
        shim_suspend_self()
        stoppedNanoseconds.wrappingAdd(Int64(shim_monotonic_nanoseconds() - began), ordering: .releasing)
    }

    /// Installs the full-screen view's SIGTSTP and SIGCONT handlers (forgetting earlier requests); restore them, in
    /// reverse order, when the view closes.
    static func trapForView() -> [SignalTrap] {
        SignalWake.prepare()
        stopRequested.store(false, ordering: .releasing)
        continued.store(false, ordering: .releasing)
        return [SignalTrap(signal: shim_sigtstp(), handler: requestStop),
                SignalTrap(signal: shim_sigcont(), handler: noteContinued)]
    }

    /// True when the view's handlers recorded a stop request or a continue that the view has not acted on.
    static var viewSignalPending: Bool {
        stopRequested.load(ordering: .relaxed) || continued.load(ordering: .relaxed)
    }

    /// Whether a stop was requested since the last call.
    static func takeStopRequest() -> Bool { stopRequested.exchange(false, ordering: .acquiringAndReleasing) }

    /// Whether the process continued after a stop since the last call.
    static func takeContinued() -> Bool { continued.exchange(false, ordering: .acquiringAndReleasing) }
}

/// The SIGTSTP handler during a run: stops at once and counts the time until SIGCONT. Async-signal-safe
/// (sigaction, sigprocmask, raise, clock_gettime and an atomic add); errno is kept.
private func stopCounting(_ signal: Int32) {
    let savedErrno = errno
    Suspension.stopProcess()
    errno = savedErrno
}

/// The full-screen view's SIGTSTP handler: async-signal-safe (an atomic store and one `write`).
private func requestStop(_ signal: Int32) {
    stopRequested.store(true, ordering: .releasing)
    SignalWake.post(signal)
}

/// The full-screen view's SIGCONT handler: async-signal-safe (an atomic store and one `write`).
private func noteContinued(_ signal: Int32) {
    continued.store(true, ordering: .releasing)
    SignalWake.post(signal)
}
