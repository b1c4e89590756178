import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// Where one output is cut into two classes: at 0.5 for the targets 0/1 of mse, mae, huber and bce, at 0 under hinge
/// (targets −1/+1). A tanh output under mse was cut at 0, which put outputs in (0, 0.5) — nearer target 0 — in class 1.
final class ClassCutoffTests: XCTestCase {
    /// Six rows on the x1 axis, four `neg` (class 0) and two `pos` (class 1), and a 2-1 tanh model set by hand to
    /// tanh(x1). Its outputs, by hand: tanh(−1) = −0.762, tanh(0.2) = 0.197, tanh(0.3) = 0.291, tanh(0.6) = 0.537,
    /// tanh(1) = 0.762, tanh(2) = 0.964. Cut at 0.5 the classes are 0 0 0 1 1 1: 5 of 6 right (x1 = 0.6 is not);
    /// cut at 0 they are 0 1 1 1 1 1: 3 of 6.
    private func model(loss: String) throws -> (ShellHarness, String) {
        let dir = try ScratchDirectory.make("descent-cutoff")
        let csv = dir + "/rows.csv"
        try "x1,x2,kind\n-1,0,neg\n0.2,0,neg\n0.3,0,neg\n0.6,0,neg\n1,0,pos\n2,0,pos\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("data csv \"\(csv)\"\nlayer dense 1 tanh\nloss \(loss)\nset W1[0,0] = 1\nset W1[1,0] = 0\nset b1[0] = 0")
        return (h, dir)
    }

    func testUnderTheLossesOfTargetsZeroAndOneATanhOutputIsCutAtOneHalf() throws {
        for loss in ["mse", "mae", "huber"] {
            let (h, dir) = try model(loss: loss)
            defer { ScratchDirectory.remove(dir) }
            h.ok("expect accuracy = \(5.0 / 6.0)")
            let text = h.ok("show confusion")
            // neg: −1, 0.2, 0.3 right, 0.6 in pos; pos: both right.
            XCTAssertEqual(ConfusionTests.counts(text, after: "training set", classes: 2), [[3, 1], [0, 2]], "\(loss)\n\(text)")
            XCTAssertTrue(text.hasSuffix("accuracy 83.33% (5 of 6)"), text)
            // predict: tanh(0.3) = 0.291 is class 0, tanh(0.6) = 0.537 class 1.
            let rows = PredictTests.cells(h.ok("predict [[0.3,0],[0.6,0]]"))
            XCTAssertEqual(rows.dropFirst().map { $0.last }, ["0 (neg)", "1 (pos)"], loss)
        }
    }

    func testUnderHingeTheCutIsStillAtZero() throws {
        let (h, dir) = try model(loss: "hinge")
        defer { ScratchDirectory.remove(dir) }
        h.ok("expect accuracy = 0.5")
        let text = h.ok("show confusion")
        XCTAssertEqual(ConfusionTests.counts(text, after: "training set", classes: 2), [[1, 3], [0, 2]], text)
    }

    func testTheDecisionMapCutsWherePredictDoes() throws {
        let (h, dir) = try model(loss: "mse")
        defer { ScratchDirectory.remove(dir) }
        let map = try XCTUnwrap(Charts.boundaryMap(try XCTUnwrap(h.w.trainer), width: 60, height: 24, unicode: true))
        guard case .classes(let classes) = map.content else { return XCTFail("a class map") }
        let centers = Heatmap.cellCenters(columns: map.columns, rows: map.rows, xRange: map.xRange, yRange: map.yRange)
        // Class 1 exactly right of x1 = atanh(0.5) = 0.5493 (none of the cells' centres is within 1e-3 of it).
        XCTAssertFalse(centers.xs.contains { abs($0 - 0.5493) < 1e-3 })
        var wrong: [Double] = []
        for r in centers.ys.indices {
            for (c, x) in centers.xs.enumerated() where classes[r * map.columns + c] != (x > 0.5493 ? 1 : 0) { wrong.append(x) }
        }
        XCTAssertEqual(wrong, [], "cells whose class is not the hand rule's, by x1")
        XCTAssertTrue(centers.xs.contains { $0 > 0 && $0 < 0.5493 }, "cells between the two cut-offs")
    }
}
