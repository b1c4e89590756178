import XCTest
@testable import DescentCore
@testable import DescentShell

/// Arguments a command does not use are errors, never silently dropped; changes that drop undo entries
/// say so; a run that diverged says how the kept parameters stand.
final class CommandArgumentTests: XCTestCase {
    var h: ShellHarness!

    override func setUp() { h = ShellHarness() }

    static let model = "data xor n=40\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce"

    func testHelpWrapsToTheTerminalWidthUnderEachSummary() {
        // Unwrapped (not a terminal): one line per command, the summary after the names' column.
        let plain = h.ok("help").components(separatedBy: "\n")
        let trainLine = plain.first { $0.hasPrefix("  train ") } ?? ""
        let column = trainLine.dropFirst(2).prefix { $0 != " " }.count + (trainLine.dropFirst(2 + 5).prefix { $0 == " " }.count) + 2
        XCTAssertGreaterThan(trainLine.count, 60, trainLine)
        // On a 60-column terminal no line is longer, and a summary's next line starts under its first word.
        h.w.outputWidth = { 60 }
        let narrow = h.ok("help").components(separatedBy: "\n")
        XCTAssertTrue(narrow.allSatisfy { $0.count <= 60 }, narrow.joined(separator: "\n"))
        guard let i = narrow.firstIndex(where: { $0.hasPrefix("  train ") }) else { return XCTFail("no train line") }
        XCTAssertEqual(narrow[i + 1].prefix { $0 == " " }.count, column, narrow[i + 1])
        // A form too long for the width continues under its own text, four spaces in.
        h.w.outputWidth = { 40 }
        let forms = h.ok("help show").components(separatedBy: "\n")
        XCTAssertTrue(forms.allSatisfy { $0.count <= 40 }, forms.joined(separator: "\n"))
        XCTAssertTrue(forms.contains { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }, forms.joined(separator: "\n"))
        h.w.outputWidth = { 60 }
        // The same words in the same order.
        XCTAssertEqual(narrow.joined(separator: " ").split(separator: " "), plain.joined(separator: " ").split(separator: " "))
    }

    func testASecondWordAfterAnOptionalChoiceIsAnError() {
        h.ok(Self.model)
        XCTAssertTrue(h.fails("layer dense 8 tanh tanh").contains("unexpected 'tanh' after 'tanh'"))
        XCTAssertTrue(h.fails("train 3 steps steps").contains("unexpected 'steps' after 'steps'"))
        XCTAssertTrue(h.fails("gradcheck W1 b1").contains("unexpected 'b1' after 'W1'"))
        XCTAssertTrue(h.fails("help train quit").contains("unexpected 'quit' after 'train'"))
        XCTAssertTrue(h.ok("help trai").contains("train STEPS [every=K]"))   // a unique prefix, as for commands
        // A keyword after the command shows the forms that use it.
        XCTAssertEqual(h.ok("help show confusion").split(separator: "\n").first, "  show confusion   (classification: training and validation sets)")
        XCTAssertEqual(h.ok("help train epochs").split(separator: "\n").first, "  train N epochs [every=K] [pace=S] [patience=P [restore=best]]")
        // expect's comparisons are listed, and the forms say which take a tolerance.
        XCTAssertEqual(h.ok("help expect").split(separator: "\n").prefix(3), ["  expect METRIC OP VALUE   (OP: <  <=  >  >=  =)",
                                                                             "  expect [grad] PARAM[i,j] OP VALUE",
                                                                             "  expect … = VALUE +- TOL   (a tolerance goes with = only; = alone allows 1e-12 × max(1, |VALUE|))"])
        XCTAssertTrue(h.fails("expect loss != 0.3").contains("error: there is no '!=' — the comparisons are <, <=, >, >= and ="))
        XCTAssertTrue(h.fails("help show conf").contains("unexpected 'conf' after 'show' — did you mean 'config' or 'confusion'?"))
        // At `replay … step`'s prompt these stop the replay; anything else (Enter) runs the line.
        XCTAssertEqual(["q", " Quit ", "stop", "EXIT", "", "n", "quite"].map(Repl.stops), [true, true, true, true, false, false, false])
        // Enter alone runs the line; anything that is neither asks again (a mistyped `qquit` must not run it).
        XCTAssertEqual(["", "  ", "q", "qquit", "clear; ./descent"].map(Repl.stepAnswer), [true, true, false, nil, nil])
        XCTAssertTrue(h.fails("help re").contains("'re' is ambiguous: regularize, reset, replay"))
        XCTAssertTrue(h.fails("layer dense 8 foo").contains("unknown activation 'foo'"))
        // None of them changed the model or trained.
        XCTAssertEqual(h.w.layers.count, 2)
        XCTAssertEqual(h.w.stepCount, 0)
    }

    func testOptionsOfAnotherActivationOrInitializerAreErrors() {
        h.ok(Self.model)
        XCTAssertTrue(h.fails("layer dense 8 tanh slope=0.1")
            .contains("unknown option 'slope' for layer dense tanh — expected one of bias, init"))
        XCTAssertTrue(h.fails("layer dense 8 elu slope=0.1").contains("unknown option 'slope' for layer dense elu — expected one of bias, init, alpha"))
        XCTAssertTrue(h.fails("layer dense 8 relu init=normal low=1").contains("unknown option 'low' for layer dense relu init=normal"))
        XCTAssertEqual(h.w.layers.count, 2)
        h.ok("layer dense 8 leaky_relu slope=0.2 init=uniform low=-1 high=1")
        guard case let .dense(_, activation, _, initializer)? = h.w.layers.last else { return XCTFail("no dense layer") }
        XCTAssertEqual(activation, .leakyRelu(slope: 0.2))
        XCTAssertEqual(initializer, .uniform(-1, 1))
    }

    func testShowWeightsTakesSeveralNamesInTheirOrder() {
        h.ok(Self.model + "\nset b2[0] = 0.5")
        let text = h.ok("show weights b2 W2")
        guard let b2 = text.range(of: "b2 [1] ="), let w2 = text.range(of: "W2 [4, 1] =") else { return XCTFail(text) }
        XCTAssertLessThan(b2.lowerBound, w2.lowerBound)
        XCTAssertFalse(text.contains("W1"), text)
        XCTAssertTrue(h.fails("show weights b2 zz").contains("unknown parameter 'zz'"))
    }

    func testForwardSampleOutOfRangePointsAtTheIndexAndSpacesAreNoFileName() {
        h.ok(Self.model)   // 40 samples
        XCTAssertTrue(h.fails("forward sample 500").hasSuffix("\n    forward sample 500\n                   ^~~"))
        XCTAssertTrue(h.fails("save weights \"   \"").contains("a file name of only spaces"))
    }

    func testAnOptionWrittenWithSpacesOrTwoEqualsSignsSaysHowOptionsAreWritten() {
        h.ok(Self.model)
        // Carets counted by hand: the '=' of `lr = 0.1` is column 18, the '==' of `lr==0.1` columns 17-18.
        XCTAssertEqual(h.fails("optimizer sgd lr = 0.1"), """
            error: options are written key=value with no spaces around '=' — write lr=0.1
                optimizer sgd lr = 0.1
                                 ^
            """)
        XCTAssertEqual(h.fails("optimizer sgd lr==0.1"), """
            error: options are written key=value with a single '=' — write lr=0.1
                optimizer sgd lr==0.1
                                ^~
            """)
        XCTAssertTrue(h.fails("optimizer sgd lr == 0.1").contains("with a single '=' and no spaces around it — write lr=0.1"))
        XCTAssertTrue(h.fails("optimizer sgd lr =0.1").contains("no spaces around '=' — write lr=0.1"))
        // On any command, before a positional argument could be misread (`every` as train's unit).
        XCTAssertTrue(h.fails("train 10 every = 2").contains("no spaces around '=' — write every=2"))
        XCTAssertTrue(h.fails("data xor n = 100").contains("no spaces around '=' — write n=100"))
        XCTAssertTrue(h.fails("optimizer adam beta1 =").contains("no spaces around '=' — write beta1=…"))
        XCTAssertEqual(h.w.stepCount, 0)
        XCTAssertEqual(h.w.data?.count, 40)
        // Commands whose `=` is a comparison read it as one.
        h.ok("set W1[0,0] = 0.25\nexpect W1[0,0] = 0.25")
        XCTAssertTrue(h.fails("break gradnorm = 3").contains("expected '>', got '='"))
    }

    func testShowHistorySaysItTakesANumberOfRows() {
        h.ok(Self.model + "\ntrain 3")
        XCTAssertEqual(h.fails("show history x"), """
            error: expected the number of rows to show (a whole number at least 1), got 'x'
                show history x
                             ^
            """)
        XCTAssertTrue(h.fails("show history 0").contains("expected the number of rows to show (a whole number at least 1), got 0"))
        // 2 rows asked of 3 steps: the table's header and the last two steps.
        XCTAssertEqual(PredictTests.cells(h.ok("show history 2")).dropFirst().map(\.first), ["2", "3"])
    }

    func testErrorsAboutOptionsPointAtTheOptions() {
        h.ok(Self.model)
        let uniform = h.fails("layer dense 8 init=uniform low=1 high=-1")
        XCTAssertTrue(uniform.hasSuffix("\n    layer dense 8 init=uniform low=1 high=-1\n                               ^~~~~~~~~~~~~"), uniform)
        let nesterov = h.fails("optimizer sgd nesterov=true")
        XCTAssertTrue(nesterov.hasSuffix("\n    optimizer sgd nesterov=true\n                  ^~~~~~~~~~~~~"), nesterov)
        let elastic = h.fails("regularize elastic l1=0.1")
        XCTAssertTrue(elastic.hasSuffix("\n    regularize elastic l1=0.1\n                       ^~~~~~"), elastic)
        // With neither option given there is nothing to point at but the command.
        XCTAssertTrue(h.fails("regularize elastic").hasSuffix("\n    regularize elastic\n    ^~~~~~~~~~"))
    }

    func testOptimizerEchoesTheValuesOfItsRulesSymbols() {
        XCTAssertTrue(h.ok("optimizer sgd lr=0.1 momentum=0.9").hasPrefix("optimizer sgd lr=0.1 momentum=0.9: v ← μv + g;"))
        XCTAssertTrue(h.ok("optimizer rmsprop").hasPrefix("optimizer rmsprop lr=0.01 alpha=0.99 eps=1e-08: "))
    }

    func testElasticNeedsBothPenalties() {
        h.ok(Self.model)
        XCTAssertTrue(h.fails("regularize elastic").contains("needs both l1=λ1 and l2=λ2"))
        XCTAssertTrue(h.fails("regularize elastic l1=0.1").contains("needs both l1=λ1 and l2=λ2"))
        XCTAssertTrue(h.w.regularizer.isNone)
        h.ok("regularize elastic l1=0.1 l2=0.2")
        XCTAssertEqual(h.w.regularizer.l1, 0.1)
        XCTAssertEqual(h.w.regularizer.l2, 0.2)
    }

    func testSeedsBeyondTwoToThe53AreKeptAsWritten() {
        h.ok("seed 9007199254740993")
        XCTAssertEqual(h.w.seed, 9_007_199_254_740_993)
        h.ok("seed 9223372036854775807")
        XCTAssertEqual(h.w.seed, 9_223_372_036_854_775_807)
        // 2⁶³ is past the largest seed: the error gives the range, not "at least 0", which 2⁶³ is.
        XCTAssertTrue(h.fails("seed 9223372036854775808").contains("error: expected seed (a whole number from 0 to 9223372036854775807), got 9223372036854775808"))
        XCTAssertEqual(h.w.seed, 9_223_372_036_854_775_807)
    }

    func testChangesThatDropUndoEntriesSaySo() {
        h.ok(Self.model + "\ntrain 2\nstep")
        XCTAssertTrue(h.ok("loss mse").contains("— undo history cleared (2 entries)"))
        XCTAssertTrue(h.fails("undo").contains("nothing to undo"))
        h.ok("loss bce\nstep")
        XCTAssertTrue(h.ok("optimizer adam").contains("— undo history cleared (1 entry)"))
        XCTAssertFalse(h.ok("batch 8").contains("undo"))   // nothing left to drop
    }

    func testNewDataOfTheSameWidthSaysTheWeightsAreKept() {
        h.ok(Self.model + "\ntrain 2")
        let before = h.values("W1")
        let text = h.ok("data xor n=60")
        XCTAssertTrue(text.contains("reset history and optimizer state; the weights are kept"), text)
        XCTAssertEqual(h.values("W1"), before)
    }

    func testACSVsNumericTargetServesAsClassIDsForAClassifier() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ids = dir.appendingPathComponent("ids.csv").path, half = dir.appendingPathComponent("half.csv").path
        try "a,b,label\n1,2,0\n2,1,1\n3,3,2\n0,1,0\n".write(toFile: ids, atomically: true, encoding: .utf8)
        try "a,b,label\n1,2,0\n2,1,1.5\n".write(toFile: half, atomically: true, encoding: .utf8)
        let text = h.ok("data csv \"\(ids)\"\nlayer dense 3\nloss ce\ntrain 1")
        XCTAssertTrue(text.contains("4 samples, 2 features, regression target 'label'; 'label' is read as class ids"), text)
        XCTAssertEqual(h.w.trainer?.train.task, .multiclass)
        XCTAssertEqual(h.w.trainer?.train.classNames, ["0", "1", "2"])
        h.ok("data csv \"\(half)\"")
        let e = h.fails("train 1")
        XCTAssertTrue(e.contains("\(half):3, column 3 'label': 1.5 is not a class id"), e)
    }

    /// The repro: the error names the file, the row's line and the target column (not "value 2 of y"); inline
    /// data names y with the row's index as `show data` numbers it, from 0.
    func testAClassIDErrorNamesTheFileLineAndColumnOrTheInlineIndex() throws {
        let name = "numt3-\(UUID().uuidString).csv"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try "a,b,lbl\n1,2,1\n3,4,-1\n5,6,0\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        h.ok("data csv \"\(name)\"\nlayer dense 2\nloss ce")
        let e = h.fails("train 1")
        XCTAssertTrue(e.hasPrefix("error: \(name):3, column 3 'lbl': -1 is not a class id — class targets are whole numbers 0, 1, …, k-1 "
                                  + "(under ce the numbers in 'lbl' are class ids; for a regression target use mse, mae or huber)\n"), e)
        XCTAssertNil(h.w.trainer)
        h.ok("split 0.5")
        XCTAssertTrue(h.fails("train 1").contains("\(name):3, column 3 'lbl': -1 is not a class id"), "the raw file row, not the split's")
        h.ok("split none\ndata X=[[1],[2],[3]] y=[0,3.5,1]")
        XCTAssertTrue(h.fails("train 1").hasPrefix("error: y[1] is 3.5, not a class id — class targets are whole numbers 0, 1, …, k-1 "
                                                   + "(under ce the numbers in y are class ids; for a regression target use mse, mae or huber)\n"))
        let row = h.ok("show data").split(separator: "\n").map { $0.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) } }
        XCTAssertTrue(row.contains(["1", "2", "3.5"]), "show data numbers the row of 3.5 as 1: \(row)")
    }

    func testAFileThatIsNotUTF8IsNamedAsTypedAtItsRowAndColumn() throws {
        let dir = h.w.directory + "/descent-enc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let name = (dir as NSString).lastPathComponent
        // Line 3, field 2 ('b') holds the byte 0xFF.
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/x10.csv", contents: Data("a,b,y\n1,2,0\n3,".utf8) + Data([0xFF]) + Data("4,1\n".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/u16.csv", contents: Data([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x79, 0x00])))
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/w.json", contents: Data("{\n \"".utf8) + Data([0xFF]) + Data("\"}".utf8)))
        let bad = "not UTF-8 text (a byte there is not part of a UTF-8 character) — save the file as UTF-8"
        // The path as typed (relative), and the caret under the quoted name: column 10 to its closing quote.
        let quoted = "\"\(name)/x10.csv\""
        XCTAssertEqual(h.fails("data csv \(quoted)"), """
            error: \(name)/x10.csv:3, column 2 'b': \(bad)
                data csv \(quoted)
                         ^\(String(repeating: "~", count: quoted.count - 1))
            """)
        XCTAssertTrue(h.fails("data csv \"\(name)/u16.csv\"").hasPrefix(
            "error: \(name)/u16.csv: UTF-16 text (it starts with a UTF-16 byte-order mark) — save the file as UTF-8\n"))
        XCTAssertNil(h.w.data)
        h.ok(Self.model)
        XCTAssertTrue(h.fails("load weights \"\(name)/w.json\"").hasPrefix("error: \(name)/w.json:2:3: \(bad)\n"))
    }

    func testClassNamesOnTheDataLineAreQuotedCutAndCounted() {
        XCTAssertEqual(DataCommand.listed(["cat", "dog, big", "say \"hi\""]), #"cat, "dog, big", "say \"hi\"""#)
        XCTAssertEqual(DataCommand.listed(["two\nlines", "tab\there"]), #""two\nlines", "tab\there""#)
        XCTAssertEqual(DataCommand.listed([String(repeating: "a", count: 200)]), String(repeating: "a", count: 26) + "…" + String(repeating: "a", count: 13))
        let many = (0..<25).map { "c\($0)" }
        XCTAssertEqual(DataCommand.listed(many), (0..<20).map { "c\($0)" }.joined(separator: ", ") + ", … 5 more")
    }

    func testFileErrorsPointAtTheFileName() {
        // In a script an error gives file:line:col and a caret; the quoted name starts at these columns.
        for (command, column) in [("load weights \"/nonexistent/w.json\"", 14), ("data csv \"/nonexistent/d.csv\"", 10),
                                  ("save weights \"/nonexistent/w.json\"", 14), ("replay \"/nonexistent/s.descent\"", 8)] {
            h.out.clear()
            XCTAssertEqual(h.session.runScript(Self.model + "\n" + command, file: "t.descent"), .failed)
            let text = h.out.errors.joined(separator: "\n")
            XCTAssertTrue(text.contains("t.descent:5:\(column): error: "), text)
        }
    }

    /// `show weights` counts the near-zero entries of the weight matrices it shows: W1 is 2×3 zeros, W2 3×1 of 0.5.
    func testShowWeightsCountsNearZeroEntriesOfTheMatricesItShows() {
        h.ok("data xor n=20\nlayer dense 3 tanh init=zeros\nlayer dense 1 sigmoid\nset W2[0,0] = 0.5\nset W2[1,0] = 0.5\nset W2[2,0] = 0.5")
        XCTAssertEqual(h.ok("show weights").split(separator: "\n").last, "weights near zero (|w| < 0.001): 6 of 9 (66.7%)")
        XCTAssertEqual(h.ok("show weights W1 b2").split(separator: "\n").last, "weights near zero (|w| < 0.001) in W1: 6 of 6 (100%)")
        XCTAssertEqual(h.ok("show weights W2").split(separator: "\n").last, "weights near zero (|w| < 0.001) in W2: 0 of 3 (0%)")
        XCTAssertEqual(h.ok("show weights W2 W1 W2").split(separator: "\n").last, "weights near zero (|w| < 0.001) in W2, W1: 6 of 9 (66.7%)")
        h.ok("show weights b1 b2")
        XCTAssertEqual(h.lines(startingWith: "weights near zero"), [], "no weight matrix shown, nothing to count")
    }

    /// `""` names no file: each command that takes a file name says so, with the caret under the quotes, an
    /// example of a name, and changes nothing (it used to try the directory descent runs in).
    func testAnEmptyFileNameIsAnErrorAtTheQuotes() {
        h.ok(Self.model + "\ntrain 2")
        let recorded = h.w.recorded, weights = h.values("W1")
        for (command, column, example) in [("save weights \"\"", 14, "w.json"), ("save session \"\"", 14, "mine.descent"),
                                           ("load weights \"\"", 14, "w.json"), ("replay \"\"", 8, "Sessions/xor.descent"),
                                           ("replay \"\" step", 8, "Sessions/xor.descent"), ("export history \"\"", 16, "loss.csv"),
                                           ("export plot \"\"", 13, "loss.svg"), ("data csv \"\"", 10, "Sessions/data/iris.csv"),
                                           ("data csv \"\" target=y", 10, "Sessions/data/iris.csv")] {
            h.out.clear()
            XCTAssertEqual(h.session.runScript(command, file: "t.descent"), .failed, command)
            XCTAssertEqual(h.out.errors.joined(separator: "\n"), """
                t.descent:1:\(column): error: empty file name — put one between the quotes, like "\(example)"
                    \(command)
                    \(String(repeating: " ", count: column - 1))^~
                """, command)
        }
        XCTAssertEqual(h.w.recorded, recorded)
        XCTAssertEqual(h.values("W1"), weights)
        XCTAssertEqual(h.w.stepCount, 2)
    }

    func testAGeneratorsErrorPointsAtTheOptionItIsAbout() {
        h.out.clear()
        XCTAssertEqual(h.session.runScript("data spiral classes=3 n=2", file: "t.descent"), .failed)
        XCTAssertTrue(h.out.errors.joined().contains("t.descent:1:25: error: expected a whole number from 3 to 1000000 for n=, got 2"), h.out.errors.joined())
    }

    func testTheRangeOfNIsTheOneTheGeneratorTakesForItsClasses() {
        // xor makes 2 classes and spiral classes=5 five, each needing a sample: n=0 said "from 1" and n=1 was then
        // refused as below 2. The range told is the one taken; a regression generator takes one sample.
        for (command, least, why) in [("data xor n=0", 2, " (xor makes 2 classes, at least one sample each)"),
                                      ("data xor n=1", 2, " (xor makes 2 classes, at least one sample each)"),
                                      ("data spiral classes=5 n=0", 5, " (spiral makes 5 classes, at least one sample each)"),
                                      ("data spiral classes=5 n=4", 5, " (spiral makes 5 classes, at least one sample each)"),
                                      ("data gauss n=2", 3, " (gauss makes 3 classes, at least one sample each)"),
                                      ("data linear n=0", 1, "")] {
            let given = command.split(separator: "=").last ?? ""
            XCTAssertTrue(h.fails(command).hasPrefix("error: expected a whole number from \(least) to 1000000 for n=, got \(given)\(why)\n"),
                          "\(command): \(h.out.errors)")
        }
        h.ok("data xor n=2\ndata spiral classes=5 n=5\ndata linear n=1")
        XCTAssertEqual(h.w.data?.count, 1)
    }

    func testModelsThatCannotLearnAreRefusedWhenBuilt() {
        // A dropout after the last dense layer would hand ce dropped-out probabilities as logits.
        h.ok("data gauss n=30\nlayer dense 4 tanh\nlayer dense 3 softmax\nlayer dropout 0.1\nloss ce")
        XCTAssertTrue(h.fails("train 1").contains("the model ends in a dropout layer"))
        h.ok("layer pop")
        h.ok("train 1")
        h.ok("data sine n=20\nlayer clear\nlayer dense 1 softmax\nloss mse")
        XCTAssertTrue(h.fails("step").contains("layer 1 is a softmax over 1 unit"))
        XCTAssertEqual(h.w.stepCount, 0)
    }

    func testEpsilonMustBePositive() {
        // With eps = 0, Adam, RMSprop and Adagrad divide 0 by 0 wherever a gradient is 0 (PyTorch gives NaN).
        for rule in ["adam", "rmsprop", "adagrad"] {
            XCTAssertTrue(h.fails("optimizer \(rule) eps=0").contains("expected a number greater than 0 for eps=, got 0"))
        }
        h.ok("optimizer adam eps=1e-12")
    }

    func testEpochsBeyondTheStepLimitAreRefused() {
        h.ok("data xor n=200\nbatch 1\nlayer dense 1 sigmoid\nloss bce")
        XCTAssertTrue(h.fails("train 1000000 epochs")
            .contains("1000000 epochs of 200 steps are more than 100000000 steps — train at most 500000 epochs at a time"))
        XCTAssertEqual(h.w.stepCount, 0)
    }

    func testRebuildingTheModelSaysItDropsUndoEntries() {
        h.ok(Self.model + "\ntrain 2\nstep")
        XCTAssertTrue(h.ok("seed 5").contains("reset weights, optimizer state, history and undo history (2 entries)"))
        h.ok("train 1")
        XCTAssertTrue(h.ok("reset").contains("dropped the old weights, optimizer state, history and undo history (1 entry)"))
        h.ok("train 1")
        XCTAssertTrue(h.ok("layer pop").contains("undo history (1 entry)"))
    }

    func testSavedSessionsKeepFullCommandNames() {
        h.ok("see 2\nda xor n=20\nlay dense 2 tanh\nLAYER dense 1 sigmoid\nlos bce\ntr 1\nregularise l2 0.1")
        XCTAssertEqual(h.w.recorded, ["seed 2", "data xor n=20", "layer dense 2 tanh", "layer dense 1 sigmoid", "loss bce",
                                      "train 1", "regularize l2 0.1"])
    }

    func testAWatchOnAnEntryTheModelLostSaysSo() {
        h.ok(Self.model + "\nwatch W2[3,0]\nlayer pop\nlayer pop\nlayer dense 2 tanh\nlayer dense 1 sigmoid")
        XCTAssertTrue(h.ok("train 1").contains("watch step 1: W2[3,0]: not in this model"))
    }

    func testShowWeightsOfOneEntrySaysWhatShowsOne() {
        h.ok(Self.model)
        XCTAssertTrue(h.fails("show weights W1[0,0]").contains("for one entry: `explain W1[0,0]` or `watch W1[0,0]`"))
        XCTAssertTrue(h.fails("set b1[0,0] = 1").contains("b1 has shape [4], so an entry takes 1 index, like b1[0]; got 2"))
        h.ok("layer clear")
        XCTAssertTrue(h.fails("show weights W1").contains("there are no parameters yet"))
    }

    func testSplitAndNormalizeSayTheyResetHistoryAndOptimizerState() {
        h.ok(Self.model + "\ntrain 2")
        XCTAssertTrue(h.ok("split 0.5").contains("— reset history and optimizer state; undo history cleared (1 entry)"))
        h.ok("train 1")
        XCTAssertTrue(h.ok("normalize").contains("— reset history and optimizer state; undo history cleared (1 entry)"))
        XCTAssertEqual(h.w.stepCount, 0)
    }

    func testErrorsAboutAnArgumentPointAtIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-at-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.csv").path
        try "a,b\n1,2\nx,3\n".write(toFile: bad, atomically: true, encoding: .utf8)
        // Each line and the column where the caret must be (1-based), counted by hand.
        let cases: [(String, Int)] = [
            ("data csv \"\(bad)\"", 10), ("data csv \"\(bad)\" target=zz", 13 + bad.count),
            ("data X=[[1],[2]] y=[1]", 18), ("data xor n=1", 12),
            ("expect W1[5,0] = 1", 8), ("watch W2[5,0]", 7), ("explain W1[9,9]", 9), ("set W1[7,7] = 1", 5),
            ("expect r2 > 0", 8), ("seed 1 da\u{0}ta", 10),
        ]
        for (line, column) in cases {
            h.out.clear()
            XCTAssertEqual(h.session.runScript(Self.model + "\n" + line, file: "t.descent"), .failed, line)
            let text = h.out.errors.joined(separator: "\n")
            XCTAssertTrue(text.contains("t.descent:5:\(column): error: "), "\(line): \(text)")
        }
        XCTAssertTrue(h.out.errors.joined().contains("unexpected character U+0000"), h.out.errors.joined())
    }

    func testEpochsCountOnAcrossANewBatchSize() {
        // 10 rows: batches of 4 make 3 steps an epoch, batches of 3 make 4. A new loss keeps the sampler
        // where it stood, so the next epoch's batches are the ones the old trainer would have drawn.
        h.ok("data xor n=10\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\nbatch 4\ntrain 2 epochs\nbatch 3\ntrain 1 epochs")
        XCTAssertEqual(h.w.trainer?.history.steps.map(\.epoch), [1, 1, 1, 2, 2, 2, 3, 3, 3, 3])
        let twin = ShellHarness()
        twin.ok("data xor n=10\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\nbatch 4\ntrain 2\nloss hinge\nloss bce\ntrain 4")
        let straight = ShellHarness()
        straight.ok("data xor n=10\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\nbatch 4\ntrain 6")
        XCTAssertEqual(twin.values("W1"), straight.values("W1"))
    }

    func testAProgressLineSaysWhenItsEvaluationIsOlder() {
        // every=3 over 8 steps: the line after step 4 still carries step 3's evaluation, and says so; the last
        // line comes after the run's closing evaluation, at step 8.
        let text = h.ok(Self.model + "\ntrain 8 every=3")
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("step 4/8") && $0.hasSuffix("(evaluated at step 3)") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("step 3/8") && !$0.contains("evaluated at") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("step 8/8") && !$0.contains("evaluated at") }, text)
    }

    func testKeyEqualsValueHintsOnlyForTheCommandsOptions() {
        // `l2` is regularize's first word, though `elastic` takes an `l2=` option: `regularize l2 = 0.1` was told to be
        // written `l2=0.1`, which regularize refuses in turn. Within `elastic` it is the option.
        XCTAssertTrue(h.fails("regularize l2 = 0.1").contains("unexpected '=' after 'l2', which is not an option of regularize"))
        XCTAssertTrue(h.fails("regularize elastic l2 = 0.1").contains("write l2=0.1"))
        XCTAssertTrue(h.fails("optimizer adam = 0.1").contains("unexpected '=' after 'adam', which is not an option of optimizer"))
        XCTAssertTrue(h.fails("optimizer adam lr = 0.1").contains("write lr=0.1"))
        XCTAssertTrue(h.fails("layer dense 3 init=uniform low = -1").contains("write low=-1"), "init's options are in layer's forms")
        XCTAssertTrue(h.fails("data X = [[1]] y=[1]").contains("write X=[[1]]"))
    }

    func testANumberWrittenAsAnOptionIsPointedAtWithTheCommandWrittenBare() {
        h.ok(Self.model + "\nsplit 0.75\ntrain 2")
        let config = h.ok("show config"), layers = h.w.layers
        // Columns counted by hand: the caret is under the whole `key=value`, no longer past the end of the line.
        XCTAssertEqual(h.fails("regularize l2 lambda=0.01"), """
            error: expected λ as a number at least 0, got it written as an option, 'lambda=0.01': write the number on its own, without 'lambda=': `regularize l2 0.01`
                regularize l2 lambda=0.01
                              ^~~~~~~~~~~
            """)
        let cases = [("layer dropout p=0.2", 14, 5, "layer dropout 0.2"), ("lr lr=0.1", 3, 6, "lr 0.1"),
                     ("split fraction=0.8", 6, 12, "split 0.8"), ("batch size=32", 6, 7, "batch 32"),
                     ("train steps=100", 6, 9, "train 100"), ("layer dense units=8", 12, 7, "layer dense 8"),
                     ("regularize l2 l2=0.1", 14, 6, "regularize l2 0.1")]
        for (line, before, length, bare) in cases {
            let error = h.fails(line)
            XCTAssertTrue(error.contains("got it written as an option") && error.contains("`\(bare)`"), error)
            XCTAssertTrue(error.hasSuffix("\n    \(line)\n    " + String(repeating: " ", count: before) + "^"
                                          + String(repeating: "~", count: length - 1)), error)
        }
        // None of them changed anything.
        XCTAssertEqual(h.ok("show config"), config)
        XCTAssertEqual(h.w.layers, layers)
        XCTAssertEqual(h.w.stepCount, 2)
    }

    func testEveryTakesAWholeNumberOfSteps() {
        // every=2.5 was cut to 2 without a word (and 1.9 to 1); a count of steps is a whole number, as 1e3 is.
        h.ok(Self.model)
        let e = h.fails("train 10 every=2.5")
        XCTAssertTrue(e.contains("expected a whole number from 1 to 1000000000 for every=, got 2.5"), e)
        XCTAssertNil(h.w.trainer?.history.lastEvaluation, "the failed train ran nothing")
        h.ok("train 4 every=1e3")
        XCTAssertEqual(h.w.evaluationInterval, 1000)
    }

    func testARunStoppedEarlyIsSavedAsTheStepsItTook() {
        // A gradient-norm break stops after the first step whose norm passes 1e-9: the session keeps `train 1 of=50`
        // (evaluated as the run of 50 was), and replaying the saved commands in a fresh session gives the same weights.
        h.ok(Self.model + "\nbreak gradnorm > 1e-9\ntrain 50")
        XCTAssertEqual(h.w.stepCount, 1)
        XCTAssertEqual(h.w.recorded.last, "train 1 of=50")
        // sgd lr=0.5 diverges: 186 steps run and the 187th stops on an infinite loss, its batch drawn. The
        // session keeps `train 187 of=1000`, which stops at the same place again.
        let diverging = ShellHarness()
        diverging.ok("data linear\nbatch 16\nlayer dense 8 tanh\nlayer dense 1\nloss mse\noptimizer sgd lr=0.5\ntrain 1000")
        let ran = diverging.w.stepCount
        // Another run stops before its first step: it fails and is not kept.
        XCTAssertTrue(diverging.fails("train 3").contains("the run stopped before its first step, so nothing changed"))
        XCTAssertTrue(diverging.w.recorded.contains("train \(ran + 1) of=1000"), "\(diverging.w.recorded)")
        for line in [h!, diverging] {
            let replay = ShellHarness()
            replay.ok(line.w.recorded.joined(separator: "\n"))
            XCTAssertEqual(replay.w.model?.parameters.map(\.value.array), line.w.model?.parameters.map(\.value.array))
            XCTAssertEqual(replay.w.stepCount, line.w.stepCount)
        }
    }

    func testAStopAfterDivergenceSaysHowTheKeptParametersStand() {
        // sgd lr=0.5 on this regression diverges: the weights grow until the loss overflows, with every
        // parameter still finite; adam with lr=1e308 makes W1 infinite in its first update (|step| ≈ lr). Either stops
        // at the evaluation after the update that overflowed (every step, full batch), which gives a non-finite train_loss.
        h.ok("data linear\nlayer dense 8 tanh\nlayer dense 1\nloss mse\noptimizer sgd lr=0.5")
        let diverged = h.ok("train 1000")
        XCTAssertTrue(diverged.contains("train_loss became infinite at the evaluation of step "), diverged)
        XCTAssertTrue(diverged.contains(" left them (largest |value| "), diverged)
        h.ok("data moons n=40\nlayer clear\nlayer dense 8 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=1e308")
        let overflowed = h.ok("train 5")
        XCTAssertTrue(overflowed.contains("W1 holds infinite values already: the update of step 1 or an earlier one made them so"), overflowed)
        // A step after them stops before its update, as before: the loss is not finite.
        XCTAssertTrue(h.fails("step").contains("the step was not applied: loss became NaN at step 2"))
    }

    func testWordsQuotedInErrorsAreCutToFortyCharacters() {
        // A script line is shown cut to 120 characters; the words its message quotes are cut to 40 (the first 26, `…`,
        // the last 13).
        let long = String(repeating: "x", count: 5000), cut = String(repeating: "x", count: 26) + "…" + String(repeating: "x", count: 13)
        for (line, message) in [(long, "unknown command '\(cut)'"),
                                ("seed 1 \(long)=2", "unknown option '\(cut)' for seed — it takes no options"),
                                ("layer dense 4 \(long)", "unknown activation '\(cut)'"),
                                // The quotes are part of the text cut: `"` and 25 x's, `…`, 12 x's and `"`.
                                ("seed \"\(long)\"", "got \"\(String(repeating: "x", count: 25))…\(String(repeating: "x", count: 12))\""),
                                ("show \(long)", "nothing called '\(cut)' to show"),
                                ("seed 1 \(long)", "unexpected '\(cut)' after '1'")] {
            let error = h.fails(line)
            XCTAssertTrue(error.contains(message), "\(line.prefix(20)): \(error.prefix(300))")
            XCTAssertLessThan(error.count, 600, "\(line.prefix(20)): \(error.prefix(300))")
        }
    }

    func testPaceIsCheckedAndOnlyTheLiveViewPacesARun() {
        let h = ShellHarness()
        h.ok("data xor n=20\nlayer dense 1 tanh\nloss mse")
        XCTAssertTrue(h.fails("train 2 pace=0").contains("expected a number from 0.1 to 1000000 for pace=, got 0"))
        XCTAssertTrue(h.fails("train 2 pace=fast").contains("pace="))
        XCTAssertEqual(h.w.trainer?.stepCount ?? 0, 0, "a refused pace trains nothing")
        // Progress lines (the harness's view) go at full speed, and say so; the run is the same as without it.
        let text = h.ok("train 2 pace=0.5")
        XCTAssertTrue(text.contains("note: pace=0.5 slows the full-screen view only; this run goes at full speed"), text)
        XCTAssertEqual(h.w.trainer?.stepCount, 2)
        XCTAssertEqual(h.w.recorded.last, "train 2", "a saved session leaves the pace out: it changes nothing trained")
        h.ok("train 3 every=1 pace=2")
        XCTAssertEqual(h.w.recorded.last, "train 3 every=1")
    }
}
