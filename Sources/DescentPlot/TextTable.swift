import DescentText

/// A table of strings under a header row, columns padded and aligned, ruled with box-drawing or ASCII lines.
///
/// ```
/// ┌───────┬────────┐      +-------+--------+
/// │ layer │ params │      | layer | params |
/// ├───────┼────────┤      +-------+--------+
/// │ dense │     12 │      | dense |     12 |
/// └───────┴────────┘      +-------+--------+
/// ```
/// Widths count terminal columns (`String.columns`: wide East Asian glyphs and emoji take two). Line
/// breaks inside a cell become spaces; short rows are padded with empty cells.
public struct TextTable: Sendable {
    /// How a column's cells (header included) sit within its width.
    public enum Alignment: Sendable, Equatable { case left, right, center }

    public var headers: [String]
    public var rows: [[String]]
    /// Per-column alignment; columns without one are right-aligned when every non-empty cell below the
    /// header is a number (`12`, `-0.5`, `1e-4`, `95%`, `NaN`, with `—` or `-` for missing), left otherwise.
    public var alignments: [Alignment]
    public var unicode: Bool

    /// A table; alignments default to the automatic choice for every column.
    public init(headers: [String], rows: [[String]], alignments: [Alignment] = [], unicode: Bool = true) {
        self.headers = headers; self.rows = rows; self.alignments = alignments; self.unicode = unicode
    }

    /// The table as lines of text, without trailing newlines.
    public func render() -> [String] {
        let count = max(headers.count, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return [] }
        let clean = { (row: [String]) in (0..<count).map { $0 < row.count ? Self.flat(row[$0]) : "" } }
        let head = headers.isEmpty ? nil : clean(headers), body = rows.map(clean)
        let widths = (0..<count).map { c in ((head.map { [$0] } ?? []) + body).map { $0[c].columns }.max() ?? 0 }
        let aligns = (0..<count).map { c in Self.alignment(c, of: alignments, cells: body.map { $0[c] }) }
        let frame = Frame(widths: widths, alignments: aligns, unicode: unicode)
        var out = [frame.rule(.top)]
        if let head { out += [frame.line(head), frame.rule(.middle)] }
        out += body.map(frame.line)
        out.append(frame.rule(.bottom))
        return out
    }

    /// A table's columns laid out beforehand (each one's width and alignment), so that its lines can be made one at a
    /// time, the same as `render` makes them: a long table can then be printed while it is made.
    public struct Frame: Sendable {
        /// Where a rule goes: above the header, below it, below the last row.
        public enum Rule: Sendable { case top, middle, bottom }

        /// Each column's width in terminal columns (its widest cell, header included).
        public var widths: [Int]
        public var alignments: [Alignment]
        public var unicode: Bool

        public init(widths: [Int], alignments: [Alignment], unicode: Bool = true) {
            self.widths = widths; self.alignments = alignments; self.unicode = unicode
        }

        /// A rule across the table.
        public func rule(_ position: Rule) -> String {
            let (l, m, r) = switch position {
            case .top: unicode ? ("┌", "┬", "┐") : ("+", "+", "+")
            case .middle: unicode ? ("├", "┼", "┤") : ("+", "+", "+")
            case .bottom: unicode ? ("└", "┴", "┘") : ("+", "+", "+")
            }
            let h = unicode ? "─" : "-"
            return l + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: m) + r
        }

        /// A row (or the header) of `cells`, one a column (missing ones empty), each padded to its column's width.
        public func line(_ cells: [String]) -> String {
            let v = unicode ? "│" : "|"
            return v + widths.indices.map { c in
                let cell = c < cells.count ? TextTable.flat(cells[c]) : ""
                return " " + TextTable.pad(cell, to: widths[c], c < alignments.count ? alignments[c] : .right) + " "
            }.joined(separator: v) + v
        }
    }

    /// Column `c`'s alignment: `alignments[c]` when given, else right for a column of numbers (`cells`), left otherwise.
    static func alignment(_ c: Int, of alignments: [Alignment], cells: [String]) -> Alignment {
        c < alignments.count ? alignments[c] : (isNumeric(cells) ? .right : .left)
    }

    /// The columns a column of `header` and `cells` adds to a rendered line: its widest cell (as `render` measures
    /// it) and three for the rule before it and the space either side. A line is 1 (its last rule) plus its columns'.
    public static func columnWidth(header: String, cells: [String]) -> Int {
        ([header] + cells).map(cellWidth).max().map { $0 + 3 } ?? 3
    }

    /// The columns `cell` takes in a rendered line (without the spaces either side): its width on one line.
    public static func cellWidth(_ cell: String) -> Int { flat(cell).columns }

    /// `s` padded with spaces to `width` columns.
    static func pad(_ s: String, to width: Int, _ alignment: Alignment) -> String {
        let gap = max(0, width - s.columns)
        switch alignment {
        case .left: return s + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + s
        case .center: return String(repeating: " ", count: gap / 2) + s + String(repeating: " ", count: gap - gap / 2)
        }
    }

    /// The cell text on one line.
    static func flat(_ s: String) -> String {
        s.contains(where: \.isNewline) ? String(s.map { $0.isNewline ? " " : $0 }) : s
    }

    /// True when at least one cell is a number and every other non-empty cell is a number or a missing mark.
    static func isNumeric(_ cells: [String]) -> Bool {
        var numbers = 0
        for raw in cells {
            let s = raw.withoutOuterSpaces
            if s.isEmpty || s == "—" || s == "-" { continue }
            let core = s.hasSuffix("%") ? String(s.dropLast()) : s
            guard Double(core) != nil else { return false }
            numbers += 1
        }
        return numbers > 0
    }
}
