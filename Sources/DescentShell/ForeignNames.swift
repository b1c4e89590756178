import Foundation
import DescentCore
import DescentLanguage
import DescentText

/// What PyTorch and Keras call Descent's losses, optimizers and commands, and their weight decay: hints for words Descent
/// does not take (`loss cross_entropy` → did you mean `loss ce`?, `summary` → `show model`). They stay errors, so that a
/// failed command changes nothing.
enum ForeignNames {
    /// A name as the tables key it: lower case, without `_` and `-`, and without a `loss` ending (`CrossEntropyLoss`,
    /// `cross_entropy` and `cross-entropy` are all `crossentropy`).
    static func key(_ word: String) -> String {
        let joined = String(word.lowercased().filter { $0 != "_" && $0 != "-" })
        return joined.hasSuffix("loss") && joined.count > 4 ? String(joined.dropLast(4)) : joined
    }

    /// Other libraries' loss names (keyed as `key` keys them) → Descent's loss and what the name is there.
    static let losses: [String: (loss: String, note: String)] = [
        "crossentropy": ("ce", "PyTorch's CrossEntropyLoss, on the logits"),
        "categoricalcrossentropy": ("ce", "Keras's categorical_crossentropy; `ce` takes class ids as targets, not one-hot rows"),
        "sparsecategoricalcrossentropy": ("ce", "Keras's sparse_categorical_crossentropy with from_logits=True"),
        "nll": ("ce", "PyTorch's NLLLoss after log_softmax is CrossEntropyLoss on the logits, which `ce` is"),
        "binarycrossentropy": ("bce", "binary cross-entropy, on the logits of a sigmoid output, as BCEWithLogitsLoss"),
        "bcewithlogits": ("bce", "PyTorch's BCEWithLogitsLoss"),
        "l1": ("mae", "PyTorch's L1Loss; a penalty on the weights is `regularize l1 λ`"),
        "l2": ("mse", "the mean squared error, PyTorch's MSELoss; a penalty on the weights is `regularize l2 λ`"),
        "meansquarederror": ("mse", "PyTorch's MSELoss"),
        "squarederror": ("mse", "PyTorch's MSELoss"),
        "meanabsoluteerror": ("mae", "PyTorch's L1Loss"),
        "absoluteerror": ("mae", "PyTorch's L1Loss"),
        "smoothl1": ("huber", "PyTorch's SmoothL1Loss with beta=1 is HuberLoss with delta=1; with another beta, `huber delta=β` divided by β"),
    ]

    /// " — did you mean `loss ce`? (…)" for another library's name of one of Descent's losses (`cross_entropy`,
    /// `CrossEntropyLoss`, `l2`, `huber_loss`); nil for any other word.
    static func lossHint(_ word: String) -> String? {
        let k = key(word)
        if let entry = losses[k] { return " — did you mean `loss \(entry.loss)`? (\(entry.note))" }
        // `MSELoss`, `huber_loss`: Descent's own name with a `loss` ending or in PyTorch's capitals.
        if let own = Loss.names.first(where: { $0 == k }) { return " — did you mean `loss \(own)`?" }
        return nil
    }

    /// " — …" for an optimizer Descent does not offer but can stand in for: AdamW, which it cannot (its decay is
    /// decoupled from the gradient), and SGD's variants by name; nil for any other word.
    static func optimizerHint(_ word: String) -> String? {
        switch key(word) {
        case "adamw":
            return " — AdamW's decoupled weight decay is not offered; `optimizer adam` with `regularize l2 λ` is coupled L2, "
                + "what PyTorch's Adam(weight_decay=wd) does, with λ = wd/2"
        case "momentum": return " — did you mean `optimizer sgd momentum=0.9`? (SGD with momentum)"
        case "nesterov", "nag": return " — did you mean `optimizer sgd momentum=0.9 nesterov=true`? (Nesterov momentum)"
        case "gd", "gradientdescent": return " — did you mean `optimizer sgd`? (plain gradient descent)"
        default: return nil
        }
    }

    /// Keras's and PyTorch's words typed as commands (keyed as `key` keys them) → the hint that says what does that here
    /// (each form as README gives it).
    static let commands: [String: String] = [
        "summary": "did you mean `show model`? (Keras's model.summary(): the layers, their shapes and parameter counts)",
        "fit": "did you mean `train N epochs`? (Keras's model.fit(epochs=N); `train N` runs N steps)",
        "epochs": "did you mean `train N epochs`? (`train N` runs N steps)",
        "epoch": "did you mean `train N epochs`? (`train N` runs N steps)",
        "params": "did you mean `show weights`? (PyTorch's model.parameters(): W1, b1, …; `show model` counts them)",
        "parameters": "did you mean `show weights`? (PyTorch's model.parameters(): W1, b1, …; `show model` counts them)",
        "weights": "did you mean `show weights`? (`save weights \"FILE.json\"` writes them)",
        "model": "did you mean `show model`?",
        "compile": "Keras's compile(optimizer, loss) is two commands here: `loss …` (mse mae huber bce ce hinge) and "
            + "`optimizer …` (sgd adam rmsprop adagrad), e.g. `loss ce` and `optimizer adam lr=0.001`",
        "dense": "did you mean `layer dense UNITS [ACTIVATION]`? (Keras's Dense(units, activation=…))",
        "dropout": "did you mean `layer dropout P`?",
        "validationsplit": "did you mean `split F`? (F is the training fraction: Keras's validation_split=0.2 is `split 0.8`)",
        "batchsize": "did you mean `batch N`?",
        "learningrate": "did you mean `lr X`? (`lr` alone prints the current rate)",
        "manualseed": "did you mean `seed N`? (one seed for the data, initial weights, shuffles and dropout)",
        "zerograd": "no need here: each `backward` replaces the gradients rather than adding to them",
        "config": "did you mean `show config`?", "history": "did you mean `show history`?", "grads": "did you mean `show grads`?",
        "gradients": "did you mean `show grads`?", "confusion": "did you mean `show confusion`?",
        "momentum": "did you mean `optimizer sgd momentum=0.9`? (momentum is an option of the optimizer)",
        "clear": "Ctrl-L clears the screen, and the session stays as it is (`new` would start over: no data, no model, default settings)",
        "cls": "Ctrl-L clears the screen, and the session stays as it is (`new` would start over: no data, no model, default settings)",
        "regularization": "did you mean `regularize l2 λ`? (or l1, elastic, none)",
        "regularisation": "did you mean `regularize l2 λ`? (or l1, elastic, none)",
        "activation": "an activation goes on its layer: `layer dense UNITS tanh` (or relu, sigmoid, …)",
        "linear": "did you mean `layer dense UNITS`? (PyTorch's nn.Linear)",
        "import": "nothing to import: the commands are built in (`help` lists them)",
        "ls": "descent runs no shell commands — `help sessions` lists the example scripts; Tab completes file names inside quotes",
        "dir": "descent runs no shell commands — `help sessions` lists the example scripts; Tab completes file names inside quotes",
        "cd": "descent runs no shell commands — relative file names are taken from the directory descent was started in",
        "pwd": "descent runs no shell commands — relative file names are taken from the directory descent was started in",
    ]

    /// What does here what PyTorch's, Keras's or NumPy's method `method` does, called with `arguments` (the text between
    /// its parentheses): `loss.backward()` → `backward`, `torch.manual_seed(3)` → `seed 3`; nil for a method with none.
    static func callHint(method: String, arguments: String) -> String? {
        let args = arguments.trimmingCharacters(in: .whitespaces)
        switch key(method) {
        case "backward": return "here it is `backward` (the gradients of the current batch's loss; `step` runs forward, backward and update)"
        case "step": return "here it is `update` (one optimizer step from the gradients; `step` runs forward, backward and update)"
        case "zerograd": return "not needed here: `backward` replaces the gradients rather than adding to them"
        case "manualseed", "seed": return "here it is `seed \(Double(args).map { _ in args } ?? "N")`"
        case "predict", "forward", "call":
            return "here it is `predict \(args.hasPrefix("[") ? args.shortened() : "[x1,x2,…]")` (rows like [[1,2],[3,4]] for several)"
        case "array", "tensor", "asarray", "floattensor":
            return "write the nested list itself: `\(args.hasPrefix("[") ? args.shortened() : "[[1,2],[3,4]]")`"
        case "linear":
            let units = args.split(separator: ",").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) }
            return "here it is `layer dense \(units.flatMap { Int($0) }.map(String.init) ?? "UNITS") [ACTIVATION]` (its inputs come from the layer before)"
        case "evaluate": return "here it is `evaluate \"FILE.csv\"` (held-out rows in a CSV file)"
        default: return commands[key(method)]
        }
    }

    /// PyTorch's scheduler arguments (keyed as `key` keys them) → the `schedule` option that is the same number here.
    static let scheduleOptions: [String: String] = [
        "tmax": "steps", "etamin": "min", "stepsize": "size", "totaliters": "steps", "startfactor": "start", "endfactor": "end",
    ]

    /// The error for the first of `a`'s options that is PyTorch's name of one of `allowed` (`schedule cosine T_max=100`),
    /// at it, with the command written with Descent's names; nil when there is none.
    static func scheduleOption(in a: ArgReader, kind: String, allowed: [String]) -> Diagnostic? {
        let renamed = { (arg: Arg) -> String? in arg.key.flatMap { scheduleOptions[key($0)] }.flatMap { allowed.contains($0) ? $0 : nil } }
        guard let first = a.command.args.first(where: { renamed($0) != nil }), let key = first.key, let ours = renamed(first) else { return nil }
        let written = a.command.args.map { arg in renamed(arg).map { $0 + "=" + arg.valueText } ?? arg.text }.joined(separator: " ")
        return Diagnostic("unknown option '\(key.shortened())' for schedule \(kind) — PyTorch's \(key.shortened()) is \(ours)= here: "
                          + "`schedule \(written.shortened(to: 80))`", at: first.span)
    }

    /// The error for the first of `a`'s options (a `train` command's) that is Keras's or PyTorch's word for something set
    /// otherwise here — `epochs=5` (`train 5 epochs`), `batch_size=32` (`batch 32`), `validation_split=0.2`
    /// (`split 0.8`), `lr=0.1` (`lr 0.1`) — at it; nil when there is none.
    static func trainOption(in a: ArgReader) -> Diagnostic? {
        for arg in a.command.args {
            guard let option = arg.key, let span = arg.keySpan else { continue }
            let value = arg.valueText.shortened(), head = "unknown option '\(option.shortened())' for train"
            switch key(option) {
            case "epochs", "epoch", "nepochs", "numepochs", "maxepochs":
                return Diagnostic(head + " — write `train \(value) epochs` (`train \(value)` runs \(value) steps)", at: arg.span)
            case "batchsize", "batch":
                return Diagnostic(head + " — the batch size is a command of its own here: `batch \(value)`, before `train`", at: span)
            case "validationsplit":
                var split = "F"
                if case .number(let v) = arg.value, v > 0, v < 1 { split = (1 - v).plainText }
                return Diagnostic(head + " — the split is a command of its own here: `split \(split)` (the training fraction: "
                                  + "Keras's validation_split=0.2 is `split 0.8`), before `train`", at: span)
            case "lr", "learningrate":
                return Diagnostic(head + " — the learning rate is a command of its own here: `lr \(value)`, before `train`", at: span)
            default: continue
            }
        }
        return nil
    }

    /// " — did you mean `show model`? (…)" for another library's word typed as a command; nil for any other word.
    static func commandHint(_ word: String) -> String? { commands[key(word)].map { " — " + $0 } }

    /// Other words for what `show` shows (keyed as `key` keys them) → the `show` subject that shows it.
    static let showSubjects: [String: String] = [
        "params": "weights", "param": "weights", "parameters": "weights", "parameter": "weights", "weight": "weights",
        "statedict": "weights", "namedparameters": "weights",
        "gradients": "grads", "gradient": "grads", "grad": "grads",
        "summary": "model", "layers": "model", "layer": "model", "architecture": "model", "network": "model", "net": "model",
        "lr": "config", "learningrate": "config", "optimizer": "config", "optimiser": "config", "settings": "config",
        "setup": "config", "configuration": "config", "seed": "config", "split": "config", "batch": "config",
        "regularizer": "config", "regularize": "config", "normalize": "config", "watch": "config", "watches": "config",
        "dataset": "data", "samples": "data", "features": "data", "classes": "data",
        "losses": "history", "curve": "history", "metrics": "history", "log": "history", "accuracy": "confusion",
        "confusionmatrix": "confusion", "cm": "confusion",
    ]

    /// Names of a penalty on the weights (keyed as `key` keys them) → the `regularize` kind that is it.
    static let penalties: [String: String] = [
        "l1": "l1", "lasso": "l1", "l2": "l2", "ridge": "l2", "lambda": "l2", "weightdecay": "l2", "elastic": "elastic",
        "elasticnet": "elastic",
    ]

    /// " — did you mean `regularize l2 0.01`? (…)" for a penalty's name typed as a command (`l2 0.01`, `ridge`), with the
    /// number after it moved over (weight decay's halved), rather than the nearest command (`lr`); nil for any other command.
    static func penaltyCommandHint(_ c: Command) -> String? {
        let name = key(c.name)
        guard let kind = penalties[name] else { return nil }
        var number: (text: String, value: Double)?
        if let first = c.args.first, first.key == nil, case .number(let x) = first.value { number = (first.text, x) }
        if name == "weightdecay" {
            return " — did you mean `regularize l2 \(number.map { ($0.value / 2).plainText } ?? "λ")`? (" + weightDecayText(number?.value) + ")"
        }
        let line = kind == "elastic" ? "regularize elastic l1=λ1 l2=λ2" : "regularize \(kind) \(number?.text ?? "λ")"
        return " — did you mean `\(line)`? (a penalty on the weights is set by `regularize`; `lr` is the learning rate)"
    }

    /// " — …" for a penalty's name typed where `regularize` takes its kind: ridge's as `regularize l2 λ`, the lasso's as
    /// `regularize l1 λ` (with the number after it, from `a`), elastic_net as `elastic`; nil for any other word.
    static func regularizerHint(_ word: String, in a: ArgReader) -> String? {
        var number = "λ"
        if a.command.args.count > 1, a.command.args[1].key == nil, case .number = a.command.args[1].value { number = a.command.args[1].text }
        switch key(word) {
        case "ridge": return " — ridge regression's penalty is `regularize l2 \(number)`"
        case "lasso": return " — the lasso's penalty is `regularize l1 \(number)`"
        case "elasticnet": return " — did you mean 'elastic'? (`regularize elastic l1=λ1 l2=λ2`)"
        default: return nil
        }
    }

    /// scikit-learn's ElasticNet(alpha=α, l1_ratio=r), whose penalty is α·r·Σ|w| + α·(1−r)/2·Σw², as `regularize elastic`'s
    /// l1= and l2= (rounded to 12 significant digits, so that 0.1·0.3 reads 0.03).
    static func elasticNet(alpha: Double, ratio: Double) -> (l1: Double, l2: Double) {
        let rounded = { (x: Double) in Double(String(format: "%.12g", x)) ?? x }
        return (rounded(alpha * ratio), rounded(alpha * (1 - ratio) / 2))
    }

    /// PyTorch's module paths before a class (`torch.optim.SGD`), which a command here leaves out.
    static let modulePaths = ["torch.optim.lr_scheduler.", "optim.lr_scheduler.", "lr_scheduler.", "torch.optim.", "optim."]

    /// PyTorch's scheduler classes (keyed as `key` keys them) → the `schedule` kind that is the same schedule.
    static let schedulers = ["steplr": "step", "exponentiallr": "exponential", "cosineannealinglr": "cosine", "linearlr": "linear"]

    /// PyTorch's constructors' arguments after the first, in order (`SGD(params, lr, momentum, …)`), keyed by the
    /// optimizer's name here or by `schedule` and the schedule's kind here; the names are PyTorch's, as `translated` reads them.
    static let positionalOrder: [String: [String]] = [
        "sgd": ["lr", "momentum", "dampening", "weight_decay", "nesterov"],
        "adam": ["lr", "betas", "eps", "weight_decay"], "adamw": ["lr", "betas", "eps", "weight_decay"],
        "rmsprop": ["lr", "alpha", "eps", "weight_decay", "momentum"],
        "adagrad": ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"],
        "schedule step": ["step_size", "gamma"], "schedule exponential": ["gamma"], "schedule cosine": ["T_max", "eta_min"],
        "schedule linear": ["start_factor", "end_factor", "total_iters"],
    ]

    /// The longest command (in bytes) that `plainLine` rewrites: a constructor a person types is far shorter.
    static let longestCall = 2_000

    /// The line to type here for `text`, one `optimizer`, `regularize` or `schedule` command written as a Python call or
    /// with commas (`optimizer torch.optim.SGD(lr=0.1, momentum=0.9)` → `optimizer sgd lr=0.1 momentum=0.9`): module
    /// paths, parentheses, commas (outside lists) and PyTorch's first argument (`params`, `model.parameters()`,
    /// `optimizer`) left out, Adam's betas=(β1,β2) as beta1= and beta2=, and the rest as `translated` writes it (with
    /// weight decay, two commands: `optimizer adam lr=0.001; regularize l2 5e-05`); nil for another command, or when the
    /// line does not parse, or is longer than `longestCall` (its patterns would take time growing with the square of the
    /// length: `betas=(` typed 15,000 times took 30 s).
    static func plainLine(_ text: String) -> String? {
        guard text.utf8.count <= longestCall else { return nil }
        var s = text
        for path in modulePaths { s = s.replacingOccurrences(of: path, with: "") }
        // The call's first argument when it names what PyTorch passes there (`SGD(params, …)`, `SGD(model.parameters())`,
        // `StepLR(optimizer, …)`): a name or a dotted call, which a command here leaves out.
        s = s.replacingOccurrences(of: #"^(\s*\S+\s+\w+\s*\(\s*)(?!(?:nesterov|true|false)\b)[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\(\s*\))?\s*(?:,\s*|(?=\)))"#,
                                   with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: #"betas=[\(\[]\s*([^,\(\)\[\]\s]+)\s*,\s*([^,\(\)\[\]\s]+)\s*[\)\]]"#, with: "beta1=$1 beta2=$2",
                                   options: .regularExpression)
        var depth = 0, plain = ""
        for ch in s {
            if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
            plain.append(depth == 0 && "(),".contains(ch) ? " " : ch)
        }
        guard let commands = try? Parser.parse(plain), commands.count == 1, let line = translated(commands[0]),
              let typed = try? Parser.parse(line), typed.count == (line.contains("; ") ? 2 : 1) else { return nil }
        // An option given twice in the call (`SGD(lr=0.1, lr=0.2)`) is refused here too: no line.
        for command in typed {
            let keys = command.args.compactMap { $0.key?.lowercased() }
            guard Set(keys).count == keys.count else { return nil }
        }
        return line
    }

    /// `c`, an `optimizer`, `regularize` or `schedule` command, with PyTorch's and scikit-learn's words made Descent's: the
    /// rule, scheduler or penalty by its name here (`SGD` → `sgd`, `StepLR` → `step`, `ridge` → `l2`, `off` → `none`), a
    /// positional argument as the option PyTorch's constructor takes there (nil when there is none), a bare `nesterov` as
    /// nesterov=true, True and False in lower case, a scheduler's options by their names here, ElasticNet's alpha= and l1_ratio= as l1= and l2= (when α ≥ 0 and 0 ≤ r ≤ 1, as
    /// scikit-learn requires), an optimizer's weight_decay=wd (AdamW's, 0.01 by default, with `adam` for `adamw`) as
    /// `; regularize l2 wd/2` after it; nil for another command.
    static func translated(_ c: Command) -> String? {
        let matches = Commands.matching(c.name)
        guard matches.count == 1, ["optimizer", "regularize", "schedule"].contains(matches[0].name), let first = c.args.first else { return nil }
        let name = matches[0].name
        var words = [name, first.text]
        if first.key == nil, case .word(let word) = first.value {
            switch name {
            case "optimizer": words[1] = word.lowercased()
            case "schedule": words[1] = schedulers[key(word)] ?? word.lowercased()
            default: words[1] = key(word) == "off" ? "none" : penalties[key(word)] ?? word.lowercased()
            }
        }
        var args = Array(c.args.dropFirst())
        // PyTorch's positional arguments after the first, by the constructor's order (`SGD(params, 0.1, 0.9)` is lr=0.1
        // momentum=0.9), then read as the options they name; one that cannot be named gives no line.
        if name != "regularize" {
            var index = 0
            for (i, arg) in args.enumerated() where arg.key == nil {
                let isValue: Bool
                switch arg.value {
                case .number: isValue = true
                case .word(let v): isValue = ["true", "false"].contains(v.lowercased())
                default: isValue = false
                }
                guard isValue else { continue }
                guard let order = positionalOrder[name == "optimizer" ? words[1] : name + " " + words[1]], index < order.count,
                      order[index] != "betas" else { return nil }
                args[i] = Arg(key: order[index], keySpan: arg.valueSpan, value: arg.value, valueSpan: arg.valueSpan, valueText: arg.valueText)
                index += 1
            }
        }
        let number = { (option: String) in ForeignNames.number(option, in: args) }
        // PyTorch's weight_decay= (AdamW's 0.01 when not given) as the `regularize l2` that does it, after the optimizer:
        // AdamW's decay is decoupled, which is not offered, and Adam with coupled L2 is the nearest.
        var decay: String?
        if name == "optimizer" {
            var wd: Double? = words[1] == "adamw" ? 0.01 : nil
            if let given = args.first(where: { $0.key.map { ["weightdecay", "wd"].contains(key($0)) } ?? false }) {
                wd = nil
                if case .number(let x) = given.value { wd = x; args.removeAll { $0 == given } }
            }
            decay = wd.flatMap { $0 == 0 ? nil : "regularize l2 \(($0 / 2).plainText)" }   // 0, the default, is left out
            if words[1] == "adamw" { words[1] = "adam" }
        }
        if words[1] == "elastic", let alpha = number("alpha"), let ratio = number("l1ratio"), alpha >= 0, (0...1).contains(ratio) {
            let (l1, l2) = elasticNet(alpha: alpha, ratio: ratio)
            args.removeAll { ["alpha", "l1ratio"].contains($0.key.map(key) ?? "") }
            words += ["l1=\(l1.plainText)", "l2=\(l2.plainText)"]
        }
        for arg in args {
            if let option = arg.key {
                if name == "optimizer", isFixedDefault(arg) { continue }
                if name == "schedule", let ours = scheduleOptions[key(option)] { words.append(ours + "=" + arg.valueText); continue }
                if case .word(let v) = arg.value, ["true", "false"].contains(v.lowercased()) { words.append(option + "=" + v.lowercased()); continue }
                words.append(arg.text)
            } else if name == "optimizer", case .word(let v) = arg.value, v.lowercased() == "nesterov" {
                words.append("nesterov=true")
            } else {
                words.append(arg.text)
            }
        }
        return words.joined(separator: " ") + (decay.map { "; " + $0 } ?? "")
    }

    /// The hint for scikit-learn's `alpha=` or `l1_ratio=` given to `regularize elastic` (`a`'s command): ElasticNet's
    /// penalty and the `regularize elastic l1= l2=` that is it, worked out when both are numbers; nil for any other option.
    static func elasticNetHint(_ option: String, in a: ArgReader) -> String? {
        guard ["alpha", "l1ratio"].contains(key(option)) else { return nil }
        let value = { (name: String) in ForeignNames.number(name, in: a.command.args) }
        // scikit-learn refuses these too: the penalty would reward large weights.
        if let alpha = value("alpha"), alpha < 0 {
            return " — scikit-learn's ElasticNet takes alpha ≥ 0, not \(alpha.plainText): its penalty is α·r·Σ|w| + α·(1−r)/2·Σw², "
                + "`regularize elastic l1=α·r l2=α·(1−r)/2` here"
        }
        if let ratio = value("l1ratio"), !(0...1).contains(ratio) {
            return " — scikit-learn's ElasticNet takes l1_ratio from 0 to 1, not \(ratio.plainText): its penalty is α·r·Σ|w| + "
                + "α·(1−r)/2·Σw², `regularize elastic l1=α·r l2=α·(1−r)/2` here"
        }
        let line = plainLine(a.command.text).flatMap { $0.contains("alpha=") || $0.contains("l1_ratio=") ? nil : $0 }
        return " — scikit-learn's ElasticNet(alpha=α, l1_ratio=r) penalises α·r·Σ|w| + α·(1−r)/2·Σw², which is "
            + "`\(line?.shortened(to: 100) ?? "regularize elastic l1=α·r l2=α·(1−r)/2")` here"
    }

    /// What `plain` (a line `plainLine` wrote for `text`) did with weight decay, as a note after it: ` (PyTorch's
    /// weight_decay=wd is `regularize l2 wd/2` here; …)`, AdamW's said to be Adam with L2; "" when it did nothing.
    static func decayNote(_ plain: String, for text: String) -> String {
        guard plain.contains("; regularize l2") else { return "" }
        let adamW = text.lowercased().contains("adamw")
        return " (" + (adamW ? "AdamW's decoupled weight decay is not offered; Adam with L2 is the nearest, and " : "")
            + "PyTorch's weight_decay=wd\(adamW ? " (0.01 unless given)" : "") is `regularize l2 λ` here with λ = wd/2)"
    }

    /// The hint for PyTorch's `betas=` given to `optimizer` (`a`'s command): two options here, with the line that gives
    /// them (`beta1=0.9 beta2=0.999`); nil for any other option.
    static func betasHint(_ option: String, in a: ArgReader) -> String? {
        guard key(option) == "betas" else { return nil }
        let line = plainLine(a.command.text).flatMap { $0.contains("betas=") ? nil : $0 }
        return " — PyTorch's betas=(β1, β2) are two options here: `\(line?.shortened(to: 100) ?? "optimizer adam beta1=β1 beta2=β2")`"
    }

    /// PyTorch's optimizer options that Descent holds at PyTorch's default (keyed as `key` keys them) → that default as a
    /// number (false as 0; nil when every value only chooses PyTorch's implementation) and how it is said.
    static let fixedOptions: [String: (value: Double?, said: String)] = [
        "dampening": (0, "dampening 0"), "centered": (0, "not centered"), "amsgrad": (0, "no amsgrad"),
        "maximize": (0, "not maximize"), "lrdecay": (0, "no lr_decay"), "initialaccumulatorvalue": (0, "initial accumulator 0"),
        "foreach": (nil, "one implementation"), "fused": (nil, "one implementation"), "capturable": (nil, "one implementation"),
        "differentiable": (nil, "one implementation"),
    ]

    /// The hint for one of PyTorch's optimizer options that Descent holds at its default (`dampening=0`, `amsgrad=true`)
    /// among `a`'s: at that default, to leave it out (with the line without it); at another value, that it is not offered;
    /// nil for any other option.
    static func fixedOptionHint(_ option: String, in a: ArgReader) -> String? {
        guard let fixed = fixedOptions[key(option)], let arg = a.command.args.first(where: { $0.key == option }) else { return nil }
        let said = "Descent always uses PyTorch's default for it (\(fixed.said))"
        guard isFixedDefault(arg) else { return " — \(arg.text.shortened()) is not offered: \(said)" }
        let without = ([a.command.name] + a.command.args.filter { $0 != arg }.map(\.text)).joined(separator: " ")
        return " — \(said): leave it out, `\((plainLine(without) ?? without).shortened(to: 100))`"
    }

    /// Whether `arg` is one of `fixedOptions` at the default Descent holds it at (any value of one that only chooses
    /// PyTorch's implementation).
    static func isFixedDefault(_ arg: Arg) -> Bool {
        guard let option = arg.key, let fixed = fixedOptions[key(option)] else { return false }
        switch arg.value {
        case .number(let x): return fixed.value == nil || x == fixed.value
        case .word(let word): return fixed.value == nil || ["false": 0.0, "true": 1][word.lowercased()] == fixed.value
        default: return fixed.value == nil
        }
    }

    /// The number given as the option `option` among `args` (its key compared as `key` compares them); nil when absent
    /// or not a number.
    static func number(_ option: String, in args: [Arg]) -> Double? {
        guard case .number(let x)? = args.first(where: { $0.key.map(key) == option })?.value else { return nil }
        return x
    }

    /// PyTorch's `weight_decay=` (or `wd=`, any spelling `key` reads alike) among `a`'s options, with its value when that is
    /// a number; nil when there is none.
    static func weightDecay(in a: ArgReader) -> (option: Arg, value: Double?)? {
        guard let option = a.command.args.first(where: { $0.key.map { ["weightdecay", "wd"].contains(key($0)) } ?? false }) else { return nil }
        if case .number(let x) = option.value { return (option, x) }
        return (option, nil)
    }

    /// What PyTorch's weight_decay=`value` is here: `regularize l2 λ` with λ = wd/2, worked out from `value` when there is one.
    static func weightDecayText(_ value: Double?) -> String {
        let wd = value.map(\.plainText) ?? "wd", lambda = value.map { ($0 / 2).plainText } ?? "wd/2"
        return "PyTorch's weight_decay=\(wd) adds \(wd)·w to the gradient, as `regularize l2 \(lambda)` does here (λ = wd/2: the "
            + "gradient of λ·w² is 2λ·w), except that PyTorch decays the biases too"
    }

    /// The hint for an unknown option `option` of `a`'s command when it is PyTorch's weight decay (as `weightDecay(in:)`
    /// finds it): `lead` (the optimizers take none), then what does the same; nil for any other option.
    static func weightDecayHint(_ option: String, in a: ArgReader, lead: String = "") -> String? {
        guard let decay = weightDecay(in: a), decay.option.key == option else { return nil }
        return " — " + lead + weightDecayText(decay.value)
    }
}
