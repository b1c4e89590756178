import CCurses
#if canImport(Glibc)
import Glibc
#endif

extension LineEditor {
    /// Blocks until a key is ready or a signal (Ctrl-C, Ctrl-Z, continue, resize) arrives; signals win over pending keys.
    static func waitForInput() -> PromptWait {
        while true {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: SignalWake.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), -1)
            let failure = errno
            let signals = SignalWake.drain()
            if signals.contains(shim_sigint()) { return .interrupt }
            if signals.contains(shim_sigtstp()) { return .suspend }
            if signals.contains(shim_sigcont()) { return .resume }
            if signals.contains(shim_sigwinch()) { return .resize }
            if ready < 0 && failure != EINTR { return .failed }
            if ready > 0 && fds[0].revents != 0 { return .input }
        }
    }
}
