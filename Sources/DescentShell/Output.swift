import Foundation

/// Where the shell writes what a person reads: results to `print`, problems to `error`.
public protocol Output: AnyObject {
    func print(_ text: String)
    func error(_ text: String)
}

/// Writes results to standard output and problems to standard error, flushing each line.
public final class StandardOutput: Output {
    public init() {}
    public func print(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    public func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

/// Collects everything written, for tests.
public final class CapturedOutput: Output {
    public private(set) var lines: [String] = []
    public private(set) var errors: [String] = []
    public init() {}
    public func print(_ text: String) { lines.append(text) }
    public func error(_ text: String) { errors.append(text) }
    /// Everything printed, joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
    public func clear() { lines = []; errors = [] }
}
