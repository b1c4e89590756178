import XCTest
@testable import DescentText

/// Line breaks worked out by hand for short widths.
final class WrappingTests: XCTestCase {
    func testBreaksAtSpacesWithAHangingIndent() {
        // "  ab  cd ef gh": 14 columns; at 8 the first line takes "  ab  cd" (8), then "    ef gh" would be 9.
        XCTAssertEqual("  ab  cd ef gh".wrapped(width: 8, indent: 4), ["  ab  cd", "    ef", "    gh"])
        XCTAssertEqual("  ab  cd ef gh".wrapped(width: 14, indent: 4), ["  ab  cd ef gh"])
    }

    func testALongWordKeepsItsOwnLineAndBreaksInTheTextStay() {
        XCTAssertEqual("a abcdefghij b".wrapped(width: 5), ["a", "abcdefghij", "b"])
        XCTAssertEqual("one\ntwo three".wrapped(width: 5), ["one", "two", "three"])
    }

    func testWideCharactersCountTwoColumns() {
        // 漢字 is 4 columns: "ab 漢字" is 7, wider than 6.
        XCTAssertEqual("ab 漢字".wrapped(width: 6), ["ab", "漢字"])
    }

    func testNoWidthMeansNoWrapping() {
        XCTAssertEqual("a b c\nd".wrapped(width: nil), ["a b c", "d"])
    }
}
