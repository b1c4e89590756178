/// The model a weights file's parameters fit, read from the file alone, for `load weights` before there is one.
extension WeightsFile {
    /// The model `text`'s parameters fit: its input width (W1's rows), its layers (each dense layer's units from Wk's
    /// columns, its bias from whether bk is there, its activation and the dropout layers from the file's `model`
    /// description; linear everywhere, no dropout and `activationsKnown` false when that is missing or does not match
    /// the shapes) and the feature terms its inputs are (nil for the data's own columns); nil when `text` is no weights
    /// file with W1, W2, … of chaining shapes.
    public static func layers(in text: String) -> (inputs: Int, layers: [LayerSpec], activationsKnown: Bool, features: [String]?)? {
        guard case .object(let root)? = try? JSONReader.parse(text), case .object(let params)? = root["params"] else { return nil }
        var inputs = 0, dense: [(units: Int, bias: Bool)] = []
        while case .array(let rows)? = params["W\(dense.count + 1)"], case .array(let first)? = rows.first, !first.isEmpty {
            if dense.isEmpty { inputs = rows.count } else if rows.count != dense[dense.count - 1].units { return nil }
            dense.append((first.count, params["b\(dense.count + 1)"] != nil))
        }
        guard !dense.isEmpty, params.count == dense.count + dense.filter(\.bias).count else { return nil }
        var features: [String]?
        if case .array(let items)? = root["features"] {
            features = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        if case .string(let summary)? = root["model"], let layers = described(summary, inputs: inputs, dense: dense) {
            return (inputs, layers, true, features)
        }
        return (inputs, dense.map { .dense(units: $0.units, activation: .linear, bias: $0.bias, initializer: nil) }, false, features)
    }

    /// The layers `summary` (`ModelSpec.summary`: `3-3-drop0.5-2-1 leaky_relu(0.2),tanh→sigmoid`) describes, when
    /// its widths are `inputs` and the units of `dense`; nil otherwise.
    private static func described(_ summary: String, inputs: Int, dense: [(units: Int, bias: Bool)]) -> [LayerSpec]? {
        let parts = summary.split(separator: " ", maxSplits: 1).map(String.init)
        guard let widthsPart = parts.first else { return nil }
        let widths = widthsPart.split(separator: "-").map(String.init), n = dense.count
        guard widths.first == String(inputs) else { return nil }
        var names: [String]
        if parts.count == 1 {
            // No activations written: one linear layer.
            guard n == 1 else { return nil }
            names = ["linear"]
        } else {
            let halves = parts[1].components(separatedBy: "→")
            guard halves.count <= 2, n > 1 || halves.count == 1 else { return nil }
            var hidden = n == 1 ? [] : halves[0].split(separator: ",").map(String.init)
            if hidden.count == 1 { hidden = Array(repeating: hidden[0], count: n - 1) }
            guard hidden.count == n - 1, let last = halves.last else { return nil }
            names = hidden + [last]
        }
        var activations: [Activation] = []
        for name in names {
            guard let a = activation(described: name) else { return nil }
            activations.append(a)
        }
        var layers: [LayerSpec] = [], k = 0
        for w in widths.dropFirst() {
            if w.hasPrefix("drop") {
                // As `layer dropout P` takes it: in [0, 1) (a file's `drop1e999` or `dropnan` describes no layer).
                guard let p = Double(w.dropFirst(4)), p >= 0 && p < 1 else { return nil }
                layers.append(.dropout(p: p))
                continue
            }
            guard k < n, Int(w) == dense[k].units else { return nil }
            layers.append(.dense(units: dense[k].units, activation: activations[k], bias: dense[k].bias, initializer: nil))
            k += 1
        }
        return k == n ? layers : nil
    }

    /// The activation an `Activation.description` names (`tanh`, `leaky_relu(0.2)`), or nil.
    private static func activation(described d: String) -> Activation? {
        guard let open = d.firstIndex(of: "("), d.hasSuffix(")") else { return Activation.named(d) }
        // As `slope=` and `alpha=` take it: 0 to 1e6 (a file's `leaky_relu(1e999)` or `elu(nan)` describes no activation).
        guard let x = Double(d[d.index(after: open)..<d.index(before: d.endIndex)]), x >= 0 && x <= 1e6 else { return nil }
        return Activation.named(String(d[..<open]), parameter: x)
    }
}
