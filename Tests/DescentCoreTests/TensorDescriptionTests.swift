import XCTest
@testable import DescentCore

/// numpy-like printing of tensors: aligned columns, elision past the threshold, −0 shown as 0.
final class TensorDescriptionTests: XCTestCase {
    func testColumnsShareOneWidthAndNegativeZeroReadsZero() {
        // −0 comes from dropout zeroing a negative entry (−0.5 · 0); it prints as 0, like numpy's `0.`.
        let t = Tensor(shape: [2, 2], data: [1, -0.0, -2.5, 30])
        XCTAssertEqual(t.formatted(), "[[   1    0]\n [-2.5   30]]")
    }

    func testLongDimensionsAreElidedUnlessTheThresholdIsRaised() {
        let t = Tensor((1...20).map(Double.init))
        XCTAssertEqual(t.formatted(), "[ 1  2  3 ... 18 19 20]")
        XCTAssertEqual(t.formatted(threshold: .max), "[" + (1...20).map { $0 < 10 ? " \($0)" : "\($0)" }.joined(separator: " ") + "]")
    }
}

private extension Tensor {
    /// A 1-D tensor.
    init(_ values: [Double]) { self.init(shape: [values.count], data: values) }
}
