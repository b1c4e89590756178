import Foundation
import XCTest

/// What the full-screen views do with input that is not one of their keys — a paste, a key they do not use — and
/// what their hints say on small terminals and terminals without an alternate screen.
final class LiveViewKeysTests: XCTestCase {
    /// The screen's last line that is not empty.
    private func lastLine(_ screen: String) -> String? {
        screen.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    func testAPasteDuringARunIsKeptForThePromptNotReadAsKeys() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.startLongRun()
        // Read as keys, the space of `show config` would pause the run and the `q` of a `quit` stop it.
        try t.paste("show config\nseed 9\nshow history 1", bracketed: true)
        let kept = try t.wait(forText: "kept the 2 pasted lines for the prompt: they run after the run")
        Thread.sleep(forTimeInterval: 0.5)
        let later = try t.wait(for: "the run to go on") { (Tmux.liveStep($0) ?? 0) > (Tmux.liveStep(kept) ?? 0) }
        XCTAssertFalse(later.contains("PAUSED") || later.contains("scale: log"), later)
        // A typed key the view does not use says so, rather than vanishing.
        try t.send("h")
        try t.wait(forText: "'h' is not a key here (? lists them): typed commands are lost, pasted ones run after the run")
        try t.stopRun()
        // After the run the pasted lines run one by one at the prompt, and the last, without a line break, waits there.
        let after = try t.wait(for: "the pasted lines to run") { self.lastLine($0) == "descent> show history 1" }
        var rest = Substring(after)
        for line in ["stopped by the user", "descent> show config", "optimizer   adam", "descent> seed 9", "seed 9", "descent> show history 1"] {
            let found = try XCTUnwrap(rest.range(of: line), "'\(line)' does not follow in order:\n\(after)")
            rest = rest[found.upperBound...]
        }
        XCTAssertFalse(after.contains("unknown command"), after)
        try t.send("Enter")
        try t.wait(forText: "history: empty (nothing trained yet)")
        // The pasted line ran at the prompt and is in the history as a line of its own.
        try t.send("C-l")
        try t.send("Up")
        try t.wait(for: "the pasted line in the history") { $0.components(separatedBy: "\n").last { $0.hasPrefix("descent>") } == "descent> show history 1" }
    }

    func testAKeyTheViewDoesNotUseIsNamedAndOnlyALoneEscStops() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.prepareMoons()
        try t.type("train 2000000")
        let view = try t.wait(for: "the live view") { Tmux.liveStep($0) != nil }
        // Wide characters (two columns) are named as typed, as narrow ones are.
        for key in ["中", "😀", "ア", "é"] {
            try t.send(key, literal: true)
            try t.wait(forText: "'\(key)' is not a key here (? lists them)")
        }
        // Alt+x (Esc and x together) is a key the view does not use, not Esc: the run goes on.
        try t.send("M-x")
        let alt = try t.wait(forText: "Alt+x is not a key here (? lists them)")
        XCTAssertFalse(alt.contains("stopped by the user"), alt)
        try t.wait(for: "the run to go on") { (Tmux.liveStep($0) ?? 0) > (Tmux.liveStep(alt) ?? 0) }
        XCTAssertFalse(try t.screen().contains("descent>"))
        XCTAssertNotNil(Tmux.liveStep(view))
        // A lone Esc stops it.
        try t.send("Escape")
        try t.wait(forText: "stopped by the user")
    }

    func testOutsideAUTF8LocaleANonASCIIKeyIsReportedByItsBytes() throws {
        let t = try Tmux(width: 120, height: 36, environment: ["LANG": "C", "LC_ALL": "C"])
        try t.startLongRun()
        try t.send("é", literal: true)
        try t.wait(forText: "a non-ASCII key (bytes C3 A9) is not a key here (? lists them)")
        try t.send("中", literal: true)
        try t.wait(forText: "a non-ASCII key (bytes E4 B8 AD) is not a key here (? lists them)")
        // The keys after it are read as before.
        try t.send("h")
        try t.wait(forText: "'h' is not a key here (? lists them)")
        try t.stopRun()
    }

    func testTheKeyListWrapsOnANarrowTerminal() throws {
        let t = try Tmux(width: 30, height: 30)
        try t.startLongRun()
        try t.send("?")
        let screen = try t.wait(forText: "validation curve")
        // Each key's words are all there, the lines broken at spaces (read with the line breaks and indents as spaces).
        let read = screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for line in ["q, Esc, Ctrl-C stop at the next step", "b decision map (data of 2 features)",
                     "Ctrl-Z suspend (fg resumes)", "? this help; other keys only hide it", "a paste waits for the prompt"] {
            XCTAssertTrue(read.contains(line), "'\(line)' is not all there:\n\(screen)")
        }
        try t.stopRun()
    }

    func testAKeyThePlotDoesNotUseSaysSoAndOnlyALoneEscLeaves() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.prepareMoons()
        try t.type("train 20")
        try t.wait(forText: "trained 20 steps")
        try t.type("plot")
        try t.wait(forText: "q back")
        try t.send("x")
        try t.wait(forText: "'x' is not a key here (? lists them): typed commands are lost, pasted ones run after this view")
        try t.send("中", literal: true)
        try t.wait(forText: "'中' is not a key here (? lists them)")
        // Alt+x is Esc and x together: a key the view does not use, not Esc.
        try t.send("M-x")
        try t.wait(forText: "Alt+x is not a key here (? lists them)")
        XCTAssertFalse(try t.screen().contains("descent>"))
        // A key the view uses puts the notice away.
        try t.send("l")
        try t.wait(for: "the keys line back") { !$0.contains("not a key here") && $0.contains("? keys") }
        try t.send("Escape")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
    }

    func testThePlotViewsKeepAPasteAndTheirKeyListGoesAwayOnAnyKey() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.prepareMoons()
        try t.type("train 20")
        try t.wait(forText: "trained 20 steps")
        try t.type("plot")
        try t.wait(forText: "q back")
        // `?` lists the keys and says how the list goes away; an unrelated key puts it away, leaving the view open.
        try t.send("?")
        try t.wait(forText: "q/Esc/Enter back · other keys hide this")
        try t.send("x")
        let back = try t.wait(forText: "? keys · q back")
        XCTAssertFalse(back.contains("other keys hide this"), back)
        // A paste (`q` and Enter in it) does not leave; it waits for the prompt.
        try t.paste("quit\n", bracketed: true)
        try t.wait(forText: "kept the pasted line for the prompt: it runs after this view")
        XCTAssertFalse(try t.exited())
        XCTAssertFalse(try t.screen().contains("descent>"))
        try t.send("Escape")
        try t.wait(for: "descent to run the pasted quit and exit") { _ in (try? t.exited()) == true }
    }

    func testTheKeysLineSaysTheScaleAndAMapThatCannotBeDrawnSaysWhy() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.wait(forText: "descent>")
        // Three features: no map, so no `b map` among the keys, and `b` says why.
        try t.type("seed 1; data X=[[1,2,3],[2,3,5],[0,1,1],[4,1,2]] y=[1,2,3,4]; layer dense 8 tanh; layer dense 1; loss mse; optimizer adam lr=0.01")
        try t.wait(forText: "optimizer adam lr=0.01")
        try t.type("train 2000000")
        let view = try t.wait(for: "the live view") { Tmux.liveStep($0) != nil }
        XCTAssertFalse(view.contains("b map"), view)
        let scale = view.contains("l scale: log") ? "log" : "linear", other = scale == "log" ? "linear" : "log"
        XCTAssertTrue(view.contains("l scale: \(scale)"), view)
        try t.send("l")
        try t.wait(forText: "l scale: \(other)")
        try t.send("b")
        try t.wait(forText: "no map: it is drawn for data of 2 features (or 1, for regression or two classes: the fitted curve), and this data has 3")
        // No split, so no validation curve: `v` says so rather than doing nothing visible.
        try t.send("v")
        try t.wait(forText: "no validation set, so no validation curve: `split 0.8` before training makes one")
        try t.stopRun()
        // Two features on a terminal too small for the map: `b map` is there, and `b` says what size it needs.
        try t.resize(width: 80, height: 24)
        try t.send("C-l")
        try t.type("data moons n=200; layer clear; layer dense 8 tanh; layer dense 1 sigmoid; loss bce")
        try t.wait(forText: "loss bce:")
        try t.type("train 2000000")
        try t.wait(forText: "b map: off")
        try t.send("b")
        try t.wait(forText: "no room for the map: it needs a terminal of 90×16 or more (this one is 80×24)")
        try t.stopRun()
    }

    func testCtrlBackslashIsIgnoredInEveryView() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.prepareMoons()
        try t.type("train 2000000")
        let before = try t.wait(for: "the live view") { Tmux.liveStep($0) != nil && $0.contains("q stop") }
        try t.send("C-\\")
        Thread.sleep(forTimeInterval: 1)
        var screen = try t.wait(for: "the run to go on") { (Tmux.liveStep($0) ?? 0) > (Tmux.liveStep(before) ?? 0) }
        XCTAssertFalse(screen.contains("not a key here"), screen)
        // Nor does it put the key list away.
        try t.send("?")
        try t.wait(forText: "?  this help;")
        try t.send("C-\\")
        Thread.sleep(forTimeInterval: 1)
        screen = try t.screen()
        XCTAssertTrue(screen.contains("?  this help;"), screen)
        XCTAssertFalse(screen.contains("not a key here"), screen)
        try t.stopRun()
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        // The plot stays open, its key list too.
        try t.type("plot")
        try t.wait(forText: "q back")
        try t.send("?")
        try t.wait(forText: "other keys hide this")
        try t.send("C-\\")
        Thread.sleep(forTimeInterval: 1)
        screen = try t.screen()
        XCTAssertTrue(screen.contains("other keys hide this"), screen)
        try t.send("q")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        // `plot boundary` returns on any key, but this is not one.
        try t.type("plot boundary")
        try t.wait(forText: "any key returns")
        try t.send("C-\\")
        Thread.sleep(forTimeInterval: 1)
        screen = try t.screen()
        XCTAssertTrue(screen.contains("any key returns"), screen)
        XCTAssertNotEqual(lastLine(screen), "descent>", screen)
        try t.send("x")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        XCTAssertFalse(try t.exited())
        XCTAssertFalse(try t.scrollback().lowercased().contains("crash"))
    }

    func testTheKeyThatPutsTheKeyListAwayDoesNothingElse() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.prepareMoons()
        try t.type("train 2000000")
        let view = try t.wait(for: "the live view") { Tmux.liveStep($0) != nil && $0.contains("l scale: ") }
        let scale = view.contains("l scale: log") ? "l scale: log" : "l scale: linear"
        // A key the view does not use only puts the list away: it is not reported as well.
        try t.send("?")
        try t.wait(forText: "other keys only hide it")
        try t.send("z")
        try t.wait(for: "the key list to go") { !$0.contains("other keys only hide it") }
        Thread.sleep(forTimeInterval: 0.5)
        var screen = try t.screen()
        XCTAssertFalse(screen.contains("not a key here"), screen)
        // Nor does a key the view uses do what it does: `l` leaves the scale, space does not pause.
        for key in ["l", "Space"] {
            try t.send("?")
            try t.wait(forText: "other keys only hide it")
            try t.send(key)
            try t.wait(for: "the key list to go") { !$0.contains("other keys only hide it") }
            Thread.sleep(forTimeInterval: 0.5)
            screen = try t.screen()
            XCTAssertTrue(screen.contains(scale), "\(key):\n\(screen)")
            XCTAssertFalse(screen.contains("PAUSED"), "\(key):\n\(screen)")
        }
        // With the list gone, a key that is not one of the view's is reported.
        try t.send("z")
        try t.wait(forText: "'z' is not a key here")
        // The stop keys still stop with the list up.
        try t.send("?")
        try t.wait(forText: "other keys only hide it")
        try t.stopRun()
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        // In `plot` too: `+` with the list up puts it away and leaves the steps shown as they were.
        try t.type("plot")
        let plot = try t.wait(forText: "? keys · q back")
        let steps = try XCTUnwrap(plot.range(of: #"steps \d+–\d+"#, options: .regularExpression).map { String(plot[$0]) }, plot)
        try t.send("?")
        try t.wait(forText: "other keys hide this")
        try t.send("+")
        screen = try t.wait(forText: "? keys · q back")
        XCTAssertTrue(screen.contains(steps), "\(steps) in\n\(screen)")
        try t.send("+")
        try t.wait(for: "the zoom") { !$0.contains(steps) }
        try t.send("q")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
    }

    func testAResizeTakesAwayTheNoRoomNoticeAndTheKeysLineSaysWhetherTheMapIsOn() throws {
        let t = try Tmux(width: 60, height: 20)
        try t.prepareMoons()
        try t.type("train 2000000 every=1000")
        try t.wait(for: "the live view") { Tmux.liveStep($0) != nil && $0.contains("b map: off") }
        try t.send("b")
        // At 60 columns the notice wraps between words.
        try t.wait(for: "the notice") { $0.contains("no room for the map: it needs a terminal of 90×16") && $0.contains("(this one is 60×20)") }
        // The notice would stay 4 s; the size it names is gone at once, and the map is drawn.
        try t.resize(width: 120, height: 40)
        try t.wait(for: "the map without the notice", timeout: 2) { $0.contains("b map: on") && !$0.contains("no room for the map") }
        // `b` hides the map and shows it again, and the keys line says which.
        try t.send("b")
        try t.wait(forText: "b map: off")
        try t.send("b")
        try t.wait(forText: "b map: on")
        // With a split, `v` hides the validation curve (and says nothing).
        try t.wait(forText: "┅ val loss")
        try t.send("v")
        let hidden = try t.wait(for: "the validation curve to go") { !$0.contains("┅ val loss") }
        XCTAssertFalse(hidden.contains("no validation set"), hidden)
        try t.stopRun()
    }

    func testTheWayOutStaysVisibleOnASmallTerminal() throws {
        let t = try Tmux(width: 40, height: 12)
        try t.prepareMoons()
        try t.type("train 20")
        try t.wait(forText: "trained 20 steps")
        try t.send("C-l")
        try t.type("plot")
        // Waited for as a whole (the last line may be drawn after the rest): a view that never shows it fails the wait.
        try t.wait(for: "q back first on the last line") { self.lastLine($0)?.hasPrefix("q back") == true }
        try t.send("q")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        try t.type("plot boundary")
        try t.wait(for: "any key returns first on the last line") { self.lastLine($0)?.hasPrefix("any key returns") == true }
        try t.send("x")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        // Twelve rows are too few for the whole status: the stop key's line stays.
        try t.type("train 2000000")
        try t.wait(for: "the live view with its stop key") { $0.contains("steps/s") && $0.contains("q stop") }
        try t.stopRun()
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

    func testAFunctionKeyIsNamed() throws {
        // F5 was "that key".
        let t = try Tmux(width: 120, height: 36)
        try t.startLongRun()
        try t.send("F5")
        try t.wait(forText: "F5 is not a key here (? lists them)")
        try t.stopRun()
    }

    func testEscPressedTwiceQuicklyStops() throws {
        // Two Escs arriving together were read as Esc and one more key: "that key is not a key here", the run going on.
        let t = try Tmux(width: 120, height: 36)
        try t.startLongRun()
        try t.send("Escape", "Escape")
        try t.wait(forText: "stopped by the user")
    }
}
