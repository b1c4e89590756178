import XCTest
@testable import DescentPlot

/// The legend lays entries out by terminal columns: a CJK character takes two, so a name of them keeps its whole
/// width and the next entry its two spaces (the text drawn is written out by hand).
final class LegendTests: XCTestCase {
    private func part(_ text: String) -> Legend.Part { Legend.Part(text: text, role: .normal, bold: false) }

    func testWideCharactersTakeTwoColumnsEach() {
        let legend = Legend(entries: [[part("-1- "), part("日本日本")], [part("-2- b")]])
        XCTAssertEqual(legend.width, 4 + 8 + 2 + 5)
        let lines = legend.lines(width: 30, maxLines: 1)
        XCTAssertEqual(lines.first?.map(\.offset), [0, 14])
        var canvas = Canvas(width: 30, height: 1)
        Legend.draw(lines, into: &canvas, x: 0, y: 0, width: 30)
        XCTAssertEqual(canvas.lines(), ["-1- 日本日本  -2- b           "])
        // Too narrow for both: the second goes to a line of its own; cut at the edge, a wide character is not split.
        XCTAssertEqual(legend.lines(width: 18, maxLines: 2).map { $0.map(\.offset) }, [[0], [0]])
        XCTAssertEqual(Legend.prefix("日本日本", columns: 5), "日本")
    }
}
