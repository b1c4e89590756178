extension TextTable {
    /// The table as tables of consecutive columns that each fit in `width` terminal columns, the first `repeating`
    /// columns (the rows' labels) before each one's own, as pandas prints a wide frame: as many columns go in each as
    /// fit (at least one, so that a column too wide on its own still gets a table). This table alone when it fits.
    public func columnGroups(within width: Int, repeating: Int) -> [TextTable] {
        let count = max(headers.count, rows.map(\.count).max() ?? 0)
        let cell = { (row: [String], c: Int) in c < row.count ? row[c] : "" }
        let widths = (0..<count).map { c in TextTable.columnWidth(header: cell(headers, c), cells: rows.map { cell($0, c) }) }
        let fixed = 1 + widths.prefix(repeating).reduce(0, +)
        guard count > repeating, fixed + widths.dropFirst(repeating).reduce(0, +) > width else { return [self] }
        var groups: [[Int]] = [], group: [Int] = [], used = fixed
        for c in repeating..<count {
            if !group.isEmpty && used + widths[c] > width { groups.append(group); group = []; used = fixed }
            group.append(c)
            used += widths[c]
        }
        groups.append(group)
        // Each column keeps the alignment it has in the whole table (a right-aligned column of numbers stays so).
        let aligns = (0..<count).map { c in TextTable.alignment(c, of: alignments, cells: rows.map { TextTable.flat(cell($0, c)) }) }
        return groups.map { own in
            let columns = Array(0..<min(repeating, count)) + own
            return TextTable(headers: headers.isEmpty ? [] : columns.map { cell(headers, $0) }, rows: rows.map { row in columns.map { cell(row, $0) } },
                             alignments: columns.map { aligns[$0] }, unicode: unicode)
        }
    }
}
