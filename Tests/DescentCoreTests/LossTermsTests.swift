import XCTest
@testable import DescentCore

/// The terms a shared step adds up are, bit for bit, what `Loss.value` adds up, and the one-pass terms and
/// gradient are `terms` and `gradient` (both checked against PyTorch in `ReferenceTests`).
final class LossTermsTests: XCTestCase {
    func testTermsAndGradientAreValueAndGradientBitForBit() {
        var rng = RNG(seed: 5)
        let rows = 7
        for loss in [Loss.mse, .mae, .huber(delta: 1), .huber(delta: 0.3), .bce, .ce, .hinge] {
            let cols = loss == .ce ? 5 : 1
            let p = (0..<(rows * cols)).map { _ in 3 * rng.normal() }
            let y = (0..<rows).map { _ in loss == .ce ? Double(rng.int(below: cols)) : (loss.isClassification ? Double(rng.int(below: 2)) : rng.normal()) }
            let count = loss.termCount(rows: rows, cols: cols)
            var terms = [Double](repeating: .nan, count: count), fused = terms
            var gradient = [Double](repeating: 0, count: rows * cols), oneByOne = gradient
            var fusedGradient = [Double](repeating: .nan, count: rows * cols)  // replaced, whatever it held
            let value = loss.value(p, y, rows: rows, cols: cols)
            loss.terms(p, y, rows: rows, cols: cols, into: &terms)
            loss.gradient(p, y, rows: rows, cols: cols, scale: 0.5, into: &gradient)
            // Rows 0–2 and 3–6 as two blocks of the batch, as two threads would do them.
            p.withUnsafeBufferPointer { pp in y.withUnsafeBufferPointer { yy in
                fused.withUnsafeMutableBufferPointer { t in fusedGradient.withUnsafeMutableBufferPointer { g in
                    oneByOne.withUnsafeMutableBufferPointer { o in
                        for (start, n) in [(0, 3), (3, 4)] {
                            let at = start * cols, yAt = start * (loss == .ce ? 1 : cols)
                            loss.termsAndGradient(pp.baseAddress! + at, yy.baseAddress! + yAt, rows: n, cols: cols,
                                                  terms: t.baseAddress! + loss.termCount(rows: start, cols: cols),
                                                  scale: 0.5, into: g.baseAddress! + at, batchRows: rows)
                            loss.gradient(pp.baseAddress! + at, yy.baseAddress! + yAt, rows: n, cols: cols, scale: 0.5,
                                          into: o.baseAddress! + at, batchRows: rows)
                        }
                    }
                }}
            }}
            XCTAssertEqual(Loss.mean(ofTerms: terms, count: count).bitPattern, value.bitPattern, "\(loss)")
            XCTAssertEqual(fused.map(\.bitPattern), terms.map(\.bitPattern), "\(loss)")
            XCTAssertEqual(fusedGradient.map(\.bitPattern), gradient.map(\.bitPattern), "\(loss)")
            XCTAssertEqual(oneByOne.map(\.bitPattern), gradient.map(\.bitPattern), "\(loss): blocks of a batch")
        }
    }

    func testHubersFormulaWritesItsDeltaAsTyped() {
        // δ = 1 is written 1, not 1.0; the linear part δ·(|ŷ−y| − δ/2): 0.3/2 = 0.15.
        XCTAssertEqual(Loss.huber(delta: 1).definition, "loss = mean(½(ŷ−y)² if |ŷ−y| ≤ 1 else 1·(|ŷ−y| − 0.5))")
        XCTAssertEqual(Loss.huber(delta: 0.3).definition, "loss = mean(½(ŷ−y)² if |ŷ−y| ≤ 0.3 else 0.3·(|ŷ−y| − 0.15))")
    }
}
