import XCTest
@testable import DescentLanguage

/// Range membership at the bounds and the words used in messages.
final class NumberRangeTests: XCTestCase {
    func testContainsAtTheBounds() {
        XCTAssertTrue(NumberRange.any.contains(-1e300))
        XCTAssertTrue(NumberRange.atLeast(0).contains(0))
        XCTAssertFalse(NumberRange.atLeast(0).contains(-0.001))
        XCTAssertFalse(NumberRange.greaterThan(0).contains(0))
        XCTAssertTrue(NumberRange.greaterThan(0).contains(1e-9))
        XCTAssertTrue(NumberRange.closed(0, 1).contains(1))
        XCTAssertTrue(NumberRange.halfOpen(0, 1).contains(0))
        XCTAssertFalse(NumberRange.halfOpen(0, 1).contains(1))
        XCTAssertFalse(NumberRange.open(0, 1).contains(0))
        XCTAssertFalse(NumberRange.open(0, 1).contains(1))
        XCTAssertTrue(NumberRange.open(0, 1).contains(0.5))
    }

    func testPhrases() {
        XCTAssertEqual(NumberRange.any.phrase, "")
        XCTAssertEqual(NumberRange.atLeast(0).phrase, "at least 0")
        XCTAssertEqual(NumberRange.greaterThan(0).phrase, "greater than 0")
        XCTAssertEqual(NumberRange.closed(0.5, 2).phrase, "from 0.5 to 2")
        XCTAssertEqual(NumberRange.halfOpen(0, 1).phrase, "from 0 up to but not including 1")
        XCTAssertEqual(NumberRange.open(0, 1).phrase, "strictly between 0 and 1")
    }
}
