import XCTest
@testable import DescentCore

/// `Activation.tanhValue`, the vectorisable tanh, against the C library's.
/// Expected values were printed by python3's `math.tanh` (glibc's libm), run offline.
final class TanhTests: XCTestCase {
    func testMatchesTheCLibraryWithinFourUlp() {
        let cases: [(Double, Double)] = [
            (1e-300, 1e-300), (-3e-09, -3e-09), (1e-05, 9.999999999666668e-06),
            (0.0625, 0.062418746747512514), (-0.2063061870859251, -0.2034282228747037),
            // either side of ln2/2, where the reduction's k changes
            (0.34657359027997264, 0.3333333333333333), (0.3465735902799727, 0.3333333333333333),
            (0.5493061443340549, 0.5000000000000001), (-1.0, -0.7615941559557649), (1.5, 0.9051482536448664),
            (-3.7, -0.9987782412811312), (7.25, 0.9999989913051835), (18.0, 0.9999999999999996),
            (-21.99, -1.0), (22.5, 1.0), (700.0, 1.0),
        ]
        for (x, expected) in cases {
            let got = Activation.tanhValue(x)
            XCTAssertLessThanOrEqual(abs(got - expected), 4 * expected.ulp, "tanh(\(x)) = \(got), libm \(expected)")
        }
    }

    func testSpecialValues() {
        XCTAssertEqual(Activation.tanhValue(0).bitPattern, (0.0).bitPattern)
        XCTAssertEqual(Activation.tanhValue(-0.0).bitPattern, (-0.0).bitPattern)
        XCTAssertEqual(Activation.tanhValue(.infinity), 1)
        XCTAssertEqual(Activation.tanhValue(-.infinity), -1)
        XCTAssertTrue(Activation.tanhValue(.nan).isNaN)
    }

    /// The activation's forward pass uses it over a whole block, including a tail shorter than a vector.
    func testForwardOverABlock() {
        let z = (0..<19).map { Double($0) * 0.37 - 3.1 }
        var a = [Double](repeating: 0, count: z.count)
        Activation.tanh.forward(z, &a, rows: 1, cols: z.count)
        for (x, y) in zip(z, a) { XCTAssertEqual(y, Activation.tanhValue(x)) }
    }
}
