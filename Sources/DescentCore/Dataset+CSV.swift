import DescentText
import Foundation

/// Datasets from comma-separated files: a header row of names, then one sample per row.
///
/// Every column except the target is a numeric feature. The target (the last column unless named) is a
/// regression target when all its values are numbers, unless a class task is asked for; text labels become
/// class ids in order of first appearance (2 labels: binary, more: multiclass), and numbers asked to be
/// classes become ids in ascending order of value. Errors name the file, the 1-based line and the column.
extension Dataset {
    /// Parses CSV `text`; `file` names it in errors and (its last path component) names the dataset.
    public static func csv(text: String, file: String, target: String? = nil, task: Task? = nil) throws(DataError) -> Dataset {
        let records = try CSVReader.records(text, file: file)
        guard let header = records.first else {
            throw DataError("\(file): the file is empty — expected a header row of column names, then one row per sample")
        }
        try checkHeader(header, file: file)
        let rows = records.dropFirst()
        guard !rows.isEmpty else { throw DataError("\(file): only a header (line \(header.line)), no data rows") }
        let names = header.fields
        if let bad = rows.first(where: { $0.fields.count != names.count }) {
            let n = bad.fields.count
            throw DataError("\(file):\(bad.line): row has \(n) field\(n == 1 ? "" : "s"), expected \(names.count) like the header")
        }
        let t = try targetColumn(target, names: names, file: file)
        var x = [Double]()
        x.reserveCapacity(rows.count * (names.count - 1))
        for row in rows {
            for (j, field) in row.fields.enumerated() {
                let location = CSVReader.location(file, line: row.line, column: j + 1, name: names[j])
                guard !field.isEmpty else { throw DataError("\(location): missing value — every field needs a value") }
                if j != t { x.append(try feature(field, column: j, rows: rows, at: location)) }
            }
        }
        let (y, resolved, classNames) = try targets(rows, column: t, names: names, file: file, task: task)
        var featureNames = names
        featureNames.remove(at: t)
        return Dataset(name: String(file.split(separator: "/").last ?? Substring(file)),
                       X: Tensor(shape: [rows.count, featureNames.count], data: x), y: Tensor(shape: [rows.count, 1], data: y),
                       task: resolved, featureNames: featureNames, targetName: names[t], classNames: classNames)
    }

    /// Checks the header: at least two columns, each named, no name twice.
    private static func checkHeader(_ header: CSVReader.Record, file: String) throws(DataError) {
        let names = header.fields
        guard names.count >= 2 else {
            let only = names.first ?? ""
            let hint = only.contains(";") ? " — the fields seem separated by ';'; use commas"
                : only.contains("\t") ? " — the fields seem separated by tabs; use commas" : ""
            throw DataError("\(file):\(header.line): the header has 1 column, need at least 2 (features, then a target)\(hint)")
        }
        for (j, name) in names.enumerated() {
            let location = CSVReader.location(file, line: header.line, column: j + 1, name: nil)
            guard !name.isEmpty else { throw DataError("\(location): empty column name — every column needs a name in the header") }
            if let first = names.firstIndex(of: name), first < j {
                throw DataError("\(location): duplicate column name '\(name.shortened())' (also column \(first + 1))")
            }
        }
    }

    /// The index of the target column: `target` by name, or the last column.
    private static func targetColumn(_ target: String?, names: [String], file: String) throws(DataError) -> Int {
        guard let target else { return names.count - 1 }
        if let j = names.firstIndex(of: target) { return j }
        let hint = Suggest.hint(target, in: names) ?? " — the columns are " + String.shortList(names)
        throw DataError("\(file): no column '\(target.shortened())'\(hint)", option: "target")
    }

    /// A feature value; a cell that is not a finite number is an error, worded for the whole column when no cell of it is a number.
    private static func feature(_ field: String, column j: Int, rows: ArraySlice<CSVReader.Record>,
                                at location: String) throws(DataError) -> Double {
        guard let v = number(field) else {
            if rows.allSatisfy({ number($0.fields[j]) == nil }) {
                throw DataError("\(location): the column holds text ('\(field.shortened())'), not numbers — features must be numeric; make it the target or remove it")
            }
            throw DataError("\(location): '\(field.shortened())' is not a number")
        }
        guard v.isFinite else { throw DataError("\(location): '\(field.shortened())' is not a finite number") }
        return v
    }

    /// The field as a decimal number (surrounding blanks allowed), or nil. Hexadecimal (`0x1A`, `0x1p3`), which
    /// Swift's parser also reads, is text here, as in the command language: `0xA` and `0xB` are class labels. So is
    /// text holding a NUL, at which Swift's parser would stop (`1\u{0}9` read as 1); the reader refuses those first.
    private static func number(_ field: String) -> Double? {
        let t = field.trimmingCharacters(in: .whitespaces)
        return t.contains { $0 == "x" || $0 == "X" || $0 == "\0" } ? nil : Double(t)
    }

    /// Target values (or class ids), the task they make, and the class names.
    private static func targets(_ rows: ArraySlice<CSVReader.Record>, column t: Int, names: [String], file: String,
                                task: Task?) throws(DataError) -> ([Double], Task, [String]) {
        let texts = rows.map { $0.fields[t] }
        let numbers = texts.map(number)
        let firstText = numbers.firstIndex { $0 == nil }
        let firstNonFinite = numbers.firstIndex { $0.map { !$0.isFinite } ?? false }
        func location(_ i: Int) -> String {
            CSVReader.location(file, line: rows[rows.startIndex + i].line, column: t + 1, name: names[t])
        }
        if firstText == nil, let i = firstNonFinite {
            throw DataError("\(location(i)): '\(texts[i].shortened())' is not a finite number")
        }
        if firstText == nil, task == nil || task == .regression {
            return (numbers.map { $0 ?? 0 }, .regression, [])
        }
        if task == .regression, let i = firstText {
            throw DataError("\(location(i)): '\(texts[i].shortened())' is not a number — a regression target must be numeric")
        }
        let labels: [String]
        if firstText == nil {
            labels = Array(Set(numbers.compactMap { $0 })).sorted().map(classLabel)
        } else {
            var seen = Set<String>()
            labels = texts.filter { seen.insert($0).inserted }
        }
        var ids: [String: Double] = [:]
        for (k, label) in labels.enumerated() { ids[label] = Double(k) }
        let keys = firstText == nil ? numbers.map { classLabel($0 ?? 0) } : texts
        let resolved = task ?? (labels.count == 2 ? .binary : .multiclass)
        try checkClasses(labels, task: resolved, target: names[t], file: file)
        return (keys.map { ids[$0] ?? 0 }, resolved, labels)
    }

    /// The name of a numeric class: whole numbers without a fraction.
    private static func classLabel(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }

    /// Checks that the labels make a classification of `task`: at least 2 classes, exactly 2 for binary.
    private static func checkClasses(_ labels: [String], task: Task, target: String, file: String) throws(DataError) {
        guard labels.count >= 2 else {
            throw DataError("\(file): target '\(target.shortened())' has only one class ('\((labels.first ?? "").shortened())') — a classifier needs at least 2")
        }
        if task == .binary && labels.count > 2 {
            let shown = labels.prefix(6).map { $0.shortened() }.joined(separator: ", ") + (labels.count > 6 ? ", …" : "")
            throw DataError("\(file): target '\(target.shortened())' has \(labels.count) classes (\(shown)), but binary needs exactly 2 — use multiclass")
        }
    }
}
