import Foundation
import XCTest
@testable import DescentShell

/// rmsprop alpha=1 and sgd momentum=1, accepted as PyTorch accepts them, say what they do to the state.
final class StuckOptimizerStateTests: XCTestCase {
    static let model = "data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse"

    /// Loads W1 = [[0.5]], b1 = [0] through a file.
    func loadHalf(_ h: ShellHarness) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-stuck-\(UUID().uuidString).json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("{\"params\":{\"W1\":[[0.5]],\"b1\":[0]}}".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        h.ok("load weights \"\(path)\"")
    }

    func testRmspropAlphaOneIsAcceptedAndSaysEveryStepIsGOverEps() {
        let h = ShellHarness()
        h.ok(Self.model)
        loadHalf(h)
        let reply = h.ok("optimizer rmsprop alpha=1 lr=0.01")
        XCTAssertEqual(h.lines(startingWith: "note:"), [
            "note: with alpha=1 the square average never moves from 0 (v ← 1·v + 0·g²), so every step divides g by ε alone "
            + "(g/(√v + ε) = g/ε): lr/ε = 1000000 times the gradient — PyTorch does the same; its default is alpha=0.99"], reply)
        // By hand: ŷ = 0.5·x = [0.5, 1], ŷ − y = [−1.5, −3], dL/dŷ = 2(ŷ − y)/2 = [−1.5, −3];
        // dL/dW1 = 1·(−1.5) + 2·(−3) = −7.5, dL/db1 = −4.5. PyTorch's RMSprop: v ← αv + (1−α)g² = 1·0 + 0·g² = 0,
        // θ ← θ − lr·g/(√v + ε) = θ − 0.01·g/1e-8: W1 = 0.5 + 7.5e6 = 7500000.5, b1 = 4.5e6.
        h.ok("update")
        XCTAssertEqual(h.values("W1")[0], 7_500_000.5, accuracy: 1e-6)
        XCTAssertEqual(h.values("b1")[0], 4_500_000, accuracy: 1e-6)
        XCTAssertEqual(h.w.trainer?.optimizer.state1.map(\.array), [[0], [0]])
    }

    func testSgdMomentumOneSaysTheVelocityNeverDecays() {
        let h = ShellHarness()
        h.ok(Self.model)
        loadHalf(h)
        let reply = h.ok("optimizer sgd lr=0.01 momentum=1")
        XCTAssertEqual(h.lines(startingWith: "note:"), [
            "note: with momentum=1 the velocity never decays (v ← 1·v + g): it is the sum of every gradient since the state "
            + "was reset, and each step moves θ by lr times it — PyTorch does the same; momentum=0.9 is usual"], reply)
        // By hand: step 1's g = (−7.5, −4.5) as above, v = g; W1 = 0.5 + 0.075 = 0.575, b1 = 0.045. Step 2:
        // ŷ = [0.62, 1.195], ŷ − y = [−1.38, −2.805], g = (−1.38 − 2·2.805, −1.38 − 2.805) = (−6.99, −4.185);
        // v = 1·v + g = (−14.49, −8.685), the sum of both gradients.
        h.ok("update\nupdate")
        XCTAssertEqual(h.w.trainer?.optimizer.state1[0].array[0] ?? 0, -14.49, accuracy: 1e-12)
        XCTAssertEqual(h.w.trainer?.optimizer.state1[1].array[0] ?? 0, -8.685, accuracy: 1e-12)
    }

    func testOtherConstantsSayNothing() {
        let h = ShellHarness()
        h.ok(Self.model)
        for line in ["optimizer rmsprop", "optimizer rmsprop alpha=0.999 momentum=1", "optimizer sgd momentum=0.9", "optimizer adam beta1=0"] {
            h.ok(line)
            XCTAssertEqual(h.lines(startingWith: "note:"), [], line)
        }
    }
}
