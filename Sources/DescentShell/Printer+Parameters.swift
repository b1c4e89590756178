import DescentCore
import DescentText

/// `show weights` and `show grads` without names: each matrix cut to fit the terminal, saying what it left out.
extension Printer {
    /// The most rows of a matrix shown whole; a taller one shows its first and last `parameterEdgeRows`.
    static let parameterRows = 24
    static let parameterEdgeRows = 10

    /// `t` (a parameter or its gradient) under `label`, as `W1 [2, 16] =` and its values: every row when it has at most
    /// `parameterRows`, and every column when its lines fit in `width` columns; else the first and last rows, and as
    /// many first and last columns as fit, with a note (wrapped to `width`) saying what the `...` left out and that
    /// `whole` prints it whole.
    static func fitted(_ label: String, _ t: Tensor, width: Int, whole: String, digits: Int = Printer.digits) -> String {
        let header = "\(label) \(t.shapeDescription) ="
        guard let columns = t.shape.last, t.count > 0 else { return header + "\n" + t.formatted(threshold: .max, digits: digits) }
        // Every printed number takes the widest one's width: a line of n numbers is n·(w + 1) − 1 columns between
        // its brackets, one pair per dimension; with the elision, 2k numbers and `...`.
        let rows = t.shape.count == 2 ? t.shape[0] : 1
        let rowEdge: Int? = t.shape.count == 2 && rows > parameterRows ? parameterEdgeRows : nil
        // The widest number among the rows that will be shown (a 2048-row matrix shows 20 of them), not all.
        let shownRows = rowEdge.map { e in Array(0..<e) + Array((rows - e)..<rows) } ?? Array(0..<rows)
        var numberWidth = 1
        for r in shownRows { for c in 0..<columns { numberWidth = max(numberWidth, Tensor.number(t.data[r * columns + c], digits: digits).count) } }
        let brackets = 2 * t.shape.count
        var columnEdge: Int? = nil
        if columns * (numberWidth + 1) - 1 + brackets > width {
            // At least one column each side; none cut when that leaves out nothing (a matrix of one or two columns).
            let k = min(max(1, (width - brackets - 3) / (2 * (numberWidth + 1))), (columns - 1) / 2)
            columnEdge = k >= 1 ? k : nil
        }
        let edges: [Int?] = t.shape.count == 2 ? [rowEdge, columnEdge] : [columnEdge]
        var text = header + "\n" + t.formatted(edges: edges, digits: digits)
        var cut: [String] = []
        if let e = rowEdge { cut.append("\(rows - 2 * e) of its \(rows) rows (\(e)–\(rows - e - 1))") }
        if let e = columnEdge { cut.append("\(columns - 2 * e) of its \(columns) columns (\(e)–\(columns - e - 1))") }
        if !cut.isEmpty {
            let why = "to fit " + (rowEdge != nil ? "\(parameterRows) rows" : "") + (rowEdge != nil && columnEdge != nil ? " and " : "")
                + (columnEdge != nil ? "\(width) columns" : "")
            let note = "  … \(cut.joined(separator: " and ")) left out at the `...` \(why): `\(whole)` prints it whole"
            text += "\n" + note.wrapped(width: width, indent: 4).joined(separator: "\n")
        }
        return text
    }
}
