import XCTest
@testable import DescentLanguage

/// Positional binding and its errors, checked verbatim. Columns were counted by hand.
final class ArgReaderTests: XCTestCase {
    private let activations = ["relu", "tanh", "sigmoid"]

    func testBindsALayerLine() throws {
        var args = try reader("layer DENSE 8 TanH bias=false init=he")
        XCTAssertEqual(try args.word("layer kind", oneOf: ["dense", "dropout"]), "dense")
        XCTAssertEqual(try args.int("units", range: 1...100_000), 8)
        XCTAssertEqual(try args.word("activation", oneOf: activations), "tanh")
        XCTAssertEqual(args.lastSpan, SourceSpan(line: 1, column: 15, length: 4))
        XCTAssertTrue(args.isAtEnd)
        XCTAssertNoThrow(try args.finish(options: ["bias", "init"]))
    }

    func testUnknownWordWithSuggestion() throws {
        var args = try reader("layer dense 8 tahn")
        _ = try args.word("layer kind", oneOf: ["dense"])
        _ = try args.int("units", range: 1...100_000)
        XCTAssertEqual(rendered(diagnostic { _ = try args.word("activation", oneOf: activations) }, "layer dense 8 tahn"), """
            t.descent:1:15: error: unknown activation 'tahn' — did you mean 'tanh'?
                layer dense 8 tahn
                              ^~~~
            """)
    }

    func testAWordInThePlaceOfAnOptionalWordSuggestsIt() throws {
        // `batch ful`: `full` was looked for first, then a number; the number's error names the word meant.
        var batch = try reader("batch ful")
        XCTAssertNil(batch.optionalWord(oneOf: ["full", "all"]))
        XCTAssertEqual(diagnostic { _ = try batch.int("batch size", range: 1...10) },
                       Diagnostic("expected batch size (a whole number from 1 to 10), got 'ful' — did you mean 'full'?",
                                  at: SourceSpan(line: 1, column: 7, length: 3)))
        // `plot bo`: nothing else was read, so the leftover word is the error, with the same hint.
        let plot = try reader("plot bo")
        var p = plot
        XCTAssertNil(p.optionalWord(oneOf: ["boundary", "loss"]))
        XCTAssertEqual(diagnostic { try p.finish(options: []) },
                       Diagnostic("unexpected 'bo' after 'plot' — did you mean 'boundary'?", at: SourceSpan(line: 1, column: 6, length: 2)))
        // `expect gard …`: a word among the metrics then, and the one looked for before them, are both suggested.
        var expect = try reader("expect gard W1[0,0] = 1")
        XCTAssertNil(expect.optionalWord(oneOf: ["grad"]))
        XCTAssertEqual(diagnostic { _ = try expect.word("quantity", oneOf: ["loss", "accuracy"]) }?.message,
                       "unknown quantity 'gard' — did you mean 'grad'?")
        // A word looked for at another place is not suggested here.
        var later = try reader("split 0.5 non")
        XCTAssertNil(later.optionalWord(oneOf: ["none"]))
        _ = try later.number("fraction")
        XCTAssertEqual(diagnostic { try later.finish(options: []) }?.message, "unexpected 'non' after '0.5'")
    }

    func testUnknownWordWithoutSuggestion() throws {
        var args = try reader("layer zzz")
        XCTAssertEqual(diagnostic { _ = try args.word("layer kind", oneOf: ["dense", "dropout"]) },
                       Diagnostic("unknown layer kind 'zzz' — expected one of dense, dropout", at: SourceSpan(line: 1, column: 7, length: 3)))
    }

    func testMissingWordPointsJustAfterTheLastToken() throws {
        var args = try reader("layer dense 8")
        _ = try args.word("layer kind", oneOf: ["dense"])
        _ = try args.int("units", range: 1...100_000)
        XCTAssertEqual(rendered(diagnostic { _ = try args.word("activation", oneOf: activations) }, "layer dense 8"), """
            t.descent:1:14: error: expected activation (one of relu, tanh, sigmoid)
                layer dense 8
                             ^
            """)
    }

    func testWordOfTheWrongKind() throws {
        var args = try reader("layer 8")
        XCTAssertEqual(diagnostic { _ = try args.word("layer kind", oneOf: ["dense", "dropout"]) },
                       Diagnostic("expected layer kind (one of dense, dropout), got 8", at: SourceSpan(line: 1, column: 7, length: 1)))
    }

    func testAnyWord() throws {
        var args = try reader("show weights W1")
        XCTAssertEqual(try args.word("what to show"), "weights")
        XCTAssertEqual(try args.word("layer name"), "W1")
        var missing = try reader("show")
        XCTAssertEqual(diagnostic { _ = try missing.word("what to show") },
                       Diagnostic("expected what to show", at: SourceSpan(line: 1, column: 5, length: 0)))
        var string = try reader(#"show "weights""#)
        XCTAssertEqual(diagnostic { _ = try string.word("what to show") },
                       Diagnostic("expected what to show, got \"weights\"", at: SourceSpan(line: 1, column: 6, length: 9)))
    }

    func testOptionalWords() throws {
        var args = try reader("train 5 EPOCHS")
        XCTAssertEqual(try args.int("epochs", range: 1...Int.max), 5)
        XCTAssertEqual(args.optionalWord(oneOf: ["epochs", "steps"]), "epochs")
        XCTAssertNil(args.optionalWord(oneOf: ["epochs", "steps"]))
        var plain = try reader("show weights")
        XCTAssertEqual(plain.optionalWord(), "weights")
        XCTAssertNil(plain.optionalWord())
        var number = try reader("show 3")
        XCTAssertNil(number.optionalWord())
        XCTAssertEqual(number.peek?.value, .number(3))
    }

    func testWholeNumbers() throws {
        var args = try reader("layer dense 1e3")
        _ = args.optionalWord()
        _ = args.optionalWord()
        XCTAssertEqual(try args.int("units", range: 1...100_000), 1000)
        var fraction = try reader("layer 2.5")
        XCTAssertEqual(rendered(diagnostic { _ = try fraction.int("units", range: 1...100_000) }, "layer 2.5"), """
            t.descent:1:7: error: expected units (a whole number from 1 to 100000), got 2.5
                layer 2.5
                      ^~~
            """)
        var zero = try reader("train 0")
        XCTAssertEqual(diagnostic { _ = try zero.int("epochs", range: 1...Int.max) },
                       Diagnostic("expected epochs (a whole number at least 1), got 0", at: SourceSpan(line: 1, column: 7, length: 1)))
        // A whole number beyond the largest Int is "at least 1" but too large: the message gives the real range.
        var huge = try reader("train 1e30")
        XCTAssertEqual(diagnostic { _ = try huge.int("epochs", range: 1...Int.max) },
                       Diagnostic("expected epochs (a whole number from 1 to 9223372036854775807), got 1e30",
                                  at: SourceSpan(line: 1, column: 7, length: 4)))
        var word = try reader("train many")
        XCTAssertEqual(diagnostic { _ = try word.int("epochs", range: 1...Int.max) },
                       Diagnostic("expected epochs (a whole number at least 1), got 'many'", at: SourceSpan(line: 1, column: 7, length: 4)))
        // 2⁵³ + 1 and 2⁶³ − 1 have no Double of their own; the digits are read as written.
        var big = try reader("seed 9007199254740993")
        XCTAssertEqual(try big.int("seed", range: 0...Int.max), 9_007_199_254_740_993)
        var largest = try reader("seed 9223372036854775807")
        XCTAssertEqual(try largest.int("seed", range: 0...Int.max), Int.max)
        var beyond = try reader("seed 9223372036854775808")
        XCTAssertEqual(diagnostic { _ = try beyond.int("seed", range: 0...Int.max) },
                       Diagnostic("expected seed (a whole number from 0 to 9223372036854775807), got 9223372036854775808",
                                  at: SourceSpan(line: 1, column: 6, length: 19)))
        var missing = try reader("seed")
        XCTAssertEqual(diagnostic { _ = try missing.int("seed", range: 0...Int.max) },
                       Diagnostic("expected seed (a whole number at least 0)", at: SourceSpan(line: 1, column: 5, length: 0)))
    }

    func testOptionalInt() throws {
        var number = try reader("batch 32")
        XCTAssertNil(number.optionalWord(oneOf: ["full"]))
        XCTAssertEqual(try number.optionalInt("examples per batch", range: 1...Int.max), 32)
        var word = try reader("batch full")
        XCTAssertNil(try word.optionalInt("examples per batch", range: 1...Int.max))
        XCTAssertEqual(word.optionalWord(oneOf: ["full"]), "full")
    }

    func testNumbers() throws {
        var args = try reader("split 0.8")
        XCTAssertEqual(try args.number("split fraction", range: .open(0, 1)), 0.8)
        var outside = try reader("split 1.5")
        XCTAssertEqual(rendered(diagnostic { _ = try outside.number("split fraction", range: .open(0, 1)) }, "split 1.5"), """
            t.descent:1:7: error: expected split fraction as a number strictly between 0 and 1, got 1.5
                split 1.5
                      ^~~
            """)
        var missing = try reader("split")
        XCTAssertEqual(diagnostic { _ = try missing.number("split fraction", range: .open(0, 1)) },
                       Diagnostic("expected split fraction as a number strictly between 0 and 1", at: SourceSpan(line: 1, column: 6, length: 0)))
        var infinity = try reader("x inf")
        XCTAssertEqual(diagnostic { _ = try infinity.number("threshold") },
                       Diagnostic("expected threshold as a number, got 'inf'", at: SourceSpan(line: 1, column: 3, length: 3)))
    }

    func testQuotedStrings() throws {
        var args = try reader(#"save session "Sessions/mine.descent""#)
        _ = try args.word("what to save", oneOf: ["session", "weights"])
        XCTAssertEqual(try args.string("file name", example: "w.json"), "Sessions/mine.descent")
        var bare = try reader("save weights w")
        _ = bare.optionalWord()
        XCTAssertEqual(rendered(diagnostic { _ = try bare.string("file name", example: "w.json") }, "save weights w"), """
            t.descent:1:14: error: expected a quoted file name like "w.json", got 'w'
                save weights w
                             ^
            """)
        var missing = try reader("save weights")
        _ = missing.optionalWord()
        XCTAssertEqual(diagnostic { _ = try missing.string("file name", example: "w.json") },
                       Diagnostic("expected a quoted file name like \"w.json\"", at: SourceSpan(line: 1, column: 13, length: 0)))
    }

    func testIndexedReferences() throws {
        var args = try reader("explain W1[0,1]")
        let reference = try args.indexed("weight")
        XCTAssertEqual(reference.name, "W1")
        XCTAssertEqual(reference.indices, [0, 1])
        var plain = try reader("explain W1")
        XCTAssertEqual(diagnostic { _ = try plain.indexed("weight") },
                       Diagnostic("expected weight like W1[0,1], got 'W1'", at: SourceSpan(line: 1, column: 9, length: 2)))
    }

    func testOperators() throws {
        let comparisons = ["<", ">", "<=", ">=", "="]
        var args = try reader("expect W1[0,0] = 0.2936 ± 1e-4")
        _ = try args.indexed("weight")
        XCTAssertEqual(try args.op("comparison", oneOf: comparisons), "=")
        XCTAssertEqual(try args.number("expected value"), 0.2936)
        XCTAssertEqual(args.optionalOp(oneOf: ["+-"]), "+-")
        XCTAssertEqual(try args.number("tolerance", range: .atLeast(0)), 1e-4)
        var noTolerance = try reader("expect loss < 0.01")
        XCTAssertEqual(try noTolerance.word("metric"), "loss")
        XCTAssertNil(noTolerance.optionalOp(oneOf: ["+-"]))
        XCTAssertEqual(try noTolerance.op("comparison", oneOf: comparisons), "<")
        XCTAssertNil(noTolerance.optionalOp(oneOf: ["+-"]))
        var wrong = try reader("expect loss +- 0.01")
        _ = wrong.optionalWord()
        XCTAssertEqual(diagnostic { _ = try wrong.op("comparison", oneOf: comparisons) },
                       Diagnostic("expected comparison (one of <, >, <=, >=, =), got '+-'", at: SourceSpan(line: 1, column: 13, length: 2)))
        var missing = try reader("expect loss")
        _ = missing.optionalWord()
        XCTAssertEqual(diagnostic { _ = try missing.op("comparison", oneOf: comparisons) },
                       Diagnostic("expected comparison (one of <, >, <=, >=, =)", at: SourceSpan(line: 1, column: 12, length: 0)))
        // One operator allowed is named as itself.
        var set = try reader("set W1[0,0] 0.5")
        _ = try set.indexed("entry")
        XCTAssertEqual(diagnostic { _ = try set.op("comparison", oneOf: ["="]) },
                       Diagnostic("expected '=', got 0.5", at: SourceSpan(line: 1, column: 13, length: 3)))
    }

    func testLeftoverPositionals() throws {
        var args = try reader("split 0.8 0.9")
        _ = try args.number("split fraction", range: .open(0, 1))
        XCTAssertEqual(rendered(diagnostic { try args.finish(options: []) }, "split 0.8 0.9"), """
            t.descent:1:11: error: unexpected '0.9' after '0.8'
                split 0.8 0.9
                          ^~~
            """)
        let untouched = try reader("normalize now please")
        XCTAssertEqual(diagnostic { try untouched.finish(options: []) },
                       Diagnostic("unexpected 'now' after 'normalize'", at: SourceSpan(line: 1, column: 11, length: 3)))
        var afterOption = try reader("train 5 lr=0.1 banana")
        _ = try afterOption.int("epochs", range: 1...Int.max)
        XCTAssertEqual(diagnostic { try afterOption.finish(options: ["lr"]) },
                       Diagnostic("unexpected 'banana' after 'lr=0.1'", at: SourceSpan(line: 1, column: 16, length: 6)))
    }

    func testMissingPositionalAfterAnOptionPointsAfterTheOption() throws {
        var args = try reader("layer dense bias=false")
        _ = args.optionalWord()
        XCTAssertEqual(diagnostic { _ = try args.int("units", range: 1...100_000) },
                       Diagnostic("expected units (a whole number from 1 to 100000)", at: SourceSpan(line: 1, column: 23, length: 0)))
    }
}
