import XCTest
@testable import DescentShell

/// What a newcomer who reads only `help`, Tab and the errors runs into: a stray `q`, help forms that say more or less
/// than the commands take, errors that point nowhere useful.
final class NewcomerHelpTests: XCTestCase {
    /// `q`, the key that closes the full-screen views, is no prefix of `quit` at the prompt: it says how to leave and
    /// leaves nothing; `quit` and `exit` in full still leave.
    func testQuitIsTypedInFull() {
        let h = ShellHarness()
        h.ok("seed 5")
        XCTAssertEqual(h.fails("q"), """
            error: 'q' is not a command: `q` closes the full-screen views; to leave Descent type `quit` (or Ctrl-D)
                q
                ^
            """)
        XCTAssertFalse(h.w.quitRequested)
        XCTAssertTrue(h.fails("qui").hasPrefix("error: 'qui' is not a command: `quit` is typed in full; to leave Descent type `quit`"))
        XCTAssertFalse(h.w.quitRequested)
        XCTAssertEqual(h.w.seed, 5)
        h.ok("quit")
        XCTAssertTrue(h.w.quitRequested)
        let e = ShellHarness()
        e.ok("EXIT")
        XCTAssertTrue(e.w.quitRequested)
        // Other commands still take a prefix.
        let p = ShellHarness()
        p.ok("see 7")
        XCTAssertEqual(p.w.seed, 7)
    }

    /// The main help says that a prefix is of a command's name (`show h 2` is no `show history 2`).
    func testHelpSaysPrefixesAreOfCommandNames() {
        let h = ShellHarness()
        XCTAssertEqual(h.ok("help").split(separator: "\n")[0], "Commands (`help COMMAND` for the forms; any unique prefix of a command's "
                       + "name works, e.g. `opt` for optimizer; `quit` in full):")
    }
}
