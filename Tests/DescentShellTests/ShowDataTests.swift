import DescentCore
import DescentPlot
import DescentTerminal
import DescentText
import Foundation
import XCTest
@testable import DescentShell

/// `show data` on wide data: the features line and the table are shortened. Column widths are counted by hand from
/// TextTable's layout: a line is a border `│` and, per column, its widest cell plus three (`│`, two spaces).
final class ShowDataTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("descent-show")
    }

    override func tearDown() { ScratchDirectory.remove(dir) }

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

    /// The table `show data all` prints, as `TextTable.render` lays out every cell at once (the whole table made in
    /// memory), each feature's numbers with 5 significant digits and the target's with 6, or its class label.
    private func wholeTable(_ d: Dataset, kept: Int, label: (Double) -> String) -> [String] {
        let left = d.featureCount - kept
        let rows = (0..<d.count).map { i in
            [String(i)] + (0..<kept).map { Format.sig(d.X[i, $0], 5) } + (left > 0 ? ["…"] : []) + [label(d.y.data[i])]
        }
        return TextTable(headers: ["#"] + d.featureNames.prefix(kept) + (left > 0 ? ["…"] : []) + [d.targetName], rows: rows,
                         alignments: Array(repeating: .right, count: kept + (left > 0 ? 3 : 2))).render()
    }

    func testTheTableMadeRowByRowIsTheWholeTable() throws {
        // Classes with names (one wide: 名前 takes 4 columns), numbers of many lengths, with 3-digit exponents; then a
        // regression target, and 30 features of which the first 10 fit.
        let classes = try csvFile("x,y,class\n" + (0..<40).map { i in
            let x = i == 7 ? "-1e300" : i == 8 ? "2.5e-300" : i == 9 ? "-0" : "\(Double(i * i) * 1.234567e-3 - 0.5)"
            return "\(x),\(1e-7 * Double(i)),\(["a", "名前", "ccccc"][i % 3])"
        }.joined(separator: "\n") + "\n", named: "classes.csv")
        let h = ShellHarness()
        h.ok("data csv \"\(classes)\"")
        let d = try XCTUnwrap(h.w.data)
        XCTAssertEqual(Set(d.classNames), ["a", "名前", "ccccc"])
        XCTAssertEqual(table(h.ok("show data all")), wholeTable(d, kept: 2) { "\(Int($0)) (\(d.classNames[Int($0)]))" })

        let wide = try csvFile((0..<30).map { "feature\($0)" }.joined(separator: ",") + ",y\n" + (0..<25).map { i in
            ((0..<30).map { j in "\(Double(i - j) / 7)" } + ["\(Double(i) * 1e5 + 0.25)"]).joined(separator: ",")
        }.joined(separator: "\n") + "\n", named: "wide.csv")
        h.ok("data csv \"\(wide)\"")
        let r = try XCTUnwrap(h.w.data)
        let text = h.ok("show data all")
        // Border 1, "#" 5 ("24"), "y" 10 ("1.1e+06"), "…" 4: 20; each feature column 11 ("feature0", "-0.14286"):
        // 9 fit in 120 (119), a tenth would not.
        XCTAssertEqual(table(text), wholeTable(r, kept: 9) { Format.sig($0, 6) })
        XCTAssertTrue(text.contains("… 21 more features not shown (the table keeps to 120 columns)"), text)
    }

    /// The table's lines in `text`.
    private func table(_ text: String) -> [String] {
        text.components(separatedBy: "\n").filter { ["│", "┌", "├", "└"].contains(where: $0.hasPrefix) }
    }

    /// A file `name` in the test's directory holding `text`; its path.
    private func csvFile(_ text: String, named name: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testCtrlCIsHeardWhileABigTableIsMeasured() throws {
        // Laying out 300,000 rows took 12 s (a debug build) before the first was printed, and Ctrl-C waited for all
        // of it; now the columns are measured first, asking after Ctrl-C as they go, and the rows print one by one.
        // Counted rather than timed: measuring asks once every 1,024 rows, so a stop at the first question ends it
        // there, and a table measured in full was asked hundreds of times on the way.
        let h = ShellHarness()
        h.ok("data spiral n=300000")
        let d = try XCTUnwrap(h.w.data)
        var asked = 0
        XCTAssertNil(Printer.dataTable(d, workspace: h.w, rows: d.count) { asked += 1; return true })
        XCTAssertEqual(asked, 1, "stopped at the first question")
        asked = 0
        XCTAssertNotNil(Printer.dataTable(d, workspace: h.w, rows: d.count) { asked += 1; return false })
        XCTAssertGreaterThan(asked, 300_000 / 1024, "asked as each column is measured, not only once it is done")
    }
}
