import Foundation
import XCTest

/// What the full-screen views leave on terminals without an alternate screen.
final class LiveViewKeysTests: XCTestCase {
    /// The screen's last line that is not empty.
    private func lastLine(_ screen: String) -> String? {
        screen.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    func testWithoutAnAlternateScreenTheViewIsClearedWhenItCloses() throws {
        // vt100 has no alternate screen: the view draws over the shell's screen, and its last frame would stay there.
        let t = try Tmux(width: 120, height: 36, environment: ["TERM": "vt100"])
        try t.prepareMoons()
        try t.type("train 2000000")
        try t.wait(for: "the live view") { Tmux.liveStep($0) != nil && $0.contains("q stop") }
        try t.send("q")
        var screen = try t.wait(forText: "stopped by the user")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        screen = try t.screen()
        XCTAssertFalse(screen.contains("q stop") || screen.contains("batch loss"), "the view's last frame is still shown:\n\(screen)")
        XCTAssertTrue(screen.hasPrefix("trained "), "the summary starts the cleared screen:\n\(screen)")
        try t.type("plot")
        try t.wait(forText: "q back")
        try t.send("q")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        screen = try t.screen()
        XCTAssertFalse(screen.contains("q back") || screen.contains("batch loss"), "the chart is still shown:\n\(screen)")
        try t.type("show config")
        try t.wait(forText: "optimizer   adam")
    }
}
