import XCTest
@testable import DescentPlot

/// Tick positions worked out by hand: the densest spacing m × 10^k (m in 1, 2, 2.5, 5) giving at most
/// `maxCount` multiples inside the range; for log axes decades first, then 1-2-5, 1-3, then linear.
final class TicksTests: XCTestCase {
    private func assertTicks(_ t: Ticks, _ values: [Double], _ labels: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(t.values.count, values.count, "\(t.values)", file: file, line: line)
        for (a, b) in zip(t.values, values) { XCTAssertEqual(a, b, accuracy: abs(b) * 1e-12 + 1e-300, file: file, line: line) }
        XCTAssertEqual(t.labels, labels, file: file, line: line)
    }

    func testUnitRange() {
        // 0.1 would give 11 ticks, 0.2 gives 6.
        assertTicks(.linear(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1], ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    }

    func testWholeTicksForAnAxisThatCounts() {
        // One step: [1, 1] is widened to [0, 2], ticks at each whole number (not 0.9, 0.95, …, 1.1).
        let one = Ticks.linear(1, 1, whole: true)
        assertTicks(one, [0, 1, 2], ["0", "1", "2"])
        XCTAssertEqual([one.lo, one.hi], [0, 2])
        // Steps 1…3: spacing 0.5 would fit 5 ticks, but a step count takes whole spacings only.
        assertTicks(.linear(1, 3, whole: true), [1, 2, 3], ["1", "2", "3"])
        // 2.5 is not whole; 5 is next: [0, 12] with at most 4 ticks gives 0, 5, 10.
        assertTicks(.linear(0, 12, maxCount: 4, whole: true), [0, 5, 10], ["0", "5", "10"])
        // Wide ranges are as without `whole`; 25 × 10 is whole.
        assertTicks(.linear(0, 1000, maxCount: 5, whole: true), [0, 250, 500, 750, 1000], ["0", "250", "500", "750", "1000"])
    }

    func testStepsOfTwoHundred() {
        // 100 gives 9 ticks in [0, 812]; 200 gives 0…800.
        assertTicks(.linear(0, 812), [0, 200, 400, 600, 800], ["0", "200", "400", "600", "800"])
    }

    func testTwoAndAHalfStep() {
        // 0.2 gives 7 ticks in [0, 1.2]; 0.25 gives 5 and needs two decimals.
        assertTicks(.linear(0, 1.2), [0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"])
    }

    func testRangeNotStartingAtATick() {
        assertTicks(.linear(0.13, 0.97), [0.2, 0.4, 0.6, 0.8], ["0.2", "0.4", "0.6", "0.8"])
    }

    func testNegativeValues() {
        assertTicks(.linear(-3, 7), [-2, 0, 2, 4, 6], ["-2", "0", "2", "4", "6"])
        // Multiples of 0.002 from -0.012 to -0.004 (0.001 would give 11).
        assertTicks(.linear(-0.013, -0.0021), [-0.012, -0.01, -0.008, -0.006, -0.004],
                    ["-0.012", "-0.01", "-0.008", "-0.006", "-0.004"])
    }

    func testReversedBoundsAreOrdered() {
        XCTAssertEqual(Ticks.linear(7, -3), Ticks.linear(-3, 7))
    }

    func testEqualBoundsAreWidened() {
        // 5 ± 10% = [4.5, 5.5]; 0.2 steps give 5 ticks.
        let t = Ticks.linear(5, 5)
        XCTAssertEqual(t.lo, 4.5); XCTAssertEqual(t.hi, 5.5)
        assertTicks(t, [4.6, 4.8, 5, 5.2, 5.4], ["4.6", "4.8", "5", "5.2", "5.4"])
        // 0 has no scale: ±1.
        assertTicks(.linear(0, 0), [-1, -0.5, 0, 0.5, 1], ["-1", "-0.5", "0", "0.5", "1"])
    }

    func testTinyAndHugeRanges() {
        assertTicks(.linear(0, 1e-7), [0, 2e-8, 4e-8, 6e-8, 8e-8, 1e-7], ["0", "2e-8", "4e-8", "6e-8", "8e-8", "1e-7"])
        assertTicks(.linear(1e6, 3e6), [1e6, 1.5e6, 2e6, 2.5e6, 3e6], ["1e+6", "1.5e+6", "2e+6", "2.5e+6", "3e+6"])
        assertTicks(.linear(-1e300, 1e300), [-1e300, -5e299, 0, 5e299, 1e300], ["-1e+300", "-5e+299", "0", "5e+299", "1e+300"])
        // Ends whose difference overflows (±9e307, 1.8e308 apart) are clamped to ±4e307: step 2e307 (8e307 / 6 rounded
        // up to 2 × 10^k), so the ticks −4e307 … 4e307, 0 among them, each at its own place.
        assertTicks(.linear(-9e307, 9e307), [-4e307, -2e307, 0, 2e307, 4e307], ["-4e+307", "-2e+307", "0", "2e+307", "4e+307"])
    }

    func testNonFiniteBoundsFallBackToUnitRange() {
        XCTAssertEqual(Ticks.linear(-.infinity, .infinity), Ticks.linear(0, 1))
        XCTAssertEqual(Ticks.linear(.nan, .nan), Ticks.linear(0, 1))
    }

    func testThreeToSixTicksForManyRanges() {
        // Deterministic sweep of ranges of every scale and sign; each tick lies inside and ticks are evenly spaced.
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let scale = pow(10, next() * 40 - 20)
            let a = (next() * 2 - 1) * scale, b = a + next() * scale + scale * 1e-6
            let t = Ticks.linear(a, b)
            XCTAssert((3...6).contains(t.values.count), "\(a)…\(b): \(t.values)")
            XCTAssert(t.values.allSatisfy { $0 >= a - (b - a) * 1e-9 && $0 <= b + (b - a) * 1e-9 }, "\(a)…\(b): \(t.values)")
            XCTAssertEqual(Set(t.labels).count, t.labels.count, "labels must differ: \(t.labels)")
        }
    }

    func testLogDecades() {
        assertTicks(.logarithmic(0.001, 10), [0.001, 0.01, 0.1, 1, 10], ["0.001", "0.01", "0.1", "1", "10"])
    }

    func testLogDecadesThinnedWhenTooMany() {
        // 11 decades from 1e-10 to 1; every second one gives 6.
        assertTicks(.logarithmic(1e-10, 1), [1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1],
                    ["1e-10", "1e-8", "1e-6", "1e-4", "0.01", "1"])
    }

    func testLogOneTwoFiveWithinFewDecades() {
        // Only the decade 1 lies in [0.5, 8].
        assertTicks(.logarithmic(0.5, 8), [0.5, 1, 2, 5], ["0.5", "1", "2", "5"])
        // Decades 10 and 100 only; 1-2-5 gives 6.
        assertTicks(.logarithmic(1.26, 126), [2, 5, 10, 20, 50, 100], ["2", "5", "10", "20", "50", "100"])
    }

    func testLogOneThreeWhenOneTwoFiveIsTooDense() {
        // 1-2-5 would give 0.02 0.05 0.1 0.2 0.5 1 2 (7).
        assertTicks(.logarithmic(0.02, 3), [0.03, 0.1, 0.3, 1, 3], ["0.03", "0.1", "0.3", "1", "3"])
    }

    func testLogNarrowRangeFallsBackToLinear() {
        assertTicks(.logarithmic(0.3, 0.5), [0.3, 0.35, 0.4, 0.45, 0.5], ["0.3", "0.35", "0.4", "0.45", "0.5"])
    }

    func testLogNonPositiveLowerBound() {
        // lo ≤ 0 becomes hi / 10 = 10; decades 10 and 100 are too few, 1-2-5 gives 4.
        let t = Ticks.logarithmic(0, 100)
        XCTAssertEqual(t.lo, 10)
        assertTicks(t, [10, 20, 50, 100], ["10", "20", "50", "100"])
    }

    func testFittingLabelsOnAShortAxis() {
        // 10 cells for [0, 1]: 0.2 apart is 2 cells (labels need 4), 0.25 is 2.5 (need 5), 0.5 is 5 (need 4).
        assertTicks(.linear(0, 1, fitting: 10), [0, 0.5, 1], ["0", "0.5", "1"])
    }
}
