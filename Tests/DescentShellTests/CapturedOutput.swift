import DescentShell

/// Collects everything written, for tests.
final class CapturedOutput: Output {
    private(set) var lines: [String] = []
    private(set) var errors: [String] = []
    func print(_ text: String) { lines.append(text) }
    func error(_ text: String) { errors.append(text) }
    /// Everything printed, joined by newlines.
    var text: String { lines.joined(separator: "\n") }
    func clear() { lines = []; errors = [] }
}
