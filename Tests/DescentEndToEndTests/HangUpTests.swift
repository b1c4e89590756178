import Foundation
import XCTest

/// A terminal that goes away (its window closed) while descent ignores SIGHUP, as under `nohup` or
/// `trap "" HUP`: the views and the prompt read its end, close, and descent exits, rather than waiting for keys that
/// will never come in a loop that spins on the CPU.
final class HangUpTests: XCTestCase {
    /// Opens a view by `open` in a descent that ignores SIGHUP, closes the pane, and checks that descent ends soon.
    private func expectExit(after what: String, width: Int = 120, _ open: (Tmux) throws -> Void) throws {
        let t = try Tmux(width: width, height: 36, ignoringHangUp: true)
        try t.prepareMoons()
        try open(t)
        let pid = try t.descentPID()
        let ignored = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            .components(separatedBy: "\n").first { $0.hasPrefix("SigIgn:") }
        let mask = try XCTUnwrap(ignored.flatMap { UInt64($0.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) })
        XCTAssertEqual(mask & (1 << (UInt64(SIGHUP) - 1)), 1 << (UInt64(SIGHUP) - 1), "\(what): SIGHUP is not ignored")
        try t.killPane()
        let deadline = Date().addingTimeInterval(5)
        while !Tmux.processEnded(pid) && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let ended = Tmux.processEnded(pid)
        if !ended { kill(pid, SIGKILL) }
        XCTAssertTrue(ended, "\(what): descent was still running 5 s after its terminal closed")
        // It exited as after Ctrl-D, with status 0 (not by a crash: a write to the gone terminal fails).
        // The wrapper's shell creates the file, then writes the status: an empty file is not the status yet.
        var status: String?
        while (status ?? "").isEmpty && Date() < deadline.addingTimeInterval(2) {
            status = try? String(contentsOf: t.exitStatusFile, encoding: .utf8)
            if (status ?? "").isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertEqual(status, "0\n", "\(what): descent's exit status")
    }

    func testClosingTheTerminalEndsThePlotView() throws {
        try expectExit(after: "plot") { t in
            try t.type("train 20")
            try t.wait(forText: "trained 20 steps")
            try t.type("plot")
            try t.wait(forText: "q back")
        }
    }

    func testClosingTheTerminalEndsTheBoundaryView() throws {
        try expectExit(after: "plot boundary") { t in
            try t.type("plot boundary")
            try t.wait(forText: "any key returns")
        }
    }

    func testClosingTheTerminalEndsAPausedRun() throws {
        try expectExit(after: "a paused run") { t in
            try t.type("train 2000000")
            try t.wait(for: "the live view") { Tmux.liveStep($0) != nil }
            try t.send("Space")
            try t.wait(forText: "PAUSED")
        }
    }

    func testClosingTheTerminalEndsTheContinuationPrompt() throws {
        try expectExit(after: "the ...> prompt") { t in
            try t.send("optimizer adam \\", literal: true)
            try t.send("Enter")
            try t.wait(forText: "...>")
        }
    }
}
