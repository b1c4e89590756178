/// An error from a command's meaning (as opposed to its syntax), shown with the command's position.
struct ShellError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
