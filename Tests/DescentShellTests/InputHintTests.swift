import XCTest
@testable import DescentShell

/// Wrong inputs a newcomer types (from an audit of 550): each error says what was meant and how to write it here, with
/// the caret where the trouble is.
final class InputHintTests: XCTestCase {
    /// The error for `line` from a fresh session.
    private func error(_ line: String, file: StaticString = #filePath, at: UInt = #line) -> String {
        ShellHarness().fails(line, file: file, line: at)
    }

    func testAByteOrderMarkAtTheStartOfAScriptIsSkipped() {
        let h = ShellHarness()
        XCTAssertEqual(h.session.runScript("\u{FEFF}seed 5\nseed 6 @\n", file: "bom.descent"), .failed)
        XCTAssertEqual(h.w.seed, 5)
        // Columns count from after the mark.
        XCTAssertEqual(h.out.errors.joined(separator: "\n"), """
            bom.descent:2:8: error: unexpected character '@'
                seed 6 @
                       ^
            """)
        // Anywhere else it is named.
        XCTAssertEqual(error("seed 5 \u{FEFF}"), """
            error: unexpected character U+FEFF (a byte-order mark, invisible; only one at the very start of a script is skipped) — delete it
                seed 5 \u{FEFF}
                       ^
            """)
    }

    /// Python's method calls get what does the same here; the file-name hint is kept for what looks like a path.
    func testPythonCallsNameDescentsCommand() {
        XCTAssertEqual(error("loss.backward()"), """
            error: unexpected character '.' — `loss.backward(…)` is Python; here it is `backward` (the gradients of the current \
            batch's loss; `step` runs forward, backward and update)
                loss.backward()
                    ^
            """)
        let cases = [
            ("model.fit(x, y)", "`model.fit(…)` is Python; did you mean `train N epochs`? (Keras's model.fit(epochs=N); `train N` runs N steps)"),
            ("model.summary()", "`model.summary(…)` is Python; did you mean `show model`? (Keras's model.summary(): the layers, their shapes and parameter counts)"),
            ("nn.Linear(2,3)", "`nn.Linear(…)` is Python; here it is `layer dense 3 [ACTIVATION]` (its inputs come from the layer before)"),
            ("optimizer.step()", "`optimizer.step(…)` is Python; here it is `update` (one optimizer step from the gradients; `step` runs forward, backward and update)"),
            ("optimizer.zero_grad()", "`optimizer.zero_grad(…)` is Python; not needed here: `backward` replaces the gradients rather than adding to them"),
            ("torch.manual_seed(3)", "`torch.manual_seed(…)` is Python; here it is `seed 3`"),
            ("model.predict([1,2])", "`model.predict(…)` is Python; here it is `predict [1,2]` (rows like [[1,2],[3,4]] for several)"),
            ("data X=np.array([[1,2]]) y=[1]", "`np.array(…)` is Python; write the nested list itself: `[[1,2]]`"),
            ("x.frobnicate(1)", "`x.frobnicate(…)` is Python: a command here is a word with its values after spaces (`help` lists them)"),
            ("keep a.b", "a name with a '.' goes in double quotes: `keep \"a.b\"`"),
            ("save weights w.json", "put file names in double quotes: `save weights \"w.json\"`"),
            ("seed 1; data csv data/x.csv target=y", "put file names in double quotes: `data csv \"data/x.csv\"`"),
        ]
        for (line, hint) in cases {
            XCTAssertEqual(error(line).components(separatedBy: "\n").first?.components(separatedBy: " — ").dropFirst().joined(separator: " — "), hint, line)
        }
    }

    /// MATLAB's `;` between rows ends the command: the error is at the `;` and says so.
    func testASemicolonInsideBracketsSaysRowsTakeCommas() {
        XCTAssertEqual(error("predict [5,1;3,5]"), """
            error: ';' separates commands, so this list ends here unclosed — separate rows with ',' as in [[1,2],[3,4]] \
            (MATLAB's ';' is ',' here)
                predict [5,1;3,5]
                            ^
            """)
        XCTAssertTrue(error("data X=[[1,2];[3,4]] y=[1,2]").hasPrefix("error: ';' separates commands"))
        // A list left open with no ']' later on the line is still an unclosed '['.
        XCTAssertTrue(error("data X=[1,2; seed 1").hasPrefix("error: this '[' is never closed — add ']'"))
    }

    /// Characters a word processor or another keyboard types for ASCII ones are named with the ASCII to type.
    func testTypographicCharactersNameTheirASCIISpelling() {
        XCTAssertEqual(error("lr −0.1"), """
            error: unexpected character '−' — type '-' instead
                lr −0.1
                   ^
            """)
        let cases = [
            ("data csv “x.csv”", "unexpected character '“' — strings take straight double quotes: write \"x.csv\""),
            ("data csv 'x.csv'", "unexpected character ''' — strings take straight double quotes: write \"x.csv\""),
            ("expect loss ≤ 1", "unexpected character '≤' — type '<=' (Descent prints ≤, but reads the ASCII form)"),
            ("expect loss ≥ 1", "unexpected character '≥' — type '>=' (Descent prints ≥, but reads the ASCII form)"),
            ("features x1²", "unexpected character '²' — type '^2' instead"),
            ("features x1 × x2", "unexpected character '×' — type '*' instead"),
            ("seed ２", "unexpected character '２' (full-width) — type the ASCII '2' instead"),
            ("lr＝0.1", "unexpected character '＝' (full-width) — type the ASCII '=' instead"),
        ]
        for (line, message) in cases { XCTAssertEqual(error(line).components(separatedBy: "\n").first, "error: " + message, line) }
    }

    /// Windows paths: `\n` and `\t` are escapes, and any other `\x` an unknown one; each says paths take '/'.
    func testBackslashPathsSayPathsTakeSlashes() {
        XCTAssertEqual(error(#"data csv "csv\new.csv""#), #"""
            error: the name holds a line break (the \n in it) — paths take '/' between folders, like "csv/new.csv" (a backslash itself is written \\)
                data csv "csv\new.csv"
                         ^~~~~~~~~~~~~
            """#)
        XCTAssertEqual(error(#"save weights "w\test.json""#).components(separatedBy: "\n").first,
                       #"error: the name holds a tab (the \t in it) — paths take '/' between folders, like "w/test.json" (a backslash itself is written \\)"#)
        XCTAssertEqual(error(#"data csv "csv\good.csv""#), #"""
            error: unknown escape '\g' in string — use \", \\, \n or \t; a path takes '/' between folders: "csv/good.csv"
                data csv "csv\good.csv"
                             ^~
            """#)
    }

    /// Inputs given to `predict` as an option, or a file: the error is at the option and writes the command.
    func testPredictWithAnOptionOrAFileSaysHowToWriteIt() {
        XCTAssertEqual(error("predict X=[[1,2]]"), """
            error: predict takes the inputs on their own, not as an option 'X=' — write `predict [[1,2]]`
                predict X=[[1,2]]
                        ^~~~~~~~~
            """)
        XCTAssertEqual(error("predict inputs=[1,2]").components(separatedBy: "\n").first,
                       "error: predict takes the inputs on their own, not as an option 'inputs=' — write `predict [1,2]`")
        XCTAssertEqual(error("predict x=1").components(separatedBy: "\n").first,
                       "error: predict takes the inputs on their own, not as an option 'x=' — write `predict [1]`")
        XCTAssertEqual(error(#"predict "test.csv""#), #"""
            error: predict takes typed rows like [[1,2],[3,4]]; for the rows of a CSV file, `evaluate "test.csv"` scores the model on them
                predict "test.csv"
                        ^~~~~~~~~~
            """#)
    }

    /// PyTorch's scheduler arguments are named with Descent's, at the option.
    func testScheduleTakesPyTorchsNamesAsHints() {
        XCTAssertEqual(error("schedule cosine T_max=100 eta_min=0.001"), """
            error: unknown option 'T_max' for schedule cosine — PyTorch's T_max is steps= here: `schedule cosine steps=100 min=0.001`
                schedule cosine T_max=100 eta_min=0.001
                                ^~~~~~~~~
            """)
        XCTAssertEqual(error("schedule step step_size=10 gamma=0.5").components(separatedBy: "\n").first,
                       "error: unknown option 'step_size' for schedule step — PyTorch's step_size is size= here: `schedule step size=10 gamma=0.5`")
    }

    /// Keras's fit() arguments written as `train` options name the command that sets each; `epochs=` gives `train N epochs`.
    func testKerasFitOptionsOnTrainNameDescentsCommands() {
        XCTAssertEqual(error("train epochs=5"), """
            error: unknown option 'epochs' for train — write `train 5 epochs` (`train 5` runs 5 steps)
                train epochs=5
                      ^~~~~~~~
            """)
        let cases = [
            ("train 5 epochs=5", "write `train 5 epochs` (`train 5` runs 5 steps)"),
            ("train 5 batch_size=32", "the batch size is a command of its own here: `batch 32`, before `train`"),
            ("train 5 validation_split=0.2", "the split is a command of its own here: `split 0.8` (the training fraction: Keras's validation_split=0.2 is `split 0.8`), before `train`"),
            ("train 5 lr=0.1", "the learning rate is a command of its own here: `lr 0.1`, before `train`"),
        ]
        for (line, hint) in cases {
            XCTAssertEqual(error(line).components(separatedBy: "\n").first?.components(separatedBy: " — ").dropFirst().joined(separator: " — "), hint, line)
        }
    }

    /// The first line of `line`'s error, from " — " on: the hint.
    private func hint(_ line: String, file: StaticString = #filePath, at: UInt = #line) -> String? {
        error(line, file: file, at: at).components(separatedBy: "\n").first?.components(separatedBy: " — ").dropFirst().joined(separator: " — ")
    }

    /// Words typed as commands that are `show` subjects, options, or other programs' commands name what does that here
    /// (`import` and `ls` are no near misses of `export` and `lr`).
    func testOtherWordsAsCommandsNameDescentsForm() {
        XCTAssertEqual(error("config"), """
            error: unknown command 'config' — did you mean `show config`?
                config
                ^~~~~~
            """)
        let cases = [
            ("history", "did you mean `show history`?"), ("grads", "did you mean `show grads`?"),
            ("confusion", "did you mean `show confusion`?"),
            ("momentum 0.9", "did you mean `optimizer sgd momentum=0.9`? (momentum is an option of the optimizer)"),
            ("clear", "Ctrl-L clears the screen, and the session stays as it is (`new` would start over: no data, no model, default settings)"),
            ("regularization l2 0.01", "did you mean `regularize l2 λ`? (or l1, elastic, none)"),
            ("activation tanh", "an activation goes on its layer: `layer dense UNITS tanh` (or relu, sigmoid, …)"),
            ("import torch", "nothing to import: the commands are built in (`help` lists them)"),
            ("ls", "descent runs no shell commands — `help sessions` lists the example scripts; Tab completes file names inside quotes"),
        ]
        for (line, expected) in cases { XCTAssertEqual(hint(line), expected, line) }
    }

    /// Values in another order or form than the command takes: the error is at the misplaced word and writes the command.
    func testMisplacedValuesWriteTheCommand() {
        XCTAssertEqual(error("layer dense relu 3"), """
            error: expected number of units before the activation — write `layer dense 3 relu`
                layer dense relu 3
                            ^~~~
            """)
        let cases = [
            ("optimizer sgd 0.03", "the learning rate is an option: `optimizer sgd lr=0.03`"),
            ("split 50", "for 50%, write `split 0.5`"), ("split 80", "for 80%, write `split 0.8`"),
            ("batch size 10", "the size follows the command: `batch 10`"),
            ("train epochs 5", "write `train 5 epochs`"),
            ("data spiral 400", "the number of samples is an option: `data spiral n=400`"),
            ("layer linear 3", "did you mean `layer dense 3`? (PyTorch's nn.Linear)"),
            ("show boundary", "did you mean `plot boundary`? (the decision regions over the data)"),
            ("show map", "did you mean `plot boundary`? (the decision regions over the data)"),
        ]
        for (line, expected) in cases { XCTAssertEqual(hint(line), expected, line) }
        XCTAssertEqual(error("train epochs 5").components(separatedBy: "\n").first, "error: expected the number first — write `train 5 epochs`")
    }

    /// Other languages' punctuation: parentheses, `=` after a command, `=<`, `+/-`, a percentage, a list without brackets.
    func testOtherLanguagesPunctuationSaysHowToWriteIt() {
        XCTAssertEqual(error("optimizer = adam"), """
            error: a command takes its value after a space, without '=': `optimizer adam`
                optimizer = adam
                          ^
            """)
        XCTAssertEqual(error("expect loss =< 1"), """
            error: there is no '=<' — write '<='
                expect loss =< 1
                            ^~
            """)
        let cases = [
            ("exit()", "unexpected '(' after 'exit' — type `quit`, without parentheses"),
            ("quit()", "unexpected '(' after 'quit' — type `quit`, without parentheses"),
            ("optimizer adam(lr=0.01)", "unexpected '(' after 'adam' — commands take no parentheses: write `optimizer adam lr=0.01`"),
            ("loss = mse", "a command takes its value after a space, without '=': `loss mse`"),
            ("expect loss => 1", "there is no '=>' — write '>='"),
            ("expect loss = 0.7 +/- 0.1", "there is no '+/-' — write '+-' (or ±) for a tolerance, like `expect loss = 0.7 +- 0.1`"),
            ("expect loss = 0.7 +- 10%", "unexpected character '%' — write the tolerance as a number in the value's units: 10% of 0.7 is `0.7 +- 0.07`"),
            ("split 50%", "unexpected character '%' — write a share as a fraction, 0.5 for 50%"),
            (#"data csv "x.csv" drop=a,b"#, "unexpected ',' outside a list — a list goes in brackets: `drop=[a,b]`"),
        ]
        for (line, message) in cases { XCTAssertEqual(error(line).components(separatedBy: "\n").first, "error: " + message, line) }
    }

    /// A run's name of several words is suggested quoted once; `unkeep all` with more after it, and a near miss of `all`.
    func testRunNameSuggestionsQuoteOnceAndKnowAll() {
        XCTAssertEqual(error(#"keep "a b" extra"#), #"""
            error: a run's name is one word; a name of several words (or with dots) goes in quotes: keep "a b extra"
                keep "a b" extra
                           ^~~~~
            """#)
        XCTAssertEqual(error("unkeep all extra"), """
            error: unexpected 'extra' after `unkeep all`, which lets every kept run go — write `unkeep all`
                unkeep all extra
                           ^~~~~
            """)
        let h = ShellHarness()
        h.ok("data xor n=20\nlayer dense 1 sigmoid\nloss bce\ntrain 2\nkeep a")
        XCTAssertEqual(h.fails("unkeep al").components(separatedBy: "\n").first, "error: no run named 'al' is kept — did you mean 'all'? (kept: a)")
        XCTAssertEqual(h.w.runs.count, 1)
    }

    func testAnErrorAfterAPrefixNamesTheCommandItWasReadAs() {
        let h = ShellHarness()
        h.ok("data X=[[1,2],[2,0]] y=[1,2]\nlayer dense 1")
        let norm = h.fails("norm W1")
        XCTAssertTrue(norm.contains("error: unexpected 'W1' after 'norm' (`norm` is `normalize`, which takes `normalize [on|off]`)"), norm)
        XCTAssertTrue(h.fails("tr 5 epoks").contains("(`tr` is `train`, `help train` shows its forms)"))
        XCTAssertFalse(h.w.normalize)
        // A name written out, or an alias, is not said again.
        XCTAssertFalse(h.fails("normalize W1").contains("is `normalize`"))
        XCTAssertFalse(h.fails("normalise W1").contains("is `normalize`"))
    }

    func testAFractionWhereAWholeNumberGoesSaysSoAndDivisionByZeroIsNotANumber() {
        // By hand: 1/2 = 0.5, 3/2 = 1.5, 1/4 = 0.25; 4/2 = 2 is whole, so its decimal stands.
        XCTAssertTrue(error("train 1/2").contains("unexpected character '/' — `train` takes a whole number, and 1/2 is 0.5"))
        XCTAssertTrue(error("layer dense 3/2").contains("— `layer dense` takes a whole number, and 3/2 is 1.5"))
        XCTAssertTrue(error("data xor n=1/4").contains("— `n=` takes a whole number, and 1/4 is 0.25"))
        XCTAssertTrue(error("train 4/2").contains("write the fraction as a decimal: `train 2`"))
        XCTAssertTrue(error("layer dropout 1/2").contains("write the fraction as a decimal: `layer dropout 0.5`"))
        // 1/0 has no value: not a file name to quote.
        let zero = error("regularize l2 1/0")
        XCTAssertTrue(zero.contains("unexpected character '/' — 1/0 is not a number (a division by zero)"), zero)
        XCTAssertFalse(zero.contains("\"1/0\""), zero)
    }
}
