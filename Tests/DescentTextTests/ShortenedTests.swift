import XCTest
@testable import DescentText

/// Quoted text cut to a length; expected strings written out by hand.
final class ShortenedTests: XCTestCase {
    func testLongTextKeepsThirtyNineCharactersAndAnEllipsis() {
        XCTAssertEqual(String(repeating: "a", count: 40).shortened(), String(repeating: "a", count: 40))
        XCTAssertEqual(String(repeating: "a", count: 41).shortened(), String(repeating: "a", count: 39) + "…")
        XCTAssertEqual("abcdef".shortened(to: 4), "abc…")
        XCTAssertEqual("abcd".shortened(to: 4), "abcd")
        XCTAssertEqual("".shortened(), "")
        XCTAssertEqual(String(repeating: "猫", count: 50).shortened(to: 3), "猫猫…")
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
        XCTAssertEqual(String.shortList([String(repeating: "z", count: 50)], limit: 1), String(repeating: "z", count: 39) + "…")
    }
}
