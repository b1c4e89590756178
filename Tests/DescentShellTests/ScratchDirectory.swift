import Foundation

/// Directories of their own for tests that write files, under the system's temporary directory.
enum ScratchDirectory {
    /// A new, empty directory whose name begins with `prefix`; its path.
    static func make(_ prefix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Removes `path` and everything in it (a test's leftovers are no failure of the test).
    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}
