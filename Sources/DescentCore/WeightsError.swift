/// Why a weights file could not be used.
public struct WeightsError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ message: String) { description = message }
}
