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

    func testEachDimensionCanKeepItsOwnEdges() {
        // 3 × 8 holding 1…24: one row each side of the rows, two columns each side of the columns (by hand).
        let t = Tensor(shape: [3, 8], data: (1...24).map(Double.init))
        XCTAssertEqual(t.formatted(edges: [1, 2]), "[[ 1  2 ...  7  8]\n ...\n [17 18 ... 23 24]]")
        // nil keeps a dimension whole, as does an edge of half its length or more.
        XCTAssertEqual(t.formatted(edges: [nil, 4]), t.formatted(threshold: .max))
        XCTAssertEqual(t.formatted(edges: [nil, 3]), "[[ 1  2  3 ...  6  7  8]\n [ 9 10 11 ... 14 15 16]\n [17 18 19 ... 22 23 24]]")
    }

    func testRowsWiderThanTheLineBreakBetweenNumbers() {
        // 2 × 8 holding 1…16 in 16 columns: numbers take 2 columns, rows start 2 in ("[[" or " ["), so 5 numbers
        // fit on a row's first line (2 + 5·2 + 4 = 16) and its next line starts under the first number (by hand).
        let t = Tensor(shape: [2, 8], data: (1...16).map(Double.init))
        var lines: [String] = []
        XCTAssertTrue(t.writeLines(lineWidth: 16) { lines.append($0) })
        XCTAssertEqual(lines, ["[[ 1  2  3  4  5", "   6  7  8]", " [ 9 10 11 12 13", "  14 15 16]]"])
        XCTAssertTrue(lines.allSatisfy { $0.count <= 16 })
        lines = []
        XCTAssertTrue(t.writeLines(lineWidth: 80) { lines.append($0) })
        XCTAssertEqual(lines.joined(separator: "\n"), t.formatted(), "rows that fit are not broken")
    }

    func testLinesAreHandedOutAsTheyAreCompleteAndAStopDropsTheRest() {
        let t = Tensor(shape: [3, 2], data: [1, 2, 3, 4, 5, 60])
        var lines: [String] = []
        XCTAssertTrue(t.writeLines { lines.append($0) })
        XCTAssertEqual(lines, ["[[ 1  2]", " [ 3  4]", " [ 5 60]]"])
        // Asked before each row: stopped before the third, the first two rows have been handed out.
        var asked = 0
        lines = []
        XCTAssertFalse(t.writeLines(shouldContinue: { asked += 1; return asked < 3 }) { lines.append($0) })
        XCTAssertEqual(lines, ["[[ 1  2]", " [ 3  4]"])
        // While the width is worked out, it is asked every 4,096 numbers: no line yet when it stops there.
        let big = Tensor(shape: [3, 5000], data: Array(repeating: 1, count: 15000))
        asked = 0
        lines = []
        XCTAssertFalse(big.writeLines(threshold: .max, shouldContinue: { asked += 1; return asked < 2 }) { lines.append($0) })
        XCTAssertEqual(lines, [])
    }

    func testAHugeTensorInFullStreamsItsRowsWithTheSamplesWidth() {
        // 120,000 × 2 = 240,000 entries, past the 100,000 rendered first: rows come as printed. Entry k is k % 7, one
        // digit wide, except entry 1 (not in the even sample of every other entry), 123, which prints unpadded.
        var data = (0..<240_000).map { Double($0 % 7) }
        data[1] = 123
        let t = Tensor(shape: [120_000, 2], data: data)
        var lines: [String] = []
        var asked = 0
        XCTAssertTrue(t.writeLines(threshold: .max, shouldContinue: { asked += 1; return true }) { lines.append($0) })
        XCTAssertEqual(lines.count, 120_000)
        XCTAssertEqual(Array(lines.prefix(3)), ["[[0 123]", " [2 3]", " [4 5]"])
        // The last two rows hold entries 239,996…239,999: 239,996 % 7 = 1.
        XCTAssertEqual(Array(lines.suffix(2)), [" [1 2]", " [3 4]]"])
        // Asked once a row, and not while measuring (which takes a sample).
        XCTAssertEqual(asked, 120_000)
    }
}

private extension Tensor {
    /// A 1-D tensor.
    init(_ values: [Double]) { self.init(shape: [values.count], data: values) }
}
