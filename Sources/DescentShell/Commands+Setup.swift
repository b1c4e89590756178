import DescentCore
import DescentLanguage
import DescentText

/// Commands that set up data, model, loss, regularizer and optimizer.
extension Commands {
    static let setup: [CommandSpec] = [
        CommandSpec("seed", ["seed N"], "seed the data generators, initial weights, shuffles and dropout",
                    handler: seed),
        CommandSpec("data", DataCommand.generatorForms + ["data csv \"FILE\" [target=COLUMN] [drop=COLUMN|drop=[COLUMN,…]] [classes=[NAME,…]]",
                             "data X=[[…],…] y=[…]"],
                    "load or generate the dataset", keywords: DataCommand.generators + ["csv"], handler: DataCommand.run),
        CommandSpec("split", ["split FRACTION   (the training fraction: split 0.8 trains on 80% and validates on 20%)", "split none"],
                    "keep a training fraction of the samples and hold out the rest for validation (seeded shuffle)",
                    keywords: ["none"], handler: split),
        CommandSpec("normalize", ["normalize [on|off]"], "standardise features, fitted on the training part",
                    keywords: ["on", "off"], handler: normalize),
        CommandSpec("features", ["features TERM…   (TERM: NAME, NAME^2, NAME^3, NAME*NAME, sin(NAME), cos(NAME); NAME a column of the data)",
                                 "features off   (the data's own columns)", "features   (alone: print the features the model reads)"],
                    "compute the model's inputs from the data's columns, as TensorFlow Playground's feature inputs",
                    keywords: ["off", "sin", "cos"], handler: features),
        CommandSpec("batch", ["batch N", "batch full"], "minibatch size (full = the whole training set; by default full up to 4096 training rows, else 32)",
                    keywords: ["full"], handler: batch),
        CommandSpec("layer", ["layer dense UNITS [ACTIVATION] [bias=false] [init=NAME] [slope=X] [alpha=X]",
                              "    (ACTIVATION: \(activationForm); slope= is leaky_relu's, alpha= elu's)",
                              "    (init=NAME: \(initializerForm))",
                              "    (init=uniform low=A high=B, init=normal mean=M std=S, init=constant value=C)",
                              "layer dropout P",
                              "layer insert K dense UNITS [ACTIVATION] [options of layer dense]   (the new layer becomes layer K)",
                              "layer replace K dense UNITS [ACTIVATION] [options of layer dense]",
                              "layer remove K",
                              "    (K counts the dense layers as show model does: layer K has WK and bK; dropout layers are not counted)",
                              "layer insert K dropout P | layer replace K dropout P | layer remove K dropout   (the dropout just before layer K)",
                              "layer pop [N]   (remove the last N layers, 1 by default)", "layer clear"],
                    "add, insert, replace or remove layers",
                    keywords: layerKinds + Activation.names, handler: layer),
        CommandSpec("loss", ["loss mse|mae|huber|bce|ce|hinge [delta=X]"], "choose the data loss (mean reduction, as PyTorch)",
                    keywords: Loss.names, handler: loss),
        CommandSpec("regularize", ["regularize none|off", "regularize l1 λ", "regularize l2 λ", "regularize elastic l1=λ1 l2=λ2",
                                   "    (PyTorch's weight_decay wd is l2 wd/2, but it decays biases too; AdamW's decoupled decay has no equivalent)"],
                    "penalise weight matrices (not biases)", keywords: ["none", "off", "l1", "l2", "elastic"], handler: regularize),
        CommandSpec("optimizer", ["optimizer sgd [lr=X] [momentum=X] [nesterov=true]",
                                  "optimizer adam [lr=X] [beta1=X] [beta2=X] [eps=X]",
                                  "optimizer rmsprop [lr=X] [alpha=X] [eps=X] [momentum=X]",
                                  "optimizer adagrad [lr=X] [eps=X]"],
                    "choose the update rule (PyTorch's defaults)", keywords: OptimizerKind.names, handler: optimizer),
        CommandSpec("lr", ["lr X", "lr   (alone: print the learning rate and the optimizer)"], "change the learning rate, keeping the optimizer's state",
                    handler: lr),
        CommandSpec("schedule", ["schedule step size=N [gamma=0.1]", "schedule exponential gamma=G", "schedule cosine steps=T [min=0]",
                                 "schedule linear [start=0.333] [end=1] [steps=5]", "schedule off",
                                 "schedule   (alone: print the schedule in force)"],
                    "change the learning rate with the steps, as PyTorch's StepLR, ExponentialLR, CosineAnnealingLR and LinearLR",
                    keywords: scheduleKinds, handler: schedule),
    ]

    static func seed(_ w: Workspace, _ a: inout ArgReader) throws {
        let n = try a.int("seed", range: 0...Int.max)
        try a.finish(options: [])
        // Only a split's draw depends on the seed; without one the standardised data stays as checked.
        if w.normalize, w.splitFraction != nil, let d = w.data { try w.checkStandardizable(d, fraction: w.splitFraction, seed: UInt64(n)) }
        let redrawn = w.seed == UInt64(n) ? nil : splitRedrawn(w)
        w.seed = UInt64(n)
        let reset = w.invalidateModel()
        let parts = [reset.map { "reset \($0); weights are drawn again from the new seed" }, redrawn].compactMap { $0 }
        w.out.print("seed \(n)" + (parts.isEmpty ? "" : " — " + parts.joined(separator: "; ")))
    }

    /// What a new seed draws again besides the weights: the split of the data there is (which rows validate), and under
    /// `normalize` the training part's mean and std; nil without a split or data.
    static func splitRedrawn(_ w: Workspace) -> String? {
        guard let f = w.splitFraction, let d = w.data, Dataset.splitProblem(fraction: f, count: d.count) == nil else { return nil }
        let train = w.trainingRows(of: d)
        return "the split is drawn again: \(train) training and \(d.count - train) validation rows chosen anew among the data's "
            + "\(d.count) (the rows themselves are kept)"
            + (w.normalize ? ", and normalize's mean and std come from the new training part" : "")
    }

    static func split(_ w: Workspace, _ a: inout ArgReader) throws {
        let f: Double?
        if a.optionalWord(oneOf: ["none", "off"]) != nil { f = nil } else {
            let x = try a.number("training fraction")
            let percent = x > 1 && x < 100 ? " — for \(Format.short(x))%, write `split \((x / 100).plainText)`" : ""
            guard x > 0 && x < 1 else { throw a.error("the training fraction must be between 0 and 1 (exclusive), got \(Format.short(x))" + percent) }
            f = x
        }
        let at = a.lastSpan
        try a.finish(options: [])
        if f == w.splitFraction { return unchanged(w, "split " + (f.map { Format.short($0) } ?? "none")) }
        if let f, let d = w.data, let problem = Dataset.splitProblem(fraction: f, count: d.count) { throw Diagnostic(problem, at: at) }
        if w.normalize, let d = w.data { try w.checkStandardizable(d, fraction: f, seed: w.seed) }
        let batchBefore = w.data.map { w.batch.rows(training: w.trainingRows(of: $0)) }
        w.splitFraction = f
        let note = w.invalidateTrainer(keepHistory: false)
        let batch = w.data.map { batchNote(w, $0, before: batchBefore) } ?? ""
        if f != nil, let d = w.data {
            let train = w.trainingRows(of: d)
            w.out.print("split: \(train) training, \(Format.counted(d.count - train, "validation sample"))" + batch + note)
        } else {
            w.out.print((f.map { "split \(Format.short($0)) (applies when data is loaded)" } ?? "split: none (all samples train)") + batch + note)
        }
        if let f, let note = splitNote(f) { w.out.print(note) }
    }

    /// For a training fraction below one half, which reads as Keras's `validation_split` the other way round: what
    /// `split F` keeps, and the split that is Keras's `validation_split=F`; nil for 0.5 and above.
    static func splitNote(_ f: Double) -> String? {
        guard f < 0.5 else { return nil }
        let shown = Format.short(f)
        return "note: split F is the training fraction: split \(shown) trains on \(Format.short(100 * f))% and validates on "
            + "\(Format.short(100 * (1 - f)))%; Keras's validation_split=\(shown) is `split \(Format.short(1 - f))`"
    }

    /// Says that a setting given again as it is changed nothing: no reset, undo and a pass by hand kept.
    static func unchanged(_ w: Workspace, _ setting: String) {
        w.out.print("\(setting): already so — nothing changed")
    }

    /// `; batches of 32 rows by default now` (or `; full batch by default now`) when the training part's size moved
    /// across `BatchSetting.fullBatchLimit` and so changed the default batch; "" otherwise.
    static func batchNote(_ w: Workspace, _ d: Dataset, before: Int??) -> String {
        let after = w.batch.rows(training: w.trainingRows(of: d))
        guard w.batch == .automatic, let before, before != after else { return "" }
        return after.map { "; batches of \($0) rows by default now (more than \(BatchSetting.fullBatchLimit) training rows)" }
            ?? "; full batch by default now (\(BatchSetting.fullBatchLimit) training rows or fewer)"
    }

    static func normalize(_ w: Workspace, _ a: inout ArgReader) throws {
        let word = a.optionalWord(oneOf: ["on", "off", "true", "false"]) ?? "on"
        try a.finish(options: [])
        let on = word == "on" || word == "true"
        if on == w.normalize { return unchanged(w, "normalize " + (on ? "on" : "off")) }
        if on, let d = w.data { try w.checkStandardizable(d, fraction: w.splitFraction, seed: w.seed) }
        w.normalize = on
        let note = w.invalidateTrainer(keepHistory: false)
        w.out.print((w.normalize ? "normalize: features standardised with the training part's mean and std" : "normalize: off") + note)
    }

    static func batch(_ w: Workspace, _ a: inout ArgReader) throws {
        let size: Int?
        let positionals = a.command.args.filter { $0.key == nil }
        if positionals.count >= 2, case .word(let word) = positionals[0].value, ForeignNames.key(word) == "size",
           case .number = positionals[1].value {
            throw Diagnostic("unexpected '\(word.shortened())' — the size follows the command: `batch \(positionals[1].text.shortened())`",
                             at: positionals[0].span)
        }
        if a.optionalWord(oneOf: ["full", "all"]) != nil { size = nil } else {
            size = try a.int("batch size", range: 1...10_000_000)
        }
        try a.finish(options: [])
        let setting = size.map(BatchSetting.rows) ?? .full
        if setting == w.batch { return unchanged(w, "batch " + (size.map(String.init) ?? "full")) }
        // `batch full` where the default already gives the whole set: the setting changes (it holds for larger data),
        // the batches do not, so nothing is reset.
        if let d = w.data, w.trainer != nil, setting.rows(training: w.trainingRows(of: d)) == w.batch.rows(training: w.trainingRows(of: d)) {
            w.batch = setting
            return w.out.print("batch: \(size.map(String.init) ?? "full"), the batches this data had already — nothing reset")
        }
        w.batch = setting
        let note = w.invalidateTrainer(keepHistory: true)
        w.out.print("batch: " + (size.map { "\(Format.counted($0, "sample")), reshuffled each epoch" } ?? "full (the whole training set each step)") + note)
        if let size, let d = w.data { fullBatchNote(w, size, training: w.trainingRows(of: d)) }
    }

    /// Says that a batch of `size` rows is the whole training set of `rows`, when it is at least that (`batch full`).
    static func fullBatchNote(_ w: Workspace, _ size: Int, training rows: Int) {
        guard size >= rows else { return }
        let held = size == rows ? "are all" : "are more than"
        w.out.print("note: \(Format.counted(size, "row")) \(held) the \(Format.counted(rows, "training row")): each step is the full batch, as batch full")
    }

    /// linear's other names, which `layer dense` takes too.
    static let linearNames = ["identity", "none"]

    /// The activations' names `layer dense` takes: Activation's and linear's other names.
    static let activationWords = Activation.names + linearNames

    /// `help layer`'s list of the activations, linear's other names beside it (`linear|identity|none relu …`).
    static var activationForm: String {
        Activation.names.map { $0 == "linear" ? ([$0] + linearNames).joined(separator: "|") : $0 }.joined(separator: " ")
    }

    /// `help layer`'s list of the initializers, names of the same one together (`he|he_uniform|kaiming|kaiming_uniform`),
    /// and which is the default for which activation.
    static var initializerForm: String {
        var groups: [[String]] = []
        for name in Initializer.names {
            let same = { (other: String) in Initializer.named(other) == Initializer.named(name) }
            if let k = groups.firstIndex(where: { same($0[0]) }) { groups[k].append(name) } else { groups.append([name]) }
        }
        let he = Activation.names.filter { n in Activation.named(n).map { Initializer.defaultFor($0) == .heUniform } ?? false }
        return groups.map { $0.joined(separator: "|") }.joined(separator: " ")
            + "; by default he_uniform after \(he.joined(separator: ", ")), else glorot_uniform"
    }

    static func layer(_ w: Workspace, _ a: inout ArgReader) throws {
        if a.peekIsNumber { throw layerNumberFirst(w, a) }
        let typedUnits = a.command.args.filter { $0.key == nil }.dropFirst().first.map { $0.text.shortened() } ?? "UNITS"
        let kind = try a.word("layer kind", oneOf: layerKinds) { word in
            ["linear", "fc", "fullyconnected"].contains(ForeignNames.key(word)) ? " — did you mean `layer dense \(typedUnits)`? (PyTorch's nn.Linear)" : nil
        }
        var newLayers = w.layers
        var msg: String
        switch kind {
        case "dense":
            newLayers.append(try denseLayer(&a, command: "layer dense"))
            msg = "layer \(denseCount(newLayers)): \(newLayers[newLayers.count - 1])"
        case "dropout":
            newLayers.append(try dropoutLayer(&a))
            let n = denseCount(newLayers)
            msg = "\(newLayers[newLayers.count - 1]) " + (n == 0 ? "on the input" : "after layer \(n)")
        case "pop":
            let count = try a.optionalInt("number of layers to remove", range: 1...Int.max) ?? 1
            let at = a.lastSpan
            try a.finish(options: [])
            guard !newLayers.isEmpty else { throw ShellError("there are no layers to remove") }
            guard count <= newLayers.count else { throw Diagnostic(popTooMany(count, newLayers), at: at) }
            newLayers.removeLast(count)
            msg = (count == 1 ? "removed the last layer" : "removed the last \(count) layers") + (newLayers.isEmpty ? " (no layers left)" : "")
        case "insert", "replace", "remove":
            guard let edit = try editLayers(kind, w, &a) else { return }
            (newLayers, msg) = edit
        default:
            try a.finish(options: [])
            newLayers = []
            msg = "layers cleared"
        }
        // A change that makes the model too large for the data is refused here, before the old model and its history
        // are dropped, rather than by the first command that builds it (removing layers from the end is never refused;
        // removing one between others may join two wide ones).
        if !["pop", "clear"].contains(kind), let d = w.data, denseCount(newLayers) > 0 {
            try Fit.checkSize(spec: ModelSpec(inputSize: w.modelWidth(d), layers: newLayers), samples: d.count)
        }
        w.layers = newLayers
        let reset = w.invalidateModel()
        if let d = w.data, !newLayers.isEmpty { msg += "  (model \(ModelSpec(inputSize: w.modelWidth(d), layers: newLayers).summary))" }
        if let reset { msg += " — reset \(reset)" }
        w.out.print(msg)
        if let note = w.misfitNote() { w.out.print(note) }
    }

    /// The words that may follow `layer`.
    static let layerKinds = ["dense", "dropout", "insert", "replace", "remove", "pop", "clear"]

    /// Reads a dense layer's UNITS, ACTIVATION and options, the rest of the command; `command` is what comes before
    /// them (`layer dense`, `layer insert 2 dense`), for the errors that show the command as it is written.
    static func denseLayer(_ a: inout ArgReader, command: String) throws -> LayerSpec {
        // The activation before the units (`layer dense relu 3`): the command in its order.
        let positionals = a.command.args.filter { $0.key == nil }, next = positionals.count - a.remaining
        if next + 1 < positionals.count, case .word(let act) = positionals[next].value, Activation.names.contains(act.lowercased()),
           case .number = positionals[next + 1].value {
            throw Diagnostic("expected number of units before the activation — write `\(command) \(positionals[next + 1].text.shortened()) \(act)`",
                             at: positionals[next].span)
        }
        let units = try a.int("number of units", range: 1...100_000)
        let actName = try a.optionalWord("activation", oneOf: activationWords) ?? "linear"
        let bias = try a.boolOption("bias", default: true)
        let slope = try a.optionalNumberOption("slope", range: .closed(0, 1e6))
        let alpha = try a.optionalNumberOption("alpha", range: .closed(0, 1e6))
        let ini = try a.optionalWordOption("init", oneOf: Initializer.names)
        let lo = try a.optionalNumberOption("low", range: .closed(-1e6, 1e6))
        let hi = try a.optionalNumberOption("high", range: .closed(-1e6, 1e6))
        let mean = try a.optionalNumberOption("mean", range: .closed(-1e6, 1e6))
        let std = try a.optionalNumberOption("std", range: .closed(0, 1e6))
        let value = try a.optionalNumberOption("value", range: .closed(-1e6, 1e6))
        if let option = a.option("activation") { throw activationAsOption(option, a, command: "\(command) \(units)") }
        try a.finish(options: denseOptions(activation: actName, initializer: ini),
                     for: "\(command) \(actName)" + (ini.map { " init=\($0)" } ?? ""))
        guard let act = Activation.named(actName, parameter: slope ?? alpha) else { throw a.error("unknown activation '\(actName)'") }
        var initializer: Initializer? = nil
        if let ini {
            switch ini {
            case "uniform": initializer = .uniform(lo ?? -0.05, hi ?? 0.05)
            case "normal": initializer = .normal(mean: mean ?? 0, std: std ?? 0.05)
            case "constant": initializer = .constant(value ?? 0)
            default: initializer = Initializer.named(ini)
            }
            if case let .uniform(l, h) = initializer, l >= h {
                throw a.error("init=uniform needs low < high, got low=\(Format.short(l)) high=\(Format.short(h))", options: ["low", "high"])
            }
        }
        return .dense(units: units, activation: act, bias: bias, initializer: initializer)
    }

    /// Reads a dropout layer's drop probability, the rest of the command.
    static func dropoutLayer(_ a: inout ArgReader) throws -> LayerSpec {
        let p = try a.number("drop probability")
        guard p >= 0 && p < 1 else { throw a.error("the drop probability must be in [0, 1), got \(Format.short(p))") }
        try a.finish(options: [])
        return .dropout(p: p)
    }

    /// The error for Keras's `activation=relu` on a dense layer, where the activation is a word on its own: the command as
    /// it is written (`command`, `layer dense 3`, then `relu`), or the activations when the value names none.
    static func activationAsOption(_ option: Arg, _ a: ArgReader, command: String) -> Diagnostic {
        var name: String?
        if case .word(let word) = option.value { name = word } else if case .string(let text) = option.value { name = text }
        let others = a.command.args.filter { $0.key != nil && $0 != option }.map(\.text)
        guard let name, let known = Activation.names.first(where: { $0 == name.lowercased() }) else {
            return Diagnostic("the activation is a word on its own, not an option: `\(command) ACTIVATION` with one of "
                              + Activation.names.joined(separator: ", "), at: option.span)
        }
        let bare = ([command, known] + others).joined(separator: " ")
        return Diagnostic("the activation is a word on its own, not an option (as Keras's activation='\(known)' is) — write `\(bare)`",
                          at: option.span)
    }

    /// The options `layer dense` takes with this activation and initializer: bias= and init=, plus each
    /// one's own (any other would be ignored, so it is an error).
    static func denseOptions(activation: String?, initializer: String?) -> [String] {
        var allowed = ["bias", "init"]
        switch activation?.lowercased() {
        case "leaky_relu"?: allowed.append("slope")
        case "elu"?: allowed.append("alpha")
        default: break
        }
        switch initializer?.lowercased() {
        case "uniform"?: allowed += ["low", "high"]
        case "normal"?: allowed += ["mean", "std"]
        case "constant"?: allowed.append("value")
        default: break
        }
        return allowed
    }

    /// The `key=` options `loss NAME` takes.
    static func lossOptions(_ name: String) -> [String] { name.lowercased() == "huber" ? ["delta"] : [] }

    /// The `key=` options `regularize KIND` takes.
    static func regularizeOptions(_ kind: String) -> [String] { kind.lowercased() == "elastic" ? ["l1", "l2"] : [] }

    /// The `key=` options `optimizer RULE` takes.
    static func optimizerOptions(_ rule: String) -> [String] {
        guard let kind = OptimizerKind.standard(rule) else { return [] }
        return ["lr"] + kind.settings.map(\.name) + (kind.name == "sgd" ? ["nesterov"] : [])
    }

    static func loss(_ w: Workspace, _ a: inout ArgReader) throws {
        let name = try a.word("loss", oneOf: Loss.names, known: ForeignNames.lossHint)
        let delta = try a.numberOption("delta", default: 1, range: .greaterThan(0))
        try a.finish(options: lossOptions(name))
        let l: Loss
        switch name {
        case "mse": l = .mse
        case "mae": l = .mae
        case "huber": l = .huber(delta: delta)
        case "bce": l = .bce
        case "ce": l = .ce
        default: l = .hinge
        }
        if l == w.loss { return unchanged(w, "loss \(l)") }
        w.loss = l
        let note = w.invalidateTrainer(keepHistory: true)
        w.carryOver?.gradientsStale = true   // gradients of another loss
        w.out.print("loss \(l): \(l.formula)" + note)
        if let misfit = w.misfitNote() { w.out.print(misfit) }
    }

    static func regularize(_ w: Workspace, _ a: inout ArgReader) throws {
        var kind = try a.word("regularizer", oneOf: ["none", "off", "l1", "l2", "elastic"]) { [a] in ForeignNames.regularizerHint($0, in: a) }
        // `off`, as for features, schedule and break, is `none`, which a saved session keeps.
        if kind == "off" { kind = "none"; w.recordedAs = ["regularize none"] }
        var r = Regularizer.none
        // PyTorch's weight_decay= where λ belongs: not λ itself, but twice it.
        if kind == "l1" || kind == "l2", !a.peekIsNumber, let decay = ForeignNames.weightDecay(in: a) {
            throw Diagnostic("expected λ as a number, got PyTorch's weight decay, '\(decay.option.text.shortened())': "
                             + ForeignNames.weightDecayText(decay.value), at: decay.option.span)
        }
        let known = { [a] (key: String) in ForeignNames.weightDecayHint(key, in: a) ?? ForeignNames.elasticNetHint(key, in: a) }
        switch kind {
        case "l1": r.l1 = try a.number("λ", range: .atLeast(0)); try a.finish(options: regularizeOptions(kind), known: known)
        case "l2": r.l2 = try a.number("λ", range: .atLeast(0)); try a.finish(options: regularizeOptions(kind), known: known)
        case "elastic":
            if let number = a.peek, case .number = number.value {
                throw Diagnostic("unexpected '\(number.text.shortened())' after 'elastic' — elastic takes its two λs as options: "
                                 + "`regularize elastic l1=λ1 l2=λ2`", at: number.span)
            }
            let l1 = try a.optionalNumberOption("l1", range: .atLeast(0))
            let l2 = try a.optionalNumberOption("l2", range: .atLeast(0))
            try a.finish(options: regularizeOptions(kind), known: known)
            guard let l1, let l2 else {
                throw a.error("regularize elastic needs both l1=λ1 and l2=λ2, e.g. `regularize elastic l1=1e-4 l2=1e-3` "
                              + "(for one penalty alone: `regularize l1 λ` or `regularize l2 λ`)", options: ["l1", "l2"])
            }
            r.l1 = l1; r.l2 = l2
        default: try a.finish(options: regularizeOptions(kind), known: known)
        }
        guard r.l1 >= 0 && r.l2 >= 0 && r.l1.isFinite && r.l2.isFinite else { throw ShellError("λ must be a finite number ≥ 0") }
        if r == w.regularizer { return unchanged(w, "regularize \(r)") }
        w.regularizer = r
        let note = w.invalidateTrainer(keepHistory: true)
        w.carryOver?.gradientsStale = true   // gradients of another penalty
        w.out.print("regularize \(r)" + (r.isNone ? "" : ": penalty = \(r.formula) over weight matrices (biases are not penalised)") + note)
    }

    static func optimizer(_ w: Workspace, _ a: inout ArgReader) throws {
        let name = try a.word("optimizer", oneOf: OptimizerKind.names, known: ForeignNames.optimizerHint)
        if let rate = a.peek, case .number = rate.value {
            throw Diagnostic("unexpected '\(rate.text.shortened())' after '\(name)' — the learning rate is an option: "
                             + "`optimizer \(name) lr=\(rate.text.shortened())`", at: rate.span)
        }
        let kind: OptimizerKind
        let lr = try a.optionalNumberOption("lr", range: .greaterThan(0))
        /// The setting `key`'s value, PyTorch's default when it is not given.
        func setting(_ key: String, _ range: NumberRange) throws -> Double {
            try a.numberOption(key, default: OptimizerKind.standard(name)?.settings.first { $0.name == key }?.standard ?? 0, range: range)
        }
        switch name {
        case "sgd":
            let m = try setting("momentum", .closed(0, 1))
            let n = try a.boolOption("nesterov", default: false)
            if n && m == 0 { throw a.error("nesterov=true needs momentum > 0 (as in PyTorch), e.g. `optimizer sgd momentum=0.9 nesterov=true`", options: ["nesterov", "momentum"]) }
            kind = .sgd(momentum: m, nesterov: n)
        case "adam":
            kind = .adam(beta1: try setting("beta1", .halfOpen(0, 1)), beta2: try setting("beta2", .halfOpen(0, 1)),
                         eps: try setting("eps", .greaterThan(0)))
        case "rmsprop":
            kind = .rmsprop(alpha: try setting("alpha", .closed(0, 1)), eps: try setting("eps", .greaterThan(0)),
                            momentum: try setting("momentum", .closed(0, 1)))
        default:
            kind = .adagrad(eps: try setting("eps", .greaterThan(0)))
        }
        // PyTorch's `nesterov` alone, for nesterov=True.
        if name == "sgd", let bare = a.command.args.dropFirst().first(where: { $0.key == nil && $0.text.lowercased() == "nesterov" }),
           let line = ForeignNames.plainLine(a.command.text) {
            throw Diagnostic("unexpected 'nesterov' — an option takes its value after '=': `\(line.shortened(to: 100))`", at: bare.span)
        }
        // PyTorch's weight_decay= is said in terms of the regularizer that does the same; its betas=, defaults and the like
        // as written here.
        try a.finish(options: optimizerOptions(name)) { [a] key in
            ForeignNames.weightDecayHint(key, in: a, lead: "the optimizers here take no weight decay; ")
                ?? ForeignNames.betasHint(key, in: a) ?? ForeignNames.fixedOptionHint(key, in: a)
        }
        // Plain SGD keeps no state, so there is none to reset.
        let hadState = w.trainer.map { $0.optimizer.steps > 0 && !$0.optimizer.stateNames.isEmpty } ?? false
        // Under a schedule the rate set is its base, which a new rule's default replaces.
        let rateBefore = w.statedRate
        let kindBefore = w.optimizerKind
        try checkAboveCosineMinimum(w, lr ?? kind.defaultLearningRate, a)
        w.optimizerKind = kind
        w.optimizerChosen = true
        w.learningRate = lr
        let note = w.invalidateTrainer(keepHistory: true, keepOptimizerState: false)
        let rate = lr ?? kind.defaultLearningRate
        let settings = Printer.optimizerText(kind).dropFirst(kind.name.count)   // ` momentum=0.9`: the rule's symbols' values
        // Without lr= the new rule's default replaces the rate: said when that changes it, with how to keep it.
        let rateNote = lr == nil && rate != rateBefore
            ? " — lr \(Format.rate(rate)) is \(kind.name)'s default; it was \(Format.rate(rateBefore)) (add lr=\(rateBefore.plainText) to keep it)" : ""
        // The same rule again for another rate only, as a PyTorch user re-creates an optimizer: `lr` would keep the state
        // (not when the rate is the rule's default, untyped: rateNote says how to keep the one before).
        let keepNote = kind == kindBefore && rate != rateBefore && lr != nil
            ? " (to change only the rate and keep the optimizer's state: `lr \(rate.plainText)`)" : ""
        w.out.print("optimizer \(kind.name) lr=\(Format.rate(rate))\(settings): \(kind.rule)" + rateNote
                    + (hadState ? " — optimizer state reset" + keepNote : "") + note)
        if let stuck = stuckStateNote(kind, rate: rate) { w.out.print(stuck) }
    }

    /// What a constant of 1 does to the state it weighs, which PyTorch accepts as it is: rmsprop's alpha=1 keeps the
    /// square average at 0, sgd's momentum=1 never decays the velocity; nil for any other rule or constant.
    static func stuckStateNote(_ kind: OptimizerKind, rate: Double) -> String? {
        switch kind {
        case let .rmsprop(alpha, eps, _) where alpha == 1:
            return "note: with alpha=1 the square average never moves from 0 (v ← 1·v + 0·g²), so every step divides g by ε "
                + "alone (g/(√v + ε) = g/ε): lr/ε = \(Format.rate(rate / eps)) times the gradient — PyTorch does the same; "
                + "its default is alpha=0.99"
        case let .sgd(momentum, _) where momentum == 1:
            return "note: with momentum=1 the velocity never decays (v ← 1·v + g): it is the sum of every gradient since "
                + "the state was reset, and each step moves θ by lr times it — PyTorch does the same; momentum=0.9 is usual"
        default:
            return nil
        }
    }

    /// Refuses a base rate at or below the minimum of the cosine schedule in force, which `schedule` refuses too: the
    /// cosine would climb from it to the minimum.
    static func checkAboveCosineMinimum(_ w: Workspace, _ rate: Double, _ a: ArgReader) throws {
        guard case .cosine(_, let minimum)? = w.schedule, rate <= minimum else { return }
        throw a.error("lr \(Format.rate(rate)) is not above the cosine schedule's min=\(Format.rate(minimum)): the cosine goes from lr down to "
                      + "min — a larger lr, or `schedule off` (or another schedule) first")
    }

    static func lr(_ w: Workspace, _ a: inout ArgReader) throws {
        // Alone, it says what the rate is (and changes nothing, so it is not recorded).
        if a.isAtEnd && a.command.args.isEmpty {
            w.recordedAs = []
            let rate = w.statedRate
            let scheduled = w.schedule == nil ? "" : " (the schedule's base; the next step runs at \(Format.rate(w.currentRate)))"
            return w.out.print("lr \(Format.rate(rate))" + (w.learningRate == nil ? ", \(w.optimizerKind.name)'s default" : "") + scheduled
                               + " (optimizer \(Printer.optimizerText(w.optimizerKind)); `lr X` changes it)")
        }
        let x = try a.number("learning rate")
        guard x > 0 && x.isFinite else { throw a.error("the learning rate must be a positive number, got \(Format.short(x))") }
        try a.finish(options: [])
        try checkAboveCosineMinimum(w, x, a)
        w.learningRate = x
        w.trainer?.optimizer.learningRate = x
        w.trainer?.schedule?.base = x
        let scheduled = w.schedule == nil ? "" : " — the schedule's base: the next step at lr \(Format.rate(w.currentRate))"
        w.out.print("lr \(Format.rate(x))" + ((w.trainer?.optimizer.steps ?? 0) > 0 ? " (optimizer state kept)" : "") + scheduled)
    }
}
