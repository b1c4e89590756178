import XCTest
@testable import DescentPlot

/// Text on a canvas: a wide character (two terminal columns, as 中 or 😀) takes two cells, and its halves go together.
final class CanvasTests: XCTestCase {
    func testAWideCharacterTakesTwoCells() {
        var c = Canvas(width: 6, height: 1)
        c.put("a中b", x: 0, y: 0)
        XCTAssertEqual(c[1, 0].char, "中")
        XCTAssertTrue(c[2, 0].isWideTail)
        XCTAssertEqual(c[3, 0].char, "b")
        XCTAssertEqual(c.lines(), ["a中b  "], "six columns: a, 中 (two), b and two blanks")
        XCTAssertEqual(c.text(), "a中b")
    }

    func testAWideCharacterThatWouldStickOutIsLeftOut() {
        var c = Canvas(width: 4, height: 1)
        c.put("abc😀", x: 0, y: 0)
        XCTAssertEqual(c.text(), "abc")
        XCTAssertFalse(c[3, 0].isWideTail)
    }

    func testWritingOverEitherHalfBlanksTheOther() {
        var c = Canvas(width: 6, height: 1)
        c.put("ア", x: 1, y: 0)
        c.put("x", x: 2, y: 0)
        XCTAssertEqual(c.lines(), ["  x   "], "the tail overwritten: its character goes")
        c.put("ア", x: 1, y: 0)
        c.put("y", x: 1, y: 0)
        XCTAssertEqual(c.lines(), [" y    "], "the character overwritten: its tail goes")
        c.put("中", x: 0, y: 0)
        c.put("文", x: 1, y: 0)
        XCTAssertEqual(c.lines(), [" 文   "], "a wide character over the tail of another takes its place")
    }
}
