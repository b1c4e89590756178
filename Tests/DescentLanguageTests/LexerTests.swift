import DescentText
import XCTest
@testable import DescentLanguage

/// Token kinds, lexemes and spans. Expected columns were counted by hand, 1-based, in Characters.
final class LexerTests: XCTestCase {
    func testWordsAndNumbers() throws {
        XCTAssertEqual(try kinds("seed 42"), [.word("seed"), .number(42), .end])
        XCTAssertEqual(try kinds("leaky_relu W1 _x inf nan"),
                       [.word("leaky_relu"), .word("W1"), .word("_x"), .word("inf"), .word("nan"), .end])
    }

    func testNumberForms() throws {
        XCTAssertEqual(try kinds("1e-3 -0.5 .5 3. +2 1E6 -.5e-2 3.e5 +.5"),
                       [.number(0.001), .number(-0.5), .number(0.5), .number(3), .number(2), .number(1_000_000),
                        .number(-0.005), .number(300_000), .number(0.5), .end])
    }

    func testNumberLexemeIsExactSource() throws {
        var lexer = Lexer("x 1E6 +2")
        let tokens = try lexer.tokenize()
        XCTAssertEqual(tokens.map(\.lexeme), ["x", "1E6", "+2", ""])
    }

    func testOptionKeyNeedsTheEqualsTouchingTheWord() throws {
        XCTAssertEqual(try kinds("lr=0.1"), [.key("lr"), .number(0.1), .end])
        XCTAssertEqual(try kinds("lr =0.1"), [.word("lr"), .op("="), .number(0.1), .end])
        XCTAssertEqual(try kinds("x==1"), [.word("x"), .op("="), .number(1), .end])
        XCTAssertEqual(try kinds("W1[0,1]=0.5"),
                       [.word("W1"), .leftBracket, .number(0), .comma, .number(1), .rightBracket, .op("="), .number(0.5), .end])
    }

    func testFeatureTermSignsAreOperators() throws {
        // `features x1^2 x1*x2 sin(x1)`: each sign a token of its own, which was an error at it.
        XCTAssertEqual(try kinds("x1^2 x1*x2 sin(x1)"),
                       [.word("x1"), .op("^"), .number(2), .word("x1"), .op("*"), .word("x2"), .word("sin"), .op("("), .word("x1"), .op(")"), .end])
    }

    func testAHyphenBetweenLettersJoinsAWord() throws {
        // `loss cross-entropy` was an error at the '-'; as one word it gets the hint for another library's name.
        XCTAssertEqual(try kinds("loss cross-entropy weight-decay=1"), [.word("loss"), .word("cross-entropy"), .key("weight-decay"), .number(1), .end])
        // Not before a digit (a negative number) or a blank (an error at the '-'), nor after a blank.
        XCTAssertEqual(try kinds("x-1"), [.word("x"), .number(-1), .end])
        XCTAssertEqual(parseError("x- y"), Diagnostic("unexpected character '-'", at: SourceSpan(line: 1, column: 2, length: 1)))
        XCTAssertEqual(try kinds("lr 1e-3"), [.word("lr"), .number(1e-3), .end])
    }

    func testOperatorsAreNormalised() throws {
        XCTAssertEqual(try kinds("< > <= >= = == +- ±"),
                       [.op("<"), .op(">"), .op("<="), .op(">="), .op("="), .op("="), .op("+-"), .op("+-"), .end])
        XCTAssertEqual(try kinds("+-1e-4"), [.op("+-"), .number(0.0001), .end])
        XCTAssertEqual(try kinds("±1e-4"), [.op("+-"), .number(0.0001), .end])
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try kinds(#"save "a\"b\\c\nd\te""#), [.word("save"), .string("a\"b\\c\nd\te"), .end])
        XCTAssertEqual(try kinds(#"save "a#b;c""#), [.word("save"), .string("a#b;c"), .end])
    }

    func testCommentsAndSeparators() throws {
        XCTAssertEqual(try kinds("seed 1 # comment ; x"), [.word("seed"), .number(1), .end])
        XCTAssertEqual(try kinds("a; b"), [.word("a"), .separator, .word("b"), .end])
        XCTAssertEqual(try kinds("a\nb"), [.word("a"), .separator, .word("b"), .end])
        XCTAssertEqual(try kinds("a\r\nb"), [.word("a"), .separator, .word("b"), .end])
    }

    func testLineBreaksOtherThanLFAndCRLFAreWhiteSpaceWithinTheLine() throws {
        for c in ["\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            XCTAssertEqual(try kinds("seed\(c)1 # x\(c)quit"), [.word("seed"), .number(1), .end])
            var lexer = Lexer("seed 2\(c)bogus\nx")
            let tokens = try lexer.tokenize()
            XCTAssertEqual(tokens.map(\.span.line), [1, 1, 1, 1, 2, 2])
            XCTAssertEqual(tokens[2].span.column, 8)
        }
    }

    func testColumnsCountCharacters() throws {
        // d-a-t-a(1-4) space(5) c-s-v(6-8) space(9) "λ.csv"(10-16, 7 Characters) space(17) x(18)
        var lexer = Lexer(#"data csv "λ.csv" x"#, line: 3)
        let tokens = try lexer.tokenize()
        XCTAssertEqual(tokens[2].span, SourceSpan(line: 3, column: 10, length: 7))
        XCTAssertEqual(tokens[3].span, SourceSpan(line: 3, column: 18, length: 1))
    }

    func testContinuationMovesToTheNextPhysicalLine() throws {
        var lexer = Lexer("layer dense \\  \n  8", line: 2)
        let tokens = try lexer.tokenize()
        XCTAssertEqual(tokens.map(\.kind), [.word("layer"), .word("dense"), .number(8), .end])
        XCTAssertEqual(tokens[2].span, SourceSpan(line: 3, column: 3, length: 1))
    }

    func testUnterminatedString() {
        let source = #"data csv "iris.csv"#
        XCTAssertEqual(rendered(parseError(source), source), """
            t.descent:1:10: error: unterminated string — add a closing '"'
                data csv "iris.csv
                         ^~~~~~~~~
            """)
    }

    func testUnterminatedStringEndingInEscapes() {
        XCTAssertEqual(parseError(#"x "abc\""#), Diagnostic("unterminated string — add a closing '\"'", at: SourceSpan(line: 1, column: 3, length: 6)))
        XCTAssertEqual(parseError(#"x "abc\"#), Diagnostic("unterminated string — add a closing '\"'", at: SourceSpan(line: 1, column: 3, length: 5)))
    }

    func testUnknownEscape() {
        let source = #"save "a\qb""#
        XCTAssertEqual(rendered(parseError(source), source), #"""
            t.descent:1:8: error: unknown escape '\q' in string — use \", \\, \n or \t; a path takes '/' between folders: "a/qb"
                save "a\qb"
                       ^~
            """#)
    }

    func testUnexpectedCharacter() {
        XCTAssertEqual(rendered(parseError("seed @"), "seed @"), """
            t.descent:1:6: error: unexpected character '@'
                seed @
                     ^
            """)
        XCTAssertEqual(parseError("x -y"), Diagnostic("unexpected character '-'", at: SourceSpan(line: 1, column: 3, length: 1)))
        // A share written as a percentage: accuracy prints as one, but numbers here are fractions.
        XCTAssertEqual(parseError("split 80%"), Diagnostic("unexpected character '%' — write a share as a fraction, 0.8 for 80%",
                                                           at: SourceSpan(line: 1, column: 9, length: 1)))
        // "λ" is one Character, so '@' is at column 5.
        XCTAssertEqual(parseError(#""λ" @"#)?.span, SourceSpan(line: 1, column: 5, length: 1))
    }

    /// There is no not-equal: `!=` (and `≠`) get the comparisons there are, under the whole operator.
    func testNotEqualSaysWhichComparisonsThereAre() {
        XCTAssertEqual(rendered(parseError("expect loss != 0.3"), "expect loss != 0.3"), """
            t.descent:1:13: error: there is no '!=' — the comparisons are <, <=, >, >= and =
                expect loss != 0.3
                            ^~
            """)
        XCTAssertEqual(parseError("expect loss ≠ 0.3"),
                       Diagnostic("there is no '≠' — the comparisons are <, <=, >, >= and =",
                                  at: SourceSpan(line: 1, column: 13, length: 1)))
        XCTAssertEqual(parseError("seed !5"), Diagnostic("unexpected character '!'", at: SourceSpan(line: 1, column: 6, length: 1)))
    }

    /// A combining mark after a space makes one Character with it, which is not white space to skip.
    func testSpaceWithACombiningMarkIsNotABlank() {
        XCTAssertEqual(parseError("seed \u{301}7"), Diagnostic("unexpected character U+0020 U+0301", at: SourceSpan(line: 1, column: 5, length: 1)))
        XCTAssertEqual(parseError("layer dense 3 \u{300}\u{300}"),
                       Diagnostic("unexpected character U+0020 U+0300 U+0300", at: SourceSpan(line: 1, column: 14, length: 1)))
    }

    func testUnquotedFileNameGetsAHint() {
        let source = "save weights w.json"
        XCTAssertEqual(rendered(parseError(source), source), """
            t.descent:1:15: error: unexpected character '.' — put file names in double quotes: `save weights "w.json"`
                save weights w.json
                              ^
            """)
    }

    func testMalformedNumbers() {
        XCTAssertEqual(rendered(parseError("x lr=1e"), "x lr=1e"), """
            t.descent:1:6: error: malformed number '1e' — write numbers like 42, -0.5, .5 or 1e-3
                x lr=1e
                     ^~
            """)
        XCTAssertEqual(parseError("x 1.2.3"),
                       Diagnostic("malformed number '1.2.3' — write numbers like 42, -0.5, .5 or 1e-3", at: SourceSpan(line: 1, column: 3, length: 5)))
        XCTAssertEqual(parseError("layer dense 8tanh"),
                       Diagnostic("malformed number '8tanh' — write numbers like 42, -0.5, .5 or 1e-3", at: SourceSpan(line: 1, column: 13, length: 5)))
        XCTAssertEqual(parseError("x .5.3"),
                       Diagnostic("malformed number '.5.3' — write numbers like 42, -0.5, .5 or 1e-3", at: SourceSpan(line: 1, column: 3, length: 4)))
        XCTAssertEqual(parseError("x 1e+"),
                       Diagnostic("malformed number '1e+' — write numbers like 42, -0.5, .5 or 1e-3", at: SourceSpan(line: 1, column: 3, length: 3)))
    }

    func testNumberTooLarge() {
        XCTAssertEqual(parseError("x 1e999"), Diagnostic("number '1e999' is too large", at: SourceSpan(line: 1, column: 3, length: 5)))
    }

    func testNumberTooSmallForADoubleIsNotReadAsZero() {
        // 1e-400 is below the least positive subnormal, 2^-1074 ≈ 4.94e-324 (IEEE 754), so Double("1e-400") is 0.
        let message = "rounds to 0 in float64, whose smallest positive number is about 5e-324 — write 0, or a larger number"
        XCTAssertEqual(parseError("regularize l2 1e-400"), Diagnostic("number '1e-400' " + message, at: SourceSpan(line: 1, column: 15, length: 6)))
        XCTAssertEqual(parseError("x lr=-2.5E-999"), Diagnostic("number '-2.5E-999' " + message, at: SourceSpan(line: 1, column: 6, length: 9)))
        // Zero written as zero, and a subnormal, are numbers.
        XCTAssertNoThrow(try Parser.parse("x 0e-400 0.000 1e-320"))
    }

    func testAFractionIsToBeWrittenAsADecimal() {
        // 1/100 = 0.01 and 1/8 = 0.125, by hand.
        XCTAssertEqual(parseError("regularize l2 1/100"),
                       Diagnostic("unexpected character '/' — write the fraction as a decimal: `regularize l2 0.01`",
                                  at: SourceSpan(line: 1, column: 16, length: 1)))
        XCTAssertEqual(parseError("optimizer sgd lr=1/8")?.message, "unexpected character '/' — write the fraction as a decimal: `optimizer sgd lr=0.125`")
        // A division by zero is no number, nor a file name to quote.
        XCTAssertEqual(parseError("regularize l2 1/0")?.message,
                       "unexpected character '/' — 1/0 is not a number (a division by zero): write the value as a decimal")
        // A path is still quoted.
        XCTAssertTrue(parseError("data csv data/x.csv")?.message.contains("put file names in double quotes") ?? false)
    }

    func testMisplacedBackslash() {
        XCTAssertEqual(rendered(parseError(#"a \ b"#), #"a \ b"#), #"""
            t.descent:1:3: error: '\' continues a command on the next line, so it must be the last thing on its line
                a \ b
                  ^
            """#)
        XCTAssertEqual(parseError(#"a \  "#),
                       Diagnostic(#"'\' continues this line onto the next, but no line follows — remove it"#, at: SourceSpan(line: 1, column: 3, length: 1)))
    }

    func testATypedNameLexesBackToOneTokenWithItsText() throws {
        // `a-1` and `a-` are no word (a `-` joins only before a letter); `a.b`, `λ`, `1a` and names with spaces, quotes,
        // backslashes, `=`, `;`, `#`, tabs and line feeds are quoted; `a-b` and `_x` are words.
        let names = ["a", "a-b", "a-b-c", "_x", "x1", "a-1", "a-", "-a", "a--b", "a.b", "λ", "日本語", "1a", "a b", "a\"b", "a\\b",
                     "x=1", "a,b", "a;b", "#a", "a\tb", "a\nb", "", " ", "inf", "true"]
        for name in names {
            let typed = name.typed()
            let tokens = try kinds(typed)
            XCTAssertEqual(tokens.count, 2, "\(name) typed \(typed): \(tokens)")
            XCTAssertTrue(tokens.first == .word(name) || tokens.first == .string(name), "\(name) typed \(typed): \(tokens)")
            XCTAssertEqual(tokens.first == .word(name), ["a", "a-b", "a-b-c", "_x", "x1", "inf", "true"].contains(name), typed)
            // Always quoted, as a file name is, it is the string.
            XCTAssertEqual(try kinds(name.typed(quoted: true)), [.string(name), .end], name)
        }
    }
}
