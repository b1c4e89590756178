import Foundation
import XCTest
@testable import DescentCore
@testable import DescentLanguage
@testable import DescentShell

/// `features`: the model's inputs computed from the data's columns. Expected values are worked out by hand or with
/// Python's `math` (sin 1 = 0.8414709848078965, cos 2 = −0.4161468365471424, sin 3 = 0.1411200080598672,
/// cos −1 = 0.5403023058681398; σ(0.3) = 0.574442516811659, σ(−0.45) = 0.389360766050778).
final class FeaturesTests: XCTestCase {
    /// The six forms on two rows: each term's value by hand from x1 and x2.
    func testTermsAreComputedFromTheRawColumns() throws {
        let h = ShellHarness()
        h.ok("data X=[[1,2],[3,-1]] y=[0.5,1.5]\nfeatures x1 x1^2 x2^3 x1*x2 sin(x1) cos(x2)\nlayer dense 1\nloss mse")
        let t = try h.w.ensureTrainer()
        XCTAssertEqual(t.train.featureNames, ["x1", "x1^2", "x2^3", "x1*x2", "sin(x1)", "cos(x2)"])
        XCTAssertEqual(h.w.model?.spec.inputSize, 6)
        let expected: [Double] = [1, 1, 8, 2, 0.8414709848078965, -0.4161468365471424,
                                  3, 9, -1, -3, 0.1411200080598672, 0.5403023058681398]
        XCTAssertEqual(t.train.X.shape, [2, 6])
        for (a, e) in zip(t.train.X.data, expected) { XCTAssertEqual(a, e, accuracy: 1e-15) }
        // The raw columns stay with the training set, for inputs in the data's units.
        XCTAssertEqual(t.train.rawInputs?.data, [1, 2, 3, -1])
        XCTAssertEqual(t.train.inputNames, ["x1", "x2"])
        // Larger angles, reduced in turns: Python's math.sin(100) = -0.5063656411097588, math.cos(-7.5) = 0.3466353178350258.
        h.ok("data X=[[100,-7.5]] y=[1]\nfeatures sin(x1) cos(x2)")
        let far = try h.w.ensureTrainer().train.X.data
        XCTAssertEqual(far[0], -0.5063656411097588, accuracy: 1e-13)
        XCTAssertEqual(far[1], 0.3466353178350258, accuracy: 1e-14)
        h.ok("data X=[[1,2],[3,-1]] y=[0.5,1.5]")
        // Spaces around the signs, and a column named again in another term, read the same.
        h.ok("features x1 ^ 3 x1 * x2")
        XCTAssertEqual(try h.w.ensureTrainer().train.X.data, [1, 2, 27, -3])
    }

    /// Under `normalize`, the derived columns are standardised with their own mean and std on the training part.
    func testDerivedColumnsAreStandardisedOnTheTrainingPart() throws {
        let h = ShellHarness()
        // x1^2 = 1, 4, 9, 16: mean 7.5, population std √(129/4) = 5.678908345800274 (deviations −6.5, −3.5, 1.5, 8.5).
        h.ok("data X=[[1,0],[2,0],[3,0],[4,0]] y=[1,2,3,4]\nfeatures x1^2\nnormalize\nlayer dense 1\nloss mse")
        let t = try h.w.ensureTrainer()
        let std = try XCTUnwrap(t.train.standardization)
        XCTAssertEqual(std.mean[0], 7.5, accuracy: 1e-14)
        XCTAssertEqual(std.std[0], 5.678908345800274, accuracy: 1e-14)
        XCTAssertEqual(t.train.X.data[0], -6.5 / 5.678908345800274, accuracy: 1e-14)
        let text = h.ok("show data")
        XCTAssertTrue(text.contains("the model reads: x1^2, computed from these columns"), text)
        let rows = PredictTests.cells(text)
        XCTAssertEqual(rows[0], ["", "x1^2"], text)
        XCTAssertEqual(rows[1], ["mean", "7.5"], text)
        XCTAssertEqual(rows[2], ["std", "5.67891"], text)

        // With a split, only the training rows' squares count: their mean and std, computed here from the raw x1 of
        // the rows the split put in the training part.
        h.ok("split 0.5")
        let s = try h.w.ensureTrainer()
        let squares = (0..<s.train.count).map { i -> Double in
            let x1 = [1.0, 2, 3, 4][s.train.dataRow(i)]
            return x1 * x1
        }
        XCTAssertEqual(squares.count, 2)
        let mean = (squares[0] + squares[1]) / 2, sd = abs(squares[0] - squares[1]) / 2
        let fitted = try XCTUnwrap(s.train.standardization)
        XCTAssertEqual(fitted.mean[0], mean, accuracy: 1e-14)
        XCTAssertEqual(fitted.std[0], sd, accuracy: 1e-14)
        XCTAssertNotEqual(mean, 7.5, "the split's training part is not all four rows")
    }

    /// A 2-1 sigmoid model on x1^2 and x2^2 with weights set by hand: logit 0.8 − x1² − x2², a circle of radius √0.8.
    private func circleModel() -> ShellHarness {
        let h = ShellHarness()
        h.ok("data X=[[1,1],[-1,1],[1,-1],[-1,-1],[0,0.5]] y=[0,0,0,0,1]\nfeatures x1^2 x2^2\nlayer dense 1 sigmoid\nloss bce\n"
             + "set W1[0,0] = -1\nset W1[1,0] = -1\nset b1[0] = 0.8")
        return h
    }

    func testPredictTakesTheRawColumns() throws {
        let h = circleModel()
        let text = h.ok("predict [[0.5,0.5],[1,0.5]]")
        let rows = PredictTests.cells(text).map { $0.filter { !$0.isEmpty } }
        // The inputs are the data's columns, as typed; the probability is σ of the logit at their squares.
        XCTAssertEqual(rows[0], ["row", "x1", "x2", "P(1)", "y"], text)
        XCTAssertEqual(rows[1][1], "0.5"); XCTAssertEqual(rows[1][2], "0.5")
        XCTAssertEqual(try XCTUnwrap(Double(rows[1][3])), 0.574442516811659, accuracy: 1e-5)   // z = 0.8 − 0.25 − 0.25
        XCTAssertEqual(rows[1][4], "1")
        XCTAssertEqual(try XCTUnwrap(Double(rows[2][3])), 0.389360766050778, accuracy: 1e-5)   // z = 0.8 − 1 − 0.25
        XCTAssertEqual(rows[2][4], "0")
        // Three numbers are not a row of this data, whose columns are two.
        XCTAssertTrue(h.fails("predict [1,2,3]").contains("the input has 3 values; the data has 2 features (x1, x2)"), h.out.errors.joined())
    }

    /// `evaluate` reads the data's own columns from its file (in any order) and computes the terms: the two rows above,
    /// classes 1 and 0, give accuracy 1 and the loss (−ln σ(0.3) − ln(1 − σ(−0.45)))/2 = 0.5238020952329909.
    func testEvaluateReadsTheRawColumnsOfItsFile() throws {
        let dir = try ScratchDirectory.make("descent-features")
        defer { ScratchDirectory.remove(dir) }
        try "x2,x1,y\n0.5,0.5,1\n0.5,1,0\n".write(toFile: dir + "/test.csv", atomically: true, encoding: .utf8)
        let h = circleModel()
        let text = h.ok("evaluate \"\(dir)/test.csv\"")
        XCTAssertTrue(text.contains(": 2 samples at step 0 — loss 0.5238  accuracy 100%"), text)
        try "x1,x2,x1^2,y\n0.5,0.5,0.25,1\n".write(toFile: dir + "/extra.csv", atomically: true, encoding: .utf8)
        XCTAssertTrue(h.fails("evaluate \"\(dir)/extra.csv\"").contains("column 'x1^2' is not a feature of the training data (its features: x1, x2;"),
                      h.out.errors.joined())
    }

    func testTheMapIsOverTheRawPlaneAndDrawsTheCircle() throws {
        let h = circleModel()
        let t = try h.w.ensureTrainer()
        XCTAssertTrue(Charts.drawsMap(t))
        let map = try XCTUnwrap(Charts.boundaryMap(t, width: 60, height: 24, unicode: true))
        // The raw range −1…1 on both axes plus 5%.
        XCTAssertEqual(map.xRange.lowerBound, -1.1, accuracy: 1e-12); XCTAssertEqual(map.xRange.upperBound, 1.1, accuracy: 1e-12)
        XCTAssertEqual(map.yRange.lowerBound, -1.1, accuracy: 1e-12); XCTAssertEqual(map.yRange.upperBound, 1.1, accuracy: 1e-12)
        // The points at their raw coordinates (not at their squares).
        let raw: [(Double, Double)] = [(1, 1), (-1, 1), (1, -1), (-1, -1), (0, 0.5)]
        XCTAssertEqual(map.points.count, 5)
        for (p, r) in zip(map.points, raw) { XCTAssertEqual(p.x, r.0); XCTAssertEqual(p.y, r.1) }
        // Every cell is class 1 exactly inside the circle x1² + x2² < 0.8, by the hand logit at the cell's centre.
        guard case .classes(let classes) = map.content else { return XCTFail("a class map") }
        for r in 0..<map.rows {
            for c in 0..<map.columns {
                let x1 = -1.1 + (Double(c) + 0.5) * 2.2 / Double(map.columns), x2 = 1.1 - (Double(r) + 0.5) * 2.2 / Double(map.rows)
                let z = 0.8 - x1 * x1 - x2 * x2
                XCTAssertGreaterThan(abs(z), 1e-9)
                XCTAssertEqual(classes[r * map.columns + c], z > 0 ? 1 : 0, "cell (\(c), \(r)) at (\(x1), \(x2))")
            }
        }
        // The centre is inside, a corner outside: a circle, which no line on x1 and x2 draws.
        XCTAssertEqual(classes[(map.rows / 2) * map.columns + map.columns / 2], 1)
        XCTAssertEqual(classes[0], 0)
    }

    /// Each bad command is an error at its place that changes nothing: terms, trainer, steps and weights as they were.
    func testBadFeaturesChangeNothing() throws {
        let h = ShellHarness()
        h.ok("seed 3\ndata circles n=40\nfeatures x1^2 x2^2\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.1\ntrain 5")
        let trainer = h.w.trainer, weights = h.values("W1")
        let cases: [(String, String)] = [
            ("features x3^2", "no column 'x3' in this data — did you mean 'x1'? (its columns are x1, x2)"),
            ("features x1^4", "the powers of a column are x1^2 and x1^3 — a feature term is NAME, NAME^2, NAME^3, NAME*NAME, sin(NAME) or cos(NAME)"),
            ("features x1*", "expected a column's name after '*'"),
            ("features sin(x1", "expected ')' to close sin(x1"),
            ("features tan(x1)", "no function 'tan' — the functions are sin and cos"),
            ("features sinh(x1)", "no function 'sinh' — did you mean 'sin'?"),
            ("features ^2", "expected a feature term, got '^'"),
            ("features x1 x2 x1", "x1 is already feature 1 — give each term once"),
            ("features x1 lr=2", "unknown option"),
        ]
        for (command, message) in cases {
            let error = h.fails(command)
            XCTAssertTrue(error.contains(message), "\(command): \(error)")
            XCTAssertEqual(h.w.featureTerms, [.power("x1", 2), .power("x2", 2)], command)
            XCTAssertTrue(h.w.trainer === trainer, command)
            XCTAssertEqual(h.w.stepCount, 5, command)
            XCTAssertEqual(h.values("W1"), weights, command)
        }
        // The caret under the unknown column of a product, not the whole term.
        var a = ArgReader(try XCTUnwrap(Parser.parse("features x1*x9").first))
        XCTAssertThrowsError(try Commands.featureTerms(h.w, &a)) { error in
            XCTAssertEqual((error as? Diagnostic)?.span, SourceSpan(line: 1, column: 13, length: 2), "\(error)")
        }
        // A term whose value overflows is refused, naming the row and the column's value; so is data that makes it so.
        XCTAssertTrue(h.fails("data X=[[1e200,1],[1,1]] y=[0,1]").contains("feature x1^2 is inf in row 0 (x1 = 1e+200)"), h.out.errors.joined())
        h.ok("features off\ndata X=[[1e200,1],[1,1]] y=[0,1]")
        XCTAssertTrue(h.fails("features x1^3").contains("feature x1^3 is inf in row 0 (x1 = 1e+200): its value overflows a Double"),
                      h.out.errors.joined())
        XCTAssertNil(h.w.featureTerms)
    }

    /// The terms stay for new data (as `normalize` does), which is refused when it lacks a column they read.
    func testTermsPersistAndDataLackingAColumnIsRefused() throws {
        let dir = try ScratchDirectory.make("descent-features")
        defer { ScratchDirectory.remove(dir) }
        try "a,b,y\n1,2,0\n3,4,1\n".write(toFile: dir + "/ab.csv", atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("data xor n=20\nfeatures x1*x2\nlayer dense 1 sigmoid\nloss bce\ntrain 3")
        let text = h.ok("data moons n=30")
        XCTAssertTrue(text.contains("the model reads the features x1*x2 computed from them"), text)
        XCTAssertEqual(h.w.featureTerms, [.product("x1", "x2")])
        let data = h.w.data
        let error = h.fails("data csv \"\(dir)/ab.csv\"")
        XCTAssertTrue(error.contains("the feature x1*x2 reads the column 'x1', which this data lacks (its columns are a, b) — `features off`"), error)
        XCTAssertEqual(h.w.data, data)
        // `features off` goes back to the data's own columns: the width changes from 1 to 2, so the weights are drawn again.
        XCTAssertTrue(h.ok("features off").contains("features: off — the model reads the data's own columns (x1, x2)"), h.out.text)
        XCTAssertNil(h.w.model)
        XCTAssertEqual(try h.w.modelSpec().inputSize, 2)
        XCTAssertTrue(h.ok("show config").contains("features    the data's own columns"), h.out.text)
        // A kept run names the terms it was trained on.
        h.ok("data xor n=20\nfeatures x1*x2 x1^2\ntrain 3\nkeep prod")
        XCTAssertTrue(h.ok("show runs").contains("2-1 sigmoid · features x1*x2 x1^2 · bce ·"), h.out.text)
        // Tab offers the data's columns and the functions.
        XCTAssertEqual(Completion.candidates(line: "features x", word: "x", workspace: h.w), ["x1", "x2"])
        XCTAssertEqual(Completion.candidates(line: "features ", word: "", workspace: h.w), ["x1", "x2", "sin", "cos", "off"])
        h.ok("new")
        XCTAssertNil(h.w.featureTerms)
    }

    /// `save session` records the command, and its replay gives the same weights bit for bit; the weights file records the
    /// terms, and `load weights` warns when the session's are others.
    func testSaveReplayAndWeightsFile() throws {
        let dir = try ScratchDirectory.make("descent-features")
        defer { ScratchDirectory.remove(dir) }
        let h = ShellHarness()
        h.ok("seed 2\ndata circles n=60\nsplit 0.8\nfeatures x1^2 x2^2 sin(x1)\nnormalize\nlayer dense 1 sigmoid\nloss bce\n"
             + "optimizer adam lr=0.1\ntrain 40\nfeatures\nsave session \"\(dir)/s.descent\"\nsave weights \"\(dir)/w.json\"")
        let script = try String(contentsOfFile: dir + "/s.descent", encoding: .utf8)
        XCTAssertTrue(script.contains("\nfeatures x1^2 x2^2 sin(x1)\n"), script)
        XCTAssertFalse(script.contains("\nfeatures\n"), "`features` alone only prints: \(script)")
        let again = ShellHarness()
        again.ok("replay \"\(dir)/s.descent\"")
        XCTAssertEqual(again.values("W1"), h.values("W1"))
        XCTAssertEqual(again.values("b1"), h.values("b1"))
        XCTAssertEqual(again.values("W1").count, 3)

        let json = try String(contentsOfFile: dir + "/w.json", encoding: .utf8)
        XCTAssertTrue(json.contains("\n  \"features\": [\"x1^2\", \"x2^2\", \"sin(x1)\"],\n"), json)
        XCTAssertFalse(again.ok("load weights \"\(dir)/w.json\"").contains("warning"), again.out.text)
        again.ok("features x1^2 x2^2 cos(x1)")
        let warned = again.ok("load weights \"\(dir)/w.json\"")
        XCTAssertTrue(warned.contains("warning: \(dir)/w.json was saved for a model reading the features x1^2, x2^2, sin(x1), but the model "
                                      + "here reads the features x1^2, x2^2, cos(x1)"), warned)
        XCTAssertTrue(warned.contains("`features x1^2 x2^2 sin(x1)` reads them as it was trained"), warned)
    }

    /// Terms over columns whose names need quotes are listed as typed, quoted once.
    func testTermsOfQuotedColumnsAreListedAsTyped() throws {
        let dir = try ScratchDirectory.make("features-quoted")
        defer { ScratchDirectory.remove(dir) }
        try "a.b,c d,y\n1,2,0\n2,3,1\n3,1,0\n4,4,1\n".write(toFile: "\(dir)/q.csv", atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/q.csv\"")
        let reply = h.ok(#"features "a.b"^2 "a.b" * "c d" cos("c d")"#)
        XCTAssertTrue(reply.hasPrefix(#"features: "a.b"^2, "a.b"*"c d", cos("c d") — 3 inputs"#), reply)
        XCTAssertTrue(h.ok("show config").contains(#""a.b"^2, "a.b"*"c d", cos("c d")"#))
    }
}
