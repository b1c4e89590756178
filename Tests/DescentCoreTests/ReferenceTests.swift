import XCTest
@testable import DescentCore

/// Losses, activations, optimizers and regularizers against PyTorch 2.15 (float64).
/// Every expected number below was printed by Tests/References/torch_refs.py, run offline.
final class ReferenceTests: XCTestCase {
    /// Loss value and gradient of `loss` on predictions `p` (rows×cols) and targets `y`.
    private func evaluate(_ loss: Loss, _ p: [Double], _ y: [Double], rows: Int, cols: Int) -> (Double, [Double]) {
        var grad = [Double](repeating: 0, count: p.count)
        let v = loss.value(p, y, rows: rows, cols: cols)
        loss.gradient(p, y, rows: rows, cols: cols, scale: 1, into: &grad)
        return (v, grad)
    }

    private func assertClose(_ a: [Double], _ b: [Double], tol: Double = 1e-12, _ what: String, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, line: line)
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x, y, accuracy: tol * max(1, abs(y)), "\(what): \(a) vs \(b)", line: line)
        }
    }

    func testRegressionLossesMatchTorch() {
        let p = [0.5, -1.2, 2.0, 0.1], y = [1.0, 0.0, 1.5, 0.1]
        let cases: [(Loss, Double, [Double])] = [
            (.mse, 0.485, [-0.25, -0.6, 0.25, 0.0]),
            (.mae, 0.55, [-0.25, -0.25, 0.25, 0.0]),
            (.huber(delta: 1), 0.2375, [-0.125, -0.25, 0.125, 0.0]),
            (.huber(delta: 0.5), 0.18125, [-0.125, -0.125, 0.125, 0.0]),
        ]
        for (loss, value, grad) in cases {
            let (v, g) = evaluate(loss, p, y, rows: 4, cols: 1)
            XCTAssertEqual(v, value, accuracy: 1e-12, "\(loss)")
            assertClose(g, grad, "\(loss) gradient")
        }
    }

    func testBCEFromLogitsMatchesTorch() {
        let (v, g) = evaluate(.bce, [0.3, -2.0, 4.0, -40.0], [1, 0, 1, 1], rows: 4, cols: 1)
        XCTAssertEqual(v, 10.174858295857327, accuracy: 1e-12)
        assertClose(g, [-0.10638937079708524, 0.029800730505529387, -0.004496552490522887, -0.25], "bce gradient")
    }

    func testCrossEntropyMatchesTorch() {
        let z = [1.0, 2.0, 0.5, 0.1, -1.0, 3.0, 100.0, 0.0, -100.0]
        let (v, g) = evaluate(.ce, z, [2, 2, 1], rows: 3, cols: 3)
        XCTAssertEqual(v, 34.01171433435615, accuracy: 1e-12)
        assertClose(g, [0.07707463254071634, 0.20951057307058746, -0.28658520561130385, 0.01708786856944789,
                        0.0056880573288024695, -0.022775925898250355, 0.3333333333333333, -0.3333333333333333,
                        4.6129884224557915e-88], "ce gradient")
    }

    func testHingeMatchesTorch() {
        let (v, g) = evaluate(.hinge, [0.3, -0.5, 2.0, 0.9], [1, 0, 0, 1], rows: 4, cols: 1)
        XCTAssertEqual(v, 1.075, accuracy: 1e-12)
        assertClose(g, [-0.25, 0.25, 0.25, -0.25], "hinge gradient")
    }

    func testActivationsMatchTorch() {
        let x = [-3.0, -0.5, 0.0, 0.7, 2.5, 25.0]
        let cases: [(Activation, [Double])] = [
            (.relu, [0.0, 0.0, 0.0, 0.7, 2.5, 25.0]),
            (.leakyRelu(slope: 0.01), [-0.03, -0.005, 0.0, 0.7, 2.5, 25.0]),
            (.elu(alpha: 1), [-0.950212931632136, -0.3934693402873666, 0.0, 0.7, 2.5, 25.0]),
            (.tanh, [-0.9950547536867305, -0.46211715726000974, 0.0, 0.6043677771171635, 0.9866142981514303, 1.0]),
            (.sigmoid, [0.04742587317756678, 0.3775406687981454, 0.5, 0.6681877721681662, 0.9241418199787566, 0.999999999986112]),
            (.softplus, [0.04858735157374206, 0.4740769841801067, 0.6931471805599453, 1.103186048885458, 2.5788897342925496, 25.0]),
            (.gelu, [-0.0036373920817729943, -0.15428599017485606, 0.0, 0.5305701347051167, 2.484915733910001, 25.0]),
        ]
        for (act, expected) in cases {
            var out = [Double](repeating: 0, count: x.count)
            act.forward(x, &out, rows: 1, cols: x.count)
            assertClose(out, expected, "\(act)")
        }
        var out = [Double](repeating: 0, count: 6)
        Activation.softmax.forward([1.0, 2.0, 3.0, -1.0, 0.0, 1000.0], &out, rows: 2, cols: 3)
        assertClose(out, [0.09003057317038045, 0.2447284710547976, 0.6652409557748218, 0.0, 0.0, 1.0], "softmax")
    }

    /// Three updates of w = [0.5, -1, 0] with gradients g1, g2, g3.
    private func run(_ kind: OptimizerKind, lr: Double, lrAtStep3: Double? = nil) -> [Double] {
        let p = Parameter(name: "W1", shape: [3], isWeight: true)
        p.value.load([0.5, -1.0, 0.0])
        var opt = Optimizer(kind: kind, learningRate: lr)
        for (i, g) in [[0.1, -0.2, 0.3], [0.3, 0.05, -0.1], [-0.2, 0.4, 0.0]].enumerated() {
            if i == 2, let lr3 = lrAtStep3 { opt.learningRate = lr3 }
            p.grad.load(g)
            opt.update([p])
        }
        return p.value.array
    }

    func testOptimizersMatchTorch() {
        let cases: [(String, OptimizerKind, Double, [Double])] = [
            ("sgd", .sgd(momentum: 0, nesterov: false), 0.1, [0.48, -1.025, -0.019999999999999997]),
            ("sgd momentum", .sgd(momentum: 0.9, nesterov: false), 0.1, [0.4359, -0.9953, -0.0623]),
            ("sgd nesterov", .sgd(momentum: 0.9, nesterov: true), 0.1, [0.42231, -1.02077, -0.07607]),
            ("adam", .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8), 0.01, [0.4782431522889793, -0.9893235649207834, -0.017095886198456367]),
            ("adam betas", .adam(beta1: 0.8, beta2: 0.99, eps: 1e-6), 0.05, [0.3930347102145925, -0.9535279579351624, -0.08005423643404523]),
            ("rmsprop", .rmsprop(alpha: 0.99, eps: 1e-8, momentum: 0), 0.01, [0.35874760784740667, -1.0134381579392906, -0.06823392985800211]),
            ("rmsprop momentum", .rmsprop(alpha: 0.99, eps: 1e-8, momentum: 0.5), 0.01, [0.23628979807471698, -0.950622443971747, -0.1273508864536726]),
            ("adagrad", .adagrad(eps: 1e-10), 0.1, [0.35858391869314776, -1.0131424514110043, -0.06837722337498287]),
        ]
        for (name, kind, lr, expected) in cases { assertClose(run(kind, lr: lr), expected, tol: 1e-14, name) }
    }

    func testLearningRateChangeKeepsAdamState() {
        let w = run(.adam(beta1: 0.9, beta2: 0.999, eps: 1e-8), lr: 0.01, lrAtStep3: 0.1)
        assertClose(w, [0.455031810904762, -1.0254877772174322, -0.044939195119836385], tol: 1e-14, "adam lr change")
    }

    func testElasticPenaltyMatchesTorch() {
        let reg = Regularizer(l1: 0.01, l2: 0.001)
        let w = [0.5, -0.2, 0.0, 1.5]
        XCTAssertEqual(reg.value(w, count: 4), 0.024540000000000003, accuracy: 1e-15)
        var g = [Double](repeating: 0, count: 4)
        reg.gradient(w, count: 4, scale: 1, into: &g)
        assertClose(g, [0.011, -0.0104, 0.0, 0.013000000000000001], tol: 1e-15, "elastic gradient")
    }
}
