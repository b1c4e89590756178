/// The reference training workloads (the same as the PyTorch and JAX peers'), timed in steps per second.
public enum Benchmark {
    /// One workload: model, data size, batch, loss, optimizer and how many steps to time.
    public struct Workload: Sendable {
        public let name: String
        let sizes: [Int]
        let activation: Activation
        let samples: Int
        let batch: Int?
        let loss: Loss
        let regularizer: Regularizer
        let optimizer: OptimizerKind
        let learningRate: Double
        public let steps: Int
    }

    public static let workloads: [Workload] = [
        Workload(name: "tiny", sizes: [2, 8, 8, 1], activation: .tanh, samples: 200, batch: nil, loss: .mse,
                 regularizer: Regularizer(l2: 1e-3), optimizer: .sgd(momentum: 0, nesterov: false), learningRate: 0.03, steps: 3000),
        Workload(name: "digits", sizes: [64, 128, 64, 10], activation: .relu, samples: 1797, batch: 32, loss: .ce,
                 regularizer: .none, optimizer: .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8), learningRate: 1e-3, steps: 3000),
        Workload(name: "wide", sizes: [784, 512, 512, 10], activation: .relu, samples: 8192, batch: 256, loss: .ce,
                 regularizer: .none, optimizer: .sgd(momentum: 0.9, nesterov: false), learningRate: 0.01, steps: 200),
    ]

    /// A trainer for `w` on random data (normal features; normal targets or uniform class ids), seeded.
    public static func trainer(_ w: Workload, seed: UInt64 = 0) -> Trainer {
        var rng = RNG(seed: seed)
        let n = w.samples, f = w.sizes[0], k = w.sizes[w.sizes.count - 1]
        let x = Tensor(shape: [n, f], data: (0..<(n * f)).map { _ in rng.normal() })
        let classification = w.loss == .ce
        let y = Tensor(shape: [n, 1], data: (0..<n).map { _ in classification ? Double(rng.int(below: k)) : rng.normal() })
        let data = Dataset(name: "bench-\(w.name)", X: x, y: y, task: classification ? .multiclass : .regression,
                           featureNames: (0..<f).map { "x\($0)" }, targetName: "y",
                           classNames: classification ? (0..<k).map(String.init) : [])
        var layers: [LayerSpec] = []
        for units in w.sizes.dropFirst().dropLast() { layers.append(.dense(units: units, activation: w.activation, bias: true, initializer: nil)) }
        layers.append(.dense(units: k, activation: .linear, bias: true, initializer: nil))
        let spec = ModelSpec(inputSize: f, layers: layers)
        let model = Model(spec: spec, rng: &rng)
        let t = Trainer(model: model, loss: w.loss, regularizer: w.regularizer,
                        optimizer: Optimizer(kind: w.optimizer, learningRate: w.learningRate),
                        train: data, validation: nil, batchSize: w.batch, rng: rng)
        t.evaluationInterval = Int.max
        return t
    }

    /// One workload's timing: steps per second, and the share of the timed steps that ran on the thread team.
    public struct Measurement: Sendable {
        public let stepsPerSecond: Double
        public let shareOnTeam: Double
    }

    /// `w`'s speed: 20 warm-up steps, then `steps` timed steps (scaled by `scale`).
    public static func run(_ w: Workload, scale: Double = 1) -> Measurement {
        let t = trainer(w)
        _ = t.train(steps: 20, evaluateAtEnd: false) { _ in nil }
        let steps = max(1, Int(Double(w.steps) * scale))
        let clock = ContinuousClock()
        let onTeamBefore = t.stepsOnTeam
        let start = clock.now
        _ = t.train(steps: steps, evaluateAtEnd: false) { _ in nil }
        let secs = (clock.now - start).seconds
        return Measurement(stepsPerSecond: Double(steps) / secs,
                           shareOnTeam: Double(t.stepsOnTeam - onTeamBefore) / Double(steps))
    }
}
