import XCTest
@testable import DescentText

/// Control characters shown as `cat -v` shows them; expected strings written out by hand from the ASCII table
/// (ESC is 0x1B = Ctrl-[, DEL 0x7F = ^?, C1 0x9B = M-^[ as 0x80 + ESC).
final class ControlCharacterTests: XCTestCase {
    func testControlCharactersAreShownInCaretNotation() {
        XCTAssertEqual("a\u{1B}[31mRED".controlsEscaped, "a^[[31mRED")
        XCTAssertEqual("cat\u{1B}[2J".controlsEscaped, "cat^[[2J")
        XCTAssertEqual("\u{0}\u{1}\u{7}\u{8}\r\u{1F}".controlsEscaped, "^@^A^G^H^M^_")
        XCTAssertEqual("x\u{7F}y".controlsEscaped, "x^?y")
        XCTAssertEqual("\u{80}\u{85}\u{9B}\u{9F}".controlsEscaped, "M-^@M-^EM-^[M-^_")
        XCTAssertEqual("\r\n".controlsEscaped, "^M\n")
    }

    func testTextWithoutControlsIsUnchanged() {
        for text in ["tab\tand\nnewline", "λ 猫 🙂 e\u{301}", "\u{A0}non-breaking", "plain ASCII ~!@#"] {
            XCTAssertEqual(text.controlsEscaped, text)
        }
    }

    func testAControlCharacterTakesTheColumnsOfHowItIsShown() {
        XCTAssertEqual(Character("\u{1B}").columns, 2)
        XCTAssertEqual(Character("\u{7F}").columns, 2)
        XCTAssertEqual(Character("\u{9B}").columns, 4)
        XCTAssertEqual("a\u{1B}[31mRED".columns, "a^[[31mRED".count)
        XCTAssertEqual(Character("\t").columns, 1)
    }
}
