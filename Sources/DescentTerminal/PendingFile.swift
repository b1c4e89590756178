import CCurses
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The longest path `PendingFile` keeps, with its terminating 0 (Linux's PATH_MAX).
private let pendingCapacity = 4096

/// The path of the temporary file being written, 0-terminated: a fixed C buffer and an atomic flag, so that the
/// fatal-signal handler can remove the file without allocating.
nonisolated(unsafe) private let pendingPath = UnsafeMutablePointer<CChar>.allocate(capacity: pendingCapacity)
private let pendingSet = Atomic<Bool>(false)

/// A temporary file that a save is writing (before it is renamed over its target): a `kill -TERM` or `kill -HUP`
/// (or a crash) while it is written removes it on the way out, as a finished or failed save does, rather than leave
/// it in the directory. Ctrl-C does not end a save, which goes on to the end.
public enum PendingFile {
    /// Runs `body`, which writes the temporary file at `path` and renames it (or removes it after a failure); a fatal
    /// signal meanwhile removes the file at `path` before the process ends. Set before the file is made and cleared
    /// after the rename, so that the file never exists unguarded (removing a name not there yet, or gone, is
    /// harmless). Call from the thread that drives the terminal.
    public static func writing<T, E: Error>(_ path: String, _ body: () throws(E) -> T) throws(E) -> T {
        let bytes = Array(path.utf8)
        // A longer path cannot be created either (ENAMETOOLONG): nothing to guard.
        guard bytes.count < pendingCapacity, !bytes.contains(0) else { return try body() }
        for (i, byte) in bytes.enumerated() { pendingPath[i] = CChar(bitPattern: byte) }
        pendingPath[bytes.count] = 0
        pendingSet.store(true, ordering: .releasing)
        TerminalGuard.arm()
        defer {
            pendingSet.store(false, ordering: .releasing)
            TerminalGuard.disarm()
        }
        return try body()
    }

    /// Removes the file being written, if any (unlink only: a signal handler may call it).
    static func removeOnSignal() {
        guard pendingSet.exchange(false, ordering: .acquiringAndReleasing) else { return }
        _ = unlink(pendingPath)
    }
}
