import XCTest
@testable import DescentLanguage

/// Option binding and `finish` errors, checked verbatim. Columns were counted by hand.
final class ArgReaderOptionTests: XCTestCase {
    func testNumberOptions() throws {
        let args = try reader("optimizer sgd lr=0.1 momentum=0.9")
        XCTAssertEqual(try args.numberOption("lr", default: 0.01, range: .greaterThan(0)), 0.1)
        XCTAssertEqual(try args.numberOption("momentum", default: 0, range: .halfOpen(0, 1)), 0.9)
        XCTAssertEqual(try args.numberOption("dampening", default: 0.5), 0.5)
        let negative = try reader("optimizer sgd lr=-0.1")
        XCTAssertEqual(rendered(diagnostic { _ = try negative.numberOption("lr", default: 0.01, range: .greaterThan(0)) },
                                "optimizer sgd lr=-0.1"), """
            t.descent:1:18: error: expected a number greater than 0 for lr=, got -0.1
                optimizer sgd lr=-0.1
                                 ^~~~
            """)
        let word = try reader("optimizer sgd lr=fast")
        XCTAssertEqual(diagnostic { _ = try word.numberOption("lr", default: 0.01) },
                       Diagnostic("expected a number for lr=, got 'fast'", at: SourceSpan(line: 1, column: 18, length: 4)))
        let list = try reader("optimizer sgd lr=[1]")
        XCTAssertEqual(diagnostic { _ = try list.numberOption("lr", default: 0.01) },
                       Diagnostic("expected a number for lr=, got [1]", at: SourceSpan(line: 1, column: 18, length: 3)))
    }

    func testIntOptions() throws {
        let args = try reader("data spiral n=400 classes=2.5")
        XCTAssertEqual(try args.intOption("n", default: 100, range: 1...1_000_000), 400)
        XCTAssertEqual(try args.intOption("dims", default: 2, range: 1...3), 2)
        XCTAssertEqual(diagnostic { _ = try args.intOption("classes", default: 2, range: 2...10) },
                       Diagnostic("expected a whole number from 2 to 10 for classes=, got 2.5", at: SourceSpan(line: 1, column: 27, length: 3)))
        let huge = try reader("train 5 every=9223372036854775808 low=-1")
        XCTAssertEqual(diagnostic { _ = try huge.intOption("every", default: 1, range: 1...Int.max) },
                       Diagnostic("expected a whole number from 1 to 9223372036854775807 for every=, got 9223372036854775808",
                                  at: SourceSpan(line: 1, column: 15, length: 19)))
        XCTAssertEqual(diagnostic { _ = try huge.intOption("low", default: 1, range: 1...Int.max) },
                       Diagnostic("expected a whole number at least 1 for low=, got -1", at: SourceSpan(line: 1, column: 39, length: 2)))
    }

    func testBoolOptions() throws {
        let args = try reader("layer dense 8 tanh bias=FALSE nesterov=true")
        XCTAssertFalse(try args.boolOption("bias", default: true))
        XCTAssertTrue(try args.boolOption("nesterov", default: false))
        XCTAssertTrue(try args.boolOption("absent", default: true))
        // on and off, as the commands that take them alone (`normalize off`) say it.
        let words = try reader("layer dense 8 tanh bias=off nesterov=ON")
        XCTAssertFalse(try words.boolOption("bias", default: true))
        XCTAssertTrue(try words.boolOption("nesterov", default: false))
        let typo = try reader("layer dense 8 tanh bias=flase")
        XCTAssertEqual(rendered(diagnostic { _ = try typo.boolOption("bias", default: true) }, "layer dense 8 tanh bias=flase"), """
            t.descent:1:25: error: unknown value 'flase' for bias= — did you mean 'false'?
                layer dense 8 tanh bias=flase
                                        ^~~~~
            """)
        let number = try reader("layer dense 8 tanh bias=1")
        XCTAssertEqual(diagnostic { _ = try number.boolOption("bias", default: true) },
                       Diagnostic("expected one of true, false, on, off for bias=, got 1", at: SourceSpan(line: 1, column: 25, length: 1)))
    }

    func testWordOptions() throws {
        let inits = ["he", "glorot", "zeros"]
        XCTAssertEqual(try reader("layer dense 8 init=HE").wordOption("init", oneOf: inits, default: "glorot"), "he")
        XCTAssertEqual(try reader("layer dense 8").wordOption("init", oneOf: inits, default: "glorot"), "glorot")
        let typo = try reader("layer dense 8 init=hee")
        XCTAssertEqual(diagnostic { _ = try typo.wordOption("init", oneOf: inits, default: "glorot") },
                       Diagnostic("unknown value 'hee' for init= — did you mean 'he'?", at: SourceSpan(line: 1, column: 20, length: 3)))
        let unknown = try reader("layer dense 8 init=xavier")
        XCTAssertEqual(diagnostic { _ = try unknown.wordOption("init", oneOf: inits, default: "glorot") },
                       Diagnostic("unknown value 'xavier' for init= — expected one of he, glorot, zeros", at: SourceSpan(line: 1, column: 20, length: 6)))
    }

    func testNameOptions() throws {
        XCTAssertEqual(try reader(#"data csv "iris.csv" target=species"#).nameOption("target"), "species")
        XCTAssertEqual(try reader(#"data csv "iris.csv" target="petal width""#).nameOption("target"), "petal width")
        XCTAssertNil(try reader(#"data csv "iris.csv""#).nameOption("target"))
        let number = try reader("data csv target=3")
        XCTAssertEqual(diagnostic { _ = try number.nameOption("target") },
                       Diagnostic("expected a name or a quoted string for target=, got 3", at: SourceSpan(line: 1, column: 17, length: 1)))
    }

    func testOptionLookupIgnoresCase() throws {
        let args = try reader("data X=[[1]] y=[1]")
        XCTAssertEqual(args.option("x")?.key, "X")
        XCTAssertEqual(args.option("Y")?.valueText, "[1]")
        XCTAssertNil(args.option("z"))
    }

    func testUnknownOptionWithSuggestion() throws {
        var args = try reader("optimizer sgd lrr=0.1")
        _ = args.optionalWord()
        XCTAssertEqual(rendered(diagnostic { try args.finish(options: ["lr", "momentum", "nesterov"]) }, "optimizer sgd lrr=0.1"), """
            t.descent:1:15: error: unknown option 'lrr' for optimizer — did you mean 'lr'?
                optimizer sgd lrr=0.1
                              ^~~
            """)
    }

    func testUnknownOptionWithoutSuggestionAndWithContext() throws {
        var args = try reader("optimizer adam zzz=1")
        _ = args.optionalWord()
        XCTAssertEqual(diagnostic { try args.finish(options: ["lr", "beta1"], for: "optimizer adam") },
                       Diagnostic("unknown option 'zzz' for optimizer adam — expected one of lr, beta1", at: SourceSpan(line: 1, column: 16, length: 3)))
    }

    func testAWordExpectedOnItsOwnButWrittenAsAnOptionIsPointedAt() throws {
        // `regularize l2=0.1` has no positional word: the error pointed past the end of the line (column 18).
        var args = try reader("regularize l2=0.1")
        XCTAssertEqual(diagnostic { _ = try args.word("regularizer", oneOf: ["none", "l1", "l2", "elastic"]) },
                       Diagnostic("expected regularizer (one of none, l1, l2, elastic), got it written as an option, 'l2=…': the "
                                  + "regularizer is a word on its own, without '=' — `help regularize` shows the forms",
                                  at: SourceSpan(line: 1, column: 12, length: 2)))
    }

    func testANumberExpectedOnItsOwnButWrittenAsAnOptionIsPointedAt() throws {
        // `layer dropout p=0.2` has no positional number: the error pointed past the end of the line (column 20).
        var dropout = try reader("layer dropout p=0.2")
        _ = try dropout.word("layer kind", oneOf: ["dense", "dropout"])
        XCTAssertEqual(rendered(diagnostic { _ = try dropout.number("drop probability") }, "layer dropout p=0.2"), """
            t.descent:1:15: error: expected drop probability as a number, got it written as an option, 'p=0.2': write the number on its own, without 'p=': `layer dropout 0.2`
                layer dropout p=0.2
                              ^~~~~
            """)
        // A whole number too; the command is written with the value where the number belongs, before the words after
        // it, the other options kept.
        var units = try reader("layer dense units=8 tanh init=he")
        _ = try units.word("layer kind", oneOf: ["dense", "dropout"])
        XCTAssertEqual(diagnostic { _ = try units.int("number of units", range: 1...100) },
                       Diagnostic("expected number of units (a whole number from 1 to 100), got it written as an option, 'units=8': write the "
                                  + "number on its own, without 'units=': `layer dense 8 tanh init=he`", at: SourceSpan(line: 1, column: 13, length: 7)))
        // An option the command takes is no misplaced number: the number is missing, at the end of the line.
        var known = ArgReader(try XCTUnwrap(Parser.parse("layer dense slope=8").first), optionKeys: ["bias", "slope"])
        _ = try known.word("layer kind", oneOf: ["dense", "dropout"])
        XCTAssertEqual(diagnostic { _ = try known.int("number of units", range: 1...100) },
                       Diagnostic("expected number of units (a whole number from 1 to 100)", at: SourceSpan(line: 1, column: 20, length: 0)))
        // A number in its place is read, whatever options follow.
        var bare = try reader("lr 0.1 lr=0.2")
        XCTAssertEqual(try bare.number("learning rate"), 0.1)
    }

    func testAnOptionWithSpacesAroundItsEqualsSignIsNamedAsSuch() throws {
        // `lr = 0.1` lexes as a word, the comparison '=' (column 18) and a number.
        XCTAssertEqual(diagnostic { try reader("optimizer sgd lr = 0.1").rejectSpacedOptions(options: ["lr", "momentum"]) },
                       Diagnostic("options are written key=value with no spaces around '=' — write lr=0.1",
                                  at: SourceSpan(line: 1, column: 18, length: 1)))
        XCTAssertEqual(diagnostic { try reader("optimizer sgd lr==0.1").rejectSpacedOptions(options: ["lr", "momentum"]) },
                       Diagnostic("options are written key=value with a single '=' — write lr=0.1", at: SourceSpan(line: 1, column: 17, length: 2)))
        XCTAssertNil(diagnostic { try reader("optimizer sgd lr=0.1").rejectSpacedOptions(options: ["lr", "momentum"]) })
        XCTAssertNil(diagnostic { try reader("batch 10 = 3").rejectSpacedOptions(options: ["lr", "momentum"]) })   // no word before the '='
        // A word that is no option of the command (a positional value) is not told to be written `l2=0.1`, which
        // `regularize` would refuse in turn.
        XCTAssertEqual(diagnostic { try reader("regularize l2 = 0.1").rejectSpacedOptions(options: []) },
                       Diagnostic("unexpected '=' after 'l2', which is not an option of regularize: options are written key=value, "
                                  + "other values without '=' — `help regularize` shows the forms", at: SourceSpan(line: 1, column: 15, length: 1)))
        // Left over after a command that reads comparisons, it is said the same way: set takes no options.
        var args = try reader("set W1[0,0] = 1 lr = 2")
        _ = try args.indexed("entry"); _ = try args.op("comparison", oneOf: ["="]); _ = try args.number("value")
        XCTAssertEqual(diagnostic { try args.finish(options: []) },
                       Diagnostic("unexpected '=' after 'lr', which is not an option of set: options are written key=value, other "
                                  + "values without '=' — `help set` shows the forms", at: SourceSpan(line: 1, column: 20, length: 1)))
        var expect = try reader("expect loss < 1 lr = 2")
        _ = try expect.word("quantity"); _ = try expect.op("comparison", oneOf: ["<"]); _ = try expect.number("value")
        XCTAssertEqual(diagnostic { try expect.finish(options: ["lr"]) }?.message, "options are written key=value with no spaces around '=' — write lr=2")
    }

    func testAOneLetterKeyIsNoTypoOfAnotherLetter() throws {
        // 'z' is one edit from 'X', but that edit is all of it: the options are listed instead.
        let args = try reader("data X=[[1,2],[3,4]] y=[0,1] z=3")
        XCTAssertEqual(diagnostic { try args.finish(options: ["X", "y"]) },
                       Diagnostic("unknown option 'z' for data — expected one of X, y", at: SourceSpan(line: 1, column: 30, length: 1)))
    }

    func testUnknownOptionThatBeginsSeveral() throws {
        // "beta" begins both beta1 and beta2, so both are offered (the hint every other unknown word gets).
        var args = try reader("optimizer adam beta=0.8")
        _ = args.optionalWord()
        XCTAssertEqual(diagnostic { try args.finish(options: ["lr", "beta1", "beta2", "eps"], for: "optimizer adam") },
                       Diagnostic("unknown option 'beta' for optimizer adam — did you mean 'beta1' or 'beta2'?", at: SourceSpan(line: 1, column: 16, length: 4)))
    }

    func testUnknownOptionWhenNoneAreTaken() throws {
        var args = try reader("split 0.8 x=1 0.9")
        _ = try args.number("split fraction", range: .open(0, 1))
        // The option comes before the leftover 0.9, so it is reported first.
        XCTAssertEqual(diagnostic { try args.finish(options: []) },
                       Diagnostic("unknown option 'x' for split — it takes no options", at: SourceSpan(line: 1, column: 11, length: 1)))
    }

    func testDuplicateOption() throws {
        var args = try reader("optimizer sgd lr=0.1 LR=0.2")
        _ = args.optionalWord()
        XCTAssertEqual(rendered(diagnostic { try args.finish(options: ["lr"]) }, "optimizer sgd lr=0.1 LR=0.2"), """
            t.descent:1:22: error: option 'LR' is given twice — keep one
                optimizer sgd lr=0.1 LR=0.2
                                     ^~
            """)
    }

    func testAllowedOptionsMatchIgnoringCase() throws {
        var args = try reader("optimizer sgd LR=0.1")
        _ = args.optionalWord()
        XCTAssertNoThrow(try args.finish(options: ["lr"]))
    }
}
