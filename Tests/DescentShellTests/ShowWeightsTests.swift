import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// `show weights` and `show grads`: all parameters fitted to the terminal's width (120 columns without one) and 24
/// rows, saying what the `...` left out; named ones in full. Expected lines are written out by hand.
final class ShowWeightsTests: XCTestCase {
    var h: ShellHarness!

    override func setUp() { h = ShellHarness() }

    /// A 2-16-1 net whose W1 is 1…32 row by row (numbers two characters wide), b1 zeros, W2 1…16.
    func loadCounting(file: StaticString = #filePath, line: UInt = #line) {
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 16 linear\nlayer dense 1 linear\nloss mse", file: file, line: line)
        let w1 = "[[" + (1...16).map(String.init).joined(separator: ",") + "],[" + (17...32).map(String.init).joined(separator: ",") + "]]"
        let json = "{\"params\":{\"W1\":\(w1),\"b1\":[" + Array(repeating: "0", count: 16).joined(separator: ",")
            + "],\"W2\":[" + (1...16).map { "[\($0)]" }.joined(separator: ",") + "],\"b2\":[0]}}"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-show-\(UUID().uuidString).json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(json.utf8)), file: file, line: line)
        defer { try? FileManager.default.removeItem(atPath: path) }
        h.ok("load weights \"\(path)\"", file: file, line: line)
    }

    func testADropoutLayerAloneIsNoLayerWithWeights() {
        // A tester read "no layers yet" with a dropout layer there.
        h.ok("data X=[[1],[2]] y=[2,4]\nlayer dropout 0.2")
        XCTAssertTrue(h.fails("show weights").hasPrefix("error: no dense layers yet (dropout has no weights) — add one with `layer dense UNITS [ACTIVATION]`\n"),
                      h.out.text)
        XCTAssertTrue(h.fails("show weights W1").contains("there are no parameters yet (dropout has no weights)"), h.out.text)
        XCTAssertTrue(h.fails("show W1").contains("no parameter 'W1' — there are no dense layers yet (dropout has no weights)"), h.out.text)
        // Without any layer, as before.
        h.ok("layer clear")
        XCTAssertTrue(h.fails("show weights").contains("no layers yet — add one with `layer dense UNITS [ACTIVATION]`"), h.out.text)
        XCTAssertFalse(h.out.errors.joined().contains("dropout"), h.out.text)
    }

    func testAMatrixWiderThanTheTerminalKeepsTheColumnsThatFitAndSaysWhatItLeftOut() {
        loadCounting()
        // 40 columns: 16 numbers of width 2 take 16·3 − 1 = 47 columns and the brackets 4, 51 > 40; with the `...`, k
        // first and last each side take 2k·3 + 3 + 4 ≤ 40, so k = 5: columns 5–10, 6 of 16, are left out.
        h.w.outputWidth = { 40 }
        let text = h.ok("show weights")
        XCTAssertTrue(text.hasPrefix("W1 [2, 16] =\n[[ 1  2  3  4  5 ... 12 13 14 15 16]\n [17 18 19 20 21 ... 28 29 30 31 32]]\n"), text)
        let note = text.replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(note.contains("\n  … 6 of its 16 columns (5–10) left out at the `...` to fit 40 columns: `show W1` prints it whole\n"), text)
        // b1's 16 zeros take 16·2 − 1 + 2 = 33 columns, and W2's 16 rows fit the 24: both whole.
        XCTAssertTrue(text.contains("\nb1 [16] =\n[" + Array(repeating: "0", count: 16).joined(separator: " ") + "]\n"), text)
        XCTAssertTrue(text.contains("\nW2 [16, 1] =\n[[ 1]\n [ 2]\n"), text)
        XCTAssertTrue(text.contains(" [16]]\n"), text)
        XCTAssertEqual(text.components(separatedBy: "left out").count, 2, text)
        for line in text.split(separator: "\n") where !line.hasPrefix("weights near zero") {
            XCTAssertLessThanOrEqual(line.count, 40, String(line))
        }
        // Without a terminal, 120 columns: W1's 51 fit.
        h.w.outputWidth = { nil }
        let wide = h.ok("show weights")
        XCTAssertTrue(wide.hasPrefix("W1 [2, 16] =\n[[ 1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16]\n"), wide)
        XCTAssertFalse(wide.contains("..."), wide)
        // Gradients too, the note naming `show grads`.
        h.w.outputWidth = { 40 }
        h.ok("backward")
        XCTAssertTrue(h.ok("show grads").replacingOccurrences(of: "\n    ", with: " ").contains("`show grads W1` prints it whole"))
    }

    func testNamedParametersPrintWhole() {
        loadCounting()
        h.w.outputWidth = { 40 }
        for command in ["show weights W1", "show W1"] {
            let text = h.ok(command)
            // Every entry, rows wider than the 40 columns broken between numbers: 13 fit on a row's first line
            // (2 + 13·2 + 12 = 40), the rest go on a line aligned under its first (by hand).
            XCTAssertTrue(text.hasPrefix("W1 [2, 16] =\n[[ 1  2  3  4  5  6  7  8  9 10 11 12 13\n  14 15 16]\n"
                                         + " [17 18 19 20 21 22 23 24 25 26 27 28 29\n  30 31 32]]\n"), "\(command): \(text)")
            XCTAssertFalse(text.contains("..."), text)
        }
        h.ok("backward")
        let grads = h.ok("show grads W1")
        XCTAssertTrue(grads.hasPrefix("dL/dW1 [2, 16] =\n"), grads)
        XCTAssertFalse(grads.contains("..."), grads)
    }

    func testATallMatrixShowsItsFirstAndLastTenRows() {
        // W2 of a 2-30-1 net has 30 rows, more than 24: rows 10–19 are left out, at one `...` line.
        h.ok("seed 1\ndata X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 30 tanh\nlayer dense 1 linear\nloss mse")
        let text = h.ok("show weights")
        let w2 = text.components(separatedBy: "W2 [30, 1] =\n")[1].components(separatedBy: "\nb2")[0].split(separator: "\n")
        XCTAssertEqual(w2.count, 10 + 1 + 10 + 1, text)
        XCTAssertEqual(w2[10], " ...")
        XCTAssertEqual(w2[21], "  … 10 of its 30 rows (10–19) left out at the `...` to fit 24 rows: `show W2` prints it whole")
        // Its values are the parameter's, row by row: the first shown row is W2[0,0], the last W2[29,0] (4 digits).
        let w = h.values("W2")
        XCTAssertEqual(Double(w2[0].trimmingCharacters(in: CharacterSet(charactersIn: "[] "))) ?? .nan, w[0], accuracy: 5e-4 * abs(w[0]))
        XCTAssertEqual(Double(w2[20].trimmingCharacters(in: CharacterSet(charactersIn: "[] "))) ?? .nan, w[29], accuracy: 5e-4 * abs(w[29]))
    }

    func testATerminalTooNarrowForAnyColumnKeepsOneEachSideAndNarrowMatricesWhole() {
        loadCounting()
        h.w.outputWidth = { 5 }
        let text = h.ok("show weights")
        // One column each side of W1 (14 left out); W2, one column, whole; nothing lost from b2.
        XCTAssertTrue(text.hasPrefix("W1 [2, 16] =\n[[ 1 ... 16]\n [17 ... 32]]\n"), text)
        XCTAssertTrue(text.contains("\nW2 [16, 1] =\n[[ 1]\n"), text)
        XCTAssertTrue(text.contains("\nb2 [1] =\n[0]"), text)
    }

    func testEveryLineKeepsToTheWidth() {
        // A 64-64-40-10 net, at widths from 30 to 220 columns: no line of a fitted matrix (nor of its note) is wider.
        h.ok("seed 2\ndata X=[[" + (0..<64).map { "\($0 % 5)" }.joined(separator: ",") + "]] y=[1]\nlayer dense 64 relu\nlayer dense 40 tanh\nlayer dense 10 linear\nloss mse")
        for width in [30, 45, 80, 120, 220] {
            h.w.outputWidth = { width }
            let text = h.ok("show weights")
            for line in text.split(separator: "\n") where !line.hasPrefix("weights near zero") {
                XCTAssertLessThanOrEqual(line.count, width, "\(width): \(line)")
            }
            XCTAssertTrue(text.replacingOccurrences(of: "\n    ", with: " ").contains("`show W1` prints it whole"), text)
        }
    }

    func testL1UnderPlainSGDCountsTheWeightsWithinOneStepOfZero() {
        // W1's entries set by hand: 0.0005 is under 1e-3; 0.002 and -0.004 are within lr·λ₁ = 0.25·0.02 = 0.005 of
        // zero; 0.2 is not. So 1 of 4 near zero, 3 of 4 within one step (counted by hand).
        h.ok("data X=[[1,2]] y=[1]\nlayer dense 2 linear\nlayer dense 1 linear\nloss mse\nregularize l1 0.02\noptimizer sgd lr=0.25")
        h.ok("set W1[0,0] = 0.0005\nset W1[0,1] = 0.002\nset W1[1,0] = -0.004\nset W1[1,1] = 0.2")
        h.w.outputWidth = { 200 }
        let text = h.ok("show weights W1")
        XCTAssertTrue(text.contains("weights near zero (|w| < 0.001) in W1: 1 of 4 (25%)\n"), text)
        XCTAssertTrue(text.contains("(with L1 under plain SGD a weight at zero jumps across it by lr·λ₁ = 0.005 every step, more than 0.001: 3 of 4 are within 0.005 of zero)"), text)
        // Wrapped to a narrow terminal, every line keeps to it.
        h.w.outputWidth = { 50 }
        for line in h.ok("show weights W1").split(separator: "\n") where line.contains("jumps") || line.contains("within") {
            XCTAssertLessThanOrEqual(line.count, 50, String(line))
        }
        // A step under the threshold, momentum, or another optimizer: no such line.
        for change in ["lr 0.01", "optimizer sgd lr=0.25 momentum=0.9", "optimizer adam lr=0.25", "regularize l2 0.02"] {
            let other = ShellHarness()
            other.ok("data X=[[1,2]] y=[1]\nlayer dense 2 linear\nlayer dense 1 linear\nloss mse\nregularize l1 0.02\noptimizer sgd lr=0.25\n" + change)
            XCTAssertFalse(other.ok("show weights W1").contains("jumps"), change)
        }
    }

    func testDigitsAsksForMoreSignificantDigits() {
        // W1[0,0] set to 1/3: 0.3333 at 4 digits, 0.3333333333 at 10, and 0.33333333333333331 (the Double nearest
        // 1/3, as Python's repr with 17 digits prints it) at 17.
        h.ok("data X=[[1,2]] y=[1]\nlayer dense 1 linear\nloss mse\nset W1[0,0] = 0.3333333333333333\nset W1[1,0] = 2")
        XCTAssertTrue(h.ok("show W1").contains("[[0.3333]"))
        XCTAssertTrue(h.ok("show W1 digits=10").contains("[[0.3333333333]"))
        XCTAssertTrue(h.ok("show W1 digits=17").contains("[[0.33333333333333331]"))
        XCTAssertTrue(h.ok("show weights digits=6").contains("[[0.333333]"))
        h.ok("forward")
        // Z1 = 1·(1/3) + 2·2 + 0 = 4.3333…: the node at 10 digits; the loss (Z1 − 1)² at 17, as Python prints
        // repr((1/3 + 4 - 1)**2): 11.111111111111109.
        XCTAssertTrue(h.ok("show Z1 digits=10").contains("4.333333333"))
        XCTAssertTrue(h.ok("show loss digits=17").contains("loss = 11.111111111111109"))
        XCTAssertTrue(h.fails("show W1 digits=0").contains("expected a whole number from 1 to 17 for digits=, got 0"))
        XCTAssertTrue(h.fails("show W1 digits=18").contains("got 18"))
    }
}
