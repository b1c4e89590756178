import XCTest
@testable import DescentCore

/// Means and population standard deviations worked out by hand.
final class StandardizerTests: XCTestCase {
    func testFitAndApply() {
        // Column 0: 1, 2, 3, 6 → mean 3, deviations -2 -1 0 3, variance (4+1+0+9)/4 = 3.5.
        // Column 1: 5, 5, 5, 5 → mean 5, std 0 → taken as 1.
        let x = Tensor(shape: [4, 2], data: [1, 5, 2, 5, 3, 5, 6, 5])
        let s = Standardizer(fitting: x)
        XCTAssertEqual(s.mean, [3, 5])
        XCTAssertEqual(s.std[0], 3.5.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(s.std[1], 1)
        let z = s.apply(x)
        let r = 3.5.squareRoot()
        let expected = [-2 / r, 0, -1 / r, 0, 0, 0, 3 / r, 0]
        for (a, e) in zip(z.data, expected) { XCTAssertEqual(a, e, accuracy: 1e-15) }
        // On the fitted data each column now has mean 0 and (non-constant columns) std 1.
        let col0 = stride(from: 0, to: 8, by: 2).map { z.data[$0] }
        XCTAssertEqual(col0.reduce(0, +) / 4, 0, accuracy: 1e-15)
        XCTAssertEqual(col0.map { $0 * $0 }.reduce(0, +) / 4, 1, accuracy: 1e-15)
        // Applied to other data with the training values: (9 - 3)/√3.5 and (7 - 5)/1.
        let other = s.apply(Tensor(shape: [1, 2], data: [9, 7]))
        XCTAssertEqual(other.data[0], 6 / r, accuracy: 1e-15); XCTAssertEqual(other.data[1], 2)
    }

    func testAConstantColumnBecomesExactlyZeroWhateverItsSumRoundsTo() {
        // 0.1 six times sums, left to right, to 0.6 − 1 ulp, so its mean is 0.09999999999999999 and the deviations
        // 1.4e-17 (Python: x = 0.0; for v in [0.1] * 6: x += v; x / 6 → 0.09999999999999999). The column is
        // constant all the same: mean 0.1, std 1, every value 0 after.
        let x = Tensor(shape: [6, 2], data: (0..<6).flatMap { [0.1, Double($0)] })
        let s = Standardizer(fitting: x)
        XCTAssertEqual(s.mean[0], 0.1)
        XCTAssertEqual(s.std[0], 1)
        XCTAssertEqual(stride(from: 0, to: 12, by: 2).map { s.apply(x).data[$0] }, [0, 0, 0, 0, 0, 0])
        XCTAssertTrue(x.columnIsConstant(0))
        XCTAssertFalse(x.columnIsConstant(1))
    }

    func testColumnsBeyondTheSquaresRangeKeepTheirStd() {
        // Deviations near 1e160 square past Double's range, near 1e-170 to 0. numpy, scaled by hand first:
        // b = np.array([1, -1, 3, 0]); b.mean() * s, b.std() * s for s = 1e160 and 1e-170
        //   → 7.5e159, 1.479019945774904e160 and 7.5e-171, 1.479019945774904e-170.
        // Standardised, both give b's own (b - 0.75) / 1.479019945774904 = 0.16903085, -1.18321596, 1.52127766, -0.50709255.
        let x = Tensor(shape: [4, 2], data: [1e160, 1e-170, -1e160, -1e-170, 3e160, 3e-170, 0, 0])
        let s = Standardizer(fitting: x)
        XCTAssertEqual(s.mean[0], 7.5e159, accuracy: 1e146)
        XCTAssertEqual(s.mean[1], 7.5e-171, accuracy: 1e-184)
        XCTAssertEqual(s.std[0], 1.479019945774904e160, accuracy: 1e147)
        XCTAssertEqual(s.std[1], 1.479019945774904e-170, accuracy: 1e-183)
        let z = s.apply(x), expected = [0.16903085, -1.18321596, 1.52127766, -0.50709255]
        for i in 0..<4 {
            XCTAssertEqual(z[i, 0], expected[i], accuracy: 1e-8)
            XCTAssertEqual(z[i, 1], expected[i], accuracy: 1e-8)
        }
    }

    func testDatasetStandardizedKeepsTargets() throws {
        let d = try Dataset(rows: [[0], [2]], targets: [7, 8], task: .regression)
        let s = Standardizer(fitting: d.X)
        let z = d.standardized(by: s)
        XCTAssertEqual(z.X.data, [-1, 1]); XCTAssertEqual(z.y, d.y)
        XCTAssertEqual(Standardizer(mean: [1], std: [0]).std, [1])
    }
}
