import Foundation
import XCTest
@testable import DescentShell

/// `update digits=N` prints the update's numbers to N significant digits, as `show … digits=N` prints values.
final class UpdateDigitsTests: XCTestCase {
    /// y = 2x on two rows under mse, with W1 = [[0.5]], b1 = [0] loaded from a file, and adam lr=0.1.
    func adamAtHalf() -> ShellHarness {
        let h = ShellHarness()
        h.ok("data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse\noptimizer adam lr=0.1")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-digits-\(UUID().uuidString).json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("{\"params\":{\"W1\":[[0.5]],\"b1\":[0]}}".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        h.ok("load weights \"\(path)\"")
        return h
    }

    func testSeventeenDigitsShowEveryDigitOfTheStateAndTheBiasCorrections() {
        let h = adamAtHalf()
        let out = h.ok("update digits=17")
        // python3, torch's Adam by hand, printed with '%.17g': g = (−7.5, −4.5) (ŷ − y = [−1.5, −3]);
        //   m = (1-0.9)*g; v = (1-0.999)*g*g; bc1 = 1-0.9; bc2 = 1-0.999; m/bc1; v/bc2;
        //   W1 after = 0.5 - (0.1/bc1)*(m/(math.sqrt(v)/math.sqrt(bc2) + 1e-8))
        XCTAssertTrue(out.contains("1 − β₁ᵗ = 1 − 0.9^1 = 0.099999999999999978,  1 − β₂ᵗ = 1 − 0.999^1 = 0.0010000000000000009"), out)
        let w1 = ["  before [[0.5]]", "  grad   [[-7.5]]", "  m      [[-0.74999999999999978]]", "  v      [[0.05625000000000005]]",
                  "  m̂      [[-7.4999999999999991]]", "  v̂      [[56.25]]", "  after  [[0.59999999986666663]]"]
        XCTAssertTrue(out.contains("W1 [1, 1]\n" + w1.joined(separator: "\n")), out)
        XCTAssertTrue(out.contains("  m      [-0.4499999999999999]\n  v      [0.020250000000000018]"), out)
    }

    func testWithoutDigitsSixAsBeforeAndABadCountChangesNothing() {
        let h = adamAtHalf()
        h.fails("update digits=0")
        XCTAssertTrue(h.out.errors.joined().contains("expected a whole number from 1 to 17 for digits=, got 0"), h.out.errors.joined())
        XCTAssertEqual(h.values("W1"), [0.5])
        XCTAssertEqual(h.w.trainer?.stepCount, 0)
        let out = h.ok("update")
        XCTAssertTrue(out.contains("  m      [[-0.75]]") && out.contains("= 0.1,  1 − β₂ᵗ = 1 − 0.999^1 = 0.001;"), out)
        // A parameter of more than 16 values is summarised, to `digits` too: min 1/3, mean 1/2, max 2/3 of 17 values.
        let v = [1.0 / 3] + Array(repeating: 0.5, count: 15) + [2.0 / 3]
        XCTAssertEqual(Commands.values(v, [17], digits: 8), "min 0.33333333  mean 0.5  max 0.66666667")
        XCTAssertEqual(Commands.values(v, [17]), "min 0.3333  mean 0.5  max 0.6667")
    }
}
