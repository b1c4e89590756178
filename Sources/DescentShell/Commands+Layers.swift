import DescentCore
import DescentLanguage
import DescentText

/// `layer insert`, `layer replace` and `layer remove`: editing the model's layers in place.
///
/// Layers are numbered as `show model` and the parameter names number them: the dense layers only, 1 to n (layer K
/// holds WK and bK). A dropout layer has no number of its own: `layer insert K dropout P`, `layer replace K dropout P`
/// and `layer remove K dropout` address the one just before layer K, on its input.
extension Commands {
    /// The number of dense layers in `layers`.
    static func denseCount(_ layers: [LayerSpec]) -> Int {
        layers.reduce(0) { count, layer in if case .dense = layer { count + 1 } else { count } }
    }

    /// Where dense layer `k` (counting from 1) stands in `layers`, if there is one.
    static func denseIndex(_ k: Int, in layers: [LayerSpec]) -> Int? {
        guard k >= 1 else { return nil }
        var seen = 0
        for (i, layer) in layers.enumerated() {
            guard case .dense = layer else { continue }
            seen += 1
            if seen == k { return i }
        }
        return nil
    }

    /// The layers `layer insert|replace|remove …` leaves and its reply; nil when it changes nothing (a replacement
    /// that is the layer as it is, which says so).
    static func editLayers(_ verb: String, _ w: Workspace, _ a: inout ArgReader) throws -> ([LayerSpec], String)? {
        var layers = w.layers
        let n = denseCount(layers)
        guard n > 0 else {
            throw a.error("there are no layers yet — `layer dense UNITS [ACTIVATION]` adds one, which `layer \(verb)` can then address as layer 1")
        }
        let k = try layerNumber(&a, verb: verb, layers: layers)
        let kSpan = a.lastSpan
        let at = denseIndex(k, in: layers) ?? layers.count
        let target = verb == "remove" ? try a.optionalWord("layer kind", oneOf: ["dense", "dropout"])
            : try a.word("layer kind", oneOf: ["dense", "dropout"])
        switch (verb, target) {
        case ("insert", "dense"?):
            let layer = try denseLayer(&a, command: "layer insert \(k) dense")
            layers.insert(layer, at: at)
            return (layers, "inserted layer \(k): \(layer)" + renumbered(from: k, through: n, by: 1))
        case ("insert", _):
            let layer = try dropoutLayer(&a)
            layers.insert(layer, at: at)
            return (layers, "inserted \(layer) before layer \(k)")
        case ("replace", "dense"?):
            let layer = try denseLayer(&a, command: "layer replace \(k) dense")
            let old = layers[at]
            if layer == old { unchanged(w, "layer replace \(k) \(layer)"); return nil }
            layers[at] = layer
            return (layers, "layer \(k): \(layer) (was \(old))")
        case ("replace", _):
            let layer = try dropoutLayer(&a)
            let i = try dropoutBefore(k, at: at, in: layers, span: kSpan)
            let old = layers[i]
            if layer == old { unchanged(w, "layer replace \(k) \(layer)"); return nil }
            layers[i] = layer
            return (layers, "\(layer) before layer \(k) (was \(old))")
        case (_, "dropout"?):
            try a.finish(options: [])
            let i = try dropoutBefore(k, at: at, in: layers, span: kSpan)
            let old = layers.remove(at: i)
            return (layers, "removed \(old) before layer \(k)")
        default:
            try a.finish(options: [])
            guard n > 1 else {
                throw Diagnostic("layer 1 is the model's only dense layer: removing it leaves no model — `layer clear` removes every layer, "
                                 + "and `layer replace 1 dense UNITS [ACTIVATION]` changes it", at: kSpan)
            }
            let old = layers.remove(at: at)
            // A model that ended in its output layer is not left ending in a dropout (one already ending so is being built).
            if k == n, case .dropout(let p)? = layers.last, case .dense? = w.layers.last {
                let trailing = layers.reversed().prefix { if case .dropout = $0 { true } else { false } }.count
                throw Diagnostic("removing layer \(n), the output layer, would leave the model ending in dropout \(Format.short(p)), whose "
                                 + "dropped-out outputs the loss would read — `layer remove \(n) dropout` first, or `layer pop \(trailing + 1)` "
                                 + "to remove \(trailing == 1 ? "both" : "them all")", at: kSpan)
            }
            let now = k == n ? " (layer \(n - 1) is the output layer now)" : renumbered(from: k + 1, through: n, by: -1)
            return (layers, "removed layer \(k): \(old)" + now)
        }
    }

    /// Reads K, the number of a dense layer: 1 to the number of dense layers; an error at it that says the valid range
    /// and the number of layers when there is no such layer (`insert` also when it would go after the output layer).
    static func layerNumber(_ a: inout ArgReader, verb: String, layers: [LayerSpec]) throws -> Int {
        let n = denseCount(layers)
        if let arg = a.peek, case .number(let x) = arg.value, let k = Int(arg.valueText) ?? Int(exactly: x), !(1...n).contains(k) {
            let range = n == 1 ? "K can only be 1" : "K is from 1 to \(n)"
            let counted = "the model has \(Format.counted(n, "dense layer")), numbered as `show model` numbers them (dropout layers are not counted)"
            if verb == "insert" && k == n + 1 {
                throw Diagnostic("layer \(n) is the output layer: `layer insert \(k)` would put a layer after it — `layer dense …` adds "
                                 + "one at the end, and `layer insert K` puts the new layer in place of layer K; \(range): \(counted)",
                                 at: arg.valueSpan)
            }
            throw Diagnostic("there is no layer \(k) — \(range): \(counted)", at: arg.valueSpan)
        }
        return try a.int("layer number K", range: 1...n)
    }

    /// `, layers 3–4 are now 4–5` for the dense layers `first` to `last` moved `by` places (the parameter names move with
    /// them); "" when there are none.
    static func renumbered(from first: Int, through last: Int, by shift: Int) -> String {
        guard first <= last else { return "" }
        if first == last { return " (layer \(first) is now layer \(first + shift))" }
        return " (layers \(first)–\(last) are now \(first + shift)–\(last + shift))"
    }

    /// Where the dropout layer just before dense layer `k` (at `at`) stands in `layers`; an error at `span` when another
    /// layer, or the input, is there.
    static func dropoutBefore(_ k: Int, at: Int, in layers: [LayerSpec], span: SourceSpan) throws -> Int {
        if at > 0, case .dropout = layers[at - 1] { return at - 1 }
        let before = at == 0 ? "the input goes straight into it" : "layer \(k - 1), \(layers[at - 1]), comes straight before it"
        var placed: [String] = []
        var next = 1   // the number of the dense layer after the one looked at
        let dense = denseCount(layers)
        for layer in layers {
            if case .dense = layer { next += 1 } else { placed.append(next <= dense ? "before layer \(next)" : "at the end") }
        }
        let elsewhere = placed.isEmpty ? "the model has no dropout layer" : "the model's dropout layers are " + placed.joined(separator: ", ")
        throw Diagnostic("there is no dropout layer before layer \(k): \(before) (\(elsewhere))", at: span)
    }

    /// The error for `layer pop N` with fewer than N layers: how many there are, and what removes them all.
    static func popTooMany(_ count: Int, _ layers: [LayerSpec]) -> String {
        "layer pop \(count) would remove \(Format.counted(count, "layer")), but the model has \(layers.count) ("
            + layers.map(\.description).joined(separator: " | ") + ") — `layer clear` removes them all"
    }

    /// The error for `layer K …`, a layer's number where the kind belongs: the forms that change layer K or insert one
    /// there, written with the rest of the command.
    static func layerNumberFirst(_ w: Workspace, _ a: ArgReader) -> Diagnostic {
        let args = a.command.args
        let number = args.first { $0.key == nil }
        let k = number?.valueText ?? "K"
        let rest = args.filter { $0 != number }.map(\.text)
        let head = "expected a layer kind (one of \(layerKinds.joined(separator: ", "))), got \(k) — "
        let span = number?.valueSpan ?? a.command.nameSpan
        if let first = rest.first?.lowercased(), ["dense", "dropout"].contains(first) {
            let tail = rest.joined(separator: " ")
            return Diagnostic(head + "`layer replace \(k) \(tail)` changes layer \(k), `layer insert \(k) \(tail)` puts a new layer in its place", at: span)
        }
        var now = ""
        if let n = Int(k), let i = denseIndex(n, in: w.layers) { now = " (it is \(w.layers[i]) now)" }
        return Diagnostic(head + "to change layer \(k), give it whole: `layer replace \(k) dense UNITS [ACTIVATION] [options…]`\(now); "
                          + "`layer remove \(k)` removes it", at: span)
    }
}
