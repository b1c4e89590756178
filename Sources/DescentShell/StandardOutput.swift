import Foundation

/// Writes results to standard output and problems to standard error, flushing each line.
public final class StandardOutput: Output {
    public init() {}
    public func print(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    public func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
