import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// The decision map in the data's raw units, under `normalize` too. Expected values are worked out by hand:
/// the four points below have x1 mean 13 and population std √5 (deviations ±1, ±3), x2 mean 135 and std √875
/// (deviations −35, 5, −15, 45); a sigmoid unit says class 1 where its logit is above 0.
final class BoundaryMapTests: XCTestCase {
    private let data = "data X=[[10,100],[12,140],[14,120],[16,180]] y=[0,1,0,1]"

    /// A 2-1 sigmoid model on the four points whose logit, in raw units, is (x1 − 13)/√5 + (x2 − 135)/√875:
    /// under `normalize` the weights are 1 and 1 on the standardised features; without, the same line in raw units.
    private func model(normalized: Bool) -> ShellHarness {
        let h = ShellHarness()
        let (a, b) = (1 / 5.0.squareRoot(), 1 / 875.0.squareRoot())
        let weights = normalized ? "set W1[0,0] = 1\nset W1[1,0] = 1\nset b1[0] = 0"
                                 : "set W1[0,0] = \(a)\nset W1[1,0] = \(b)\nset b1[0] = \(-13 * a - 135 * b)"
        h.ok("\(data)\n\(normalized ? "normalize\n" : "")layer dense 1 sigmoid\nloss bce\n\(weights)")
        return h
    }

    /// The logit worked out by hand at a raw point.
    private func logit(_ x1: Double, _ x2: Double) -> Double { (x1 - 13) / 5.0.squareRoot() + (x2 - 135) / 875.0.squareRoot() }

    /// The class `predict` prints for one raw point (the last column of its table's row).
    private func predictedClass(_ h: ShellHarness, _ x1: Double, _ x2: Double) throws -> Int {
        let text = h.ok("predict [\(x1), \(x2)]")
        let row = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("│   0 │") }, text)
        let cells = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return try XCTUnwrap(Int(try XCTUnwrap(cells.last)), text)
    }

    func testTheMapUnderNormalizeIsInRawUnitsAndAgreesWithPredict() throws {
        let h = model(normalized: true)
        let map = try XCTUnwrap(Charts.boundaryMap(try XCTUnwrap(h.w.trainer), width: 60, height: 24, unicode: true))
        // The raw range 10…16 × 100…180 plus 5% on each side (0.3 and 4): not the standardised −1.3…1.3.
        XCTAssertEqual(map.xRange.lowerBound, 9.7, accuracy: 1e-12); XCTAssertEqual(map.xRange.upperBound, 16.3, accuracy: 1e-12)
        XCTAssertEqual(map.yRange.lowerBound, 96, accuracy: 1e-12); XCTAssertEqual(map.yRange.upperBound, 184, accuracy: 1e-12)
        // The points at their raw coordinates, with their classes.
        let raw: [(Double, Double, Int)] = [(10, 100, 0), (12, 140, 1), (14, 120, 0), (16, 180, 1)]
        XCTAssertEqual(map.points.count, 4)
        for (p, r) in zip(map.points, raw) {
            XCTAssertEqual(p.x, r.0, accuracy: 1e-12); XCTAssertEqual(p.y, r.1, accuracy: 1e-12)
            XCTAssertEqual(p.mark, .category(r.2))
        }
        // Every cell's class is the sign of the hand logit at the cell's raw centre.
        guard case .classes(let classes) = map.content else { return XCTFail("a class map") }
        XCTAssertEqual(classes.count, map.columns * map.rows)
        var nearest = (cell: 0, margin: Double.infinity)
        for r in 0..<map.rows {
            for c in 0..<map.columns {
                let x1 = 9.7 + (Double(c) + 0.5) * 6.6 / Double(map.columns), x2 = 184 - (Double(r) + 0.5) * 88 / Double(map.rows)
                let z = logit(x1, x2)
                XCTAssertGreaterThan(abs(z), 1e-9, "a cell centre on the line would be a coin toss")
                XCTAssertEqual(classes[r * map.columns + c], z > 0 ? 1 : 0, "cell (\(c), \(r)) at (\(x1), \(x2))")
                if z > 0 && z < nearest.margin { nearest = (r * map.columns + c, z) }
            }
        }
        XCTAssertTrue(classes.contains(0) && classes.contains(1), "the line crosses the map")
        // `predict` at the raw centre of the class-1 cell nearest the line, and just across it, gives the map's classes.
        let c = nearest.cell % map.columns, r = nearest.cell / map.columns
        let x1 = 9.7 + (Double(c) + 0.5) * 6.6 / Double(map.columns), x2 = 184 - (Double(r) + 0.5) * 88 / Double(map.rows)
        XCTAssertEqual(try predictedClass(h, x1, x2), classes[nearest.cell])
        XCTAssertEqual(try predictedClass(h, x1, x2), 1)
        let left = nearest.cell - 1
        if c > 0 { XCTAssertEqual(try predictedClass(h, x1 - 6.6 / Double(map.columns), x2), classes[left]) }
    }

    func testTheMapReadsTheSameWithAndWithoutNormalize() throws {
        // The same line in raw units, one model fed standardised features and one raw: the same picture, axes,
        // points and regions.
        let normalized = model(normalized: true).ok("plot boundary")
        let raw = model(normalized: false).ok("plot boundary")
        XCTAssertEqual(normalized, raw)
        let lines = raw.split(separator: "\n")
        XCTAssertEqual(lines.suffix(2).first.map { $0.split(separator: " ") }, ["10", "12", "14", "16"], raw)
        XCTAssertTrue(lines.first?.hasPrefix("180┤") == true, raw)
    }

    func testTrainedMapsShareTheRawRangeAndPoints() throws {
        // The reported case (spiral, normalize) and a regression surface: trained with and without `normalize`,
        // the maps differ inside but span the same raw range with the points in the same places.
        for data in ["data spiral n=400 noise=0.1 classes=2", "data linear n=100"] {
            let classify = data.contains("spiral")
            let setup = classify ? "layer dense 16 tanh\nlayer dense 2 softmax\nloss ce" : "layer dense 8 tanh\nlayer dense 1\nloss mse"
            var maps: [Heatmap] = [], texts: [[Substring]] = []
            for normalize in [false, true] {
                let h = ShellHarness()
                h.ok("seed 3\n\(data)\nsplit 0.8\n\(normalize ? "normalize\n" : "")\(setup)\noptimizer adam lr=0.02\ntrain 30")
                let t = try XCTUnwrap(h.w.trainer)
                XCTAssertEqual(t.train.standardization != nil, normalize)
                maps.append(try XCTUnwrap(Charts.boundaryMap(t, width: 60, height: 24, unicode: true)))
                texts.append(h.ok("plot boundary").split(separator: "\n", omittingEmptySubsequences: false))
                if !normalize {
                    // The raw range, from the training and validation features themselves.
                    let features = t.train.X.data + (t.validation?.X.data ?? [])
                    let xs = stride(from: 0, to: features.count, by: 2).map { features[$0] }
                    let pad = (xs.max()! - xs.min()!) * 0.05
                    XCTAssertEqual(maps[0].xRange, (xs.min()! - pad)...(xs.max()! + pad))
                }
            }
            let (a, b) = (maps[0], maps[1])
            XCTAssertEqual(a.xRange.lowerBound, b.xRange.lowerBound, accuracy: 1e-12, data)
            XCTAssertEqual(a.xRange.upperBound, b.xRange.upperBound, accuracy: 1e-12, data)
            XCTAssertEqual(a.yRange.lowerBound, b.yRange.lowerBound, accuracy: 1e-12, data)
            XCTAssertEqual(a.yRange.upperBound, b.yRange.upperBound, accuracy: 1e-12, data)
            XCTAssertEqual(a.points.count, b.points.count)
            for (p, q) in zip(a.points, b.points) {
                XCTAssertEqual(p.x, q.x, accuracy: 1e-12); XCTAssertEqual(p.y, q.y, accuracy: 1e-12); XCTAssertEqual(p.mark, q.mark)
            }
            // As text: the same x tick labels and the same y labels in the gutter.
            let (ta, tb) = (texts[0], texts[1])
            XCTAssertEqual(ta.count, tb.count)
            let labels = { (lines: [Substring]) in lines.map { $0.prefix { $0 != "│" && $0 != "┤" && $0 != "└" } } }
            XCTAssertEqual(labels(ta), labels(tb), data)
            XCTAssertEqual(ta.suffix(3).first, tb.suffix(3).first, "x tick labels of \(data)")
        }
    }

    func testValidationRowsAreHollowPointsInsideTheMap() throws {
        // The four points split in two: the map spans all four (10…16 × 100…180 plus 5%, as above), the training rows
        // drawn filled and the validation rows hollow, each at its raw coordinates and with its class.
        let h = ShellHarness()
        h.ok("seed 1\n\(data)\nsplit 0.5\nnormalize\nlayer dense 1 sigmoid\nloss bce")
        let t = try h.w.ensureTrainer(), validation = try XCTUnwrap(t.validation)
        let map = try XCTUnwrap(Charts.boundaryMap(t, width: 60, height: 24, unicode: true))
        XCTAssertEqual(map.xRange.lowerBound, 9.7, accuracy: 1e-12); XCTAssertEqual(map.xRange.upperBound, 16.3, accuracy: 1e-12)
        XCTAssertEqual(map.yRange.lowerBound, 96, accuracy: 1e-12); XCTAssertEqual(map.yRange.upperBound, 184, accuracy: 1e-12)
        let raw: [(Double, Double, Int)] = [(10, 100, 0), (12, 140, 1), (14, 120, 0), (16, 180, 1)]
        XCTAssertEqual(map.points.filter(\.hollow).count, validation.count)
        XCTAssertEqual(map.points.filter { !$0.hollow }.count, t.train.count)
        XCTAssertEqual(map.points.count, 4)
        for r in raw {
            let matches = map.points.filter { abs($0.x - r.0) < 1e-9 && abs($0.y - r.1) < 1e-9 && $0.mark == .category(r.2) }
            XCTAssertEqual(matches.count, 1, "\(r)")
        }
        // The validation rows are the ones `t.validation` holds (standardised there: compared through rawFeatures).
        let held = Charts.rawFeatures(validation)
        for (i, p) in map.points.filter(\.hollow).enumerated() {
            XCTAssertEqual(p.x, held[i, 0], accuracy: 1e-9); XCTAssertEqual(p.y, held[i, 1], accuracy: 1e-9)
        }
        XCTAssertTrue(h.ok("plot boundary").contains("●· 0  ▲░ 1  ○△ validation rows"))
    }

    func testRawFeaturesUndoTheStandardisation() {
        // (x − mean) / std with mean [1, −2], std [2, 0.5]: 3 → 1, −3 → −2 (first column); −2 → 0, −1.5 → 1.
        let s = Standardizer(mean: [1, -2], std: [2, 0.5])
        let raw = Tensor(shape: [2, 2], data: [3, -2, -3, -1.5])
        var d = Dataset(name: "t", X: raw, y: Tensor(shape: [2, 1], data: [0, 1]), task: .binary,
                        featureNames: ["a", "b"], targetName: "y", classNames: ["0", "1"]).standardized(by: s)
        XCTAssertEqual(d.X.data, [1, 0, -2, 1])
        XCTAssertEqual(Charts.rawFeatures(d).data, [3, -2, -3, -1.5])
        d.standardization = nil
        XCTAssertEqual(Charts.rawFeatures(d).data, [1, 0, -2, 1], "features without a standardisation are raw already")
    }

    func testASmallRangeKeepsItsOwnScale() {
        // A feature spread over −1e-8…1e-8 is padded by 5% of its span (1e-9), not by a fixed 1e-6 that would
        // put every point in one row; a constant feature by 5% of its value; one at 0 by 1e-6.
        for (lo, hi, expected) in [(-1e-8, 1e-8, -1.1e-8...1.1e-8), (200, 200, 190...210), (0, 0, -1e-6...1e-6), (10, 16, 9.7...16.3)] {
            let r = Charts.padded(lo, hi), tolerance = 1e-9 * abs(expected.upperBound)
            XCTAssertEqual(r.lowerBound, expected.lowerBound, accuracy: tolerance); XCTAssertEqual(r.upperBound, expected.upperBound, accuracy: tolerance)
        }
        // Around 1e20 the span 1e-8 is below the spacing of Doubles (16,384): the range still has width.
        let far = Charts.padded(1e20, 1e20 + 1e-8)
        XCTAssertGreaterThan(far.upperBound - far.lowerBound, 0)
    }
}
