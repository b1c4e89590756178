import DescentCore

/// Checks that the model's output, the loss and the data's task fit together, and says what would.
enum Fit {
    static func check(spec: ModelSpec, loss: Loss, data: Dataset) throws {
        // The loss reads the last dense layer's output (its logits where it has its activation fused in);
        // a dropout after it would hand the loss dropped-out probabilities instead.
        if case .dropout? = spec.layers.last {
            throw ShellError("the model ends in a dropout layer: dropout goes between hidden layers, and the last layer must be dense — `layer pop` removes it")
        }
        // Numbered as `show model` numbers them: dense layers only.
        var number = 0
        for case let .dense(units, act, _, _) in spec.layers {
            number += 1
            if units == 1, act == .softmax {
                throw ShellError("layer \(number) is a softmax over 1 unit, which is always 1, so nothing behind it can learn — use `layer dense 1 sigmoid` for one probability, or more units")
            }
        }
        let out = spec.outputSize, act = spec.outputActivation ?? .linear
        let k = data.classNames.count
        switch (data.task, loss) {
        case (.regression, .bce), (.regression, .ce), (.regression, .hinge):
            throw ShellError("\(loss) needs class targets, but '\(data.targetName)' is a regression target — use mse, mae or huber")
        case (.regression, _):
            if out != 1 { throw ShellError("a regression target needs 1 output; the last layer has \(out) — end with `layer dense 1`") }
        case (.multiclass, .bce), (.multiclass, .hinge):
            // Ids 1 and 2 (counted from 1) make 3 classes, one of them empty: two classes to recode.
            let counts = data.classCounts(), present = counts.indices.filter { counts[$0] > 0 }
            if present.count == 2, let empty = DataCommand.emptyClasses(counts) {
                throw ShellError("\(loss) is for two classes, the ids 0 and 1; '\(data.targetName)' holds the ids \(present[0]) and \(present[1]) (\(empty)) — recode them as 0 and 1, or use ce on \(k) outputs: \(classHead(spec, classes: k, loss: loss))")
            }
            throw ShellError("\(loss) is for two classes; the data has \(k) — use ce on \(k) outputs: \(classHead(spec, classes: k, loss: loss))")
        case (.multiclass, .ce), (.binary, .ce):
            if out != k {
                // Ids counted from 1 (1, 2, 3) make class 0 an empty fourth: the outputs are one more than the labels.
                let counts = data.classCounts()
                let from1 = counts.first == 0 && !counts.dropFirst().contains(0)
                    ? " (class 0 has no rows: the ids count from 0 — recoded as 0–\(k - 2), \(k - 1) outputs would do)" : ""
                let bce = k == 2 && out == 1 && act == .sigmoid ? ", or keep this model with `loss bce`" : ""
                throw ShellError("ce on \(k) classes needs \(k) outputs; the last layer has \(out) — \(ending(spec, "layer dense \(k) softmax"))\(from1)\(bce)")
            }
            // ce reads logits and applies its own softmax; a sigmoid's outputs, squeezed into (0, 1), would pass for them.
            if act == .sigmoid {
                throw ShellError("ce reads logits (it applies a softmax itself), but the last layer is sigmoid, whose outputs in (0, 1) would be read as logits — \(ending(spec, "layer dense \(k) softmax")) (or linear)" + (k == 2 ? ", or use bce with `layer dense 1 sigmoid`" : ""))
            }
        case (.multiclass, _):
            if let (label, row) = data.textAmongNumbers() {
                throw ShellError("\(loss) compares values, but '\(data.targetName)' was read as \(k) class labels because it holds text ('\(label.shortened())'\(DataCommand.at(data, row: row))) among its numbers — fix or drop the rows whose target is not a number")
            }
            throw ShellError("\(loss) compares values, but the data has \(k) classes — use ce on \(k) outputs: \(classHead(spec, classes: k, loss: loss))")
        case (.binary, .bce):
            if out != 1 { throw ShellError("bce needs 1 output (the probability of class 1); the last layer has \(out) — \(ending(spec, "layer dense 1 sigmoid"))") }
            if act != .sigmoid { throw ShellError("bce reads a sigmoid output; the last layer is \(act) — end with `layer dense 1 sigmoid` (or use hinge with a linear output)") }
        case (.binary, .hinge):
            if out != 1 { throw ShellError("hinge on two classes needs 1 output; the last layer has \(out) — end with `layer dense 1`, or use ce with `layer dense 2`") }
            if neverNegative(act) {
                throw ShellError("hinge reads a score whose sign is the class, but a \(act) output is never below 0, so every sample would be class 1 — end with `layer dense 1` (linear) or tanh, or use bce with a sigmoid")
            }
        case (.binary, _):
            if out != 1 { throw ShellError("\(loss) on two classes needs 1 output; the last layer has \(out) — end with `layer dense 1`, or use ce with `layer dense 2`") }
        }
    }

    /// Whether the model's last layer reads as its output layer, which a fix replaces (`layer pop` first), rather than a
    /// hidden layer still to be followed by one: a dense layer of sigmoid, softmax or no activation.
    static func endsInOutputLayer(_ spec: ModelSpec) -> Bool {
        guard case .dense(_, let act, _, _)? = spec.layers.last else { return false }
        return act == .sigmoid || act == .softmax || act == .linear
    }

    /// How to end the model with `layer` (`layer dense 3 softmax`): `layer pop; layer dense 3 softmax` in backquotes when
    /// the last layer is an output layer to replace, else `end with` it.
    static func ending(_ spec: ModelSpec, _ layer: String) -> String {
        endsInOutputLayer(spec) ? "replace the last layer: `layer pop; \(layer)`" : "end with `\(layer)`"
    }

    /// The commands that give `k` classes a head ce reads, in backquotes: `layer pop; layer dense 3 softmax; loss ce`
    /// (no `layer pop` when the last layer is a hidden one; no layer when it has `k` outputs ce can read; no `loss ce`
    /// under ce).
    static func classHead(_ spec: ModelSpec, classes k: Int, loss: Loss) -> String {
        var commands: [String] = []
        let fits = spec.outputSize == k && spec.outputActivation != .sigmoid && endsInOutputLayer(spec)
        if !fits {
            if endsInOutputLayer(spec) { commands.append("layer pop") }
            commands.append("layer dense \(k) softmax")
        }
        if loss != .ce { commands.append("loss ce") }
        return "`" + commands.joined(separator: "; ") + "`"
    }

    /// Whether `act`'s output is never below 0 (under hinge every sample would then be class 1).
    static func neverNegative(_ act: Activation) -> Bool {
        switch act {
        case .sigmoid, .relu, .softplus, .softmax: return true
        case .leakyRelu(let slope): return slope <= 0
        case .elu(let alpha): return alpha <= 0
        case .linear, .tanh, .gelu: return false
        }
    }

    /// The most values (parameters plus activations and gradients) a session may hold: 2.5·10⁸ doubles, 2 GB.
    static let maxValues = 250_000_000

    /// Refuses a model whose parameters and buffers would not fit in memory, before anything is allocated.
    static func checkSize(spec: ModelSpec, samples: Int) throws {
        let values = baseValues(spec, samples: samples)
        if values > maxValues {
            // Past 8 blocks of rows the graphs stop growing with the data: only narrower layers help then.
            let fix = samples > 8 * Trainer.defaultBlockRows
                ? "narrow the layers (rows past \(8 * Trainer.defaultBlockRows) do not count: training and evaluation run \(Trainer.defaultBlockRows) rows at a time)"
                : "keep layers and data smaller"
            let (need, most) = gigabytes(values, beside: maxValues)
            throw ShellError("this model is too large: \(spec.parameterCount) parameters and \(samples) samples need about \(need) GB, over the \(most) GB a session may hold — \(fix)")
        }
    }

    /// Refuses a pass by hand (`forward`, `explain`, `gradcheck`) on a batch of `rows` rows that would not fit: it runs
    /// the whole batch in one graph, where `step` and `train` run a batch of more than a block a block at a time.
    static func checkHandPass(spec: ModelSpec, samples: Int, rows: Int) throws {
        guard rows > Trainer.defaultBlockRows else { return }
        let values = baseValues(spec, samples: samples) + rows * graphWidths(spec)
        if values > maxValues {
            let (need, most) = gigabytes(values, beside: maxValues)
            throw ShellError("stepping by hand runs the whole batch of \(rows) rows in one graph, which would need about \(need) GB with this model (at most \(most) GB) — `batch \(Trainer.defaultBlockRows)` or fewer rows for stepping by hand; `step` and `train` run such a batch \(Trainer.defaultBlockRows) rows at a time")
        }
    }

    /// Values a session holds for `spec` on `samples` rows: the parameters, their gradients and optimizer state, and
    /// the graphs of the step and of the full sets' evaluation, each at most a block of rows at a time (both sets'
    /// evaluation graphs and a blocked step's lanes: at most 8 blocks; for data of one block, twice its rows).
    static func baseValues(_ spec: ModelSpec, samples: Int) -> Int {
        let rows = samples <= Trainer.defaultBlockRows ? 2 * samples : 8 * Trainer.defaultBlockRows
        return 3 * spec.parameterCount + rows * graphWidths(spec)
    }

    /// Values a graph of `spec` holds per row: the input, and each layer's matmul, bias, activation (or dropout)
    /// outputs, each with a gradient.
    static func graphWidths(_ spec: ModelSpec) -> Int {
        var width = spec.inputSize, widths = spec.inputSize
        for layer in spec.layers {
            if case let .dense(units, _, _, _) = layer { width = units }
            widths += width * 4
        }
        return widths
    }

    /// `values` doubles in GB, to one decimal (`2.3`).
    static func gigabytes(_ values: Int) -> String { gigabytes(values, decimals: 1) }

    /// `values` and `limit` doubles in GB, to one decimal, or to as many more (up to four) as it takes for them to read
    /// apart: `2.0` against `2.0` would say a size over the limit is not.
    static func gigabytes(_ values: Int, beside limit: Int) -> (String, String) {
        for d in 1...4 where gigabytes(values, decimals: d) != gigabytes(limit, decimals: d) || d == 4 {
            return (gigabytes(values, decimals: d), gigabytes(limit, decimals: d))
        }
        return (gigabytes(values), gigabytes(limit))
    }

    /// `values` doubles in GB to `decimals` decimals.
    private static func gigabytes(_ values: Int, decimals: Int) -> String { String(format: "%.\(decimals)f", Double(values) * 8 / 1e9) }
}
