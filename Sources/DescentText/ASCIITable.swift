/// A table drawn with box-drawing lines (`TextTable`'s) redrawn in ASCII for a locale that is not UTF-8: its cells
/// spelled in ASCII (`String.asciiSpelled`), which can make a cell wider (`…` is `...`, `θ` is `theta`), so each
/// column is widened to its widest cell and the rules with it, the cells keeping their alignment.
public enum ASCIITable {
    /// Whether `line` (after any indentation) is the top rule of a box-drawn table (`┌──┬──┐`).
    public static func isTop(_ line: String) -> Bool { body(line).first == "┌" }

    /// Whether `line` (after any indentation) is the bottom rule of a box-drawn table (`└──┴──┘`).
    public static func isBottom(_ line: String) -> Bool { body(line).first == "└" }

    /// Whether `line` (after any indentation) is a line of a box-drawn table: a rule or a row.
    public static func isPart(_ line: String) -> Bool { body(line).first.map { "┌├└│".contains($0) } ?? false }

    /// `lines` — a box-drawn table from its top rule, to its bottom rule or as far as it came — in ASCII. Lines that
    /// are not the table's (another number of columns) are only spelled in ASCII.
    public static func spelled(_ lines: [String]) -> [String] {
        guard let top = lines.first, isTop(top) else { return lines.map(\.asciiSpelled) }
        // The columns' widths, rules included, from the top rule's runs of `─` between its junctions.
        let widths = body(top).dropFirst().dropLast().split(separator: "┬", omittingEmptySubsequences: false).map(\.count)
        let rows: [[String]?] = lines.map { line in
            let b = body(line)
            guard b.first == "│" else { return nil }
            return cells(b, widths: widths)?.map(\.asciiSpelled)
        }
        var newWidths = widths, rightAligned = Array(repeating: false, count: widths.count)
        for row in rows.compactMap({ $0 }) {
            for (c, cell) in row.enumerated() {
                let core = cell.withoutOuterSpaces
                newWidths[c] = max(newWidths[c], core.columns + 2)
                let leading = cell.prefix { $0 == " " }.count
                if !core.isEmpty && leading > 1 && cell.hasSuffix(" ") && !cell.hasSuffix("  ") { rightAligned[c] = true }
            }
        }
        return zip(lines, rows).map { line, row in
            let indent = String(line.prefix { $0 == " " })
            if let row {
                return indent + "|" + row.enumerated().map { c, cell in
                    let core = cell.withoutOuterSpaces, gap = String(repeating: " ", count: max(0, newWidths[c] - 2 - core.columns))
                    return " " + (rightAligned[c] ? gap + core : core + gap) + " "
                }.joined(separator: "|") + "|"
            }
            let b = body(line)
            guard let first = b.first, "┌├└".contains(first) else { return line.asciiSpelled }
            return indent + "+" + newWidths.map { String(repeating: "-", count: $0) }.joined(separator: "+") + "+"
        }
    }

    /// `line` without its indentation.
    private static func body(_ line: String) -> Substring { line.drop { $0 == " " } }

    /// The cells of the content line `line` (`│ a │ b │`), each `widths[i]` columns wide with its margins; nil when
    /// the line does not have those columns.
    private static func cells(_ line: Substring, widths: [Int]) -> [String]? {
        var rest = line.dropFirst(), cells: [String] = []
        for width in widths {
            var cell = "", used = 0
            while used < width, let ch = rest.first {
                cell.append(ch); used += ch.columns; rest = rest.dropFirst()
            }
            guard used == width, rest.first == "│" else { return nil }
            cells.append(cell)
            rest = rest.dropFirst()
        }
        return rest.isEmpty ? cells : nil
    }
}
