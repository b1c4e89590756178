import DescentCore
import DescentPlot
import DescentText

/// What the model predicts: for inputs a person typed, and over the data sets (confusion matrices).
extension Printer {
    /// The most classes whose probabilities `predict` lists one by one.
    static let probabilityColumns = 10
    /// The most features whose typed values `predict` repeats beside its outputs (digits' 64 would not fit).
    static let inputColumns = 8
    /// The most classes a confusion matrix is drawn for; beyond, each class gets a row of figures instead.
    static let matrixClasses = 20
    /// The columns `predict`'s table and a confusion matrix keep to when not told (`tableWidth` when output is no terminal).
    static let matrixWidth = 120

    /// A table of `inputs` and the outputs of `g`'s last forward pass on them, read for `d`'s task: the
    /// predicted value(s); for two classes on one output, the probability of the second class (or the score)
    /// and the class; otherwise the class, its probability and, for a few classes, every class's. The table keeps
    /// to `limit` columns (`matrixWidth`, or the terminal's width when narrower), taking the first of these that
    /// fits: classes by name with the inputs repeated
    /// (for up to `inputColumns` features); classes by id, with a key below, when some name is wider than a
    /// cell; the same two without the inputs; and last, by id without the inputs, only the first classes'
    /// probabilities, a `…` column standing for the rest. Returns the lines; nil when `shouldContinue` turned false
    /// while the table was being made (Ctrl-C: thousands of rows take a while).
    static func predictions(_ g: Graph, inputs: [[Double]], data d: Dataset, width limit: Int = matrixWidth,
                            shouldContinue: () -> Bool = { true }) -> [String]? {
        let canRepeat = d.inputCount <= inputColumns
        let idsNarrower = d.classNames.contains { $0.columns > 7 }
        var layouts: [(byID: Bool, repeatsInputs: Bool)] = []
        for repeats in canRepeat ? [true, false] : [false] {
            layouts.append((false, repeats))
            if idsNarrower { layouts.append((true, repeats)) }
        }
        let width = { (table: [String]) in table.map(\.columns).max() ?? 0 }
        var chosen = layouts[layouts.count - 1]
        var table: [String] = []
        for layout in layouts {
            guard let made = predictionTable(g, inputs: inputs, data: d, byID: layout.byID, repeatsInputs: layout.repeatsInputs,
                                             shouldContinue: shouldContinue) else { return nil }
            table = made
            chosen = layout
            if width(table) <= limit { break }
        }
        // Still too wide: as many classes' probabilities as fit (at least none), then `…`.
        let listed = d.classNames.count <= probabilityColumns && g.output.cols > 1 ? d.classNames.count : 0
        var shown = listed
        while width(table) > limit && shown > 0 {
            shown -= 1
            guard let made = predictionTable(g, inputs: inputs, data: d, byID: chosen.byID, repeatsInputs: chosen.repeatsInputs,
                                             probabilities: shown, shouldContinue: shouldContinue) else { return nil }
            table = made
        }
        var notes: [String] = []
        if chosen.byID { notes += classKey(d.classNames, width: limit) }
        if !chosen.repeatsInputs {
            notes.append(canRepeat ? "(the inputs are not repeated, to keep the table within \(limit) columns; rows are numbered from 0 as typed)"
                                   : "(the inputs are not repeated: \(Format.counted(d.inputCount, "feature")); rows are numbered from 0 as typed)")
        }
        if shown < listed {
            notes.append("… the probabilities of \(Format.counted(listed - shown, "more class", plural: "more classes")) not shown (the table keeps to \(limit) columns)")
        }
        return table + notes
    }

    /// `predictions`' table, its classes named (`0 (setosa)`, `P(setosa)`) or, `byID`, given by id (`0`, `P(0)`), with
    /// the inputs when `repeatsInputs`; the probability of each of the first `probabilities` classes (all by default,
    /// when there are at most `probabilityColumns`), a `…` column standing for any others; nil when `shouldContinue`
    /// turned false between rows.
    private static func predictionTable(_ g: Graph, inputs: [[Double]], data d: Dataset, byID: Bool, repeatsInputs: Bool,
                                        probabilities limit: Int? = nil, shouldContinue: () -> Bool) -> [String]? {
        let out = g.output, cols = out.cols, k = d.classNames.count
        let listed = k <= probabilityColumns ? min(k, limit ?? k) : 0, cut = k <= probabilityColumns && listed < k
        let className = { (c: Int) in byID ? String(c) : Printer.className(d.classNames, c) }
        let classLabel = { (c: Int) in byID ? String(c) : label(d, Double(c)) }
        var headers = ["row"] + (repeatsInputs ? d.inputNames : [])
        switch d.task {
        case .regression: headers += cols == 1 ? ["predicted \(d.targetName)"] : (0..<cols).map { "predicted \(d.targetName)[\($0)]" }
        case _ where cols == 1:
            let probability = Metrics.classProbabilities(g, row: 0) != nil
            headers += [probability ? "P(\(d.classNames.count > 1 ? className(1) : "1"))" : "score", d.targetName]
        default: headers += [d.targetName, "probability"] + (0..<listed).map { "P(\(className($0)))" } + (cut ? ["…"] : [])
        }
        var rows: [[String]] = []
        for (i, x) in inputs.enumerated() {
            guard shouldContinue() else { return nil }
            var row = ["\(i)"] + (repeatsInputs ? x.map(\.plainText) : [])   // as typed: 1700000099, not 1.7e+09
            let values = (0..<cols).map { out.value[i * cols + $0] }
            let c = Metrics.predictedClass(g, row: i), probabilities = Metrics.classProbabilities(g, row: i) ?? []
            let probability = { (j: Int) in probabilities.indices.contains(j) ? Format.sig(probabilities[j], 6) : "—" }
            switch d.task {
            case .regression: row += values.map { Format.sig($0, 6) }
            case _ where cols == 1: row += [probabilities.isEmpty ? Format.sig(values[0], 6) : probability(1), classLabel(c)]
            default: row += [classLabel(c), probability(c)] + (0..<listed).map(probability) + (cut ? ["…"] : [])
            }
            rows.append(row)
        }
        return TextTable(headers: headers, rows: rows).render()
    }

    /// Which class each id is, `classes: 0 setosa, 1 versicolor, 2 virginica`: on one line when it fits in `width`
    /// columns, else one class a line.
    static func classKey(_ names: [String], width: Int) -> [String] {
        let ids = names.enumerated().map { "\($0.offset) \($0.element.shortened())" }
        let oneLine = "classes: " + ids.joined(separator: ", ")
        return oneLine.columns <= width ? [oneLine] : ["classes:"] + ids.map { "  " + $0 }
    }

    /// Class `c`'s name from `names`, cut to 40 characters as quoted names are; its id when it has none.
    static func className(_ names: [String], _ c: Int) -> String { names.indices.contains(c) ? names[c].shortened() : String(c) }

    /// A confusion matrix under its title: rows are the true classes, columns the predicted ones, with
    /// each class's samples and recall, a row of precisions, and then `metric` (accuracy, val_accuracy) as
    /// `expect` measures it. Beyond `matrixClasses` classes, a row of figures per class instead. The table keeps to
    /// `width` columns, taking the first of these that fits: classes by name; the columns by class id, each row giving
    /// its id and name (when some name is wider than a cell); rows by id too, with a key below; and then the columns in
    /// parts, each beside the rows' classes. The title is wrapped to `noteWidth` (nil: not wrapped).
    static func confusion(_ m: ConfusionMatrix, classNames names: [String], title: String, metric: String, width: Int = matrixWidth,
                          noteWidth: Int? = nil) -> String {
        let percent = { (x: Double?) in x.map { Report.metric($0, task: .multiclass) } ?? "—" }
        let k = m.classes, name = { (c: Int) in Printer.className(names, c) }
        // Names no wider than a cell (`100.0%`) would not narrow the table by becoming ids.
        let wide = (0..<k).contains { name($0).columns > 7 }
        var head = "\(title) (\(Format.counted(m.total, "sample"))): rows are the true class, columns the predicted one"
        // Each layout: the table, and what the title and the key say of it.
        var layouts: [(table: TextTable, note: String, keyed: Bool)] = []
        if k <= matrixClasses {
            func table(_ head: (Int) -> String, _ rowName: (Int) -> String) -> TextTable {
                var rows = (0..<k).map { t in [rowName(t)] + (0..<k).map { String(m[t, $0]) } + [String(m.support[t]), percent(m.recall(t))] }
                rows.append(["precision"] + (0..<k).map { percent(m.precision($0)) } + ["", ""])
                return TextTable(headers: ["true \\ predicted"] + (0..<k).map(head) + ["samples", "recall"], rows: rows)
            }
            layouts.append((table(name, name), "", false))
            if wide {
                layouts.append((table(String.init, { "\($0) \(name($0))" }), "columns by class id", false))
                layouts.append((table(String.init, String.init), "columns and rows by class id, named below", true))
            }
        } else {
            head = "\(title) (\(Format.counted(m.total, "sample")), \(k) classes: too many for a matrix, so one row each)"
            func table(_ label: (Int) -> String) -> TextTable {
                let rows = (0..<k).map { c in
                    [label(c), String(m.support[c]), String(m[c, c]), percent(m.recall(c)), String(m.predicted[c]), percent(m.precision(c))]
                }
                return TextTable(headers: ["class", "samples", "right", "recall", "predicted", "precision"], rows: rows)
            }
            layouts.append((table(name), "", false))
            if wide { layouts.append((table(String.init), "classes by id, named below", true)) }
        }
        let chosen = layouts.first { ($0.table.render().first?.columns ?? 0) <= width } ?? layouts[layouts.count - 1]
        let parts = chosen.table.columnGroups(within: width, repeating: 1)
        let notes = [chosen.note, parts.count > 1 ? "in \(parts.count) parts, to fit \(width) columns" : ""].filter { !$0.isEmpty }
        if !notes.isEmpty { head += " (\(notes.joined(separator: "; ")))" }
        var lines = head.wrapped(width: noteWidth) + parts.flatMap { $0.render() }
        if chosen.keyed { lines += classKey((0..<k).map(name), width: width) }
        lines.append("\(metric) \(percent(m.accuracy)) (\(m.correct) of \(m.total))")
        return lines.joined(separator: "\n")
    }
}
