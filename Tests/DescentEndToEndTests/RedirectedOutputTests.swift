import Foundation
import XCTest

/// The prompt with standard output going to a file or a pipe (`descent > out.txt`, `descent | tee log`), as bash and
/// python do it: the prompt and the echo of what is typed are on the terminal, and the file gets the commands' output
/// only, without the prompt's escape sequences.
final class RedirectedOutputTests: XCTestCase {
    /// Waits until `file` holds `text` (up to 15 s).
    private func waitForFile(_ file: URL, toHold text: String, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(15)
        var held = ""
        while Date() < deadline {
            held = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if held.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out waiting for \(file.lastPathComponent) to hold '\(text)'; it held:\n\(held)", line: line)
    }

    func testThePromptStaysOnTheTerminalAndTheFileGetsTheOutputOnly() throws {
        let dir = try Descent.temporaryDirectory()
        let out = dir.appendingPathComponent("out.txt"), errors = dir.appendingPathComponent("errors.txt")
        // Standard error on the terminal, or in a file too (the prompt then opens /dev/tty); through tee, the output is
        // on the terminal as well.
        for (redirection, tee) in [(" > '\(out.path)'", false), (" > '\(out.path)' 2> '\(errors.path)'", false),
                                   (" | tee '\(out.path)'", true)] {
            try? FileManager.default.removeItem(at: errors)
            let t = try Tmux(fromShell: true, redirection: redirection)
            try t.wait(forText: "Descent 0.1.0 — type `help`")
            try t.wait(forText: "descent>")
            try t.type("seed 5")
            // Through tee the output reaches the terminal when tee writes it, which may be after the next prompt.
            if !tee { try t.wait(forText: "descent> seed 5\ndescent>") }
            try waitForFile(out, toHold: "seed 5\n")
            // A run prints progress lines: the full-screen view needs standard output on the terminal.
            try t.type("data xor n=40; layer dense 2 tanh; layer dense 1 sigmoid; loss bce; train 20")
            try waitForFile(out, toHold: "\ntrained 20 steps")
            if !tee { try t.wait(forText: "descent> data xor n=40; layer dense 2 tanh; layer dense 1 sigmoid; loss bce; train 20\ndescent>") }
            try t.send("optimizer adam \\", literal: true)
            try t.send("Enter")
            try t.wait(forText: "   ...>")
            try t.send("C-d")
            try t.wait(forText: "   ...>\nend of input: dropped the unfinished command `optimizer adam`")
            try t.type("quit")
            let screen = try t.wait(for: "the shell's prompt (\(redirection))") { $0.components(separatedBy: "\n").last { !$0.isEmpty } == "$" }
            XCTAssertEqual(screen.contains("trained 20 steps"), tee, screen)
            XCTAssertTrue(screen.contains("descent> seed 5") && screen.contains("descent> quit"), screen)
            let file = try String(contentsOf: out, encoding: .utf8)
            XCTAssertTrue(file.hasPrefix("seed 5\ndata: xor n=40"), "\(redirection):\n\(file)")
            XCTAssertTrue(file.contains("\nstep 20/20 ") && file.contains("\ntrained 20 steps"), "\(redirection):\n\(file)")
            for unwanted in ["\u{1B}", "\r", "descent>", "...>", "Descent 0.1.0", "end of input"] {
                XCTAssertFalse(file.contains(unwanted), "\(redirection): '\(unwanted)' in the file:\n\(file)")
            }
            if let written = try? String(contentsOf: errors, encoding: .utf8) {
                XCTAssertEqual(written, "", "\(redirection): the prompt went to standard error's file")
            }
        }
    }

    func testCtrlCEndsTheTerminalsLineNotTheFiles() throws {
        // The line break after the echoed ^C went to standard output: a blank line in the file, and the next prompt
        // glued to the ^C on the terminal.
        let dir = try Descent.temporaryDirectory()
        let out = dir.appendingPathComponent("out.txt")
        let t = try Tmux(fromShell: true, redirection: " > '\(out.path)'")
        try t.wait(forText: "descent>")
        try t.type("data xor n=40; layer dense 2 tanh; layer dense 1 sigmoid; loss bce; train 100000000")
        try waitForFile(out, toHold: "loss bce:")
        Thread.sleep(forTimeInterval: 1)
        try t.send("C-c")
        try waitForFile(out, toHold: "trained ")
        let screen = try t.wait(for: "the prompt on a line of its own") { $0.contains("^C\ndescent>") }
        XCTAssertFalse(screen.contains("^Cdescent>"), screen)
        let file = try String(contentsOf: out, encoding: .utf8)
        XCTAssertFalse(file.contains("\n\n"), "a blank line in the file:\n\(file)")
        try t.type("quit")
    }

    func testTheLineAStepWillRunIsShownOnTheTerminal() throws {
        // `replay … step` printed the line it was about to run into the file, and the terminal showed only the question.
        let dir = try Descent.temporaryDirectory()
        let out = dir.appendingPathComponent("out.txt"), script = dir.appendingPathComponent("s.descent")
        try "# a lesson\nseed 7\n".write(to: script, atomically: true, encoding: .utf8)
        let t = try Tmux(fromShell: true, redirection: " > '\(out.path)'")
        try t.wait(forText: "descent>")
        try t.type("replay \"\(script.path)\" step")
        try t.wait(forText: "s.descent:2> seed 7\n  [Enter runs it; q then Enter stops]")
        try t.send("Enter")
        try waitForFile(out, toHold: "replayed ")
        let file = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(file.contains("seed 7\n"), file)
        XCTAssertFalse(file.contains("s.descent:2>") || file.contains("# a lesson"), "the stepping lines went to the file:\n\(file)")
        try t.type("quit")
    }
}
