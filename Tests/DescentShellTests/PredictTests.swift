import DescentText
import XCTest
@testable import DescentCore
@testable import DescentShell

/// `predict`: outputs against numbers computed apart (by hand or numpy), its errors, and that it changes nothing.
final class PredictTests: XCTestCase {
    let h = ShellHarness()

    /// The cells of each row of the tables in `text` (header rows included), trimmed.
    static func cells(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("│") }.map { line in
            line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Asserts that `cell` is a number within `relative` of `expected` (the tables write 6 significant digits).
    func assertNumber(_ cell: String, _ expected: Double, relative: Double = 1e-5, file: StaticString = #filePath, line: UInt = #line) {
        guard let x = Double(cell) else { return XCTFail("'\(cell)' is not a number", file: file, line: line) }
        XCTAssertEqual(x, expected, accuracy: relative * max(abs(expected), 1e-300), file: file, line: line)
    }

    /// The predictions of the last `predict`, at full precision, row-major.
    var lastOutputs: [Double] { h.w.trainer?.mapGraphStorage?.output.value.array ?? [] }

    func testRegressionStandardisesRawInputsWithTheTrainingPartsMeanAndStd() {
        // numpy: X = [[1,2],[2,3],[3,5]]; m, s = X.mean(0), X.std(0); W = [[0.5],[-2]]; b = [0.25]
        //        ((Q - m) / s) @ W + b for Q = [[2,4],[0,0]] → [-0.8190449676496974, 4.3704799668569]
        h.ok("data X=[[1,2],[2,3],[3,5]] y=[1,2,3]\nnormalize\nlayer dense 1\nloss mse\nset W1[0,0] = 0.5\nset W1[1,0] = -2\nset b1[0] = 0.25")
        let text = h.ok("predict [[2,4],[0,0]]")
        XCTAssertTrue(text.hasPrefix("predict: 2-1 at step 0; inputs standardised with the training part's mean and std\n"), text)
        let rows = Self.cells(text)
        XCTAssertEqual(rows[0], ["row", "x1", "x2", "predicted y"])
        XCTAssertEqual(Array(rows[1].prefix(3)), ["0", "2", "4"])
        XCTAssertEqual(Array(rows[2].prefix(3)), ["1", "0", "0"])
        assertNumber(rows[1][3], -0.8190449676496974)
        assertNumber(rows[2][3], 4.3704799668569)
        XCTAssertEqual(lastOutputs[0], -0.8190449676496974, accuracy: 1e-13)
        XCTAssertEqual(lastOutputs[1], 4.3704799668569, accuracy: 1e-13)
        // Without normalize the same weights read the raw inputs: 0.5·2 − 2·4 + 0.25 = −6.75, and 0.25 at 0.
        h.ok("normalize off")
        let raw = Self.cells(h.ok("predict [[2,4],[0,0]]"))
        XCTAssertEqual(raw[1][3], "-6.75")
        XCTAssertEqual(raw[2][3], "0.25")
    }

    func testBinarySigmoidGivesTheProbabilityOfTheSecondClassAndTheClassName() throws {
        // numpy: W1 = [[0.5,-1],[1.5,0.25]]; b1 = [0.1,-0.2]; W2 = [[2],[-1]]; b2 = [0.3]
        //        p = 1 / (1 + exp(-(tanh(Q @ W1 + b1) @ W2 + b2))) for Q = [[0.5,0.5],[-1,0.25],[0,0]]
        //        → [0.9183412351706319, 0.3899474579987479, 0.6674582242742589]
        let file = try weightsFile(#"{"params": {"W1": [[0.5, -1], [1.5, 0.25]], "b1": [0.1, -0.2], "W2": [[2], [-1]], "b2": [0.3]}}"#)
        h.ok("data xor n=20\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\nload weights \"\(file)\"")
        let rows = Self.cells(h.ok("predict [[0.5,0.5],[-1,0.25],[0,0]]"))
        XCTAssertEqual(rows[0], ["row", "x1", "x2", "P(same sign)", "class"])
        assertNumber(rows[1][3], 0.9183412351706319)
        assertNumber(rows[2][3], 0.3899474579987479)
        assertNumber(rows[3][3], 0.6674582242742589)
        XCTAssertEqual(rows.dropFirst().map { $0[4] }, ["1 (same sign)", "0 (different signs)", "1 (same sign)"])
        XCTAssertEqual(lastOutputs, [0.9183412351706319, 0.3899474579987479, 0.6674582242742589].map { $0 }, "\(lastOutputs)")
    }

    func testHingeGivesTheScoreAndItsSign() {
        // By hand: score = x1 − x2 + 0.1: [0.2,0.5] → −0.2 (class 0), [0.5,0.2] → 0.4 (class 1).
        h.ok("data xor n=20\nlayer dense 1\nloss hinge\nset W1[0,0] = 1\nset W1[1,0] = -1\nset b1[0] = 0.1")
        let rows = Self.cells(h.ok("predict [[0.2,0.5],[0.5,0.2]]"))
        XCTAssertEqual(rows[0], ["row", "x1", "x2", "score", "class"])
        assertNumber(rows[1][3], -0.2, relative: 1e-12)
        assertNumber(rows[2][3], 0.4, relative: 1e-12)
        XCTAssertEqual([rows[1][4], rows[2][4]], ["0 (different signs)", "1 (same sign)"])
    }

    func testMulticlassGivesTheClassItsProbabilityAndEveryClasssWithSoftmaxOrLogits() throws {
        // numpy: W1 = [[1,-1,0.5],[0.2,0.3,-2]]; b1 = [0,0.5,-0.5]; z = Q @ W1 + b1 for Q = [[1,2],[-0.5,0.3]];
        //        softmax(z) = [[0.783055693408137, 0.21340757217001163, 0.00353673442185154],
        //                      [0.16609361473096165, 0.7670496818825164, 0.06685670338652201]], argmax [0, 1]
        let expected = [[0.783055693408137, 0.21340757217001163, 0.00353673442185154],
                        [0.16609361473096165, 0.7670496818825164, 0.06685670338652201]]
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("descent-animals-\(UUID().uuidString).csv").path
        try "a,b,animal\n0,0,cat\n1,0,dog\n0,1,fish\n1,1,cat\n".write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let file = try weightsFile(#"{"params": {"W1": [[1, -1, 0.5], [0.2, 0.3, -2]], "b1": [0, 0.5, -0.5]}}"#)
        // A softmax output holds the probabilities; a linear one under ce holds logits, which predict puts through a softmax.
        for activation in ["softmax", "linear"] {
            h.ok("data csv \"\(csv)\" target=animal\nlayer clear\nlayer dense 3 \(activation)\nloss ce\nload weights \"\(file)\"")
            let rows = Self.cells(h.ok("predict [[1,2],[-0.5,0.3]]"))
            XCTAssertEqual(rows[0], ["row", "a", "b", "animal", "probability", "P(cat)", "P(dog)", "P(fish)"], activation)
            XCTAssertEqual([rows[1][3], rows[2][3]], ["0 (cat)", "1 (dog)"], activation)
            assertNumber(rows[1][4], expected[0][0])
            assertNumber(rows[2][4], expected[1][1])
            for r in 0..<2 { for c in 0..<3 { assertNumber(rows[r + 1][5 + c], expected[r][c]) } }
        }
    }

    func testLongClassNamesAreGivenByIDWithAKeySoTheTableStaysNarrow() throws {
        // Three 38-column names would make the P(…) heads alone ~130 columns; zero weights give each class 1/3.
        let names = ["a very long class name number one", "another extremely long class name two", "yet another class with a long long name"]
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("descent-long-\(UUID().uuidString).csv").path
        try ("a,b,kind\n" + names.enumerated().map { "\($0.offset),1,\($0.element)" }.joined(separator: "\n") + "\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        h.ok("data csv \"\(csv)\"\nlayer dense 3 softmax init=zeros\nloss ce")
        let text = h.ok("predict [2,5]")
        let rows = Self.cells(text)
        XCTAssertEqual(rows[0], ["row", "a", "b", "kind", "probability", "P(0)", "P(1)", "P(2)"])
        XCTAssertEqual(rows[1], ["0", "2", "5", "0", "0.333333", "0.333333", "0.333333", "0.333333"])
        // "classes: 0 …, 1 …, 2 …" would be 128 columns: one class a line.
        XCTAssertTrue(text.contains("\nclasses:\n  0 \(names[0])\n  1 \(names[1])\n  2 \(names[2])"), text)
        XCTAssertTrue(text.split(separator: "\n").filter { $0.hasPrefix("│") }.allSatisfy { $0.count <= 120 }, text)
    }

    func testAKeyWiderThan120ColumnsListsOneClassALine() throws {
        let names = (1...3).map { "class number \($0) " + String(repeating: "x", count: 40) }   // 55 columns each
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("descent-longer-\(UUID().uuidString).csv").path
        try ("a,kind\n" + names.enumerated().map { "\($0.offset),\($0.element)" }.joined(separator: "\n") + "\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        h.ok("data csv \"\(csv)\"\nlayer dense 3 softmax init=zeros\nloss ce")
        let text = h.ok("predict [1]")
        // Each name cut to 40 characters (39 and …), as every quoted name is; one line would still be 139 columns.
        let cut = names.map { String($0.prefix(26)) + "…" + String($0.suffix(13)) }
        XCTAssertTrue(text.hasSuffix("\nclasses:\n  0 \(cut[0])\n  1 \(cut[1])\n  2 \(cut[2])"), text)
        // The confusion matrix's rows name them cut too, and its table keeps to 120 columns.
        let matrix = h.ok("show confusion")
        XCTAssertTrue(matrix.contains("│ 0 \(cut[0]) │"), matrix)
        XCTAssertTrue(matrix.split(separator: "\n").allSatisfy { $0.count <= 120 }, matrix)
    }

    /// The widest line of the tables in `text`, in columns.
    static func tableWidth(_ text: String) -> Int {
        text.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") }.map { String($0).columns }.max() ?? 0
    }

    func testIrisFitsWithNamedClassesByLeavingOutTheInputs() throws {
        // Iris's header and three species; zero weights give each class 1/3 (0.333333), class 0 predicted. Column
        // widths by hand (widest cell + 3, plus one border): with the inputs, names make 1 + row 6 + sepal_length 15
        // + sepal_width 14 + petal_length 15 + petal_width 14 + "0 (setosa)" 13 + probability 14 + P(setosa) 12
        // + P(versicolor) 16 + P(virginica) 15 = 135, and ids 1 + 6 + 58 + species 10 + 14 + 3 × P(i) 11 = 122: both
        // over 120. Names without the inputs: 1 + 6 + 13 + 14 + 12 + 16 + 15 = 77.
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("descent-iris-\(UUID().uuidString).csv").path
        try "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n7,3.2,4.7,1.4,versicolor\n6.3,3.3,6,2.5,virginica\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        h.ok("data csv \"\(csv)\"\nlayer dense 3 softmax init=zeros\nloss ce")
        let text = h.ok("predict [[5.1,3.5,1.4,0.2],[6.3,2.9,5.6,1.8]]")
        let rows = Self.cells(text)
        XCTAssertEqual(rows[0], ["row", "species", "probability", "P(setosa)", "P(versicolor)", "P(virginica)"], text)
        XCTAssertEqual(rows[1], ["0", "0 (setosa)", "0.333333", "0.333333", "0.333333", "0.333333"], text)
        XCTAssertEqual(Self.tableWidth(text), 77, text)
        XCTAssertTrue(text.hasSuffix("\n(the inputs are not repeated, to keep the table within 120 columns; rows are numbered from 0 as typed)"), text)
        XCTAssertFalse(text.contains("classes:"), text)
    }

    func testTenClassesProbabilitiesAreCutToTheColumnsThatFit() {
        // Nine features (not repeated) and ten classes; zero weights and these biases make the logits. numpy:
        //   b = [0,-11.1,-11.3,-11.6,-11.9,-12.2,-12.4,-12.7,-13.1,-13.3]; p = exp(b) / exp(b).sum()
        //   → ['%.6g' % x for x in p] = 0.999941 1.51114e-05 1.23722e-05 9.16554e-06 6.79e-06 5.03016e-06 4.11834e-06 …
        // Widths by hand: 1 + row 6 + y 4 + probability 14 + … 4 = 29, and the P columns 11, 14, 14, 14, 11, 14, 14, …:
        // six make 29 + 78 = 107, seven 121. So P(0)–P(5), and four classes left out.
        let xs = (0..<10).map { i in "[" + (0..<9).map { String(($0 + i) % 3) }.joined(separator: ",") + "]" }.joined(separator: ",")
        h.ok("data X=[\(xs)] y=[0,1,2,3,4,5,6,7,8,9]\nlayer dense 10 softmax init=zeros\nloss ce")
        for (j, b) in [-11.1, -11.3, -11.6, -11.9, -12.2, -12.4, -12.7, -13.1, -13.3].enumerated() { h.ok("set b1[\(j + 1)] = \(b)") }
        let text = h.ok("predict [0,0,0,0,0,0,0,0,0]")
        let rows = Self.cells(text)
        XCTAssertEqual(rows[0], ["row", "y", "probability", "P(0)", "P(1)", "P(2)", "P(3)", "P(4)", "P(5)", "…"], text)
        XCTAssertEqual(rows[1], ["0", "0", "0.999941", "0.999941", "1.51114e-05", "1.23722e-05", "9.16554e-06", "6.79e-06", "5.03016e-06", "…"], text)
        XCTAssertEqual(Self.tableWidth(text), 107, text)
        XCTAssertTrue(text.hasSuffix("\n… the probabilities of 4 more classes not shown (the table keeps to 120 columns)"), text)
    }

    func testManyClassesListOnlyThePredictedOnesProbability() {
        // 11 classes and zero weights: every logit is 0, so each class has probability 1/11 = 0.0909091 and the
        // first, 0, is predicted (ties go to the first, as for accuracy).
        let xs = (0..<11).map { "[\($0)]" }.joined(separator: ","), ys = (0..<11).map(String.init).joined(separator: ",")
        h.ok("data X=[\(xs)] y=[\(ys)]\nlayer dense 11 init=zeros\nloss ce")
        let rows = Self.cells(h.ok("predict [3]"))
        XCTAssertEqual(rows[0], ["row", "x1", "y", "probability"])
        XCTAssertEqual(rows[1], ["0", "3", "0", "0.0909091"])
    }

    func testInputsAreRepeatedAsTyped() {
        // Six significant digits would print 1700000000 and 1700000099 both as 1.7e+09.
        h.ok("data X=[[1],[2],[3]] y=[1,2,3]\nlayer dense 1 init=zeros\nloss mse")
        let rows = Self.cells(h.ok("predict [[1700000000],[1700000099],[0.1],[-2.5e-7]]"))
        XCTAssertEqual(rows.dropFirst().map { $0[1] }, ["1700000000", "1700000099", "0.1", "-2.5e-07"])
    }

    func testManyFeaturesAreNotRepeated() {
        // 9 features, more than the 8 repeated; zero weights and bias, so the prediction is 0 whatever the input.
        let row = "[" + (1...9).map(String.init).joined(separator: ",") + "]"
        h.ok("data X=[\(row),\(row)] y=[1,2]\nlayer dense 1 init=zeros\nloss mse")
        let text = h.ok("predict \(row)")
        XCTAssertEqual(Self.cells(text), [["row", "predicted y"], ["0", "0"]])
        XCTAssertTrue(text.hasSuffix("\n(the inputs are not repeated: 9 features; rows are numbered from 0 as typed)"), text)
        // 8 features are repeated.
        let eight = "[" + (1...8).map(String.init).joined(separator: ",") + "]"
        h.ok("data X=[\(eight),\(eight)] y=[1,2]")
        XCTAssertEqual(Self.cells(h.ok("predict \(eight)"))[1], ["0"] + (1...8).map(String.init) + ["0"])
    }

    func testErrorsPointAtTheInputsAndSayWhatToDo() {
        // Each line, the message, and the caret's column (1-based), counted by hand.
        let before: [(String, String, Int)] = [
            ("predict [1,2]", "no data yet — start with `data …`", 9),
        ]
        for (line, message, column) in before { check(h.fails(line), message, column, line) }
        h.ok("data xor n=20")
        check(h.fails("predict [1,2]"), "no layers yet — add one with `layer dense UNITS [ACTIVATION]`", 9, "no layers")
        h.ok("layer dense 1 sigmoid")
        check(h.fails("predict [1,2]"), "no loss yet — choose one with `loss mse|mae|huber|bce|ce|hinge`", 9, "no loss")
        h.ok("loss bce")
        let cases: [(String, String, Int)] = [
            ("predict [[1,2],[1,2,3]]", "inputs[1] has 3 values; the data has 2 features (x1, x2)", 16),
            ("predict [[1,2,3],[1,2]]", "inputs[0] has 3 values; the data has 2 features (x1, x2)", 10),
            ("predict [[1,2],[3]]", "inputs[1] has 1 value; the data has 2 features (x1, x2)", 16),
            ("predict [1,2,3]", "the input has 3 values; the data has 2 features (x1, x2)", 9),
            ("predict [[1,2],[3,a]]", "expected a number as inputs[1,1], got 'a'", 19),
            ("predict [1,\"2\"]", "expected a number as inputs[1], got \"2\"", 12),
            ("predict [[1,2],3]", "expected inputs[1] to be a list like [1,2], got 3", 16),
            ("predict []", "expected at least one row in inputs", 9),
            ("predict", "expected inputs as a row like [1,2] or rows like [[1,2],[3,4]]", 8),
            ("predict 5", "expected inputs as a row like [1,2] or rows like [[1,2],[3,4]], got 5", 9),
            ("predict [1,2] [3,4]", "unexpected '[3,4]' after '[1,2]'", 15),
            ("predict [1,2] scale=2", "unknown option 'scale' for predict", 15),
        ]
        for (line, message, column) in cases { check(h.fails(line), message, column, line) }
    }

    /// Asserts that `error` says `message` with a caret at `column`.
    func check(_ error: String, _ message: String, _ column: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(error.hasPrefix("error: \(message)"), "\(what): \(error)", file: file, line: line)
        let caret = error.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertEqual(caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) - 4 + 1 }, column,
                       "\(what): \(error)", file: file, line: line)
    }

    func testAFailingPredictChangesNothing() {
        h.ok("seed 2\ndata xor n=20\nbatch 8\nlayer dense 3 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 3\nforward\nbackward step")
        let state = TrainerState(h.w), grads = h.allGrads, undo = h.w.undoStack.count, recorded = h.w.recorded
        let done = h.w.inspected?.backwardDone, config = Printer.config(h.w)
        for line in ["predict [[1,2],[1,2,3]]", "predict [1]", "predict [[1,x]]", "predict"] {
            h.fails(line)
            XCTAssertEqual(TrainerState(h.w), state, line)
            XCTAssertEqual(h.allGrads, grads, line)
            XCTAssertEqual(h.w.undoStack.count, undo, line)
            XCTAssertEqual(h.w.recorded, recorded, line)
            XCTAssertEqual(h.w.inspected?.backwardDone, done, line)
            XCTAssertEqual(Printer.config(h.w), config, line)
        }
    }

    /// A model with dropout and minibatches, so that the dropout stream and the sampler matter.
    static let noisy = "seed 3\ndata moons n=40\nbatch 16\nlayer dense 6 tanh\nlayer dropout 0.3\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.05"

    func testPredictInAHandStepLeavesEverythingAsWithoutIt() {
        // The same session twice, once with `predict` and `show confusion` between the commands: after each
        // command, parameters, gradients, optimizer state, history, sampler, dropout stream, where backward stands
        // and undo must match bit for bit, and `expect grad` must find the same gradient.
        let with = ShellHarness(), without = ShellHarness()
        let lines = ["train 5", "forward", "backward step", "backward step", "backward step", "backward", "update",
                     "forward", "backward step", "step", "undo", "train 7", "forward",
                     "backward step", "backward step", "backward step", "backward step", "backward step"]
        with.ok(Self.noisy)
        without.ok(Self.noisy)
        with.ok("predict [[0.5,0.25],[-1,0.5]]")   // before the trainer exists: predict builds it
        for line in lines {
            with.ok(line)
            without.ok(line)
            with.ok("predict [[0.5,0.25],[-1,0.5],[2,-0.5]]\nshow confusion\npredict [1,1]")
            XCTAssertEqual(TrainerState(with.w), TrainerState(without.w), line)
            XCTAssertEqual(with.allGrads, without.allGrads, line)
            XCTAssertEqual(with.w.undoStack.count, without.w.undoStack.count, line)
            XCTAssertEqual(with.w.inspected?.backwardDone, without.w.inspected?.backwardDone, line)
            XCTAssertEqual(with.w.trainer?.phase, without.w.trainer?.phase, line)
            XCTAssertEqual(with.w.gradientReady("W1"), without.w.gradientReady("W1"), line)
        }
        // Five steps back from the total have reached W2 but not W1: `expect grad` reads the same gradient of W2
        // in both, and says the same about W1.
        let g = without.grads("W2")[3]
        XCTAssertTrue(without.w.gradientReady("W2"))
        XCTAssertNotEqual(g, 0)
        with.ok("expect grad W2[3,0] = \(g)")
        without.ok("expect grad W2[3,0] = \(g)")
        XCTAssertEqual(with.fails("expect grad W1[0,0] = 0"), without.fails("expect grad W1[0,0] = 0"))
        XCTAssertTrue(with.fails("expect grad W1[0,0] = 0").contains("dL/dW1 is not current"))
        // Finishing the step by hand and training on gives the same bits.
        for line in ["backward", "update", "train 20"] {
            with.ok(line); without.ok(line)
            with.ok("predict [0,0]")
        }
        XCTAssertEqual(TrainerState(with.w), TrainerState(without.w))
        XCTAssertEqual(with.w.recorded, without.w.recorded, "predict and show are not kept for save session")
        XCTAssertEqual(with.w.sessionScript().split(separator: "\n").dropFirst(2), without.w.sessionScript().split(separator: "\n").dropFirst(2))
    }

    func testTrainingAfterPredictGivesTheSameWeights() {
        let with = ShellHarness(), without = ShellHarness()
        with.ok(Self.noisy + "\nnormalize\nsplit 0.75\ntrain 10\npredict [[0.5,0.25],[-1,0.5]]\ntrain 30")
        without.ok(Self.noisy + "\nnormalize\nsplit 0.75\ntrain 10\ntrain 30")
        XCTAssertEqual(TrainerState(with.w), TrainerState(without.w))
        XCTAssertEqual(with.values("W1"), without.values("W1"))
        // And undo after predict undoes the train before it.
        with.ok("predict [1,2]\nundo")
        without.ok("undo")
        XCTAssertEqual(TrainerState(with.w), TrainerState(without.w))
    }

    func testHelpAndCompletion() {
        let help = h.ok("help predict")
        XCTAssertTrue(help.contains("predict [[x1,x2,…],[x1,x2,…],…]") && help.contains("predict [x1,x2,…]"), help)
        XCTAssertTrue(h.ok("help").contains("  predict "))
        XCTAssertEqual(Completion.candidates(line: "pre", word: "pre", workspace: h.w), ["predict"])
        XCTAssertEqual(Completion.candidates(line: "show conf", word: "conf", workspace: h.w), ["config", "confusion"])
        XCTAssertTrue(h.ok("help show").contains("show confusion"))
    }

    /// Writes `json` to a fresh temporary file and returns its path.
    func weightsFile(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-predict-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testInputsThatStandardisingWouldOverflowAreRefusedNamingRowAndFeature() throws {
        h.ok("data X=[[1e308,0],[9e307,1],[8e307,0]] y=[0,1,0]\nnormalize\nlayer dense 2 softmax\nloss ce\ntrain 2")
        let before = try XCTUnwrap(TrainerState(h.w)), recorded = h.w.recorded
        let e = h.fails("predict [[1e307,0],[-1.7e308,0]]")
        XCTAssertTrue(e.contains("error: inputs[1] cannot be standardised: its value -1.7e+308 of feature 'x1' is so far from the training part's mean that (x − mean) / std overflows"), e)
        XCTAssertTrue(e.hasSuffix("\n    predict [[1e307,0],[-1.7e308,0]]\n                       ^~~~~~~~~~~~"), e)
        XCTAssertTrue(h.fails("predict [-1.7e308,0]").contains("error: the input cannot be standardised"))
        XCTAssertEqual(TrainerState(h.w), before)
        XCTAssertEqual(h.w.recorded, recorded)
        XCTAssertFalse(h.ok("predict [1e307,0]").contains("nan"))
    }
}
