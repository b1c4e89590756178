/// A sequential model's declaration and its parameters (`W1`, `b1`, `W2`, …).
public final class Model {
    public let spec: ModelSpec
    /// Parameters in layer order: W1, b1, W2, b2, … (bk absent when layer k has no bias).
    public let parameters: [Parameter]

    /// Creates the parameters for `spec`, drawing initial values from `rng`.
    public init(spec: ModelSpec, rng: inout RNG) {
        self.spec = spec
        var params: [Parameter] = []
        var width = spec.inputSize, k = 0
        for layer in spec.layers {
            guard case let .dense(units, act, bias, ini) = layer else { continue }
            k += 1
            let w = Parameter(name: "W\(k)", shape: [width, units], isWeight: true)
            (ini ?? Initializer.defaultFor(act)).fill(w.value.pointer, count: w.count, fanIn: width, fanOut: units, rng: &rng)
            params.append(w)
            if bias { params.append(Parameter(name: "b\(k)", shape: [units], isWeight: false)) }
            width = units
        }
        parameters = params
    }

    /// The parameter called `name`, if any.
    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// Total number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Copies of every parameter's values, for undo and saving.
    public func snapshot() -> [Tensor] { parameters.map { $0.tensor } }

    /// Puts back values taken by `snapshot()`.
    public func restore(_ values: [Tensor]) {
        for (p, t) in zip(parameters, values) where p.count == t.count { p.value.load(t.data) }
    }
}
