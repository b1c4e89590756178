import XCTest
@testable import DescentCore

/// The one table of each rule's settings: PyTorch's defaults, and the descriptions read from it.
final class OptimizerKindTests: XCTestCase {
    func testStandardSettingsArePyTorchsDefaults() {
        // torch.optim's signatures: SGD(momentum=0, nesterov=False), Adam(betas=(0.9, 0.999), eps=1e-08),
        // RMSprop(alpha=0.99, eps=1e-08, momentum=0), Adagrad(eps=1e-10).
        let expected: [String: [String: Double]] = ["sgd": ["momentum": 0], "adam": ["beta1": 0.9, "beta2": 0.999, "eps": 1e-8],
                                                    "rmsprop": ["alpha": 0.99, "eps": 1e-8, "momentum": 0], "adagrad": ["eps": 1e-10]]
        for name in OptimizerKind.names {
            let kind = OptimizerKind.standard(name)
            XCTAssertEqual(kind?.name, name)
            let settings = kind?.settings ?? []
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: settings.map { ($0.name, $0.value) }), expected[name], name)
            XCTAssertTrue(settings.allSatisfy { $0.value == $0.standard }, name)
        }
        XCTAssertEqual(OptimizerKind.standard("ADAM"), .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8))
        XCTAssertNil(OptimizerKind.standard("adamw"))
    }

    func testConstantsNameEveryNonzeroSettingAndTheMomentumOnlyWhenThere() {
        XCTAssertEqual(OptimizerKind.sgd(momentum: 0, nesterov: false).constants, "")
        XCTAssertEqual(OptimizerKind.sgd(momentum: 0.9, nesterov: true).constants, "momentum μ=0.9 nesterov")
        XCTAssertEqual(OptimizerKind.adam(beta1: 0.8, beta2: 0.999, eps: 1e-6).constants, "beta1 β₁=0.8 beta2 β₂=0.999 eps ε=1e-06")
        XCTAssertEqual(OptimizerKind.rmsprop(alpha: 0.99, eps: 1e-8, momentum: 0).constants, "alpha α=0.99 eps ε=1e-08")
        XCTAssertEqual(OptimizerKind.rmsprop(alpha: 0.9, eps: 1e-8, momentum: 0.5).constants, "alpha α=0.9 eps ε=1e-08 momentum μ=0.5")
    }
}
