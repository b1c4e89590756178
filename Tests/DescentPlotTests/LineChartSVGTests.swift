import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import DescentPlot

/// The chart as SVG: parsed as XML, with pixel positions worked out by hand for an 800 × 450 page:
/// plot left 70, right margin 24 (width 706), top 40 with a title (16 without), bottom 44 + 20 per legend row.
final class LineChartSVGTests: XCTestCase {
    private func parse(_ svg: String) throws -> XMLElement {
        let doc = try XMLDocument(xmlString: svg, options: [])
        return try XCTUnwrap(doc.rootElement())
    }

    /// An attribute's value, looked up by hand: on Linux `attribute(forName:)` misses attributes of an
    /// element in a default namespace.
    private func attribute(_ e: XMLElement, _ name: String) -> String? {
        e.attributes?.first { $0.name == name }?.stringValue
    }

    private func elements(_ e: XMLElement, named name: String) -> [XMLElement] {
        (e.name == name ? [e] : []) + (e.children ?? []).compactMap { $0 as? XMLElement }.flatMap { elements($0, named: name) }
    }

    func testStructureTicksAndEscaping() throws {
        let s = LineChart.Series(name: "train <&>", role: .lossTrain, points: [(0, 0), (3, 1)])
        let root = try parse(LineChart(series: [s], title: "loss \"a\" & 'b'").svg())
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(attribute(root, "width"), "800")
        let texts = elements(root, named: "text").compactMap(\.stringValue)
        XCTAssert(texts.contains("loss \"a\" & 'b'"), "\(texts)")
        XCTAssert(texts.contains("train <&>"))
        // y 0…1 with 346 px (≥ 6 ticks allowed): 0 0.2 … 1; x 0…3: steps of 1 (0.5 would give 7).
        for label in ["0", "0.2", "0.4", "0.6", "0.8", "1", "2", "3"] { XCTAssert(texts.contains(label), "missing tick \(label)") }
        let paths = elements(root, named: "path")
        XCTAssertEqual(paths.count, 1)
        // (0, 0) → (70, 40 + 346); (3, 1) → (70 + 706, 40).
        XCTAssertEqual(attribute(paths[0], "d"), "M70 386 L776 40")
        XCTAssertEqual(attribute(paths[0], "stroke-width"), "2")
    }

    func testTheValidationCurveIsDashedInItsPathAndLegend() throws {
        let train = LineChart.Series(name: "train loss", role: .lossTrain, points: [(0, 1), (1, 0.5)])
        let val = LineChart.Series(name: "val loss", role: .lossVal, points: [(0, 1.2), (1, 0.7)])
        let root = try parse(LineChart(series: [train, val]).svg())
        let paths = elements(root, named: "path")
        XCTAssertEqual(paths.map { attribute($0, "data-name") }, ["train loss", "val loss"])
        XCTAssertEqual(paths.map { attribute($0, "stroke-dasharray") }, [nil, "2 5"])
        let legend = try XCTUnwrap(elements(root, named: "g").first { attribute($0, "class") == "legend" })
        let samples = elements(legend, named: "line")
        XCTAssertEqual(samples.map { attribute($0, "stroke") }, ["#1565c0", "#ef6c00"])
        XCTAssertEqual(samples.map { attribute($0, "stroke-dasharray") }, [nil, "2 5"])
        XCTAssertEqual(samples.map { attribute($0, "stroke-linecap") }, [nil, "round"])
    }

    func testATaggedSeriesHasItsTagAlongTheLineAndInTheLegendAndDashesLonger() throws {
        let s = LineChart.Series(name: "adam", role: .run1, style: .dashed, tag: "2", points: [(0, 1), (100, 0.5)])
        let root = try parse(LineChart(series: [s]).svg())
        XCTAssertEqual(elements(root, named: "path").map { attribute($0, "stroke-dasharray") }, ["9 5"])
        let tags = try XCTUnwrap(elements(root, named: "g").first { attribute($0, "class") == "tags" })
        let texts = elements(tags, named: "text")
        // 800 px wide: 706 px of plot, 100 cells of 7 px, a tag every 16 cells from cell 1 (1, 17, …, 97): 7 tags.
        XCTAssertEqual(texts.count, 7)
        XCTAssertTrue(texts.allSatisfy { $0.stringValue == "2" && attribute($0, "fill") == "#ff7f0e" })
        let legend = try XCTUnwrap(elements(root, named: "g").first { attribute($0, "class") == "legend" })
        XCTAssertEqual(elements(legend, named: "line").map { attribute($0, "stroke-dasharray") }, ["9 5"])
        XCTAssertEqual(elements(legend, named: "text").map(\.stringValue), ["2", "adam"])
    }

    func testFilledPointsAreDotsAndHollowPointsRings() throws {
        // (0, 0) → (70, 16 + 370) and (1, 1) → (776, 16): a page without title, one legend row (bottom 64, plot 370 high).
        let filled = LineChart.Series(name: "train", role: .class0, style: .points, points: [(0, 0)])
        let hollow = LineChart.Series(name: "val", role: .class1, style: .hollowPoints, points: [(1, 1)])
        let root = try parse(LineChart(series: [filled, hollow]).svg())
        XCTAssertTrue(elements(root, named: "path").isEmpty)
        let groups = elements(root, named: "g").filter { attribute($0, "class") == "points" }
        XCTAssertEqual(groups.map { attribute($0, "data-name") }, ["train", "val"])
        XCTAssertEqual(groups.map { attribute($0, "fill") }, ["#1f77b4", "white"])
        XCTAssertEqual(groups.map { attribute($0, "stroke") }, ["none", "#ff7f0e"])
        let dots = groups.map { elements($0, named: "circle") }
        XCTAssertEqual(dots.map { $0.map { [attribute($0, "cx"), attribute($0, "cy"), attribute($0, "r")] } },
                       [[["70", "386", "2"]], [["776", "16", "3"]]])
        // The legend's samples are drawn alike: a dot, then a white ring.
        let legend = try XCTUnwrap(elements(root, named: "g").first { attribute($0, "class") == "legend" })
        let samples = elements(legend, named: "circle")
        XCTAssertEqual(samples.map { attribute($0, "fill") }, ["#1f77b4", "white"])
        XCTAssertEqual(samples.map { attribute($0, "stroke") }, ["none", "#ff7f0e"])
    }

    func testALonePointIsDrawnAsADot() throws {
        // One step of history: a path of one point draws nothing unless it has a zero-length segment, which
        // round caps make a dot. x has one value, so the chart spans it around the middle.
        let s = LineChart.Series(name: "loss", role: .lossStep, points: [(1, 0.5)])
        let root = try parse(LineChart(series: [s]).svg())
        let d = try XCTUnwrap(elements(root, named: "path").first.flatMap { attribute($0, "d") })
        XCTAssertTrue(d.hasPrefix("M") && d.hasSuffix(" h0") && !d.contains("L"), d)
        let group = try XCTUnwrap(elements(root, named: "g").first { attribute($0, "class") == "series" })
        XCTAssertEqual(attribute(group, "stroke-linecap"), "round")
    }

    func testNaNBreaksThePathAndIsNoted() throws {
        let s = LineChart.Series(name: "val", role: .lossVal, xs: [0, 1, 2, 3, 4], ys: [0, 1, .nan, 1, 0])
        let root = try parse(LineChart(series: [s], xName: "step").svg())
        let d = try XCTUnwrap(elements(root, named: "path").first.flatMap { attribute($0, "d") })
        XCTAssertEqual(d.filter { $0 == "M" }.count, 2, d)
        let texts = elements(root, named: "text")
        XCTAssert(texts.contains { $0.stringValue == "! NaN at step 2" })
        // The mark sits under the axis at x = 70 + 2/4 × 706 = 423.
        let mark = try XCTUnwrap(texts.first { attribute($0, "class") == "issue-mark" })
        XCTAssertEqual(attribute(mark, "x"), "423")
    }

    func testPointsBeyondTheAxesReachAreNoted() throws {
        // 1e308 is beyond the ticks' ±4e307: no circle for it, a note in the legend and a mark at x = 70 + 2/4 × 706 = 423.
        let s = LineChart.Series(name: "data", role: .class0, style: .points, xs: [0, 2, 4], ys: [0, 1e308, 1])
        let root = try parse(LineChart(series: [s], xName: "step").svg())
        let group = try XCTUnwrap(elements(root, named: "g").first { attribute($0, "class") == "points" })
        XCTAssertEqual(elements(group, named: "circle").count, 2)
        let texts = elements(root, named: "text")
        XCTAssert(texts.contains { $0.stringValue == "! 1 point beyond ±4e+307 not drawn" }, "\(texts.map(\.stringValue))")
        let mark = try XCTUnwrap(texts.first { attribute($0, "class") == "issue-mark" })
        XCTAssertEqual(attribute(mark, "x"), "423")
    }

    func testLogScale() throws {
        let s = LineChart.Series(name: "loss", role: .lossStep, points: [(0, 0.01), (1, 1)])
        let root = try parse(LineChart(series: [s], yScale: .log).svg())
        let texts = elements(root, named: "text").compactMap(\.stringValue)
        for label in ["0.01", "0.1", "1"] { XCTAssert(texts.contains(label), "missing tick \(label)") }
        // Without a title the plot spans y 16…386, and 0.1 sits halfway in log units: y = 16 + 370 / 2 = 201.
        let grid = elements(root, named: "line").compactMap { attribute($0, "y1") }
        XCTAssert(grid.contains("201"), "\(grid)")
    }

    func testEscape() {
        XCTAssertEqual(SVG.escape("a<b & 'c' \"d\">"), "a&lt;b &amp; &apos;c&apos; &quot;d&quot;&gt;")
        XCTAssertEqual(SVG.escape("x\u{1}y"), "x\u{FFFD}y")
    }

    func testEmptyChartIsStillValid() throws {
        XCTAssertEqual(attribute(try parse(LineChart().svg(width: 10, height: 10)), "width"), "200")
    }
}
