import Foundation
@testable import DescentCore

/// Reading a CSV file by path: the shell reads files itself (`AtomicFile.read`, with its own messages) and
/// hands `Dataset.csv(text:file:target:task:)` the text, so only the tests read data files this way.
extension Dataset {
    /// Reads the CSV file at `path`; `file` is the name errors show (default: the path).
    static func csv(path: String, file: String? = nil, target: String? = nil, task: Task? = nil) throws(DataError) -> Dataset {
        let shown = file ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError("\(shown): no such file")
        }
        guard !isDirectory.boolValue else { throw DataError("\(shown): is a directory, not a CSV file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError("\(shown): cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw DataError("\(shown): is not UTF-8 text") }
        return try csv(text: text, file: shown, target: target, task: task)
    }
}
