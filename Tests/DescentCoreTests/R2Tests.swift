import XCTest
@testable import DescentCore

/// R² from `Metrics.metric`: against scikit-learn's documented example, and undefined (NaN) where the targets have no
/// variance.
final class R2Tests: XCTestCase {
    func testR2MatchesTheReferenceExample() {
        // scikit-learn's r2_score example, by numpy: y = [3, -0.5, 2, 7], ŷ = [2.5, 0, 2, 8]; Σ(y − ŷ)² = 1.5 and
        // 1 − 1.5 / Σ(y − ȳ)² = 0.9486081370449679.
        let r2 = Metrics.metric(sum: 1.5, task: .regression, targets: [3, -0.5, 2, 7])
        XCTAssertEqual(r2, 0.9486081370449679, accuracy: 1e-15)
    }

    func testR2IsUndefinedWhenTheTargetsHaveNoVariance() {
        // One row, and three equal ones, whether the fit is perfect (Σ(y − ŷ)² = 0) or not: NaN, where this used to give
        // 1 or 0. 0.1 three times averages to 0.10000000000000002 (numpy: np.mean([0.1]*3)), which left a denominator
        // of ~1e-34 and an R² near −1e31 had the targets' variance been taken from their mean.
        for (targets, sum) in [([4.0], 0.0), ([4.0], 2.0), ([0.1, 0.1, 0.1], 0.0), ([0.1, 0.1, 0.1], 0.5), ([-2.0, -2.0], 1.0)] {
            XCTAssertTrue(Metrics.r2IsUndefined(targets: targets), "\(targets)")
            XCTAssertTrue(Metrics.metric(sum: sum, task: .regression, targets: targets).isNaN, "\(targets) \(sum)")
        }
        XCTAssertFalse(Metrics.r2IsUndefined(targets: [0.1, 0.1, 0.1000000000000001]))
        // Accuracy on one row is defined: a hit is 1.
        XCTAssertEqual(Metrics.metric(sum: 1, task: .binary, targets: [1]), 1)
    }
}
