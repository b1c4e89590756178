/// Samples to learn from: features `X` [n, f], targets `y` [n, 1] (values, or class ids 0..k-1 as Double), and names.
public struct Dataset: Equatable, Sendable {
    /// What the data is, for display (`spiral n=400 noise=0.2 classes=3`, `iris.csv`).
    public var name: String
    /// Features, one row per sample: [n, f].
    public var X: Tensor
    /// Targets, one per sample: [n, 1].
    public var y: Tensor
    public var task: Task
    public var featureNames: [String]
    public var targetName: String
    /// Names of the classes by id; empty for regression.
    public var classNames: [String]
    /// The standardisation `X` went through (`standardized(by:)`), nil for raw features: new inputs given in
    /// the data's raw units go through it too.
    public var standardization: Standardizer?
    /// For data read from a CSV file, the file, target column and each row's line, for errors about its values.
    public var origin: CSVOrigin?
    /// For some of the data's rows in another order (a split's part), the row of the whole data each one is, as
    /// `show data` numbers them; nil for the data's own rows.
    public var rowIDs: [Int]?
    /// For data whose features are terms computed from its columns (`derived(by:)`), the terms; nil for features that
    /// are the data's own columns.
    public var featureMap: FeatureMap?
    /// With `featureMap`, the columns' raw values [n, map.inputs.count], which inputs in the data's units (`predict`, the
    /// map's grid) are given as.
    public var rawInputs: Tensor?

    /// The row of the whole data that row `i` is (`rowIDs`).
    public func dataRow(_ i: Int) -> Int { rowIDs?[i] ?? i }

    /// A dataset from parts already known to agree (shapes [n, f] and [n, 1]); no checks.
    public init(name: String, X: Tensor, y: Tensor, task: Task,
                featureNames: [String], targetName: String, classNames: [String]) {
        self.name = name; self.X = X; self.y = y; self.task = task
        self.featureNames = featureNames; self.targetName = targetName; self.classNames = classNames
    }

    /// A dataset from feature rows and target values typed by a person, checked: rows of equal length,
    /// one target per row, finite numbers, and for classification whole class ids (see `classCount`). Errors name
    /// rows and entries from 0, as `show data` numbers the rows (`X[2]`, `X[0,1]`, `y[1]`).
    /// Feature names default to x1, x2, …; class names to "0", "1", ….
    public init(name: String = "inline", rows: [[Double]], targets: [Double], task: Task,
                featureNames: [String]? = nil, targetName: String = "y", classNames: [String]? = nil) throws(DataError) {
        guard let width = rows.first?.count else { throw DataError("X has no rows — give at least one sample", option: "X") }
        guard width > 0 else { throw DataError("X rows are empty — each sample needs at least one feature", option: "X") }
        for (i, row) in rows.enumerated() {
            if row.count != width {
                throw DataError("X[\(i)] has \(row.count) value\(row.count == 1 ? "" : "s"), expected \(width) like X[0]", option: "X")
            }
            if let j = row.firstIndex(where: { !$0.isFinite }) {
                throw DataError("X[\(i),\(j)] is \(Format.short(row[j])) — features must be finite numbers", option: "X")
            }
        }
        guard targets.count == rows.count else {
            throw DataError("y has \(targets.count) value\(targets.count == 1 ? "" : "s") but X has \(rows.count) row\(rows.count == 1 ? "" : "s") — give one target per row",
                            option: "y")
        }
        if let i = targets.firstIndex(where: { !$0.isFinite }) {
            throw DataError("\(targetName)[\(i)] is \(Format.short(targets[i])) — targets must be finite numbers", option: "y")
        }
        let names = featureNames ?? (1...width).map { "x\($0)" }
        guard names.count == width else {
            throw DataError("\(names.count) feature names given for \(width) features")
        }
        var classes: [String] = []
        if task.isClassification {
            let k = try Dataset.classCount(of: targets, task: task, declared: classNames?.count, name: targetName)
            classes = classNames ?? (0..<k).map(String.init)
        }
        self.init(name: name, X: Tensor(shape: [rows.count, width], data: rows.flatMap { $0 }),
                  y: Tensor(shape: [targets.count, 1], data: targets), task: task,
                  featureNames: names, targetName: targetName, classNames: classes)
    }

    /// The number of classes of class-id targets, after checking each is a whole number 0..k-1
    /// (0 or 1 for binary; below `declared` when the class names are known). Errors name a target as
    /// `name[i]`, counting from 0 as `show data` numbers rows, or, for CSV data (`origin`), by its file line and column.
    public static func classCount(of targets: [Double], task: Task, declared: Int? = nil, name: String = "y",
                                  origin: CSVOrigin? = nil) throws(DataError) -> Int {
        if task == .binary, let declared, declared != 2 {
            throw DataError("binary data has 2 classes, but \(declared) class names were given")
        }
        // "y[i] is V, PROBLEM", or "file:line, column c 'name': V is IN THE FILE" for CSV data.
        func error(_ i: Int, _ v: Double, _ problem: String, inFile: String) -> DataError {
            guard let origin else { return DataError("\(name)[\(i)] is \(Format.short(v)), \(problem)") }
            return DataError("\(origin.targetLocation(row: i)): \(Format.short(v)) is \(inFile)")
        }
        let limit = task == .binary ? 2 : declared
        for (i, v) in targets.enumerated() {
            guard v >= 0, v == v.rounded() else {
                let rule = "class targets are whole numbers 0, 1, …, k-1"
                throw error(i, v, "not a class id — \(rule)", inFile: "not a class id — \(rule)")
            }
            guard v < Double(Dataset.maxClasses) else {
                let rule = "class ids go up to \(Dataset.maxClasses - 1) (at most \(Dataset.maxClasses) classes)"
                throw error(i, v, "not a class id — \(rule)", inFile: "not a class id — \(rule)")
            }
            if let limit, v >= Double(limit) {
                let allowed = task == .binary ? "binary targets are 0 or 1" : "with \(limit) classes the ids are 0…\(limit - 1)"
                throw error(i, v, "but \(allowed)", inFile: "not a class id here — \(allowed)")
            }
        }
        let k = limit ?? (Int(targets.max() ?? 0) + 1)
        guard k >= 2 else {
            let only = "has only class 0 — a classifier needs at least 2 classes"
            throw DataError(origin.map { "\($0.file): target '\($0.targetName)' \(only)" } ?? "\(name) \(only)")
        }
        return k
    }

    /// The number of classes when the targets are read as class ids 0…k−1, as a classification loss reads numbers;
    /// an error names the first target that is not one (see `classCount`).
    public func classIDCount() throws(DataError) -> Int {
        try Dataset.classCount(of: y.data, task: .multiclass, name: targetName, origin: origin)
    }

    /// The most classes a classification target may have (class ids 0 … maxClasses − 1).
    public static let maxClasses = 10_000

    /// Number of samples.
    public var count: Int { X.rows }
    /// Number of features per sample.
    public var featureCount: Int { X.cols }

    /// Copies rows `rows` into `x` ([rows.count, featureCount]) and their targets into `y`; allocates nothing.
    public func copyRows(_ rows: Range<Int>, x: UnsafeMutablePointer<Double>, y yOut: UnsafeMutablePointer<Double>) {
        let f = featureCount
        X.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeBufferPointer { ys in
                guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return }
                x.update(from: xBase + rows.lowerBound * f, count: rows.count * f)
                yOut.update(from: yBase + rows.lowerBound, count: rows.count)
            }
        }
    }

    /// Copies the rows at `indices` (in that order) into `x` ([indices.count, featureCount]) and their
    /// targets into `y`; allocates nothing. The indices must be valid rows.
    public func copyRows(_ indices: ArraySlice<Int>, x: UnsafeMutablePointer<Double>, y yOut: UnsafeMutablePointer<Double>) {
        let f = featureCount
        X.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeBufferPointer { ys in
                guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return }
                // Each run of consecutive rows (an unshuffled full batch is one) is copied at once. Index
                // loops, because `for i in indices` allocates per element in unoptimised builds.
                var r = 0, k = indices.startIndex
                while k < indices.endIndex {
                    let first = indices[k]
                    var length = 1
                    while k + length < indices.endIndex && indices[k + length] == first + length { length += 1 }
                    (x + r * f).update(from: xBase + first * f, count: length * f)
                    (yOut + r).update(from: yBase + first, count: length)
                    r += length; k += length
                }
            }
        }
    }

    /// The rows at `indices` as a new dataset named `name` (standardised as these are).
    func subset(_ indices: ArraySlice<Int>, name: String) -> Dataset {
        var d = Dataset(name: name, X: X.gatherRows(Array(indices)), y: y.gatherRows(Array(indices)), task: task,
                        featureNames: featureNames, targetName: targetName, classNames: classNames)
        d.standardization = standardization
        d.origin = origin?.rows(indices)
        d.rowIDs = indices.map(dataRow)
        d.featureMap = featureMap
        d.rawInputs = rawInputs?.gatherRows(Array(indices))
        return d
    }
}
