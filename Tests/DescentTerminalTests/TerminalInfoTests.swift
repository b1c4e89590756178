import XCTest
@testable import DescentTerminal

/// When the full-screen view may be used (decision table written by hand).
final class TerminalInfoTests: XCTestCase {
    func testFullScreenNeedsTwoTerminalsAndARealTerm() {
        XCTAssertTrue(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color"))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: "dumb"))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: ""))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: nil))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: false, stdoutIsTerminal: true, term: "xterm"))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: false, term: "xterm"))
    }
}
