import CCurses
import XCTest
@testable import DescentTerminal

/// The SIGINT flag: set by a real signal while the handler is installed, handler removed afterwards.
final class InterruptTests: XCTestCase {
    private func currentHandlerAddress() -> UnsafeRawPointer? {
        var action = sigaction()
        sigaction(SIGINT, nil, &action)
        return unsafeBitCast(action.__sigaction_handler, to: UnsafeRawPointer?.self)
    }

    func testSignalDuringWorkSetsTheFlagAndHandlerIsRestored() {
        let before = currentHandlerAddress()
        let seen = Interrupt.during { () -> Bool in
            XCTAssertFalse(Interrupt.requested)
            raise(SIGINT)
            return Interrupt.requested
        }
        XCTAssertTrue(seen)
        XCTAssertEqual(currentHandlerAddress(), before)
    }

    func testFlagIsClearedWhenWorkStarts() {
        Interrupt.during { _ = raise(SIGINT) }
        XCTAssertFalse(Interrupt.during { Interrupt.requested })
    }

    func testSignalIsPostedToTheWakePipe() {
        Interrupt.during {
            _ = SignalWake.drain()
            raise(SIGINT)
            XCTAssertEqual(SignalWake.drain(), [SIGINT])
        }
    }
}
