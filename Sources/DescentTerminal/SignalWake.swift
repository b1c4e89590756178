import CCurses
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Write end of the self-pipe (-1 until it exists). Signal handlers read it, hence an atomic.
private let wakeWriteEnd = Atomic<Int32>(-1)

/// A self-pipe: signal handlers write the signal number into it, so a `poll()` on `readEnd` wakes without a race.
enum SignalWake {
    /// Read end of the pipe (-1 if the pipe could not be made; then only EINTR wakes `poll`).
    static let readEnd: Int32 = {
        var fds: [Int32] = [-1, -1]
        guard shim_make_wake_pipe(&fds) == 0 else { return -1 }
        wakeWriteEnd.store(fds[1], ordering: .releasing)
        return fds[0]
    }()

    /// Creates the pipe before any handler can need it (static initialisers are not signal-safe).
    static func prepare() { _ = readEnd }

    /// Records `signal` in the pipe; async-signal-safe (one `write`, errno preserved).
    static func post(_ signal: Int32) {
        let fd = wakeWriteEnd.load(ordering: .acquiring)
        guard fd >= 0 else { return }
        let savedErrno = errno
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(fd, &byte, 1)
        errno = savedErrno
    }

    /// The signals posted since the last call, in order; empties the pipe.
    static func drain() -> [Int32] {
        guard readEnd >= 0 else { return [] }
        var posted: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readEnd, &buffer, buffer.count)
            guard n > 0 else { return posted }
            posted += buffer[0..<n].map { Int32($0) }
        }
    }
}
