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

    func testDataOfOneFeatureOrManyWithoutTwoNamedIsRefused() throws {
        let dir = try ScratchDirectory.make("boundary-svg")
        defer { ScratchDirectory.remove(dir) }
        let h = ShellHarness()
        h.ok("data sine n=20\nlayer dense 1\nloss mse")
        let one = h.fails("export plot boundary \"\(dir)/a.svg\"")
        XCTAssertTrue(one.contains("export plot boundary writes the map of data with 2 features or more, and this data has 1"), one)
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
