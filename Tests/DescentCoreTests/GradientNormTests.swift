import XCTest
@testable import DescentCore

/// The gradient norm `step`, `backward` and `break gradnorm` use: √Σg², scaled when Σg² overflows.
final class GradientNormTests: XCTestCase {
    private func parameter(_ grads: [Double]) -> Parameter {
        let p = Parameter(name: "W1", shape: [grads.count, 1], isWeight: true)
        p.grad.load(grads)
        return p
    }

    func testNormsByHand() {
        XCTAssertEqual(parameter([1, 2, 2]).gradientNorm, 3)
        XCTAssertEqual(Parameter.gradientNorm(of: [parameter([3]), parameter([4])]), 5)
        // (3e154)² + (4e154)² = 2.5e309 overflows, though every entry is finite; the norm is 5e154 (3-4-5 by hand).
        XCTAssertEqual(parameter([3e154, 4e154]).gradientNorm, 5e154, accuracy: 5e154 * 1e-15)
        XCTAssertEqual(Parameter.gradientNorm(of: [parameter([3e154]), parameter([-4e154])]), 5e154, accuracy: 5e154 * 1e-15)
        XCTAssertEqual(parameter([1e308, 1, .infinity]).gradientNorm, .infinity)
        XCTAssertTrue(parameter([1, .nan]).gradientNorm.isNaN)
        XCTAssertEqual(parameter([0, 0]).gradientNorm, 0)
    }
}
