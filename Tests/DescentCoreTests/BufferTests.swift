import XCTest
@testable import DescentCore

/// `Buffer.allFinite`, which tests exponent bits eight values at a time and the rest one by one.
final class BufferTests: XCTestCase {
    func testFiniteExtremesAreFinite() {
        let b = Buffer([0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude,
                        -.greatestFiniteMagnitude, 1, -1e300, 3.5, .leastNormalMagnitude / 3, 42])
        XCTAssertTrue(b.allFinite)
        XCTAssertTrue(Buffer(count: 0).allFinite)
    }

    func testAnyNonFiniteValueAtAnyPositionIsFound() {
        for bad in [Double.nan, .infinity, -.infinity, -Double.nan] {
            for position in 0..<19 {
                let b = Buffer(count: 19)
                b.fill(1.5)
                b[position] = bad
                XCTAssertFalse(b.allFinite, "\(bad) at \(position)")
            }
        }
    }
}
