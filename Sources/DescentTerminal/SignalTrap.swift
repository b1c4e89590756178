import CCurses
#if canImport(Glibc)
import Glibc
#endif

/// A signal handler installed for a while; `restore()` puts back the action that was there before.
struct SignalTrap {
    let signal: Int32
    private let previous: sigaction

    /// Installs `handler` for `signal`, remembering the previous action.
    init(signal: Int32, handler: @convention(c) (Int32) -> Void) {
        var old = sigaction()
        _ = shim_install_handler(signal, handler, &old)
        self.signal = signal
        previous = old
    }

    /// Puts back the action that was installed before this trap.
    func restore() {
        var old = previous
        _ = shim_restore_handler(signal, &old)
    }
}
