import XCTest
@testable import DescentLanguage

/// Rendering of diagnostics. Caret positions were counted by hand.
final class DiagnosticTests: XCTestCase {
    private let tahn = Diagnostic("unknown activation 'tahn' — did you mean 'tanh'?", at: SourceSpan(line: 4, column: 15, length: 4))

    func testRenderWithFile() {
        XCTAssertEqual(tahn.render(sourceLine: "layer dense 8 tahn", file: "Sessions/x.descent"), """
            Sessions/x.descent:4:15: error: unknown activation 'tahn' — did you mean 'tanh'?
                layer dense 8 tahn
                              ^~~~
            """)
    }

    func testRenderWithoutFileOmitsTheLocation() {
        XCTAssertEqual(tahn.render(sourceLine: "layer dense 8 tahn", file: nil), """
            error: unknown activation 'tahn' — did you mean 'tanh'?
                layer dense 8 tahn
                              ^~~~
            """)
    }

    func testTheLineShownIsTheOneNumberedAsEditorsNumberIt() {
        let d = Diagnostic("unknown command 'bogus'", at: SourceSpan(line: 3, column: 1, length: 5))
        XCTAssertEqual(d.render(source: "seed 1 \\\nx\u{0C}y \\\r\nbogus", firstLine: 1, file: "f"), "f:3:1: error: unknown command 'bogus'\n    bogus\n    ^~~~~")
    }

    func testRenderWithoutSpanIsOneLine() {
        let diagnostic = Diagnostic("cannot open file", at: nil)
        XCTAssertEqual(diagnostic.render(sourceLine: "anything", file: "a.descent"), "a.descent: error: cannot open file")
        XCTAssertEqual(diagnostic.render(sourceLine: "anything", file: nil), "error: cannot open file")
    }

    func testDescription() {
        XCTAssertEqual(tahn.description, "4:15: error: unknown activation 'tahn' — did you mean 'tanh'?")
        XCTAssertEqual(Diagnostic("no data", at: nil).description, "error: no data")
    }

    func testTabsBeforeTheSpanAreKept() {
        let diagnostic = Diagnostic("x", at: SourceSpan(line: 1, column: 8, length: 2))
        XCTAssertEqual(diagnostic.render(sourceLine: "\tlayer\tab", file: nil), "error: x\n    \tlayer\tab\n    \t     \t^~")
    }

    func testZeroLengthSpanIsOneCaretAndLongSpansAreClamped() {
        XCTAssertEqual(Diagnostic("x", at: SourceSpan(line: 1, column: 4, length: 0)).render(sourceLine: "abc", file: nil),
                       "error: x\n    abc\n       ^")
        XCTAssertEqual(Diagnostic("x", at: SourceSpan(line: 1, column: 5, length: 10)).render(sourceLine: "abcdef", file: nil),
                       "error: x\n    abcdef\n        ^~")
    }

    func testALongLineIsCutAroundTheSpan() {
        // 300 characters: 200 a's, "bad" at columns 201–203, 97 c's. 120 are shown, from 40 before the span
        // (index 160) to index 280, with … at both cuts; the caret line gains one space for the leading ….
        let line = String(repeating: "a", count: 200) + "bad" + String(repeating: "c", count: 97)
        let middle = Diagnostic("x", at: SourceSpan(line: 1, column: 201, length: 3)).render(sourceLine: line, file: nil)
        XCTAssertEqual(middle, "error: x\n    …" + String(repeating: "a", count: 40) + "bad" + String(repeating: "c", count: 77)
                       + "…\n    " + String(repeating: " ", count: 41) + "^~~")
        // Near the start: the first 120 characters, cut only at the end.
        let early = Diagnostic("x", at: SourceSpan(line: 1, column: 10, length: 1)).render(sourceLine: line, file: nil)
        XCTAssertEqual(early, "error: x\n    " + String(repeating: "a", count: 120) + "…\n    " + String(repeating: " ", count: 9) + "^")
        // Just past the end (a missing argument): the last 120 characters and the caret after them.
        let end = Diagnostic("x", at: SourceSpan(line: 1, column: 301, length: 1)).render(sourceLine: line, file: nil)
        XCTAssertEqual(end, "error: x\n    …" + String(repeating: "a", count: 20) + "bad" + String(repeating: "c", count: 97)
                       + "\n    " + String(repeating: " ", count: 121) + "^")
    }

    func testWideCharactersBeforeTheSpanTakeTwoColumns() {
        // save(1-4) space(5) weights(6-12) space(13) "(14) 🙂🙂🙂(15-17, six columns) .json(18-22) "(23) space(24) x(25)
        let diagnostic = Diagnostic("x", at: SourceSpan(line: 1, column: 25, length: 1))
        XCTAssertEqual(diagnostic.render(sourceLine: #"save weights "🙂🙂🙂.json" x"#, file: nil),
                       "error: x\n    save weights \"🙂🙂🙂.json\" x\n    " + String(repeating: " ", count: 27) + "^")
    }

    func testAControlCharacterTakesTheColumnsItIsShownIn() {
        // The terminal shows ESC as ^[ (two columns): save weights "a^[b.json" x. save(1-4) space(5) weights(6-12)
        // space(13) "(14) a(15) ESC(16, two columns) b.json(17-22) "(23) space(24) x(25): 24 characters, 25 columns before x.
        let line = "save weights \"a\u{1B}b.json\" x"
        XCTAssertEqual(Diagnostic("x", at: SourceSpan(line: 1, column: 25, length: 1)).render(sourceLine: line, file: nil),
                       "error: x\n    \(line)\n    " + String(repeating: " ", count: 25) + "^")
        // The string itself: 10 characters in 11 columns, all underlined.
        XCTAssertEqual(Diagnostic("x", at: SourceSpan(line: 1, column: 14, length: 10)).render(sourceLine: line, file: nil),
                       "error: x\n    \(line)\n    " + String(repeating: " ", count: 13) + "^" + String(repeating: "~", count: 10))
    }

    func testCaretCountsCharacters() {
        // d-a-t-a(1-4) space(5) c-s-v(6-8) space(9) "λ"(10-12) space(13) x(14)
        let diagnostic = Diagnostic("x", at: SourceSpan(line: 1, column: 14, length: 1))
        XCTAssertEqual(diagnostic.render(sourceLine: #"data csv "λ" x"#, file: nil),
                       "error: x\n    data csv \"λ\" x\n                 ^")
    }

    func testRenderPicksThePhysicalLineOfALogicalLine() {
        let diagnostic = Diagnostic("unknown activation 'tahn' — did you mean 'tanh'?", at: SourceSpan(line: 8, column: 5, length: 4))
        XCTAssertEqual(diagnostic.render(source: "layer dense 8 \\\n    tahn", firstLine: 7, file: "s.descent"), """
            s.descent:8:5: error: unknown activation 'tahn' — did you mean 'tanh'?
                    tahn
                    ^~~~
            """)
        XCTAssertEqual(diagnostic.render(source: "one line", firstLine: 1, file: nil),
                       "error: unknown activation 'tahn' — did you mean 'tanh'?")
    }

    func testRenderedParserErrorOnAContinuationLine() throws {
        let logical = try XCTUnwrap(LineJoiner.logicalLines(of: "seed 1\nlayer dense 8 \\\n  tanh @").last)
        let error = try XCTUnwrap(parseError(logical.text, line: logical.line))
        XCTAssertEqual(error.render(source: logical.text, firstLine: logical.line, file: "s.descent"), """
            s.descent:3:8: error: unexpected character '@'
                  tanh @
                       ^
            """)
    }
}
