import DescentCore
import DescentLanguage
import DescentTerminal

/// `evaluate "test.csv"`: the current model on held-out rows read from a file, as Keras's `model.evaluate`.
extension Commands {
    /// Reads a CSV file with the training data's feature columns (by name, in any order) and target, standardises
    /// its features as the training part was (under `normalize`), and prints the data loss and metric there, with
    /// the confusion matrix for classification. Changes nothing: the session's data, model, history and undo are
    /// as they were, and `save session` leaves it out (it only reads).
    static func evaluate(_ w: Workspace, _ a: inout ArgReader) throws {
        let file = try a.fileName("CSV file", example: "test.csv"), at = a.lastSpan
        try a.finish(options: [])
        let t = try located(at) { try w.ensureTrainer() }
        let shown = Commands.shown(file), path = Commands.path(w, file)
        let text = try Commands.readText(path, name: shown, at: at, limit: w.readLimit,
                                         advice: "evaluate a part of it at a time") { e, offset in
            Dataset.csvLocation(ofByte: offset, in: e.bytes, file: shown)
        }
        let raw: Dataset
        do {
            raw = try Dataset.csv(text: text, file: shown, target: t.train.targetName, drop: w.droppedColumns, dropOnlyPresent: true,
                                 minimumClasses: 1) { !Interrupt.requested }
        } catch Dataset.csvStopped {
            w.out.pastEcho()
            throw ShellError("evaluate interrupted while reading \(shown); nothing changed")
        } catch {
            throw Diagnostic("\(error)", at: at)
        }
        let set = try located(at) { try heldOut(raw, like: t.train, file: shown) }
        let judge = Trainer(model: t.model, loss: t.loss, regularizer: t.regularizer, optimizer: t.optimizer,
                            train: set, validation: nil, batchSize: nil, rng: RNG(seed: 0))
        guard let e = judge.evaluateNow(until: { Interrupt.requested }) else {
            w.out.pastEcho()
            throw ShellError("evaluate interrupted while it evaluated \(shown); nothing changed")
        }
        let task = set.task, name = Metrics.name(for: task)
        var line = "evaluate \(shown): \(Format.counted(set.count, "sample")) at step \(t.stepCount) — loss \(Format.sig(e.trainLoss, 4))"
            + "  \(name) \(Report.metric(e.trainMetric, task: task, undefined: task == .regression && e.trainMetric.isNaN))"
        if set.standardization != nil { line += "  (features standardised with the training part's mean and std)" }
        w.out.print(line)
        if task == .regression && e.trainMetric.isNaN {
            w.out.print("note: n/a is an undefined R²: " + Report.constantTargets(set, set: "file") )
        }
        guard task.isClassification else { return }
        guard let (m, _) = judge.confusionMatrices(until: { Interrupt.requested }) else {
            w.out.pastEcho()
            throw ShellError("evaluate interrupted while it counted \(shown)'s confusion matrix; nothing changed")
        }
        w.out.print(Printer.confusion(m, classNames: set.classNames, title: shown, metric: "accuracy",
                                      width: Printer.tableWidth(w), noteWidth: w.outputWidth()))
    }

    /// `raw` (read from `file` with `train`'s target column) as rows of `train`: its feature columns picked by name
    /// in `train`'s order (the data's own columns under `features`, whose terms are then computed), its targets as `train`'s class ids (by class name, or class id for classes named by
    /// their numbers), its features standardised as `train`'s were. Errors name the column or the row and column.
    static func heldOut(_ raw: Dataset, like train: Dataset, file: String) throws -> Dataset {
        var columns: [Int] = []
        // Under `features` the file has the data's own columns, and the terms are computed from them.
        let inputs = train.inputNames
        for name in inputs {
            guard let j = raw.featureNames.firstIndex(of: name) else {
                throw ShellError("\(file) has no column '\(name.shortened())', a feature of the training data (its features: "
                                 + "\(DataCommand.listed(inputs)))")
            }
            columns.append(j)
        }
        if let extra = raw.featureNames.first(where: { !inputs.contains($0) }) {
            throw ShellError("\(file)'s column '\(extra.shortened())' is not a feature of the training data (its features: "
                             + "\(DataCommand.listed(inputs)); target '\(train.targetName.shortened())') — drop it from the file")
        }
        let n = raw.count, f = columns.count
        var x = [Double](repeating: 0, count: n * f)
        for i in 0..<n { for (k, j) in columns.enumerated() { x[i * f + k] = raw.X.data[i * raw.featureCount + j] } }
        let y = try heldOutTargets(raw, like: train, file: file)
        var set = Dataset(name: file, X: Tensor(shape: [n, f], data: x), y: Tensor(shape: [n, 1], data: y), task: train.task,
                          featureNames: inputs, targetName: train.targetName, classNames: train.classNames)
        set.origin = raw.origin
        if let map = train.featureMap {
            set = set.derived(by: map)
            if let k = set.X.data.firstIndex(where: { !$0.isFinite }) {
                throw ShellError("\(file)'s row \(k / map.terms.count) gives feature \(map.names[k % map.terms.count].shortened()) the value "
                                 + "\(Format.short(set.X.data[k])), which the model cannot read")
            }
        }
        let fx = set.featureCount, xs = set.X.data
        if let std = train.standardization {
            let scaled = std.apply(set.X)
            if let k = scaled.data.firstIndex(where: { !$0.isFinite }) {
                throw ShellError("\(file)'s row \(k / fx) cannot be standardised: its value \(Format.sig(xs[k], 4)) of feature "
                                 + "'\(train.featureNames[k % fx].shortened())' is so far from the training part's mean that "
                                 + "(x − mean) / std overflows")
            }
            set.X = scaled
            set.standardization = std
        }
        return set
    }

    /// `raw`'s targets as `train`'s: numbers for regression; else each row's class (its label, or its number
    /// written as a whole number) as the id of the training class of that name.
    private static func heldOutTargets(_ raw: Dataset, like train: Dataset, file: String) throws -> [Double] {
        let where_ = { (i: Int) in raw.origin.map { " at \($0.targetLocation(row: i))" } ?? " in row \(i)" }
        guard train.task.isClassification else {
            guard raw.task == .regression else {
                throw ShellError("\(file)'s target '\(train.targetName.shortened())' holds text ('\(raw.classNames.first?.shortened() ?? "")'); "
                                 + "the training data's is a number to predict")
            }
            return raw.y.data
        }
        var ids: [String: Int] = [:], numbered: [Double: Int] = [:]
        for (k, name) in train.classNames.enumerated() {
            ids[name] = k
            // A label that reads as a number (`1.0`, or a class id's `1`) is that number in a file of numbers.
            if let x = Double(name), x.isFinite, numbered[x] == nil { numbered[x] = k }
        }
        return try (0..<raw.count).map { i in
            let v = raw.y.data[i]
            if raw.task == .regression, let id = numbered[v] { return Double(id) }
            let label = raw.task == .regression ? (v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : Format.sig(v, 17))
                : raw.classNames[Int(v)]
            guard let id = ids[label] else {
                throw ShellError("\(file)'s class '\(label.shortened())'\(where_(i)) is not a class of the training data "
                                 + "(\(DataCommand.listed(train.classNames)))")
            }
            return Double(id)
        }
    }
}
