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

    /// From another directory, the Sessions/ of the package the executable was built in is listed, with where to start
    /// descent to replay them; an executable outside a package changes nothing.
    func testTheScriptsNextToTheExecutableAreListedFromElsewhere() throws {
        let root = try ScratchDirectory.make("help-sessions-package"), elsewhere = try ScratchDirectory.make("help-sessions-elsewhere")
        defer { ScratchDirectory.remove(root); ScratchDirectory.remove(elsewhere) }
        try FileManager.default.createDirectory(atPath: root + "/Sessions", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.build/release", withIntermediateDirectories: true)
        try "# XOR in one line.\nnew\n".write(toFile: root + "/Sessions/xor.descent", atomically: true, encoding: .utf8)
        XCTAssertEqual(Commands.packageRoot(root + "/.build/release/descent"), root)
        XCTAssertNil(Commands.packageRoot("/usr/local/bin/descent"))

        let out = CapturedOutput(), w = Workspace(output: out, directory: elsewhere)
        w.executablePath = root + "/.build/release/descent"
        XCTAssertTrue(Session(workspace: w).run(line: "help sessions"))
        XCTAssertEqual(out.text.components(separatedBy: "\n").filter { !$0.isEmpty }, [
            "Example scripts in \(root)/Sessions (start descent in \(root), where they find their data files; there "
                + "`replay \"Sessions/NAME\" step` runs one a line at a time, Enter for the next):",
            "  xor.descent  XOR in one line.",
        ])
        let out2 = CapturedOutput(), w2 = Workspace(output: out2, directory: elsewhere)
        w2.executablePath = "/usr/local/bin/descent"
        XCTAssertTrue(Session(workspace: w2).run(line: "help sessions"))
        XCTAssertTrue(out2.text.hasPrefix("no example scripts here"), out2.text)
    }
}
