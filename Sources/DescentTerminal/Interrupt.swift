import CCurses
import Synchronization

/// Set by the SIGINT handler; an atomic so the handler and the working loop can share it safely.
private let interruptFlag = Atomic<Bool>(false)

/// The SIGINT handlers installed by `begin()` that `end()` has not yet removed, innermost last.
/// Only the thread that runs the REPL calls `begin`/`end` (never the handler), so plain storage is safe.
nonisolated(unsafe) private var interruptTraps: [SignalTrap] = []

/// Ctrl-C during long work: a SIGINT handler that only sets a flag, installed just while the work runs
/// (the previous handler is put back afterwards), checked by the work at step boundaries.
public enum Interrupt {
    /// True once Ctrl-C was pressed since the outermost `begin()`.
    public static var requested: Bool { interruptFlag.load(ordering: .acquiring) }

    /// Runs `body` with the SIGINT handler installed; `body` should stop soon after `requested` turns true.
    public static func during<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        begin()
        defer { end() }
        return try body()
    }

    /// Installs the handler (clearing `requested` unless already inside another `begin()`).
    public static func begin() {
        SignalWake.prepare()
        if interruptTraps.isEmpty { interruptFlag.store(false, ordering: .releasing) }
        interruptTraps.append(SignalTrap(signal: shim_sigint(), handler: handleInterrupt))
    }

    /// Records a Ctrl-C that arrived as a key (the full-screen view reads raw keys, so no signal is sent),
    /// as the handler records a signal; enclosing work (a replay) then stops too.
    public static func request() {
        interruptFlag.store(true, ordering: .releasing)
    }

    /// Removes the handler installed by the matching `begin()`.
    public static func end() {
        interruptTraps.popLast()?.restore()
    }
}

/// The SIGINT handler: async-signal-safe (an atomic store and one `write`).
private func handleInterrupt(_ signal: Int32) {
    interruptFlag.store(true, ordering: .releasing)
    SignalWake.post(signal)
}
