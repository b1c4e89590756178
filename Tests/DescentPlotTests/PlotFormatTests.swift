import XCTest
@testable import DescentPlot

/// Compact number labels; expected strings written by hand from the rules in `PlotFormat`'s documentation.
final class PlotFormatTests: XCTestCase {
    func testExamplesFromTheSpecification() {
        XCTAssertEqual(PlotFormat.number(0), "0")
        XCTAssertEqual(PlotFormat.number(-0.0), "0")
        XCTAssertEqual(PlotFormat.number(0.5), "0.5")
        XCTAssertEqual(PlotFormat.number(1.25), "1.25")
        XCTAssertEqual(PlotFormat.number(1e-4), "1e-4")
        XCTAssertEqual(PlotFormat.number(2.5e6), "2.5e+6")
        XCTAssertEqual(PlotFormat.number(1200), "1200")
        XCTAssertEqual(PlotFormat.number(-3), "-3")
    }

    func testSignificantDigitsShrinkToFitSevenCharacters() {
        XCTAssertEqual(PlotFormat.number(1.0 / 3), "0.3333")       // 4 significant digits
        XCTAssertEqual(PlotFormat.number(0.001234), "0.00123")     // "0.001234" would be 8 characters
        XCTAssertEqual(PlotFormat.number(-0.001234), "-0.0012")
        XCTAssertEqual(PlotFormat.number(123456.7), "123457")      // integer part is never cut
        XCTAssertEqual(PlotFormat.number(999999.7), "1e+6")        // rounds up out of the fixed range
        XCTAssertEqual(PlotFormat.number(-1.2345e-123), "-1e-123") // "-1.2e-123" would be 9 characters
        XCTAssertEqual(PlotFormat.number(1.5e-12), "1.5e-12")
    }

    func testNonFiniteValues() {
        XCTAssertEqual(PlotFormat.number(.nan), "NaN")
        XCTAssertEqual(PlotFormat.number(.infinity), "inf")
        XCTAssertEqual(PlotFormat.number(-.infinity), "-inf")
    }

    func testEveryFiniteValueFitsAndReadsBackClosely() {
        // A deterministic sweep over 600 decades of magnitude, both signs; within 5% means 2+ significant digits.
        var v = 1.234567e-300
        while v < 1e300 {
            for x in [v, -v] {
                let s = PlotFormat.number(x)
                XCTAssertLessThanOrEqual(s.count, PlotFormat.maxWidth, "\(x) → \(s)")
                guard let back = Double(s) else { return XCTFail("\(s) does not parse") }
                // "d.de+NN" is 7 characters: two significant digits fit while the exponent has at most
                // 2 digits (1 when a minus sign is needed too); otherwise only one digit fits.
                let exponent = Int(log10(abs(x)).rounded(.down)).magnitude
                let tolerance = (1e-3..<1e6).contains(abs(x)) || exponent <= (x < 0 ? 9 : 99) ? 0.05 : 0.5
                XCTAssertLessThanOrEqual(abs(back - x) / abs(x), tolerance, "\(x) → \(s)")
            }
            v *= 7.3
        }
    }

    func testCountsPrintIntegers() {
        XCTAssertEqual(PlotFormat.count(812), "812")
        XCTAssertEqual(PlotFormat.count(1_234_567), "1234567")
        XCTAssertEqual(PlotFormat.count(0.75), "0.75")
    }
}
