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

    func testDatasetStandardizedKeepsTargets() throws {
        let d = try Dataset(rows: [[0], [2]], targets: [7, 8], task: .regression)
        let s = Standardizer(fitting: d.X)
        let z = d.standardized(by: s)
        XCTAssertEqual(z.X.data, [-1, 1]); XCTAssertEqual(z.y, d.y)
        XCTAssertEqual(Standardizer(mean: [1], std: [0]).std, [1])
    }
}
