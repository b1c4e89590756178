import DescentText
import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// `normalize`'s statistics: shown by `show data`, saved with the weights, compared on `load weights`. Means and stds by
/// numpy: X = [[1,10],[2,10],[4,10]]; X.mean(0), X.std(0) → [2.3333333333333335, 10.0], [1.247219128924647, 0.0].
final class NormalizationTests: XCTestCase {
    let h = ShellHarness()
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-norm-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    static let data = "data X=[[1,10],[2,10],[4,10]] y=[1,2,3]\nlayer dense 1\nloss mse"

    func testShowDataGivesEachFeaturesMeanAndStd() {
        h.ok(Self.data)
        XCTAssertFalse(h.ok("show data").contains("mean"), h.out.text)
        h.ok("normalize")
        let text = h.ok("show data")
        XCTAssertTrue(text.contains("normalize: on — x becomes (x − mean) / std, by the training part's (3 rows) mean and population std:\n"), text)
        let rows = PredictTests.cells(text)
        XCTAssertEqual(rows[0], ["", "x1", "x2"], text)
        // The constant x2's std is 0, taken as 1 (it becomes 0), and said so.
        XCTAssertEqual(rows[1], ["mean", "2.33333", "10"], text)
        XCTAssertEqual(rows[2], ["std", "1.24722", "1"], text)
        XCTAssertTrue(text.contains("\nconstant on the training part, so std 1 and always 0 after: x2\n"), text)
        XCTAssertTrue(h.ok("show config").contains("normalize   on  (each feature's mean and std: show data)"), h.out.text)
    }

    func testManyFeaturesStatisticsAreCutTo120Columns() throws {
        // 30 features of five rows of 1: mean 1, std 1 (constant). Widths by hand: border 1 + the row names' column
        // ("mean", 4 + 3) 7 = 8; f0–f9 take 5 each (50), f10–f18 6 each (54), and the … column 4: 116; f19 would make 122.
        let path = dir + "/wide.csv"
        let names = (0..<30).map { "f\($0)" }
        try ((names + ["y"]).joined(separator: ",") + "\n" + String(repeating: Array(repeating: "1", count: 30).joined(separator: ",") + ",7\n", count: 5))
            .write(toFile: path, atomically: true, encoding: .utf8)
        h.ok("data csv \"\(path)\"\nnormalize")
        let text = h.ok("show data")
        let table = text.components(separatedBy: "\n").drop { !$0.hasPrefix("normalize: on") }.dropFirst().prefix(6)
        XCTAssertEqual(table.map(\.columns), Array(repeating: 116, count: 6), text)
        XCTAssertEqual(PredictTests.cells(table.joined(separator: "\n"))[0], [""] + (0..<19).map { "f\($0)" } + ["…"], text)
        XCTAssertTrue(text.contains("\n… 11 more features not shown (the table keeps to 120 columns)\nconstant on the training part"), text)
    }

    func testSavedWeightsHoldTheStatisticsWithEveryBit() throws {
        h.ok(Self.data + "\nnormalize")
        let saved = h.ok("save weights \"\(dir)/w.json\"")
        XCTAssertTrue(saved.hasPrefix("saved 2 parameters (3 values) with the normalisation (mean and std) of its 2 features to "), saved)
        let text = try String(contentsOfFile: dir + "/w.json", encoding: .utf8)
        let n = try XCTUnwrap(WeightsFile.read(text, for: XCTUnwrap(h.w.model)).normalization)
        XCTAssertEqual(n.features, ["x1", "x2"])
        XCTAssertEqual(n.mean, [2.3333333333333335, 10.0])
        XCTAssertEqual(n.std, [1.247219128924647, 1.0])   // the constant feature's 0 as the 1 it is divided by
        // normalize off: no member.
        h.ok("normalize off\nsave weights \"\(dir)/raw.json\"")
        XCTAssertFalse(try String(contentsOfFile: dir + "/raw.json", encoding: .utf8).contains("normalization"))
    }

    func testLoadingWarnsWhenTheNormalisationDiffersAndStillLoads() throws {
        h.ok(Self.data + "\nnormalize\nset W1[0,0] = 0.5\nsave weights \"\(dir)/w.json\"\nnormalize off\nsave weights \"\(dir)/raw.json\"")
        // The same data and normalisation: no warning.
        h.ok("normalize\nset W1[0,0] = 0")
        XCTAssertEqual(h.ok("load weights \"\(dir)/w.json\"").components(separatedBy: "\n").count, 1, h.out.text)
        XCTAssertEqual(h.values("W1")[0], 0.5)
        // normalize off: the weights load, with a warning that says what differs and what to do.
        h.ok("normalize off\nset W1[0,0] = 0")
        var text = h.ok("load weights \"\(dir)/w.json\"")
        XCTAssertTrue(text.contains("\nwarning: \(dir)/w.json was saved under normalize (it records the mean and std of its 2 features), "
                                    + "but normalize is off here, so the model reads raw features it never saw — `normalize`, with the data and split it was trained on"), text)
        XCTAssertEqual(h.values("W1")[0], 0.5)
        h.ok("undo")
        XCTAssertEqual(h.values("W1")[0], 0)
        // Other statistics: x1 = 1, 2, 5 has mean 2.6666666666666665 and std 1.699673171197595 (numpy), against the
        // file's 2.3333333333333335 and 1.247219128924647; x2 is the same.
        h.ok("data X=[[1,10],[2,10],[5,10]] y=[1,2,3]\nnormalize")
        text = h.ok("load weights \"\(dir)/w.json\"")
        XCTAssertTrue(text.contains("\nwarning: \(dir)/w.json was trained on features standardised with other statistics than this session's training part: "
                                    + "x1 has mean 2.33333 and std 1.24722 there, 2.66667 and 1.69967 here, so the model reads"), text)
        // Other feature names (from a CSV file with the same two columns' values).
        try "a,b,y\n1,10,1\n2,10,2\n4,10,3\n".write(toFile: dir + "/ab.csv", atomically: true, encoding: .utf8)
        h.ok("data csv \"\(dir)/ab.csv\"")
        text = h.ok("load weights \"\(dir)/w.json\"")
        XCTAssertTrue(text.contains("\nwarning: \(dir)/w.json was saved for other features: feature 1 is x1 there, a here"), text)
        // A file without normalisation while the session normalises.
        text = h.ok("load weights \"\(dir)/raw.json\"")
        XCTAssertTrue(text.contains("\nwarning: \(dir)/raw.json records no normalisation: it was saved with normalize off"), text)
        h.ok("normalize off")
        XCTAssertFalse(h.ok("load weights \"\(dir)/raw.json\"").contains("warning"), h.out.text)
    }

    func testStatisticsThatDifferInTheLastDigitsAreToldApart() {
        // 6 significant digits would print both as 1.5: the warning gives as many as it takes.
        XCTAssertEqual(Workspace.apart(1.5, 1.5 + 1e-9).0, "1.5")
        XCTAssertEqual(Workspace.apart(1.5, 1.5 + 1e-9).1, "1.500000001")
        XCTAssertEqual(Workspace.apart(2, 3).1, "3")
    }

    func testABadNormalizationMemberLoadsNothing() throws {
        h.ok(Self.data + "\nset W1[0,0] = 0.25")
        let w1 = h.values("W1"), b1 = h.values("b1")
        XCTAssertEqual(w1.first, 0.25)
        try #"{"normalization": {"features": ["x1", "x2"], "mean": [0, 0], "std": [1, 0]}, "params": {"W1": [[9], [9]], "b1": [9]}}"#
            .write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        XCTAssertTrue(h.fails("load weights \"\(dir)/bad.json\"").contains("normalization.std[1] is 0; a std is above 0"))
        XCTAssertEqual(h.values("W1"), w1)
        XCTAssertEqual(h.values("b1"), b1)
    }
}
