import CCurses
import XCTest
@testable import DescentTerminal

/// Decoding of what wget_wch returns. Character codes are ASCII/Unicode code points written by hand;
/// function-key codes come from the curses header (KEY_UP is 0403 octal = 259, KEY_F(1) is 0411 = 265).
final class KeyTests: XCTestCase {
    func testControlCharactersBecomeNamedKeys() {
        XCTAssertEqual(Key(code: 3, isKeyCode: false), .ctrlC)
        XCTAssertEqual(Key(code: 27, isKeyCode: false), .escape)
        XCTAssertEqual(Key(code: 10, isKeyCode: false), .enter)
        XCTAssertEqual(Key(code: 13, isKeyCode: false), .enter)
        XCTAssertEqual(Key(code: 32, isKeyCode: false), .space)
        XCTAssertEqual(Key(code: 127, isKeyCode: false), .backspace)
        XCTAssertEqual(Key(code: 8, isKeyCode: false), .backspace)
        XCTAssertEqual(Key(code: 26, isKeyCode: false), .suspend)
        XCTAssertEqual(Key(code: 28, isKeyCode: false), .ctrlBackslash, "Ctrl-\\, which the views drop")
        XCTAssertEqual(Key(code: 1, isKeyCode: false), .control(1))
        XCTAssertEqual(Key(code: 4, isKeyCode: false), .control(4))
        XCTAssertEqual(Key(code: 0x9B, isKeyCode: false), .other, "C1 controls have no key name")
    }

    func testControlCharactersAreNamedAsAPersonTypesThem() {
        // Ctrl-letter sends the letter's code minus 64 (ASCII: 'D' is 68, Ctrl-D 4); Tab is 9, Ctrl-Space 0.
        XCTAssertEqual(Key.controlName(4), "Ctrl-D")
        XCTAssertEqual(Key.controlName(1), "Ctrl-A")
        XCTAssertEqual(Key.controlName(9), "Tab")
        XCTAssertEqual(Key.controlName(0), "Ctrl-Space")
        XCTAssertEqual(Key.controlName(31), "Ctrl-_")
        XCTAssertEqual(Key.controlName(29), "Ctrl-]")
    }

    func testPrintableCharactersIncludingNonASCII() {
        XCTAssertEqual(Key(code: 0x71, isKeyCode: false), .character("q"))
        XCTAssertEqual(Key(code: 0xE9, isKeyCode: false), .character("é"))
        XCTAssertEqual(Key(code: 0x2800, isKeyCode: false), .character("⠀"))
        XCTAssertEqual(Key(code: 0xD800, isKeyCode: false), .other, "a lone surrogate is not a character")
    }

    func testFunctionKeys() {
        XCTAssertEqual(Key(code: 259, isKeyCode: true), .up)
        XCTAssertEqual(Key(code: UInt32(shim_key_down()), isKeyCode: true), .down)
        XCTAssertEqual(Key(code: UInt32(shim_key_left()), isKeyCode: true), .left)
        XCTAssertEqual(Key(code: UInt32(shim_key_right()), isKeyCode: true), .right)
        XCTAssertEqual(Key(code: UInt32(shim_key_resize()), isKeyCode: true), .resize)
        XCTAssertEqual(Key(code: UInt32(shim_key_backspace()), isKeyCode: true), .backspace)
        XCTAssertEqual(Key(code: UInt32(shim_key_enter()), isKeyCode: true), .enter)
        // KEY_F(n) is KEY_F0 (264, octal 0410 in curses.h) + n; KEY_HOME (262) is a key the views do not use.
        XCTAssertEqual(Key(code: 265, isKeyCode: true), .function(1))
        XCTAssertEqual(Key(code: 264 + 12, isKeyCode: true), .function(12))
        XCTAssertEqual(Key(code: 262, isKeyCode: true), .other)
    }

    func testSameNumberMeansDifferentThingsAsCharacterOrKeyCode() {
        // 259 as a character is U+0103 "ă"; as a key code it is KEY_UP.
        XCTAssertEqual(Key(code: 259, isKeyCode: false), .character("ă"))
    }
}
