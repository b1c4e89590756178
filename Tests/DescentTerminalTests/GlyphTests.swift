import XCTest
@testable import DescentTerminal

/// What one curses cell receives for a character. Code points are written by hand (U+0061 "a", U+0301
/// combining acute, "?" is 0x3F); column widths come from a stub so the tests do not depend on the locale.
final class GlyphTests: XCTestCase {
    private func stubWidth(_ code: wchar_t) -> Int32 {
        if code == 0x301 { return 0 }
        if code == 0x4E2D { return 2 }  // 中, a wide CJK character
        return 1
    }

    func testPlainAndUnicodeCharacters() {
        XCTAssertEqual(Glyph.codePoints("a", unicode: true, maxChars: 5, width: stubWidth), [0x61, 0])
        XCTAssertEqual(Glyph.codePoints("⣿", unicode: true, maxChars: 5, width: stubWidth), [0x28FF, 0])
    }

    func testCombiningMarksStayWithTheirBase() {
        XCTAssertEqual(Glyph.codePoints("e\u{301}", unicode: true, maxChars: 5, width: stubWidth), [0x65, 0x301, 0])
        XCTAssertEqual(Glyph.codePoints("e\u{301}", unicode: true, maxChars: 1, width: stubWidth), [0x65, 0])
    }

    func testWhatWouldBreakTheGridIsSubstituted() {
        XCTAssertEqual(Glyph.codePoints("\n", unicode: true, maxChars: 5, width: stubWidth), [0x3F, 0])
        XCTAssertEqual(Glyph.codePoints("\u{7F}", unicode: true, maxChars: 5, width: stubWidth), [0x3F, 0])
        XCTAssertEqual(Glyph.codePoints("中", unicode: true, maxChars: 5, width: stubWidth), [0x3F, 0])
        XCTAssertEqual(Glyph.codePoints("é", unicode: false, maxChars: 5, width: stubWidth), [0x3F, 0])
        XCTAssertEqual(Glyph.codePoints("e", unicode: false, maxChars: 5, width: stubWidth), [0x65, 0])
    }

    func testAWideCharacterGivenTwoCellsIsDrawn() {
        XCTAssertEqual(Glyph.codePoints("中", unicode: true, maxChars: 5, columns: 2, width: stubWidth), [0x4E2D, 0])
        XCTAssertEqual(Glyph.codePoints("a", unicode: true, maxChars: 5, columns: 2, width: stubWidth), [0x3F, 0])
        XCTAssertEqual(Glyph.codePoints("中", unicode: false, maxChars: 5, columns: 2, width: stubWidth), [0x3F, 0])
    }
}
