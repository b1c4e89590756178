import DescentCore
import DescentPlot
import DescentText

/// `show data`: the data set's description, then its first rows as a table, made a row at a time so that a table of a
/// million rows starts printing once its columns are measured, and Ctrl-C is heard while they are.
extension Printer {
    /// `show data`'s table of the first rows, its columns measured but its rows not yet made: `line(k)` makes line k
    /// (top rule, header, rule, the rows, bottom rule), each as `TextTable.render` would have it.
    struct DataTable {
        /// The rows the table shows.
        let rows: Int
        /// The lines before the first row (top rule, header, rule); none when there are no rows.
        let head: [String]
        /// The lines after the last row: the bottom rule (when there are rows), then notes on rows and features left out.
        let tail: [String]
        /// Makes row i's line.
        let row: (Int) -> String
    }

    /// The dataset's description: name, task, sizes, features (the first 20 named), classes, split, and its
    /// normalization when `normalize` is on.
    static func dataDescription(_ d: Dataset, workspace w: Workspace) -> [String] {
        var lines = ["data: \(d.name) — \(Format.counted(d.count, "sample")), \(Format.counted(d.featureCount, "feature")), task \(d.task)"]
        lines.append("features: \(DataCommand.listed(d.featureNames))")
        if let terms = w.featureTerms {
            lines.append("the model reads: \(DataCommand.listed(terms: terms)), computed from these columns (`features`); "
                         + "the table shows the data's own columns" + (w.normalize ? ", the statistics below the model's features" : ""))
        }
        let idsOnly = d.classNames.enumerated().allSatisfy { $0.element == String($0.offset) }
        let more = d.classNames.count > listedClasses ? ", … \(d.classNames.count - listedClasses) more" : ""
        let classes = d.classNames.isEmpty ? ""
            : idsOnly ? " (class ids 0–\(d.classNames.count - 1), read as classes under \(w.loss.map { "\($0)" } ?? "the loss"))"
            : " (classes: " + d.classNames.prefix(listedClasses).enumerated()
                .map { "\($0.offset)=\(DataCommand.listed([$0.element]))" }.joined(separator: ", ") + more + ")"
        lines.append("target: \(DataCommand.listed([d.targetName]))" + classes)
        if !d.classNames.isEmpty {
            let counts = d.classCounts()
            lines.append("class counts: " + counts.prefix(listedClasses).map(String.init).joined(separator: ", ") + more)
        }
        if let f = w.splitFraction {
            let n = Int(f * Double(d.count))
            lines.append("split: \(n) training, \(d.count - n) validation")
        }
        if w.normalize {
            let (n, constant) = w.normalizationAndConstantFeatures()
            lines += normalization(n, trainingRows: w.trainingRows(of: d), constant: constant, width: tableWidth(w))
        }
        return lines
    }

    /// The table of the dataset's first `rows` rows, keeping to `tableWidth` columns by leaving out the features
    /// beyond those that fit. Measuring the columns takes a pass over the rows, which asks `stop` as it goes: nil when
    /// it answers true.
    static func dataTable(_ d: Dataset, workspace w: Workspace, rows: Int = dataRows, stop: () -> Bool) -> DataTable? {
        let width = tableWidth(w)
        let shown = min(d.count, rows)
        let cut = { (name: String) in name.shortened() }
        // A class's label is made once, not once a row.
        let classLabels = d.classNames.indices.map { label(d, Double($0)) }
        let target = { (i: Int) -> String in
            let v = d.y.data[i]
            if let k = Int(exactly: v), classLabels.indices.contains(k) { return classLabels[k] }
            return label(d, v)
        }
        let cell = { (i: Int, j: Int) in Format.sig(d.X[i, j], 5) }
        // A column's width (as `TextTable.columnWidth` counts it), or nil when `stop` said so on the way.
        func measure(header: String, _ width: (Int) -> Int) -> Int? {
            var widest = TextTable.cellWidth(header)
            for i in 0..<shown {
                if i % 1024 == 0 && stop() { return nil }
                widest = max(widest, width(i))
            }
            return widest + 3
        }
        // Row numbers grow to the last; a label (ASCII, or a class's, measured once) is measured without being made.
        let numberColumn = max(1, String(max(0, shown - 1)).utf8.count) + 3
        let classWidths = classLabels.map(TextTable.cellWidth)
        guard let targetColumn = measure(header: cut(d.targetName), { i in
            let v = d.y.data[i]
            if let k = Int(exactly: v), classWidths.indices.contains(k) { return classWidths[k] }
            return Format.sigWidth(v, 6)
        }) else { return nil }
        var measured: [Int] = [], stopped = false
        let kept = columnsThatFit(d.featureCount, beside: 1 + numberColumn + targetColumn, within: width) { j in
            guard !stopped, let w = measure(header: cut(d.featureNames[j]), { Format.sigWidth(d.X[$0, j], 5) }) else {
                stopped = true
                return 0
            }
            measured.append(w)
            return w
        }
        if stopped || stop() { return nil }
        let left = d.featureCount - kept
        var tail: [String] = []
        if d.count > shown { tail.append("… \(Format.counted(d.count - shown, "more row")) (`show data N` shows the first N, `show data all` every one)") }
        if left > 0 { tail.append("… \(Format.counted(left, "more feature")) not shown (the table keeps to \(width) columns)") }
        guard shown > 0 else { return DataTable(rows: 0, head: [], tail: tail, row: { _ in "" }) }
        let widths = [numberColumn] + measured.prefix(kept) + (left > 0 ? [TextTable.columnWidth(header: "…", cells: [])] : []) + [targetColumn]
        let frame = TextTable.Frame(widths: widths.map { $0 - 3 }, alignments: Array(repeating: .right, count: widths.count))
        let header = ["#"] + d.featureNames.prefix(kept).map(cut) + (left > 0 ? ["…"] : []) + [cut(d.targetName)]
        return DataTable(rows: shown, head: [frame.rule(.top), frame.line(header), frame.rule(.middle)],
                         tail: [frame.rule(.bottom)] + tail,
                         row: { i in frame.line([String(i)] + (0..<kept).map { cell(i, $0) } + (left > 0 ? ["…"] : []) + [target(i)]) })
    }
}
