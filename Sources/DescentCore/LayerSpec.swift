/// One layer of a sequential model as the user declared it.
public enum LayerSpec: Equatable, Sendable, CustomStringConvertible {
    /// Z = X·W + b (b optional), then A = activation(Z).
    case dense(units: Int, activation: Activation, bias: Bool, initializer: Initializer?)
    /// Inverted dropout with drop probability p; identity in evaluation.
    case dropout(p: Double)

    public var description: String {
        switch self {
        case let .dense(u, act, bias, ini):
            var s = "dense \(u) \(act)"
            if !bias { s += " bias=false" }
            if let ini { s += " init=\(ini)" }
            return s
        case .dropout(let p): return "dropout \(Format.short(p))"
        }
    }
}

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

    /// The activation of the last dense layer, if any.
    public var outputActivation: Activation? {
        for case let .dense(_, act, _, _) in layers.reversed() { return act }
        return nil
    }

    /// Widths joined by dashes and the activations, e.g. `2-8-8-1 tanh` or `2-8-1 tanh→sigmoid`.
    public var summary: String {
        var widths = [String(inputSize)]
        var acts: [String] = []
        for case let .dense(u, act, _, _) in layers { widths.append(String(u)); acts.append(act.description) }
        var s = widths.joined(separator: "-")
        guard let last = acts.last else { return s }
        let hidden = acts.dropLast()
        if hidden.isEmpty { return last == "linear" ? s : s + " " + last }
        let distinct = Array(Set(hidden))
        s += " " + (distinct.count == 1 ? distinct[0] : hidden.joined(separator: ","))
        if last != "linear" && !(distinct.count == 1 && distinct[0] == last) { s += "→" + last }
        return s
    }
}
