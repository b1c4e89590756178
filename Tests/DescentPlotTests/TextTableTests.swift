import XCTest
@testable import DescentPlot

/// Tables; expected text written by hand (widths = longest cell per column, one space of padding each side).
final class TextTableTests: XCTestCase {
    func testNumbersAreRightAlignedAutomatically() {
        XCTAssertEqual(TextTable(headers: ["name", "value"], rows: [["a", "1.5"], ["bbb", "-20"]]).render(), [
            "┌──────┬───────┐",
            "│ name │ value │",
            "├──────┼───────┤",
            "│ a    │   1.5 │",
            "│ bbb  │   -20 │",
            "└──────┴───────┘",
        ])
    }

    func testASCIIVariant() {
        XCTAssertEqual(TextTable(headers: ["name", "value"], rows: [["a", "1.5"], ["bbb", "-20"]], unicode: false).render(), [
            "+------+-------+",
            "| name | value |",
            "+------+-------+",
            "| a    |   1.5 |",
            "| bbb  |   -20 |",
            "+------+-------+",
        ])
    }

    func testExplicitAlignments() {
        let lines = TextTable(headers: ["l", "r", "c"], rows: [["ab", "cd", "e"], ["x", "y", "fgh"]],
                              alignments: [.left, .right, .center]).render()
        XCTAssertEqual(lines[1], "│ l  │  r │  c  │")
        XCTAssertEqual(lines[3], "│ ab │ cd │  e  │")
        XCTAssertEqual(lines[4], "│ x  │  y │ fgh │")
    }

    func testAWideTableComesInPartsEachBesideTheFirstColumn() {
        // Widths by hand, a column's widest cell and 3: `row` 6, `a` 6 (`1.5`), `b` 5 (`22`), `c` 6 (`333`), and the last
        // rule 1: 24 columns in all. Within 23: the label with `a` and `b` (18), then with `c` (13).
        let table = TextTable(headers: ["row", "a", "b", "c"], rows: [["x", "1.5", "22", "333"], ["yy", "2", "3", "4"]])
        XCTAssertEqual(table.columnGroups(within: 24, repeating: 1).map { $0.render() }, [table.render()])
        let parts = table.columnGroups(within: 23, repeating: 1).map { $0.render() }
        XCTAssertEqual(parts, [
            ["┌─────┬─────┬────┐", "│ row │   a │  b │", "├─────┼─────┼────┤", "│ x   │ 1.5 │ 22 │", "│ yy  │   2 │  3 │", "└─────┴─────┴────┘"],
            ["┌─────┬─────┐", "│ row │   c │", "├─────┼─────┤", "│ x   │ 333 │", "│ yy  │   4 │", "└─────┴─────┘"],
        ])
        // A column wider than the width on its own still gets a part.
        XCTAssertEqual(table.columnGroups(within: 5, repeating: 1).count, 3)
        // Alignments given hold in every part.
        let left = TextTable(headers: ["row", "a", "b"], rows: [["x", "1", "2"]], alignments: [.left, .left, .left])
        XCTAssertEqual(left.columnGroups(within: 10, repeating: 1).map { $0.render()[1] }, ["│ row │ a │", "│ row │ b │"])
    }

    func testNumericDetection() {
        XCTAssertTrue(TextTable.isNumeric(["1", "—", "95%", "1e-4", "", "NaN"]))
        XCTAssertFalse(TextTable.isNumeric(["1", "two"]))
        XCTAssertFalse(TextTable.isNumeric(["—", ""]))
    }

    func testRaggedRowsAndLineBreaks() {
        XCTAssertEqual(TextTable(headers: ["a"], rows: [["1", "2"], ["x\ny"]]).render(), [
            "┌─────┬───┐",
            "│ a   │   │",
            "├─────┼───┤",
            "│ 1   │ 2 │",
            "│ x y │   │",
            "└─────┴───┘",
        ])
    }

    func testWideCharactersTakeTwoColumns() {
        // 長さ is two wide glyphs (four columns, as a terminal draws them); é as e + U+0301 is one column.
        XCTAssertEqual(TextTable(headers: ["長さ", "x"], rows: [["1", "e\u{301}"]], alignments: [.left, .left]).render(), [
            "┌──────┬───┐",
            "│ 長さ │ x │",
            "├──────┼───┤",
            "│ 1    │ e\u{301} │",
            "└──────┴───┘",
        ])
    }

    func testWithoutHeadersOrCells() {
        XCTAssertEqual(TextTable(headers: [], rows: []).render(), [])
        XCTAssertEqual(TextTable(headers: [], rows: [["7"]]).render(), ["┌───┐", "│ 7 │", "└───┘"])
    }

    func testColumnWidthIsWhatAColumnAddsToALine() {
        // "│    ab │ 長さ │" is 1 + 8 + 7 columns: 12345 is the widest cell of the first (5 + 3), 長さ the second (4 + 3).
        XCTAssertEqual(TextTable.columnWidth(header: "ab", cells: ["1", "12345"]), 8)
        XCTAssertEqual(TextTable.columnWidth(header: "長さ", cells: ["x"]), 7)
        XCTAssertEqual(TextTable.columnWidth(header: "a\nb", cells: []), 6)
        let line = TextTable(headers: ["ab", "長さ"], rows: [["1", "x"], ["12345", "y"]]).render()[1]
        XCTAssertEqual(line, "│    ab │ 長さ │")
        XCTAssertEqual(line.columns, 1 + 8 + 7)
    }
}
