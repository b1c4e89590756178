import DescentCore
import Foundation
import XCTest

/// `Format.sigWidth` measures `Format.sig`'s text without making it: the two agree on every length.
final class FormatWidthTests: XCTestCase {
    func testTheWidthIsTheLengthOfTheText() {
        // Ties and carries at 5 and 6 digits (99999.5 becomes 1e+05), the switch to exponents at 1e-4 and 1e5 and
        // just either side, 3-digit exponents, subnormals, signed zeros, the extremes, NaN and the infinities.
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 99999.5, 999999.5, 99999.4, 1e-4, 9.99995e-5, 1e-5, 1e5, 1e6, 123456,
                                1e-300, -2.5e-308, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                -.greatestFiniteMagnitude, 1.0 / 3, -2.0 / 3, 0.1 + 0.2, .nan, .infinity, -.infinity]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let x = Double.random(in: 1...10, using: &g) * pow(10, Double(Int.random(in: -310...308, using: &g)))
            values += [x, -x, (x * 1e4).rounded() / 1e4]
        }
        for digits in [4, 5, 6, 17] {
            for x in values {
                XCTAssertEqual(Format.sigWidth(x, digits), Format.sig(x, digits).utf8.count, "\(x) at \(digits) digits: \(Format.sig(x, digits))")
            }
        }
    }
}
