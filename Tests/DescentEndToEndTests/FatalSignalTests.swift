import Foundation
import XCTest

/// `kill -TERM` or `kill -HUP` from elsewhere, as a person sees it in the terminal afterwards: what descent showed goes
/// or stays as it should, and the shell's word ("Terminated", "Hangup") and its prompt come on clean lines.
final class FatalSignalTests: XCTestCase {
    /// The screen's lines that are not empty.
    private func lines(_ screen: String) -> [String] {
        screen.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The shell's word for a job that `signal` ended.
    private func word(_ signal: Int32) -> String { signal == SIGTERM ? "Terminated" : "Hangup" }

    func testASignalThatEndsAViewWithoutAnAlternateScreenClearsIt() throws {
        for (signal, view) in [(SIGTERM, "train"), (SIGHUP, "train"), (SIGTERM, "plot"), (SIGHUP, "plot")] {
            // vt100 has no alternate screen: the view draws over the shell's screen.
            let t = try Tmux(width: 120, height: 36, environment: ["TERM": "vt100"], fromShell: true)
            try t.prepareMoons()
            if view == "train" {
                try t.type("train 2000000")
                try t.wait(for: "the live view") { Tmux.liveStep($0) != nil && $0.contains("q stop") }
            } else {
                try t.type("train 20")
                try t.wait(forText: "trained 20 steps")
                try t.type("plot")
                try t.wait(forText: "q back")
            }
            try t.signal(signal)
            let screen = try t.wait(for: "the shell's prompt after \(word(signal)) in \(view)") { self.lines($0).last == "$" }
            // The view's last frame is gone, and the shell's word is on a line of its own.
            XCTAssertEqual(lines(screen), [word(signal), "$"], "\(view), \(word(signal)):\n\(screen)")
            try t.type("echo still usable")
            try t.wait(forText: "\nstill usable")
        }
    }

    func testASignalAtThePromptLeavesTheTypedLineAndTheShellOnAFreshLine() throws {
        for signal in [SIGTERM, SIGHUP] {
            let t = try Tmux(fromShell: true)
            try t.wait(forText: "descent>")
            try t.send("how co", literal: true)
            try t.wait(forText: "descent> how co")
            try t.signal(signal)
            let screen = try t.wait(for: "the shell's prompt after \(word(signal))") { self.lines($0).last == "$" }
            XCTAssertEqual(Array(lines(screen).suffix(3)), ["descent> how co", word(signal), "$"], screen)
            // The terminal is in the shell's modes: a typed line echoes and runs.
            try t.type("echo still usable")
            try t.wait(forText: "\nstill usable")
        }
    }

    func testKeysTypedUnseenDuringAProgressLineDoNotReachTheShell() throws {
        // gradcheck turns echo off while its progress line shows; keys typed then were left for the shell after a
        // SIGTERM, which ran `abcecho …`.
        let t = try Tmux(width: 120, height: 36, fromShell: true)
        try t.wait(forText: "descent>")
        try t.type("data xor n=400; layer dense 64 tanh; layer dense 64 tanh; layer dense 1 sigmoid; loss bce")
        try t.wait(forText: "loss bce:")
        try t.type("gradcheck")
        try t.wait(forText: "eta ")
        try t.send("abc", literal: true)
        Thread.sleep(forTimeInterval: 0.3)
        try t.signal(SIGTERM)
        try t.wait(for: "the shell's prompt") { self.lines($0).last == "$" }
        try t.type("echo still usable")
        let screen = try t.wait(forText: "\nstill usable")
        XCTAssertFalse(screen.contains("abcecho"), screen)
    }
}
