import XCTest
@testable import DescentLanguage

/// Continuation detection and splitting scripts into logical lines.
final class LineJoinerTests: XCTestCase {
    func testContinues() {
        XCTAssertTrue(LineJoiner.continues("layer dense 8 \\"))
        XCTAssertTrue(LineJoiner.continues("layer dense 8 \\   "))
        XCTAssertTrue(LineJoiner.continues(#"save "x" \"#))
        XCTAssertTrue(LineJoiner.continues(#"save "a\\" \"#))
        XCTAssertFalse(LineJoiner.continues("layer dense 8"))
        XCTAssertFalse(LineJoiner.continues("a \\ b"))
        XCTAssertFalse(LineJoiner.continues("# comment \\"))
        XCTAssertFalse(LineJoiner.continues("seed 1 # comment \\"))
        XCTAssertFalse(LineJoiner.continues(#"save "a\"#))
        XCTAssertFalse(LineJoiner.continues(#"save "x \"#))
        XCTAssertFalse(LineJoiner.continues(""))
    }

    func testJoin() {
        XCTAssertEqual(LineJoiner.join(["a \\", "  b"]), "a \\\n  b")
    }

    func testSingleLine() {
        XCTAssertEqual(LineJoiner.singleLine(["optimizer sgd \\", "lr=0.05"]), "optimizer sgd lr=0.05")
        XCTAssertEqual(LineJoiner.singleLine(["layer dense\\", "  8 \\  ", "\\", "\ttanh  "]), "layer dense 8 tanh  ")
        XCTAssertEqual(LineJoiner.singleLine([#"save "a\\" \"#, "weights"]), #"save "a\\" weights"#)
        XCTAssertEqual(LineJoiner.singleLine(["  seed 1 # a comment \\"]), "  seed 1 # a comment \\")
        XCTAssertEqual(LineJoiner.singleLine([""]), "")
        // The single line means what the joined lines mean.
        let lines = ["layer dense\\", "  8 \\", "tanh; seed 1"]
        XCTAssertEqual(try Parser.parse(LineJoiner.singleLine(lines), line: 1).map(\.text), ["layer dense 8 tanh", "seed 1"])
        XCTAssertEqual(try Parser.parse(LineJoiner.join(lines), line: 1).map(\.text), ["layer dense 8 tanh", "seed 1"])
    }

    func testLogicalLines() {
        let script = "seed 1\nlayer dense 8 \\\n  tanh\n\n# c\ntrain 5"
        XCTAssertEqual(LineJoiner.logicalLines(of: script), [
            LogicalLine(text: "seed 1", line: 1),
            LogicalLine(text: "layer dense 8 \\\n  tanh", line: 2),
            LogicalLine(text: "", line: 4),
            LogicalLine(text: "# c", line: 5),
            LogicalLine(text: "train 5", line: 6),
        ])
    }

    func testAFinalLineBreakIsNoLineForADanglingBackslashToContinueOnto() {
        // With or without the input's last line break, the `\` on its last line has no line after it.
        for script in ["a\nb \\", "a\nb \\\n", "a\r\nb \\\r\n", "a\nb \\  \n"] {
            let lines = LineJoiner.logicalLines(of: script)
            XCTAssertEqual(lines.map(\.line), [1, 2], script)
            XCTAssertEqual(lines.first?.text, "a", script)
            XCTAssertEqual(parseError(lines[1].text, line: 2)?.message,
                           #"'\' continues this line onto the next, but no line follows — remove it"#, script)
        }
        // A blank line after it is a line: the command ends there.
        XCTAssertEqual(LineJoiner.logicalLines(of: "b \\\n\n"), [LogicalLine(text: "b \\\n", line: 1), LogicalLine(text: "", line: 3)])
        // A final line break after a line that does not continue still ends it as before, leaving an empty last line.
        XCTAssertEqual(LineJoiner.logicalLines(of: "a\n"), [LogicalLine(text: "a", line: 1), LogicalLine(text: "", line: 2)])
    }

    func testLogicalLinesWithCRLFAndTrailingContinuation() {
        XCTAssertEqual(LineJoiner.logicalLines(of: "a\r\nb \\"), [LogicalLine(text: "a", line: 1), LogicalLine(text: "b \\", line: 2)])
        XCTAssertEqual(parseError("b \\", line: 2),
                       Diagnostic(#"'\' continues this line onto the next, but no line follows — remove it"#, at: SourceSpan(line: 2, column: 3, length: 1)))
    }

    /// The characters Swift calls line breaks but editors and `wc -l` do not: CR alone, VT, FF, U+0085, U+2028, U+2029.
    static let notLineEnds: [Character] = ["\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    func testOnlyLineFeedAndCRLFEndALine() {
        XCTAssertEqual(LineJoiner.logicalLines(of: "a\nb\r\nc").map(\.line), [1, 2, 3])
        for c in LineJoinerTests.notLineEnds {
            let script = "seed 1\n# done\(c)quit\nexpect step = 1\n"
            XCTAssertEqual(LineJoiner.logicalLines(of: script),
                           [LogicalLine(text: "seed 1", line: 1), LogicalLine(text: "# done\(c)quit", line: 2),
                            LogicalLine(text: "expect step = 1", line: 3), LogicalLine(text: "", line: 4)], "\(c.unicodeScalars.first!)")
            // The comment runs to the end of the line: the `quit` after the character is part of it.
            XCTAssertEqual(try Parser.parse("# done\(c)quit", line: 2).count, 0)
        }
    }

    func testEveryShippedSessionParses() throws {
        // The example sessions live at <package>/Sessions; this file is at <package>/Tests/DescentLanguageTests/.
        let sessions = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".descent") }
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let script = try String(contentsOf: sessions.appendingPathComponent(file), encoding: .utf8)
            for logical in LineJoiner.logicalLines(of: script) {
                XCTAssertNoThrow(try Parser.parse(logical.text, line: logical.line), "\(file):\(logical.line)")
            }
        }
    }
}
