import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// `plot boundary A1[3]`: one unit's value over the data's plane, as TensorFlow Playground draws each neuron.
final class MapUnitTests: XCTestCase {
    /// A 2-2-1 tanh model on the points (0, 0) and (1, 1), raw units: A1[0] = tanh(x1), A1[1] = tanh(2·x2 + 0.5).
    private func model() -> ShellHarness {
        let h = ShellHarness()
        h.ok("data X=[[0,0],[1,1]] y=[0,1]\nnormalize off\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\n"
             + "set W1[0,0] = 1\nset W1[1,0] = 0\nset W1[0,1] = 0\nset W1[1,1] = 2\nset b1[0] = 0\nset b1[1] = 0.5")
        return h
    }

    func testAUnitsValuesOverTheGrid() throws {
        let t = try XCTUnwrap(model().w.trainer)
        // The range 0…1 plus 5% a side: two columns centred at x1 = 0.225 and 0.775, one row at x2 = 0.5.
        // python3: math.tanh(0.225) = 0.221278467898444, math.tanh(0.775) = 0.6498274636719203, math.tanh(1.5) = 0.9051482536448664.
        let unit0 = try XCTUnwrap(Charts.boundaryMap(t, width: 0, height: 0, unicode: true, grid: (2, 1),
                                                     unit: MapUnit(node: "A1", column: 0)))
        guard case .surface(let v0, let lo, let hi) = unit0.content else { return XCTFail("not a surface: \(unit0.content)") }
        XCTAssertEqual(v0[0], 0.221278467898444, accuracy: 1e-15)
        XCTAssertEqual(v0[1], 0.6498274636719203, accuracy: 1e-15)
        XCTAssertEqual(lo, v0[0]); XCTAssertEqual(hi, v0[1])
        XCTAssertTrue(unit0.points.isEmpty, "the data's points are not the unit's")
        XCTAssertEqual(unit0.title, "A1[0]")
        let unit1 = try XCTUnwrap(Charts.boundaryMap(t, width: 0, height: 0, unicode: true, grid: (2, 1),
                                                     unit: MapUnit(node: "A1", column: 1)))
        guard case .surface(let v1, _, _) = unit1.content else { return XCTFail("not a surface") }
        XCTAssertEqual(v1[0], 0.9051482536448664, accuracy: 1e-15)
        XCTAssertEqual(v1[1], 0.9051482536448664, accuracy: 1e-15)
    }

    func testThePlotCommandDrawsTheUnitAndNamesWhatThereIs() throws {
        let h = model()
        let text = h.ok("plot boundary A1[1]")
        XCTAssertTrue(text.hasPrefix("A1[1]\n"), text)
        XCTAssertTrue(text.contains("░▒▓█"), "a surface's scale: \(text)")
        let unknown = h.fails("plot boundary Q1[0]")
        XCTAssertTrue(unknown.contains("no node 'Q1' to draw — the forward pass's nodes are X (2 units), XW1 (2 units), Z1 (2 units), "
                                       + "A1 (2 units), A1W2 (1 unit), Z2 (1 unit), A2 (1 unit)"), unknown)
        let past = h.fails("plot boundary A1[2]")
        XCTAssertTrue(past.contains("A1 has 2 units, one index each: A1[0] to A1[1]"), past)
        XCTAssertTrue(h.fails("plot boundary A1[0,1]").contains("A1 has 2 units, one index each"))
        XCTAssertTrue(h.fails("plot boundary W1[0]").contains("no node 'W1' to draw"), "a parameter is no unit over the plane")
    }

    func testExportWritesTheUnitsMap() throws {
        let dir = try ScratchDirectory.make("map-unit")
        defer { ScratchDirectory.remove(dir) }
        let h = model()
        XCTAssertTrue(h.ok("export plot boundary A1[0] \"\(dir)/u.svg\"").contains("wrote the map of A1[0] to"))
        let svg = try String(contentsOfFile: "\(dir)/u.svg", encoding: .utf8)
        XCTAssertTrue(svg.contains(" — A1[0]</text>"), "titled with the unit")
        XCTAssertFalse(svg.contains("paler where the model is less sure"), "a unit's map is a surface, not shaded classes")
    }
}
