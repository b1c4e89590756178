import XCTest
@testable import DescentCore
@testable import DescentShell

/// `show confusion`: matrices counted by hand, and accuracies equal to what `expect` measures.
final class ConfusionTests: XCTestCase {
    let h = ShellHarness()

    /// Six points on a line and a linear 3-class model set by hand: logits (−x, 0.5, x − 1), so class 0 wins
    /// for x < −0.5, class 2 for x > 1.5 and class 1 between (no point sits on a boundary).
    static let line = """
        data X=[[-2],[-1],[0.5],[1],[2],[3]] y=[0,0,1,2,2,2]
        layer dense 3
        loss ce
        set W1[0,0] = -1
        set W1[0,1] = 0
        set W1[0,2] = 1
        set b1[0] = 0
        set b1[1] = 0.5
        set b1[2] = -1
        """

    /// The class the hand rule above gives `x`.
    static func byHand(_ x: Double) -> Int { x < -0.5 ? 0 : x > 1.5 ? 2 : 1 }

    /// The counts of the matrix under `title` in `text`, by true class.
    static func counts(_ text: String, after title: String, classes: Int) -> [[Int]] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return [] }
        let rows = PredictTests.cells(lines[(start + 1)...].joined(separator: "\n")).dropFirst().prefix(classes)
        return rows.map { $0.dropFirst().prefix(classes).compactMap { Int($0) } }
    }

    func testAMatrixCountedByHand() {
        // Predictions by the rule: −2 → 0, −1 → 0, 0.5 → 1, 1 → 1, 2 → 2, 3 → 2; targets 0 0 1 2 2 2.
        // True 0: both right; true 1: right; true 2: one put in class 1 (x = 1), two right.
        h.ok(Self.line)
        let text = h.ok("show confusion")
        XCTAssertEqual(Self.counts(text, after: "training set", classes: 3), [[2, 0, 0], [0, 1, 0], [0, 1, 2]], text)
        let rows = PredictTests.cells(text)
        XCTAssertEqual(rows[0], ["true \\ predicted", "0", "1", "2", "samples", "recall"])
        // Recall: 2/2, 1/1, 2/3; precision: 2/2, 1/2, 2/2.
        XCTAssertEqual(rows[1...3].map { $0[4] }, ["2", "1", "3"])
        XCTAssertEqual(rows[1...3].map { $0[5] }, ["100%", "100%", "66.67%"])
        XCTAssertEqual(rows[4], ["precision", "100%", "50%", "100%", "", ""])
        XCTAssertTrue(text.contains("\naccuracy 83.33% (5 of 6)"), text)
        XCTAssertFalse(text.contains("validation"), text)
        h.ok("expect accuracy = \(5.0 / 6.0)")
        XCTAssertEqual(h.w.recorded.filter { $0.hasPrefix("show") }, [], "show confusion is not kept for save session")
    }

    func testTrainingAndValidationMatricesMatchTheHandRuleOnTheirRows() throws {
        h.ok(Self.line + "\nsplit 0.5")
        let text = h.ok("show confusion")
        let t = try XCTUnwrap(h.w.trainer), v = try XCTUnwrap(t.validation)
        // Which rows the seeded split put where is the trainer's; the predictions come from the hand rule.
        for (title, d) in [("training set", t.train), ("validation set", v)] {
            var expected = [[Int]](repeating: [0, 0, 0], count: 3)
            for i in 0..<d.count { expected[Int(d.y.data[i])][Self.byHand(d.X.data[i])] += 1 }
            XCTAssertEqual(Self.counts(text, after: title, classes: 3), expected, "\(title)\n\(text)")
            let right = (0..<3).reduce(0) { $0 + expected[$1][$1] }
            let metric = title == "training set" ? "accuracy" : "val_accuracy"
            XCTAssertTrue(text.contains("\n\(metric) ") && text.contains("(\(right) of \(d.count))"), text)
            h.ok("expect \(metric) = \(Double(right) / Double(d.count))")
        }
    }

    func testAccuraciesEqualWhatExpectMeasuresOnTrainedModels() throws {
        // Binary under bce and hinge, and three classes under ce, each with a validation split and some errors left.
        let setups = [
            "seed 4\ndata moons n=80 noise=0.3\nsplit 0.7\nnormalize\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.05\ntrain 30",
            "seed 4\ndata circles n=80\nsplit 0.7\nlayer dense 4 tanh\nlayer dense 1\nloss hinge\noptimizer adam lr=0.05\ntrain 30",
            "seed 5\ndata spiral n=90 classes=3\nsplit 0.8\nlayer dense 8 relu\nlayer dense 3 softmax\nloss ce\nbatch 16\noptimizer adam lr=0.02\ntrain 60",
        ]
        for setup in setups {
            let s = ShellHarness()
            s.ok(setup)
            let t = try XCTUnwrap(s.w.trainer)
            let (train, validation) = t.confusionMatrices()!
            let e = t.evaluateNow()!
            XCTAssertEqual(train.accuracy, e.trainMetric, setup)
            XCTAssertEqual(validation?.accuracy, e.valMetric, setup)
            XCTAssertEqual(train.total, t.train.count)
            XCTAssertEqual(validation?.total, t.validation?.count)
            XCTAssertLessThan(train.accuracy, 1, "a test of counting wants some errors: \(setup)")
            // The accuracy lines show the same counts, and expect agrees to the last bit.
            let text = s.ok("show confusion")
            XCTAssertTrue(text.contains("\naccuracy ") && text.contains("(\(train.correct) of \(train.total))"), text)
            s.ok("expect accuracy = \(train.accuracy)\nexpect val_accuracy = \(validation?.accuracy ?? .nan)")
        }
    }

    func testRegressionSaysWhatToUseInstead() {
        h.ok("data linear n=20\nlayer dense 1\nloss mse")
        let e = h.fails("show confusion")
        XCTAssertTrue(e.hasPrefix("error: show confusion applies to classification, and 'y' is a regression target — `expect r2 > X`"), e)
        XCTAssertTrue(e.hasSuffix("\n    show confusion\n         ^~~~~~~~~"), e)
        XCTAssertTrue(h.fails("show confusion now").contains("unexpected 'now' after 'confusion'"))
    }

    func testManyClassesGetARowEachInsteadOfAMatrix() {
        // 21 classes and zero weights: every logit is 0 and class 0 is predicted for all 21 samples, so class 0
        // has recall 100% and precision 1/21 = 4.762%; every other class has recall 0% and no predictions.
        let xs = (0..<21).map { "[\($0)]" }.joined(separator: ","), ys = (0..<21).map(String.init).joined(separator: ",")
        h.ok("data X=[\(xs)] y=[\(ys)]\nlayer dense 21 init=zeros\nloss ce")
        let text = h.ok("show confusion")
        XCTAssertTrue(text.hasPrefix("training set (21 samples, 21 classes: too many for a matrix, so one row each)"), text)
        let rows = PredictTests.cells(text)
        XCTAssertEqual(rows[0], ["class", "samples", "right", "recall", "predicted", "precision"])
        XCTAssertEqual(rows[1], ["0", "1", "1", "100%", "21", "4.762%"])
        XCTAssertEqual(rows[2], ["1", "1", "0", "0%", "0", "—"])
        XCTAssertEqual(rows.count, 22)
        XCTAssertTrue(text.hasSuffix("accuracy 4.762% (1 of 21)"), text)
    }

    func testLongClassNamesHeadTheColumnsByIdInstead() throws {
        // Three classes named by 40-character strings: headed by name the matrix would be 18 + 3 × 43 + 20 > 120
        // columns, so the columns are class ids and each row says its id and name. Zero weights: every logit is 0,
        // so class 0 is predicted for all 6 samples (counts by hand: column 0 holds 2, 2, 2).
        let names = (0..<3).map { "class number \($0) with a long long long name".padding(toLength: 40, withPad: "x", startingAt: 0) }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("descent-long-\(UUID().uuidString).csv").path
        try ("x,kind\n" + (0..<6).map { "\($0),\(names[$0 % 3])" }.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        h.ok("data csv \"\(csv)\"\nlayer dense 3 init=zeros\nloss ce")
        let text = h.ok("show confusion")
        XCTAssertTrue(text.hasPrefix("training set (6 samples): rows are the true class, columns the predicted one (columns by class id)"), text)
        let rows = PredictTests.cells(text)
        XCTAssertEqual(rows[0], ["true \\ predicted", "0", "1", "2", "samples", "recall"])
        XCTAssertEqual(rows[1...3].map { Array($0.prefix(4)) }, (0..<3).map { ["\($0) \(names[$0])", "2", "0", "0"] })
        // Short names keep heading their columns (the matrices above, and iris's), even where the matrix is wider
        // than 120 columns: ten classes named `blob 0`…`blob 9` are no wider than the cells' percentages.
        h.ok("data gauss classes=10 n=200\nlayer dense 10 init=zeros\nloss ce")
        let blobs = h.ok("show confusion")
        XCTAssertFalse(blobs.contains("columns by class id"), blobs)
        XCTAssertEqual(PredictTests.cells(blobs)[0].dropFirst().prefix(2), ["blob 0", "blob 1"], blobs)
    }

    func testTheMatrixKeepsToTheTerminalsWidth() throws {
        // Ten classes (digits after `replay "Sessions/digits.descent"`) made a matrix of 118 columns, which wrapped on an
        // 80-column terminal. There it comes in parts, each beside the true classes, holding all the counts.
        h.ok("seed 2\ndata gauss classes=10 n=200 noise=1\nlayer dense 10\nloss ce\noptimizer adam lr=0.05\ntrain 20")
        let matrix = try XCTUnwrap(XCTUnwrap(h.w.trainer).confusionMatrices()).train
        let counts = (0..<10).map { t in (0..<10).map { matrix[t, $0] } }
        // Without a terminal the tables keep to 120 columns, as `show data`'s and `predict`'s do.
        let whole = h.ok("show confusion")
        XCTAssertTrue(whole.split(separator: "\n").allSatisfy { $0.count <= 120 }, whole)
        h.w.outputWidth = { 80 }
        let narrow = h.ok("show confusion")
        XCTAssertTrue(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 }, narrow)
        XCTAssertTrue(narrow.hasPrefix("training set (200 samples): rows are the true class, columns the predicted one\n(in 2 parts, to fit 80 columns)\n"), narrow)
        let tables = PredictTests.cells(narrow)
        let heads = tables.filter { $0.first == "true \\ predicted" }
        XCTAssertEqual(heads.count, 2, narrow)
        XCTAssertEqual(heads.flatMap { $0.dropFirst() }, (0..<10).map { "blob \($0)" } + ["samples", "recall"], narrow)
        // Row t of the matrix: its cells in the first part, then in the second.
        let byClass = (0..<10).map { t in tables.filter { $0.first == "blob \(t)" }.flatMap { $0.dropFirst() }.prefix(10).compactMap { Int($0) } }
        XCTAssertEqual(byClass, counts, narrow)
        XCTAssertTrue(narrow.hasSuffix("accuracy " + whole.split(separator: "\n").last!.dropFirst("accuracy ".count)), narrow)
    }

    func testLongClassNamesGiveWayToIdsAndAKeyOnANarrowTerminal() throws {
        // Three classes named by 40-character strings, on a 60-column terminal: rows `0 name…` are too wide as well, so
        // rows and columns are class ids and a key below names them.
        let names = (0..<3).map { "class number \($0) with a long long long name".padding(toLength: 40, withPad: "x", startingAt: 0) }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("descent-key-\(UUID().uuidString).csv").path
        try ("x,kind\n" + (0..<6).map { "\($0),\(names[$0 % 3])" }.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        h.ok("data csv \"\(csv)\"\nlayer dense 3 init=zeros\nloss ce")
        h.w.outputWidth = { 60 }
        let text = h.ok("show confusion")
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 60 }, text)
        XCTAssertTrue(text.replacingOccurrences(of: "\n", with: " ").contains("(columns and rows by class id, named below)"), text)
        let rows = PredictTests.cells(text)
        XCTAssertEqual(rows[1...3].map { Array($0.prefix(4)) }, [["0", "2", "0", "0"], ["1", "2", "0", "0"], ["2", "2", "0", "0"]])
        XCTAssertTrue(text.contains("\nclasses:\n" + (0..<3).map { "  \($0) \(names[$0])" }.joined(separator: "\n") + "\naccuracy "), text)
    }
}
