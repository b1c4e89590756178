import XCTest
@testable import DescentShell

/// `help sessions` lists the scripts in `Sessions/` under the working directory with the first sentence of each
/// one's opening comment (written out by hand here), or says where they are.
final class HelpSessionsTests: XCTestCase {
    func testTheScriptsAreListedWithTheFirstSentenceOfTheirOpeningComment() throws {
        let dir = try ScratchDirectory.make("help-sessions")
        defer { ScratchDirectory.remove(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/Sessions", withIntermediateDirectories: true)
        try "# XOR in one line. More words after.\nnew\n".write(toFile: dir + "/Sessions/b.descent", atomically: true, encoding: .utf8)
        try "# A comment that runs\n# over two lines. And more.\n# Not read.\nnew\n".write(toFile: dir + "/Sessions/a.descent", atomically: true, encoding: .utf8)
        try "not a script".write(toFile: dir + "/Sessions/notes.txt", atomically: true, encoding: .utf8)
        let out = CapturedOutput(), w = Workspace(output: out, directory: dir)
        XCTAssertTrue(Session(workspace: w).run(line: "help sessions"))
        XCTAssertEqual(out.text.components(separatedBy: "\n").dropFirst().filter { !$0.isEmpty },
                       ["  a.descent  A comment that runs over two lines.", "  b.descent  XOR in one line."])
        XCTAssertTrue(out.text.hasPrefix("Example scripts (`replay \"Sessions/NAME\" step`"), out.text)

        let empty = try ScratchDirectory.make("help-sessions-none")
        defer { ScratchDirectory.remove(empty) }
        let out2 = CapturedOutput()
        XCTAssertTrue(Session(workspace: Workspace(output: out2, directory: empty)).run(line: "help sessions"))
        XCTAssertTrue(out2.text.hasPrefix("no example scripts here: they are in Sessions/ at the top of descent's repository"), out2.text)
    }

    func testHelpNamesRegularizeOffAndASessionScriptAsTxt() {
        let h = ShellHarness()
        XCTAssertTrue(h.ok("help regularize").hasPrefix("  regularize none|off\n"), h.out.text)
        // Either word picks the form.
        XCTAssertTrue(h.ok("help regularize off").hasPrefix("  regularize none|off\npenalise"), h.out.text)
        XCTAssertTrue(h.ok("help regularize none").hasPrefix("  regularize none|off\npenalise"), h.out.text)
        XCTAssertTrue(h.ok("help save session").contains("save session \"FILE.descent\"   (or \"FILE.txt\")"), h.out.text)
    }
}
