import XCTest

/// `plot runs` in a real terminal: every run is named in the legend and tagged on its curve, so that the runs read apart
/// without colour (NO_COLOR) and in ASCII (LC_ALL=C), at 120 × 40.
final class RunsChartTests: XCTestCase {
    /// Keeps two runs (sgd, then adam) and trains a third, then opens `plot runs`; returns the screen.
    private func plotRuns(_ t: Tmux, legend: String) throws -> String {
        try t.prepareMoons()
        try t.type("optimizer sgd lr=0.1; train 60; keep sgd; reset; optimizer adam lr=0.01; train 60; keep adam; reset; train 30")
        try t.wait(forText: "trained 30 steps")
        try t.type("plot runs")
        return try t.wait(forText: legend)
    }

    /// The plot area's rows: between the title and the x axis, right of the y axis.
    private func plotRows(_ screen: String, axis: Character) -> [Substring] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let bottom = lines.firstIndex { $0.contains(axis == "│" ? "└" : "+--") } ?? lines.count
        return lines[1..<bottom].map { $0.drop { $0 != axis && $0 != (axis == "│" ? "┤" : "+") }.dropFirst() }
    }

    func testWithoutColourEachRunIsNamedAndTaggedOnItsCurve() throws {
        let t = try Tmux(width: 120, height: 40, environment: ["NO_COLOR": "1"])
        let screen = try plotRuns(t, legend: "┄1┄ sgd  ╌2╌ adam  ━●━ current")
        XCTAssertTrue(screen.hasPrefix("val_loss of 2 kept runs and the current one, by step"), screen)
        let rows = plotRows(screen, axis: "│")
        for tag in ["1", "2", "●"] { XCTAssertTrue(rows.contains { $0.contains(tag) }, "no \(tag) on the plot:\n\(screen)") }
        try t.send("q")
        try t.wait(forText: "descent>")
    }

    func testInASCIIEachRunIsNamedAndTaggedOnItsCurve() throws {
        let t = try Tmux(width: 120, height: 40, environment: ["LC_ALL": "C", "LANG": "C", "NO_COLOR": "1"])
        let screen = try plotRuns(t, legend: ".1. sgd  ~2~ adam  =o= current")
        XCTAssertTrue(screen.allSatisfy(\.isASCII), screen)
        let rows = plotRows(screen, axis: "|")
        for tag in ["1", "2", "o"] { XCTAssertTrue(rows.contains { $0.contains(tag) }, "no \(tag) on the plot:\n\(screen)") }
        try t.send("q")
        try t.type("show runs")
        try t.wait(forText: "| o | current |")
    }
}
