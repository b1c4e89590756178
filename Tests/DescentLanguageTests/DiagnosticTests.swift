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
