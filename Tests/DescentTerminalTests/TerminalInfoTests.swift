import XCTest
@testable import DescentTerminal

/// When the full-screen view may be used (decision table written by hand).
final class TerminalInfoTests: XCTestCase {
    func testInputWaitingSeesUnreadBytesWithoutReadingThem() throws {
        var fds: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]) }
        XCTAssertFalse(TerminalInfo.inputWaiting(on: fds[0]), "an empty pipe")
        XCTAssertEqual(write(fds[1], "ab", 2), 2)
        XCTAssertTrue(TerminalInfo.inputWaiting(on: fds[0]))
        XCTAssertTrue(TerminalInfo.inputWaiting(on: fds[0]), "asking reads nothing")
        var buffer = [UInt8](repeating: 0, count: 4)
        XCTAssertEqual(read(fds[0], &buffer, 4), 2)
        XCTAssertEqual(Array(buffer.prefix(2)), [UInt8(ascii: "a"), UInt8(ascii: "b")])
        XCTAssertFalse(TerminalInfo.inputWaiting(on: fds[0]), "all read")
        close(fds[1])
        XCTAssertTrue(TerminalInfo.inputWaiting(on: fds[0]), "a hang-up: nothing for a view to read either")
    }

    func testFullScreenNeedsTwoTerminalsAndARealTerm() {
        XCTAssertTrue(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color"))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: "dumb"))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: ""))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: true, term: nil))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: false, stdoutIsTerminal: true, term: "xterm"))
        XCTAssertFalse(TerminalInfo.fullScreenAllowed(stdinIsTerminal: true, stdoutIsTerminal: false, term: "xterm"))
    }
}
