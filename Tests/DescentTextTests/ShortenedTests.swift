import XCTest
@testable import DescentText

/// Quoted text cut to a length; expected strings written out by hand.
final class ShortenedTests: XCTestCase {
    func testLongTextKeepsItsStartAndItsLastThirdAroundAnEllipsis() {
        XCTAssertEqual(String(repeating: "a", count: 40).shortened(), String(repeating: "a", count: 40))
        XCTAssertEqual(String(repeating: "a", count: 41).shortened(), String(repeating: "a", count: 26) + "…" + String(repeating: "a", count: 13))
        XCTAssertEqual("abcdef".shortened(to: 4), "ab…f")
        XCTAssertEqual("abcd".shortened(to: 4), "abcd")
        XCTAssertEqual("".shortened(), "")
        XCTAssertEqual(String(repeating: "猫", count: 50).shortened(to: 3), "猫…猫")
        // Names that differ only at their ends stay apart: 26 characters, "…", the last 13.
        XCTAssertEqual("class_with_a_really_quite_long_name_number_12".shortened(), "class_with_a_really_quite_…ame_number_12")
        XCTAssertNotEqual("class_with_a_really_quite_long_name_number_1".shortened(), "class_with_a_really_quite_long_name_number_2".shortened())
    }

    func testACharacterOfManyScalarsIsCutToo() {
        // One Character: e and 10,000 combining acute accents. Kept: e and 158 accents (159 scalars), then "…".
        let heavy = "e" + String(repeating: "\u{301}", count: 10_000)
        XCTAssertEqual(heavy.count, 1)
        let cut = heavy.shortened()
        XCTAssertEqual(cut.unicodeScalars.count, 160)
        XCTAssertEqual(cut, "e" + String(repeating: "\u{301}", count: 158) + "…")
    }

    func testAShortListNamesTheFirstTenAndCountsTheRest() {
        XCTAssertEqual(String.shortList(["a", "b"]), "a, b")
        XCTAssertEqual(String.shortList((1...12).map(String.init)), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … 2 more")
        XCTAssertEqual(String.shortList([String(repeating: "z", count: 50)], limit: 1), String(repeating: "z", count: 26) + "…" + String(repeating: "z", count: 13))
    }
}
