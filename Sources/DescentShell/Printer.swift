import DescentCore
import DescentPlot

/// Turns workspace state into the text a person reads.
enum Printer {
    /// A table: layer, output shape, activation, parameters, with totals.
    static func model(_ m: Model, loss: Loss?, regularizer: Regularizer) -> String {
        var rows: [[String]] = [["input", "[·, \(m.spec.inputSize)]", "", "0"]]
        var k = 0, width = m.spec.inputSize
        for layer in m.spec.layers {
            switch layer {
            case let .dense(units, act, bias, _):
                k += 1
                let count = width * units + (bias ? units : 0)
                rows.append(["dense \(k)", "[·, \(units)]", act.description, "\(count)  (W\(k) \(width)×\(units)\(bias ? ", b\(k) \(units)" : ""))"])
                width = units
            case .dropout(let p):
                rows.append(["dropout p=\(Format.short(p))", "[·, \(width)]", "", "0"])
            }
        }
        var lines = TextTable(headers: ["layer", "output", "activation", "parameters"], rows: rows,
                              alignments: [.left, .left, .left, .right]).render()
        lines.append("total: \(m.parameterCount) parameters in \(m.parameters.count) tensors · model \(m.spec.summary)")
        if let loss { lines.append("loss: \(loss) — \(loss.formula)") }
        if !regularizer.isNone { lines.append("regularize: \(regularizer) — penalty \(regularizer.formula) on weights") }
        return lines.joined(separator: "\n")
    }

    /// The most columns `show data`'s table takes: beyond, features are left out (the first ones kept).
    /// Significant digits of the numbers in printed tensors, unless `digits=` asks for others (up to 17, every digit
    /// a Double has).
    static let digits = 4

    static let dataTableWidth = 120

    /// The columns tables may take: the terminal's width up to `dataTableWidth` (that width when output is not a
    /// terminal), and at least 40.
    static func tableWidth(_ w: Workspace) -> Int { min(dataTableWidth, max(40, w.outputWidth() ?? dataTableWidth)) }
    /// The most classes (and class counts) `show data` lists one by one.
    static let listedClasses = 20

    /// The rows `show data` shows without a count.
    static let dataRows = 5

    /// How many of `count` columns fit in `within` columns, in order, beside columns that take `fixed` (the table's
    /// border included), column j taking `width(j)`: the first always, the others while they and a `…` column for
    /// those left out fit.
    static func columnsThatFit(_ count: Int, beside fixed: Int, within limit: Int, width: (Int) -> Int) -> Int {
        let ellipsis = TextTable.columnWidth(header: "…", cells: [])
        var used = fixed, kept = 0
        while kept < count {
            let w = width(kept), rest = kept + 1 < count ? ellipsis : 0
            if kept > 0 && used + w + rest > limit { break }
            used += w
            kept += 1
        }
        return kept
    }

    /// `show data`'s lines on `normalize`: each feature's mean and std on the training part (of `trainingRows` rows),
    /// a column a feature, kept to `width` columns as the data's table is; then the `constant` features.
    static func normalization(_ n: Normalization?, trainingRows: Int, constant: [Int], width: Int = dataTableWidth) -> [String] {
        guard let n else { return ["normalize: on (the training part's mean and std, once its split can be made)"] }
        var lines = ["normalize: on — x becomes (x − mean) / std, by the training part's (\(Format.counted(trainingRows, "row"))) mean and population std:"]
        let cut = { (name: String) in name.shortened() }
        let column = { (j: Int) in [Format.sig(n.mean[j], 6), Format.sig(n.std[j], 6)] }
        let fixed = 1 + TextTable.columnWidth(header: "", cells: ["mean", "std"])
        let kept = columnsThatFit(n.features.count, beside: fixed, within: width) {
            TextTable.columnWidth(header: cut(n.features[$0]), cells: column($0))
        }
        let left = n.features.count - kept, columns = (0..<kept).map(column)
        let rows = ["mean", "std"].enumerated().map { i, name in [name] + columns.map { $0[i] } + (left > 0 ? ["…"] : []) }
        lines += TextTable(headers: [""] + n.features.prefix(kept).map(cut) + (left > 0 ? ["…"] : []), rows: rows,
                           alignments: [.left] + Array(repeating: .right, count: kept + (left > 0 ? 1 : 0))).render()
        if left > 0 { lines.append("… \(Format.counted(left, "more feature")) not shown (the table keeps to \(width) columns)") }
        if !constant.isEmpty {
            let names = DataCommand.listed(constant.map { n.features.indices.contains($0) ? n.features[$0] : "x\($0 + 1)" })
            lines.append("constant on the training part, so std 1 and always 0 after: \(names)")
        }
        return lines
    }

    /// A target value, with its class name when there is one other than the class id itself.
    static func label(_ d: Dataset, _ v: Double) -> String {
        guard let k = Int(exactly: v), d.classNames.indices.contains(k) else { return Format.sig(v, 6) }
        return d.classNames[k] == String(k) ? String(k) : "\(k) (\(d.classNames[k].shortened()))"
    }

    /// Every setting of the session.
    static func config(_ w: Workspace) -> String {
        var lines: [String] = []
        lines.append("seed        \(w.seed)")
        lines.append("data        " + (w.data.map { "\(w.dataSource)  (\($0.count) samples)" } ?? "none"))
        lines.append("split       " + (w.splitFraction.map { Format.short($0) } ?? "none"))
        lines.append("features    " + (w.featureTerms.map { "\(DataCommand.listed(terms: $0))  (computed from the data's columns)" }
                                       ?? "the data's own columns"))
        lines.append("normalize   " + (w.normalize ? "on  (each feature's mean and std: show data)" : "off"))
        lines.append("batch       " + w.batch.description(training: w.data.map(w.trainingRows)))
        lines.append("layers      " + (w.layers.isEmpty ? "none" : w.layers.map(\.description).joined(separator: " | ")))
        lines.append("loss        " + (w.loss?.description ?? "none"))
        lines.append("regularize  \(w.regularizer)")
        // Under a schedule, the rate set (its base); the schedule's line gives the next step's.
        let lr = w.statedRate
        lines.append("optimizer   \(optimizerText(w.optimizerKind)) lr=\(Format.rate(lr))")
        // `schedule`'s own line names the command (`schedule linear …`), which this line's label says already.
        let schedule = w.schedule == nil ? "none" : Commands.scheduleText(w)
        lines.append("schedule    " + (schedule.hasPrefix("schedule ") ? String(schedule.dropFirst("schedule ".count)) : schedule))
        if let k = w.evaluationInterval {
            lines.append("evaluate    every \(k == 1 ? "step" : "\(k) steps") (train … every=K)")
        } else {
            lines.append("evaluate    about 200 times a train run, at most once every ⌈rows / (3 × batch)⌉ steps")
        }
        lines.append("break       nan (always)" + (w.breakGradNorm.map { ", gradnorm > \(Format.short($0))" } ?? ""))
        lines.append("watch       " + (w.watches.isEmpty ? "none" : w.watches.map(\.text).joined(separator: ", ")))
        lines.append("steps       \(w.stepCount)")
        return lines.joined(separator: "\n")
    }

    /// `adam beta1=0.9 beta2=0.999 eps=1e-08`
    static func optimizerText(_ k: OptimizerKind) -> String {
        ([k.name] + k.settings.filter(\.isStated).map { "\($0.name)=\(Format.short($0.value))" } + (k.isNesterov ? ["nesterov=true"] : []))
            .joined(separator: " ")
    }

    /// A node's name, op, shape and value: small tensors in full, large ones as shape and min/mean/max.
    static func node(_ n: Node, gradient: Bool = false, digits: Int = 8) -> String {
        let t = gradient ? n.gradTensor : n.valueTensor
        let label = gradient ? "dL/d\(n.name)" : n.name
        if n.shape.isEmpty { return "\(label) = \(Format.sig(t.data.first ?? .nan, digits))" }
        if t.count <= 24 { return "\(label) \(t.shapeDescription) =\n\(indent(t.formatted()))" }
        return "\(label) \(t.shapeDescription): " + summary(t.data) + "   (`show \(n.name)` for all values\(gradient ? " and the gradient" : ""))"
    }

    /// The mask a dropout node applied, as the formula `D = A ⊙ mask / (1 − p)` has it: `mask [3, 2] (1 kept, 0 dropped;
    /// 4 of 6 kept) =` and its entries when few, else the count alone; in evaluation mode, that none was applied. Nil
    /// when p is 0.
    static func dropoutMask(_ n: Node, p: Double, training: Bool) -> String? {
        guard p > 0, let mask = keepFlags(n) else { return nil }
        guard training else { return "no mask: evaluation mode applies no dropout (\(n.name) = its input)" }
        let head = "mask \(mask.shapeDescription) (1 kept, 0 dropped; \(Int(mask.data.reduce(0, +))) of \(mask.count) kept)"
        return mask.count <= 24 ? head + " =\n" + indent(mask.formatted()) : head
    }

    /// A dropout node's mask as keep flags, 1 kept and 0 dropped (the graph holds them scaled by 1/(1 − p)).
    static func keepFlags(_ n: Node) -> Tensor? {
        n.maskTensor.map { Tensor(shape: $0.shape, data: $0.data.map { $0 != 0 ? 1 : 0 }) }
    }

    /// `min -0.52  mean 0.013  max 0.97`, to `digits` significant digits.
    static func summary(_ v: [Double], digits: Int = 4) -> String {
        guard !v.isEmpty else { return "empty" }
        let mean = v.reduce(0, +) / Double(v.count)
        return "min \(Format.sig(v.min() ?? .nan, digits))  mean \(Format.sig(mean, digits))  max \(Format.sig(v.max() ?? .nan, digits))"
    }

    static func indent(_ s: String, by n: Int = 2) -> String {
        let pad = String(repeating: " ", count: n)
        return s.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}
