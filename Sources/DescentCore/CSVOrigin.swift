/// Where a dataset read from a CSV file came from, so that an error about one of its values can point into the
/// file as the CSV reader's own errors do: the file as it was named, the target column, and each row's line.
public struct CSVOrigin: Equatable, Sendable {
    /// The file as the user named it.
    public let file: String
    /// The target's column, counted from 1, and its name in the header.
    public let targetColumn: Int
    public let targetName: String
    /// The file line each row starts on, in row order (blank lines and quoted line breaks counted).
    public let lines: [Int]
    /// Whether the `data csv` that read it listed the classes (`classes=[…]`).
    public let classesListed: Bool

    public init(file: String, targetColumn: Int, targetName: String, lines: [Int], classesListed: Bool = false) {
        self.file = file; self.targetColumn = targetColumn; self.targetName = targetName; self.lines = lines
        self.classesListed = classesListed
    }

    /// Where row `row`'s target is: `iris.csv:7, column 5 'species'`.
    public func targetLocation(row: Int) -> String {
        CSVReader.location(file, line: lines[row], column: targetColumn, name: targetName)
    }

    /// The origin of the rows at `indices` (in that order).
    func rows(_ indices: ArraySlice<Int>) -> CSVOrigin {
        CSVOrigin(file: file, targetColumn: targetColumn, targetName: targetName, lines: indices.map { lines[$0] }, classesListed: classesListed)
    }
}
