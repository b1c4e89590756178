/// Where the shell writes what a person reads: results to `print`, problems to `error`.
public protocol Output: AnyObject {
    func print(_ text: String)
    func error(_ text: String)
    /// Writes what waits to be written (a table under way); after each command.
    func flush()
    /// Ends the line where the terminal echoed `^C`, so that what follows starts on a line of its own.
    func pastEcho()
}

extension Output {
    /// Nothing waits: each line is written as it comes.
    public func flush() {}

    /// A line break among the output, which is the terminal's.
    public func pastEcho() { print("") }
}
