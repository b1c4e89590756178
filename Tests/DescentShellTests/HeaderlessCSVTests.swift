import XCTest
@testable import DescentShell

/// A CSV file's first row is its header: a file without one lost its first sample to the column names silently.
final class HeaderlessCSVTests: XCTestCase {
    func testAHeaderOfNumbersSaysTheFirstRowWasReadAsTheHeader() throws {
        let dir = try ScratchDirectory.make("descent-headerless")
        defer { ScratchDirectory.remove(dir) }
        try "1,2,0\n3,4,1\n".write(toFile: dir + "/rows.csv", atomically: true, encoding: .utf8)
        try "x1,2,0\n3,4,1\n".write(toFile: dir + "/named.csv", atomically: true, encoding: .utf8)
        let h = ShellHarness()
        let text = h.ok("data csv \"\(dir)/rows.csv\"")
        // Two rows in the file, one of them the header: 1 sample (3, 4) with target 1.
        XCTAssertEqual(h.w.data?.count, 1)
        XCTAssertTrue(text.hasSuffix("\nnote: every field of the first row of \(dir)/rows.csv is a number, and that row was read as the header "
                                     + "(the column names), not as a sample — if it is data, add a row of column names above it"), text)
        // One name that is not a number is a header: no note.
        XCTAssertFalse(h.ok("data csv \"\(dir)/named.csv\"").contains("note:"))
    }
}
