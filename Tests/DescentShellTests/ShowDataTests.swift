import DescentText
import Foundation
import XCTest
@testable import DescentShell

/// `show data` on wide data: the features line and the table are shortened. Column widths are counted by hand from
/// TextTable's layout: a line is a border `│` and, per column, its widest cell plus three (`│`, two spaces).
final class ShowDataTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-show-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// A CSV file of `names` and a target `y`, five rows of 1s with y = 7.
    private func csv(_ names: [String]) throws -> String {
        let path = dir + "/wide.csv"
        let row = Array(repeating: "1", count: names.count).joined(separator: ",") + ",7\n"
        try ((names + ["y"]).joined(separator: ",") + "\n" + String(repeating: row, count: 5)).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testFiveThousandFeaturesAreShortenedToTheFirstFew() throws {
        let h = ShellHarness()
        let path = try csv((0..<5000).map { "f\($0)" })
        h.ok("data csv \"\(path)\"")
        let text = h.ok("show data")
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(h.lines(startingWith: "features: "), ["features: " + (0..<20).map { "f\($0)" }.joined(separator: ", ") + ", … 4980 more"])
        // Border 1, # column 4, y column 4, … column 4: 13; f0–f9 take 5 each (50), f10–f18 6 each (54): 117.
        // f19 would make it 123, over 120.
        let table = lines.filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("├") || $0.hasPrefix("└") }
        XCTAssertEqual(table.count, 9, text)
        XCTAssertEqual(Set(table.map(\.columns)), [117], text)
        XCTAssertEqual(table[1], "│ # │ " + (0..<19).map { "f\($0)" }.joined(separator: " │ ") + " │ … │ y │")
        XCTAssertEqual(table[3], "│ 0 │ " + (0..<19).map { "f\($0)".count == 2 ? " 1" : "  1" }.joined(separator: " │ ") + " │ … │ 7 │")
        XCTAssertTrue(lines.contains("… 4981 more features not shown (the table keeps to 120 columns)"), text)
        XCTAssertLessThanOrEqual(lines.map(\.columns).max() ?? 0, 120, text)
    }

    func testANarrowTerminalNarrowsTheTable() throws {
        let h = ShellHarness()
        h.w.outputWidth = { 80 }
        let path = try csv((0..<5000).map { "f\($0)" })
        h.ok("data csv \"\(path)\"")
        let lines = h.ok("show data").components(separatedBy: "\n")
        // Fixed columns 13 (as above); f0–f9 take 5 each: 63; f10–f11 6 each: 75; f12 would make 81, over 80.
        let table = lines.filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("├") || $0.hasPrefix("└") }
        XCTAssertEqual(Set(table.map(\.columns)), [75])
        XCTAssertEqual(table[1], "│ # │ " + (0..<12).map { "f\($0)" }.joined(separator: " │ ") + " │ … │ y │")
        XCTAssertTrue(lines.contains("… 4988 more features not shown (the table keeps to 80 columns)"), lines.joined(separator: "\n"))
        h.w.outputWidth = { 300 }
        let wide = h.ok("show data").components(separatedBy: "\n").filter { $0.hasPrefix("│") }
        XCTAssertEqual(Set(wide.map(\.columns)), [117], "a wide terminal still keeps to 120 columns")
    }

    func testFeaturesThatFitAreAllShown() throws {
        // 1 + 4 + 4 + f0–f9 (50) + f10–f19 (60) = 119: all twenty fit without the … column.
        let h = ShellHarness()
        h.ok("data csv \"\(try csv((0..<20).map { "f\($0)" }))\"")
        let text = h.ok("show data")
        XCTAssertTrue(text.contains("│ # │ " + (0..<20).map { "f\($0)" }.joined(separator: " │ ") + " │ y │"), text)
        XCTAssertFalse(text.contains("…"), text)
    }

    func testALongNameIsCut() throws {
        let long = String(repeating: "n", count: 5000)
        let h = ShellHarness()
        h.ok("data csv \"\(try csv([long, "b"]))\"")
        let text = h.ok("show data")
        let cut = String(repeating: "n", count: 26) + "…" + String(repeating: "n", count: 13)
        XCTAssertEqual(h.lines(startingWith: "features: "), ["features: \(cut), b"])
        XCTAssertTrue(text.contains("│ # │ \(cut) │ b │ y │"), text)
        XCTAssertLessThanOrEqual(text.components(separatedBy: "\n").map(\.columns).max() ?? 0, 120, text)
    }

    func testACountOrAllChoosesTheRows() throws {
        // 12 rows of inline data, x = row number, y = 10·x: the rows shown are known by hand.
        let h = ShellHarness()
        h.ok("data X=[" + (0..<12).map { "[\($0)]" }.joined(separator: ",") + "] y=[" + (0..<12).map { "\(10 * $0)" }.joined(separator: ",") + "]")
        let rows = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("│") }.count - 1 }   // less the header
        XCTAssertEqual(rows(h.ok("show data")), 5)
        let eight = h.ok("show data 8")
        XCTAssertEqual(rows(eight), 8, eight)
        XCTAssertTrue(eight.contains("│ 7 │  7 │ 70 │"), eight)
        XCTAssertTrue(eight.contains("… 4 more rows (`show data N` shows the first N, `show data all` every one)"), eight)
        let all = h.ok("show data all")
        XCTAssertEqual(rows(all), 12, all)
        XCTAssertTrue(all.contains("│ 11 │ 11 │ 110 │"), all)
        XCTAssertFalse(all.contains("more row"), all)
        XCTAssertEqual(rows(h.ok("show data 100")), 12)
        let none = h.ok("show data 0")
        XCTAssertFalse(none.contains("┌"), none)
        XCTAssertTrue(none.contains("… 12 more rows"), none)
        XCTAssertTrue(h.fails("show data -1").contains("expected the number of rows to show (or `all`) (a whole number at least 0), got -1"))
        XCTAssertTrue(h.fails("show data some").contains("got 'some'"))
    }
}
