import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// `export plot boundary`: the decision map as an SVG page, shaded by the model's confidence.
final class BoundarySVGTests: XCTestCase {
    /// A 2-1 sigmoid model with logit 2·x1 on the points (0, 0) class 0 and (1, 1) class 1, raw units.
    private func model() -> ShellHarness {
        let h = ShellHarness()
        h.ok("data X=[[0,0],[1,1]] y=[0,1]\nnormalize off\nlayer dense 1 sigmoid\nloss bce\nset W1[0,0] = 2\nset W1[1,0] = 0\nset b1[0] = 0")
        return h
    }

    func testTheConfidenceOfACellIsItsProbabilitysDistanceFromAHalf() throws {
        let t = try XCTUnwrap(model().w.trainer)
        // The range 0…1 plus 5% a side is −0.05…1.05; two columns have their centres at x1 = 0.225 and 0.775, where
        // σ(2·x1) is 0.610639233949222 and 0.8249137318359602 (python3: 1/(1+exp(−0.45)), 1/(1+exp(−1.55))), both
        // class 1, sure by (p − 0.5)/0.5.
        let map = try XCTUnwrap(Charts.boundaryMap(t, width: 0, height: 0, unicode: true, grid: (2, 1), shaded: true))
        XCTAssertEqual(map.content, .classes([1, 1]))
        let c = try XCTUnwrap(map.confidence)
        XCTAssertEqual(c[0], 0.22127846789844408, accuracy: 1e-12)
        XCTAssertEqual(c[1], 0.6498274636719203, accuracy: 1e-12)
        XCTAssertNil(try XCTUnwrap(Charts.boundaryMap(t, width: 40, height: 12, unicode: true)).confidence, "the terminal's map is not shaded")
    }

    func testUnderHingeAndMSETheScoresDistanceFromTheCutoff() throws {
        // A linear output of 2·x1: at x1 = 0.225 and 0.775 the scores are 0.45 and 1.55. Under hinge (cut-off 0, targets
        // ±1) the confidences are 0.45 and 1 (capped); under mse (cut-off 0.5, targets 0 and 1) |0.45 − 0.5|/0.5 = 0.1
        // (class 0) and 1 (capped).
        // Two classes by name from a file, so that mse reads them as classes (inline targets are values under mse).
        let dir = try ScratchDirectory.make("boundary-svg")
        defer { ScratchDirectory.remove(dir) }
        try "x1,x2,label\n0,0,a\n1,1,b\n".write(toFile: "\(dir)/two.csv", atomically: true, encoding: .utf8)
        for (loss, expected) in [("hinge", [0.45, 1.0]), ("mse", [0.1, 1.0])] {
            let h = ShellHarness()
            h.ok("data csv \"\(dir)/two.csv\" target=label\nnormalize off\nlayer dense 1\nloss \(loss)\nset W1[0,0] = 2\nset W1[1,0] = 0\nset b1[0] = 0")
            let map = try XCTUnwrap(Charts.boundaryMap(try XCTUnwrap(h.w.trainer), width: 0, height: 0, unicode: true, grid: (2, 1), shaded: true))
            let c = try XCTUnwrap(map.confidence)
            XCTAssertEqual(c[0], expected[0], accuracy: 1e-12, loss)
            XCTAssertEqual(c[1], expected[1], accuracy: 1e-12, loss)
        }
    }

    func testExportWritesTheMapAndChangesNothing() throws {
        let dir = try ScratchDirectory.make("boundary-svg")
        defer { ScratchDirectory.remove(dir) }
        let h = model()
        let before = h.ok("show config") + h.ok("show weights digits=17")
        let said = h.ok("export plot boundary \"\(dir)/map.svg\"")
        XCTAssertTrue(said.contains("wrote the decision map to"), said)
        let svg = try String(contentsOfFile: "\(dir)/map.svg", encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        XCTAssertTrue(svg.contains(">x1</text>") && svg.contains(">x2</text>"), "the axes are named by the features")
        XCTAssertTrue(svg.contains("paler where the model is less sure"))
        XCTAssertEqual(h.ok("show config") + h.ok("show weights digits=17"), before)
        XCTAssertFalse(h.w.recorded.contains { $0.contains("export") }, "an export is not part of the session")
    }

    func testOneFeaturesFittedCurveIsWrittenWithTheRowsAsMarkers() throws {
        let dir = try ScratchDirectory.make("boundary-svg")
        defer { ScratchDirectory.remove(dir) }
        let h = ShellHarness()
        // One dense layer with w = 2, b = 1 in raw units: the model is the line y = 2x + 1, through the four rows.
        h.ok("data X=[[0],[1],[2],[3]] y=[1,3,5,7]\nnormalize off\nsplit 0.5\nlayer dense 1\nloss mse\nset W1[0,0] = 2\nset b1[0] = 1")
        XCTAssertEqual(h.ok("export plot boundary \"\(dir)/fit.svg\""), "wrote the fitted curve to \(dir)/fit.svg")
        let svg = try String(contentsOfFile: "\(dir)/fit.svg", encoding: .utf8)
        // By hand, for the 800 × 480 page with a title (top 40), the axes' names (18) and one legend row (20): the plot is
        // x 70…776 (706 px) and y 40…398 (480 − 44 − 18 − 20 − 40 = 358 px). x spans 0…3 plus 5%, −0.15…3.15, and y the
        // curve's 2·(−0.15) + 1 = 0.7 to 2·3.15 + 1 = 7.3, so the curve runs corner to corner, from (70, 398) to (776, 40),
        // every point on that diagonal: py = 398 − (px − 70) · 358/706 (to 0.3 px: x is the point's pixel column, and
        // a half column is 0.25 px of y).
        let d = try XCTUnwrap(svg.components(separatedBy: "data-name=\"model\"").dropFirst().first?
            .components(separatedBy: " d=\"").dropFirst().first?.prefix { $0 != "\"" })
        let numbers = d.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" }).compactMap { Double($0) }
        let points = stride(from: 0, to: numbers.count - 1, by: 2).map { (x: numbers[$0], y: numbers[$0 + 1]) }
        XCTAssertTrue(d.hasPrefix("M70 398 L"), String(d.prefix(40)))
        XCTAssertTrue(d.hasSuffix(" L776 40"), String(d.suffix(40)))
        XCTAssertFalse(d.dropFirst().contains("M"), "one unbroken line")
        XCTAssertGreaterThan(points.count, 300, "the 400 samples, at most one per pixel column")
        for p in points { XCTAssertEqual(p.y, 398 - (p.x - 70) * 358 / 706, accuracy: 0.3, "\(p)") }
        // The four rows, two of training and two of validation (split 0.5), at px = 70 + (x + 0.15)/3.3 · 706 and
        // py = 40 + (7.3 − y)/6.6 · 358: (102.09, 381.73), (316.03, 273.24), (529.97, 164.76), (743.91, 56.27).
        func circles(_ group: String) -> [String] {
            guard let part = svg.components(separatedBy: "data-name=\"\(group)\"").dropFirst().first?.prefix(while: { $0 != "\n" }) else { return [] }
            return part.components(separatedBy: "<circle cx=\"").dropFirst().map { String($0.prefix { $0 != "r" }) }
        }
        let training = circles("training rows"), validation = circles("validation rows")
        XCTAssertEqual(training.count, 2)
        XCTAssertEqual(validation.count, 2)
        XCTAssertEqual(Set(training + validation), ["102.1\" cy=\"381.7\" ", "316\" cy=\"273.2\" ", "530\" cy=\"164.8\" ", "743.9\" cy=\"56.3\" "])
        XCTAssertTrue(svg.contains("stroke=\"#ff7f0e\""), "validation rows in a second colour")
        XCTAssertTrue(svg.contains(">training rows</text>") && svg.contains(">validation rows</text>") && svg.contains(">model</text>"))
        XCTAssertTrue(svg.contains("class=\"x-name\"") && svg.contains(">x1</text>"), "x named by the feature")
        XCTAssertTrue(svg.contains("class=\"y-name\"") && svg.contains(">y</text>"), "y named by the target")
    }

    func testDataOfOneFeatureAndThreeClassesOrManyFeaturesWithoutTwoNamedIsRefused() throws {
        let dir = try ScratchDirectory.make("boundary-svg")
        defer { ScratchDirectory.remove(dir) }
        let h = ShellHarness()
        // One feature and three classes: no map, and no fitted curve (regression and two classes have one).
        h.ok("data X=[[0],[1],[2]] y=[0,1,2]\nlayer dense 3 softmax\nloss ce")
        let one = h.fails("export plot boundary \"\(dir)/a.svg\"")
        XCTAssertTrue(one.contains("export plot boundary writes the map of data with 2 features or more, or the fitted curve of 1 "
                                   + "(regression, or two classes); this data has 1 feature and 3 classes"), one)
        h.ok("data X=[[0,0,1],[1,1,0],[2,0,1]] y=[0,1,0]\nlayer pop\nlayer dense 1 sigmoid\nloss bce")
        let many = h.fails("export plot boundary \"\(dir)/b.svg\"")
        XCTAssertTrue(many.contains("plot boundary draws two features at a time, and this data has 3"), many)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/a.svg") || FileManager.default.fileExists(atPath: "\(dir)/b.svg"))
        let named = h.ok("export plot boundary x3 x1 \"\(dir)/c.svg\"")
        XCTAssertTrue(named.contains("wrote the decision map"), named)
        let svg = try String(contentsOfFile: "\(dir)/c.svg", encoding: .utf8)
        XCTAssertTrue(svg.contains(">x3</text>") && svg.contains(">x1</text>") && svg.contains("the other features at their training means"))
    }

    func testNamingTheTwoFeaturesOfTwoFeatureDataSwapsTheAxesAndHoldsNothing() throws {
        let dir = try ScratchDirectory.make("boundary-svg")
        defer { ScratchDirectory.remove(dir) }
        let h = model()
        h.ok("export plot boundary x2 x1 \"\(dir)/v.svg\"")
        let svg = try String(contentsOfFile: "\(dir)/v.svg", encoding: .utf8)
        XCTAssertFalse(svg.contains("training means"), "no other feature is held")
        XCTAssertTrue(svg.contains("class=\"x-name\"") && svg.contains(">x2</text>"))
    }
}
