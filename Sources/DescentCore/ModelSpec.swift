/// A sequential model: the input width and the layers in order.
public struct ModelSpec: Equatable, Sendable {
    public var inputSize: Int
    public var layers: [LayerSpec]

    public init(inputSize: Int, layers: [LayerSpec]) {
        self.inputSize = inputSize; self.layers = layers
    }

    /// Width of the output of the last dense layer (the input width when there is none).
    public var outputSize: Int {
        for case let .dense(u, _, _, _) in layers.reversed() { return u }
        return inputSize
    }

    /// Values in the model's parameters (every `Wk` and `bk`), known before the model is built.
    public var parameterCount: Int {
        var count = 0, width = inputSize
        for case let .dense(units, _, bias, _) in layers {
            count += width * units + (bias ? units : 0)
            width = units
        }
        return count
    }

    /// Whether a layer drops out units (training draws masks; evaluation and `predict` do not).
    public var hasDropout: Bool { layers.contains { if case .dropout = $0 { return true } else { return false } } }

    /// The activation of the last dense layer, if any.
    public var outputActivation: Activation? {
        for case let .dense(_, act, _, _) in layers.reversed() { return act }
        return nil
    }

    /// Widths joined by dashes and the activations, e.g. `2-8-8-1 tanh` (every layer tanh), `2-8-1 tanh→sigmoid` or
    /// `2-8-1 tanh→linear` (the last layer's after the arrow, whenever it differs from the hidden layers' one); a dropout
    /// layer stands among the widths as its drop probability (`1-64-drop0.3-64-1 tanh→linear`). One layer alone: `2-1`
    /// (linear) or `2-1 sigmoid`.
    public var summary: String {
        var widths = [String(inputSize)]
        var acts: [String] = []
        for layer in layers {
            switch layer {
            case let .dense(u, act, _, _): widths.append(String(u)); acts.append(act.description)
            case .dropout(let p): widths.append("drop" + Format.short(p))
            }
        }
        var s = widths.joined(separator: "-")
        guard let last = acts.last else { return s }
        let hidden = acts.dropLast()
        if hidden.isEmpty { return last == "linear" ? s : s + " " + last }
        let distinct = Array(Set(hidden))
        s += " " + (distinct.count == 1 ? distinct[0] : hidden.joined(separator: ","))
        if !(distinct.count == 1 && distinct[0] == last) { s += "→" + last }
        return s
    }
}
