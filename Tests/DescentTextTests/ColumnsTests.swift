import XCTest
@testable import DescentText

/// Terminal columns, counted by hand from how a terminal draws each character.
final class ColumnsTests: XCTestCase {
    func testWideCharactersTakeTwoColumns() {
        XCTAssertEqual("abc".columns, 3)
        XCTAssertEqual("λx".columns, 2)            // Greek is narrow
        XCTAssertEqual("猫".columns, 2)             // CJK ideograph
        XCTAssertEqual("한글".columns, 4)            // Hangul syllables
        XCTAssertEqual("🙂🙂".columns, 4)            // emoji
        XCTAssertEqual("e\u{301}".columns, 1)       // e + combining acute: one Character, one column
        XCTAssertEqual(Character("Ａ").columns, 2)   // fullwidth Latin
        XCTAssertEqual(Character("\t").columns, 1)
    }
}
