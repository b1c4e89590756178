import Foundation
import XCTest
@testable import DescentShell

/// New data that keeps trained weights under `normalize` says when its training part is standardised otherwise than the
/// weights were trained: as `load weights` says of a file. Means and stds by numpy (population std): x1 = 1, 2, 4 has
/// mean 2.3333333333333335 and std 1.247219128924647; x1 = 1, 2, 5 has 2.6666666666666665 and 1.699673171197595.
final class DataStandardisationTests: XCTestCase {
    static let model = "data X=[[1,10],[2,10],[4,10]] y=[1,2,3]\nnormalize\nlayer dense 1\nloss mse\noptimizer sgd lr=0.01"
    static let other = "data X=[[1,10],[2,10],[5,10]] y=[1,2,3]"

    func testNewDataWithOtherStatisticsWarnsThatTheKeptWeightsReadOtherlyScaledInputs() {
        let h = ShellHarness()
        h.ok(Self.model + "\ntrain 2")
        let before = h.values("W1")
        let text = h.ok(Self.other)
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 2, text)
        XCTAssertTrue(lines[0].contains("the weights are kept"), text)
        XCTAssertEqual(lines.dropFirst().first, "warning: the weights kept were trained on features standardised with other statistics than the new data's "
                       + "training part: x1 has mean 2.33333 and std 1.24722 before, 2.66667 and 1.69967 now, so the model reads its inputs "
                       + "scaled otherwise than it learned them — training on adapts them; `reset` draws new weights")
        XCTAssertEqual(h.values("W1"), before, "the weights are kept, as before")
    }

    func testOtherFeatureNamesOfTheSameWidthWarnToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-datastd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "a,b,y\n1,10,1\n2,10,2\n4,10,3\n".write(toFile: dir + "/ab.csv", atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok(Self.model + "\ntrain 2")
        let text = h.ok("data csv \"\(dir)/ab.csv\"")
        XCTAssertTrue(text.hasSuffix("\nwarning: the weights kept were trained on other features: feature 1 is x1 before, a now, so the model "
                                     + "reads inputs it never saw — `reset` draws new weights"), text)
    }

    func testTheSameClassesInAnotherOrderWarnThatTheOutputsNowStandForOtherClasses() throws {
        // Labels b, a first seen in that order make b class 0; in the new file a comes first and is class 0.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-classes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x,c\n1,b\n2,a\n3,b\n".write(toFile: dir + "/ba.csv", atomically: true, encoding: .utf8)
        try "x,c\n2,a\n1,b\n3,b\n".write(toFile: dir + "/ab.csv", atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/ba.csv\"\nlayer dense 2\nloss ce\noptimizer sgd lr=0.1\ntrain 2")
        let text = h.ok("data csv \"\(dir)/ab.csv\"")
        XCTAssertTrue(text.hasSuffix("\nwarning: the kept weights were trained with the classes b, a; this data's are a, b, the same in "
                                     + "another order — a class's id is the order its label first appears in (or its place in classes=), so the "
                                     + "weights' outputs now stand for other classes: `reset` draws new weights, or read the data with classes=[b,a] "
                                     + "(added to its `data csv`) to number them as before"), text)
        // The same order again: no warning.
        XCTAssertFalse(h.ok("train 1\ndata csv \"\(dir)/ab.csv\"").contains("warning"), h.out.text)
    }

    func testTheWarningOutlivesAChangeThatDroppedTheHistory() {
        // Trained on x1 = 1, 2, 4; the same data again drops the history (no warning: the same statistics) and a split
        // drops it again, but the weights are still those trained: other data then warns against the first statistics.
        let h = ShellHarness()
        h.ok(Self.model + "\ntrain 2")
        XCTAssertFalse(h.ok("data X=[[1,10],[2,10],[4,10]] y=[1,2,3]").contains("warning"), h.out.text)
        XCTAssertEqual(h.w.stepCount, 0)
        let text = h.ok(Self.other)
        XCTAssertTrue(text.contains("x1 has mean 2.33333 and std 1.24722 before, 2.66667 and 1.69967 now"), text)
        // Weights drawn again (`reset`) or loaded were not trained under anything here: no warning.
        h.ok("reset")
        XCTAssertFalse(h.ok("data X=[[1,10],[2,10],[4,10]] y=[1,2,3]").contains("warning"), h.out.text)
    }

    func testNoWarningWhenNothingKeptWasTrainedOrTheStatisticsAgree() {
        // The same statistics (the same data again).
        let same = ShellHarness()
        same.ok(Self.model + "\ntrain 2")
        XCTAssertFalse(same.ok("data X=[[1,10],[2,10],[4,10]] y=[1,2,3]").contains("warning"), same.out.text)
        // Not trained: no weights learned under the old statistics.
        let untrained = ShellHarness()
        untrained.ok(Self.model)
        XCTAssertFalse(untrained.ok(Self.other).contains("warning"), untrained.out.text)
        // normalize off: nothing is standardised.
        let raw = ShellHarness()
        raw.ok(Self.model.replacingOccurrences(of: "\nnormalize", with: "") + "\ntrain 2")
        XCTAssertFalse(raw.ok(Self.other).contains("warning"), raw.out.text)
        // Another width: the weights are drawn again, not kept.
        let wider = ShellHarness()
        wider.ok(Self.model + "\ntrain 2")
        XCTAssertFalse(wider.ok("data X=[[1,10,3],[2,10,4],[5,10,1]] y=[1,2,3]").contains("warning"), wider.out.text)
    }
}
