/// Why the full-screen view could not be opened.
public struct ScreenError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
}
