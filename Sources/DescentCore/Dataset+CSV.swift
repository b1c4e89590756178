import DescentText
import Foundation

/// Datasets from comma-separated files: a header row of names, then one sample per row.
///
/// Every column except the target and those dropped is a numeric feature. The target (the last column that is not
/// dropped, unless named) is a
/// regression target when all its values are numbers; text labels become class ids in order of first appearance, or in
/// the order of `classes` when given (2 labels: binary, more: multiclass). (A class loss reads numbers as class ids itself: `Dataset.classIDCount`.)
/// Errors name the file, the 1-based line and the column.
extension Dataset {
    /// Thrown by `csv` when `shouldContinue` said no.
    public static let csvStopped = DataError("stopped before the end of the file")

    /// Parses CSV `text`; `file` names it in errors and (its last path component) names the dataset.
    /// `shouldContinue` is asked every few thousand rows; when it answers false, `csv` throws `csvStopped`. A target of
    /// text needs `minimumClasses` labels (held-out rows, which are matched to a training set's classes, may have one).
    /// The columns named in `drop` are left out unread (text, or missing values, there are no error); each must be in the
    /// header unless `dropOnlyPresent`, which drops those that are there (held-out rows shaped like the training file).
    /// `classes` names a text target's classes in id order (pandas' categories): every label must be among them, and a
    /// class no row has is kept (its id has no rows); errors about it have the option `classes`.
    public static func csv(text: String, file: String, target: String? = nil, drop: [String] = [], dropOnlyPresent: Bool = false,
                           classes: [String]? = nil, minimumClasses: Int = 2,
                           shouldContinue: () -> Bool = { true }) throws(DataError) -> Dataset {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(DataError) in
                try csv(bytes: bytes, file: file, target: target, drop: drop, dropOnlyPresent: dropOnlyPresent,
                        classes: classes, minimumClasses: minimumClasses, shouldContinue: shouldContinue)
            }
        }
        return try result.get()
    }

    /// The rows asked about between two calls of `shouldContinue`.
    private static let rowsBetweenChecks = 4096

    /// `csv(text:…)` on the text's UTF-8 bytes, in two passes: the first reads the structure (quotes, the
    /// header, how many rows and that each is as wide as the header), the second the values.
    private static func csv(bytes: UnsafeBufferPointer<UInt8>, file: String, target: String?, drop: [String], dropOnlyPresent: Bool,
                            classes: [String]?, minimumClasses: Int, shouldContinue: () -> Bool) throws(DataError) -> Dataset {
        if let classes { try checkClasses(classes, minimumClasses: minimumClasses) }
        var reader = CSVReader(bytes, file: file)
        guard let headerLine = try reader.next() else {
            throw DataError("\(file): the file is empty — expected a header row of column names, then one row per sample")
        }
        let names = reader.header ?? []   // the first record, kept by the reader to name columns in its errors
        var rowCount = 0
        var ragged: (line: Int, count: Int)?
        while let line = try reader.next() {
            if rowCount % rowsBetweenChecks == 0, !shouldContinue() { throw csvStopped }
            rowCount += 1
            if ragged == nil, reader.count != names.count { ragged = (line, reader.count) }
        }
        try checkHeader(names, line: headerLine, file: file)
        guard rowCount > 0 else { throw DataError("\(file): only a header (line \(headerLine)), no data rows") }
        if let (line, n) = ragged {
            throw DataError("\(file):\(line): row has \(n) field\(n == 1 ? "" : "s"), expected \(names.count) like the header")
        }
        let dropped = try droppedColumns(drop, names: names, file: file, onlyPresent: dropOnlyPresent)
        let t = try targetColumn(target, names: names, dropped: dropped, drop: drop, file: file)
        let featureCount = names.count - 1 - dropped.filter { $0 }.count
        guard featureCount > 0 else {
            throw DataError("\(file): dropping \(drop.count == 1 ? "that column" : "those columns") leaves no feature — only the target "
                            + "'\(names[t].shortened())' is left; keep at least one column besides it", option: "drop")
        }

        reader = CSVReader(bytes, file: file)
        _ = try reader.next()
        var x = [Double]()
        x.reserveCapacity(rowCount * featureCount)
        var texts = [String](), numbers = [Double?](), lines = [Int]()
        texts.reserveCapacity(rowCount); numbers.reserveCapacity(rowCount); lines.reserveCapacity(rowCount)
        var row = 0
        while let line = try reader.next() {
            if row % rowsBetweenChecks == 0, !shouldContinue() { throw csvStopped }
            for j in 0..<names.count where !dropped[j] {
                func location() -> String { CSVReader.location(file, line: line, column: j + 1, name: names[j]) }
                guard !reader.isEmpty(j) else { throw DataError("\(location()): missing value — every field needs a value") }
                if j == t {
                    texts.append(reader.string(j)); numbers.append(reader.withField(j, number)); lines.append(line)
                } else if let v = reader.withField(j, number) {
                    guard v.isFinite else { throw DataError("\(location()): '\(reader.string(j).shortened())' is not a finite number") }
                    x.append(v)
                } else {
                    let field = reader.string(j)
                    // Every cell above this one in the column was a number; below it, any may be.
                    var text = row == 0
                    while text, try reader.next() != nil { text = reader.withField(j, number) == nil }
                    if text {
                        throw DataError("\(location()): the column holds text ('\(field.shortened())'), not numbers — features must be numeric; make it the target (target=\(names[j].shortened())) or leave it out (drop=\(names[j].shortened()))")
                    }
                    throw DataError("\(location()): '\(field.shortened())' is not a number — \(numberForms)")
                }
            }
            row += 1
        }
        let origin = CSVOrigin(file: file, targetColumn: t + 1, targetName: names[t], lines: lines, classesListed: classes != nil)
        let (y, resolved, classNames) = try targets(texts, numbers, origin: origin, classes: classes, minimumClasses: minimumClasses)
        let featureNames = names.indices.filter { $0 != t && !dropped[$0] }.map { names[$0] }
        var d = Dataset(name: String(file.split(separator: "/").last ?? Substring(file)),
                        X: Tensor(shape: [rowCount, featureNames.count], data: x), y: Tensor(shape: [rowCount, 1], data: y),
                        task: resolved, featureNames: featureNames, targetName: names[t], classNames: classNames)
        d.origin = origin
        return d
    }

    /// How numbers are written, for an error about a cell that is not one (`0x10`, `1d5`, `5%`, `1_000`).
    static let numberForms = "write numbers like 42, -0.5, .5 or 1e-3"

    /// Checks the header: at least two columns, each named, no name twice.
    private static func checkHeader(_ names: [String], line: Int, file: String) throws(DataError) {
        guard names.count >= 2 else {
            let only = names.first ?? ""
            let hint = only.contains(";") ? " — the fields seem separated by ';'; use commas"
                : only.contains("\t") ? " — the fields seem separated by tabs; use commas"
                : only.contains(" ") ? " — the fields seem separated by spaces; use commas" : ""
            throw DataError("\(file):\(line): the header has 1 column, need at least 2 (features, then a target)\(hint)")
        }
        // Each name's first column, looked up rather than searched for: a header of 100,000 columns is checked at once.
        var firstColumn: [String: Int] = [:]
        firstColumn.reserveCapacity(names.count)
        for (j, name) in names.enumerated() {
            let location = CSVReader.location(file, line: line, column: j + 1, name: nil)
            guard !name.isEmpty else { throw DataError("\(location): empty column name — every column needs a name in the header") }
            if let first = firstColumn[name] {
                throw DataError("\(location): duplicate column name '\(name.shortened())' (also column \(first + 1))")
            }
            firstColumn[name] = j
        }
    }

    /// The index of the target column: `target` by name, or the last column not `dropped` (`drop` as given, for messages).
    private static func targetColumn(_ target: String?, names: [String], dropped: [Bool], drop: [String],
                                     file: String) throws(DataError) -> Int {
        guard let target else {
            guard let last = names.indices.last(where: { !dropped[$0] }) else {
                throw DataError("\(file): every column is dropped — keep a target and at least one feature", option: "drop")
            }
            return last
        }
        if let j = names.firstIndex(of: target) {
            if dropped[j] {
                throw DataError("\(file): '\(target.shortened())' is the target, so it cannot be dropped too — remove it from drop=",
                                option: "drop", element: drop.firstIndex(of: target))
            }
            return j
        }
        let hint = Suggest.hint(target, in: names) ?? " — the columns are " + String.shortList(names)
        throw DataError("\(file): no column '\(target.shortened())'\(hint)", option: "target")
    }

    /// Which of the columns `names` the list `drop` leaves out; a name the header lacks (unless `onlyPresent`), or one
    /// given twice, is an error naming it, with the columns there are.
    private static func droppedColumns(_ drop: [String], names: [String], file: String, onlyPresent: Bool) throws(DataError) -> [Bool] {
        var dropped = [Bool](repeating: false, count: names.count)
        guard !drop.isEmpty else { return dropped }
        var column: [String: Int] = [:]
        for (j, name) in names.enumerated() { column[name] = j }
        for (k, name) in drop.enumerated() {
            guard let j = column[name] else {
                if onlyPresent { continue }
                let columns = "the columns are " + String.shortList(names)
                let hint = Suggest.hint(name, in: names).map { "\($0) (\(columns))" } ?? " — \(columns)"
                throw DataError("\(file): no column '\(name.shortened())' to drop\(hint)", option: "drop", element: k)
            }
            guard !dropped[j] else {
                throw DataError("\(file): column '\(name.shortened())' is dropped twice — name it once", option: "drop", element: k)
            }
            dropped[j] = true
        }
        return dropped
    }

    /// The field as a decimal number (surrounding blanks allowed), or nil. Hexadecimal (`0x1A`, `0x1p3`), which
    /// Swift's parser also reads, is text here, as in the command language: `0xA` and `0xB` are class labels. So is
    /// text holding a NUL, at which Swift's parser would stop (`1\u{0}9` read as 1); the reader refuses those first.
    static func number(_ field: String) -> Double? {
        let t = field.trimmingCharacters(in: .whitespaces)
        return t.contains { $0 == "x" || $0 == "X" || $0 == "\0" } ? nil : Double(t)
    }

    /// Whether every one of a header's `names` reads as a number: a file without a header row, whose first sample
    /// was taken for the column names.
    public static func headerIsNumbers(_ names: [String]) -> Bool {
        !names.isEmpty && names.allSatisfy { number($0) != nil }
    }

    /// `number(_:)` of a field's UTF-8 bytes, without making a String for a plain decimal (`-1.25`, `3e-2`).
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var start = field.startIndex, end = field.endIndex
        while start < end, field[start] == space || field[start] == tab { start += 1 }
        while end > start, field[end - 1] == space || field[end - 1] == tab { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: field[start..<end])
        if let v = plainDecimal(trimmed) { return v }
        // Non-ASCII text (blanks such as U+00A0 that `number(_:)` trims): the String path, rare.
        if trimmed.contains(where: { $0 >= 0x80 }) { return number(String(decoding: field, as: UTF8.self)) }
        // Longer decimals (17 significant digits, as numpy and pandas write), or not decimals at all: Swift's
        // parser on the trimmed text, without Foundation's trimming; hexadecimal is text (see `number(_:)`).
        guard !trimmed.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == 0 }) else { return nil }
        return Double(String(decoding: trimmed, as: UTF8.self))
    }

    /// Exact powers of ten, 10⁰ through 10²² (the largest a Double holds exactly).
    private static let exactPowersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                                     1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// `[+-]digits[.digits][e[+-]digits]` whose digits make a whole number m ≤ 2⁵³ and whose power of ten p is
    /// within ±22, else nil (for `Double(_:)` to read). m and 10^|p| are exact Doubles, so m · 10^p (or m / 10^−p) in
    /// one rounding is the nearest Double to the decimal, which is what `Double(_:)` gives: the same bits.
    private static func plainDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let zero = UInt8(ascii: "0"), n = b.count
        var k = 0, negative = false
        if k < n, b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "+") { negative = b[k] == UInt8(ascii: "-"); k += 1 }
        var m: UInt64 = 0, significant = 0, power = 0, digits = 0
        var inFraction = false
        while k < n {
            let c = b[k]
            if c == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else if c &- zero < 10 {
                if m != 0 || c != zero { significant += 1 }
                guard significant <= 19 else { return nil }
                m = m &* 10 &+ UInt64(c &- zero)
                digits += 1
                if inFraction { power -= 1 }
            } else {
                break
            }
            k += 1
        }
        guard digits > 0 else { return nil }
        if k < n, b[k] == UInt8(ascii: "e") || b[k] == UInt8(ascii: "E") {
            k += 1
            var exponentNegative = false, exponent = 0, exponentDigits = 0
            if k < n, b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "+") { exponentNegative = b[k] == UInt8(ascii: "-"); k += 1 }
            while k < n, b[k] &- zero < 10, exponentDigits < 4 {
                exponent = exponent * 10 + Int(b[k] &- zero)
                exponentDigits += 1
                k += 1
            }
            guard exponentDigits > 0 else { return nil }
            power += exponentNegative ? -exponent : exponent
        }
        guard k == n, m <= 1 << 53, abs(power) <= 22 else { return nil }
        let v = power < 0 ? Double(m) / exactPowersOfTen[-power] : Double(m) * exactPowersOfTen[power]
        return negative ? -v : v
    }

    /// Checks a `classes=` list: no name twice, and enough names for a classifier.
    private static func checkClasses(_ classes: [String], minimumClasses: Int) throws(DataError) {
        var first: [String: Int] = [:]
        for (k, name) in classes.enumerated() {
            if let j = first[name] {
                throw DataError("class '\(name.shortened())' is listed twice in classes= (also name \(j + 1) of the list) — name it once",
                                option: "classes", element: k)
            }
            first[name] = k
        }
        guard classes.count >= minimumClasses else {
            throw DataError("classes= lists one class ('\((classes.first ?? "").shortened())') — a classifier needs at least 2",
                            option: "classes")
        }
    }

    /// Target values (or class ids), the task they make, and the class names: numbers make a regression target, any
    /// text makes every value a class label, numbered in the order of `classes` when given, else of first appearance.
    private static func targets(_ texts: [String], _ numbers: [Double?], origin: CSVOrigin, classes: [String]?,
                                minimumClasses: Int) throws(DataError) -> ([Double], Task, [String]) {
        let target = "'\(origin.targetName.shortened())'"
        guard numbers.contains(where: { $0 == nil }) else {
            if classes != nil {
                throw DataError("\(origin.file): classes= names the classes of a target of text labels, and \(target) holds numbers "
                                + "(a regression target, or class ids under ce, bce or hinge, whose ids are their values) — leave classes= out",
                                option: "classes")
            }
            if let i = numbers.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) {
                throw DataError("\(origin.targetLocation(row: i)): '\(texts[i].shortened())' is not a finite number")
            }
            return (numbers.map { $0 ?? 0 }, .regression, [])
        }
        var ids: [String: Double] = [:]
        if let classes {
            for (k, label) in classes.enumerated() { ids[label] = Double(k) }
            if let i = texts.firstIndex(where: { ids[$0] == nil }) {
                let label = texts[i], near = Suggest.nearest(label, in: classes)
                let hint = near.map { " — did you mean '\(label.shortened())' for '\($0.shortened())' in classes=?" }
                    ?? " — list every label of the column in classes="
                throw DataError("\(origin.targetLocation(row: i)): the label '\(label.shortened())' is not among the classes given "
                                + "(\(String.shortList(classes)))\(hint)", option: "classes", element: near.flatMap { classes.firstIndex(of: $0) })
            }
            return (texts.map { ids[$0] ?? 0 }, classes.count <= 2 ? .binary : .multiclass, classes)
        }
        var seen = Set<String>()
        let labels = texts.filter { seen.insert($0).inserted }
        guard labels.count >= minimumClasses else {
            throw DataError("\(origin.file): target \(target) has only one class ('\((labels.first ?? "").shortened())') — a classifier needs at least 2")
        }
        for (k, label) in labels.enumerated() { ids[label] = Double(k) }
        return (texts.map { ids[$0] ?? 0 }, labels.count <= 2 ? .binary : .multiclass, labels)
    }
}
