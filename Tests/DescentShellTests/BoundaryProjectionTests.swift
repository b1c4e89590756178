import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// `plot boundary FEATURE1 FEATURE2` on data of three features. The expected values are worked out by hand: the
/// four points below have x1 mean 13 and population std √5, x2 mean 135 and std √875, x3 mean 4 and std √5
/// (deviations −3, 1, −1, 3); a sigmoid unit says class 1 where its logit is above 0.
final class BoundaryProjectionTests: XCTestCase {
    private let data = "data X=[[10,100,1],[12,140,5],[14,120,3],[16,180,7]] y=[0,1,0,1]"

    /// A 3-1 sigmoid model whose logit, in raw units, is (x1 − 13)/√5 + (x2 − 135)/√875 + 5·(x3 − 4)/√5: under
    /// `normalize` the weights are 1, 1 and 5 on the standardised features; without, the same plane in raw units. At
    /// x3's mean, 4, its term is 0; held anywhere else (at 0, its standardised mean read as raw) it would move the line.
    private func model(normalized: Bool) -> ShellHarness {
        let h = ShellHarness()
        let (a, b, c) = (1 / 5.0.squareRoot(), 1 / 875.0.squareRoot(), 5 / 5.0.squareRoot())
        let weights = normalized ? "set W1[0,0] = 1\nset W1[1,0] = 1\nset W1[2,0] = 5\nset b1[0] = 0"
            : "set W1[0,0] = \(a)\nset W1[1,0] = \(b)\nset W1[2,0] = \(c)\nset b1[0] = \(-13 * a - 135 * b - 4 * c)"
        h.ok("\(data)\n\(normalized ? "normalize\n" : "")layer dense 1 sigmoid\nloss bce\n\(weights)")
        return h
    }

    private func logit(_ x1: Double, _ x2: Double, _ x3: Double) -> Double {
        (x1 - 13) / 5.0.squareRoot() + (x2 - 135) / 875.0.squareRoot() + 5 * (x3 - 4) / 5.0.squareRoot()
    }

    func testTheMapOverTwoFeaturesHoldsTheThirdAtItsTrainingMean() throws {
        for normalized in [true, false] {
            let h = model(normalized: normalized)
            let t = try XCTUnwrap(h.w.trainer)
            let projection = BoundaryProjection(x: 0, y: 1, of: t)
            XCTAssertEqual(projection.means[2], 4, accuracy: 1e-12)
            let map = try XCTUnwrap(Charts.boundaryMap(t, width: 60, height: 24, unicode: true, projection: projection))
            // The raw range of x1 and x2 plus 5%, and the rows at their x1 and x2.
            XCTAssertEqual(map.xRange.lowerBound, 9.7, accuracy: 1e-12); XCTAssertEqual(map.xRange.upperBound, 16.3, accuracy: 1e-12)
            XCTAssertEqual(map.yRange.lowerBound, 96, accuracy: 1e-12); XCTAssertEqual(map.yRange.upperBound, 184, accuracy: 1e-12)
            let raw: [(Double, Double, Int)] = [(10, 100, 0), (12, 140, 1), (14, 120, 0), (16, 180, 1)]
            for (p, r) in zip(map.points, raw) {
                XCTAssertEqual(p.x, r.0, accuracy: 1e-12); XCTAssertEqual(p.y, r.1, accuracy: 1e-12); XCTAssertEqual(p.mark, .category(r.2))
            }
            XCTAssertEqual(map.title, "x: x1   y: x2")
            guard case .classes(let classes) = map.content else { return XCTFail("a class map") }
            for r in 0..<map.rows {
                for c in 0..<map.columns {
                    let x1 = 9.7 + (Double(c) + 0.5) * 6.6 / Double(map.columns), x2 = 184 - (Double(r) + 0.5) * 88 / Double(map.rows)
                    let z = logit(x1, x2, 4)
                    guard abs(z) > 1e-9 else { continue }
                    XCTAssertEqual(classes[r * map.columns + c], z > 0 ? 1 : 0, "cell (\(c), \(r)), normalize \(normalized)")
                }
            }
            XCTAssertTrue(classes.contains(0) && classes.contains(1), "the line crosses the map")
        }
        // The same picture with and without normalize, and a note under it with the mean held and what the points are.
        let text = model(normalized: true).ok("plot boundary x1 x2")
        XCTAssertEqual(text, model(normalized: false).ok("plot boundary x1 x2"))
        XCTAssertTrue(text.hasPrefix("x: x1   y: x2\n"), text)
        XCTAssertTrue(text.contains("\nother features at their training means (raw units): x3 4; the points are the rows projected onto x1 "
                                     + "and x2 (their other features are not at the means, so a point need not agree with the map under it)"), text)
    }

    func testTheAxesFollowTheOrderTheFeaturesAreNamedIn() throws {
        let h = model(normalized: true)
        let t = try XCTUnwrap(h.w.trainer)
        let map = try XCTUnwrap(Charts.boundaryMap(t, width: 60, height: 24, unicode: true, projection: BoundaryProjection(x: 2, y: 0, of: t)))
        // x3 across (1…7 plus 0.3), x1 up (10…16 plus 0.3); x2 held at 135, where its term is 0.
        XCTAssertEqual(map.xRange.lowerBound, 0.7, accuracy: 1e-12); XCTAssertEqual(map.xRange.upperBound, 7.3, accuracy: 1e-12)
        XCTAssertEqual(map.yRange.lowerBound, 9.7, accuracy: 1e-12); XCTAssertEqual(map.yRange.upperBound, 16.3, accuracy: 1e-12)
        XCTAssertEqual(map.points.map(\.x), [1, 5, 3, 7])
        guard case .classes(let classes) = map.content else { return XCTFail("a class map") }
        let c = 3, r = 4
        let x3 = 0.7 + (Double(c) + 0.5) * 6.6 / Double(map.columns), x1 = 16.3 - (Double(r) + 0.5) * 6.6 / Double(map.rows)
        XCTAssertEqual(classes[r * map.columns + c], logit(x1, 135, x3) > 0 ? 1 : 0)
        // The title and note name them in that order.
        let text = h.ok("plot boundary \"x3\" x1")
        XCTAssertTrue(text.hasPrefix("x: x3   y: x1\n"), text)
        XCTAssertTrue(text.contains("means (raw units): x2 135; the points are the rows projected onto x3 and x1"), text)
        // Data of two features may name them too, swapped: a title, and no note (nothing is held).
        let two = ShellHarness()
        two.ok("data X=[[1,2],[3,5]] y=[0,1]\nlayer dense 1 sigmoid\nloss bce")
        let swapped = two.ok("plot boundary x2 x1")
        XCTAssertTrue(swapped.hasPrefix("x: x2   y: x1\n"), swapped)
        XCTAssertFalse(swapped.contains("training means"), swapped)
    }

    func testNamingTheFeaturesWronglyIsAnErrorThatListsThem() throws {
        let h = model(normalized: true)
        XCTAssertTrue(h.fails("plot boundary").contains("plot boundary draws two features at a time, and this data has 3 (x1, x2, x3): "
                                                        + "name two, x then y — `plot boundary x1 x2` — and the others are held at their training means"))
        XCTAssertTrue(h.fails("plot boundary x1 x4").contains("no feature 'x4' — did you mean"))
        XCTAssertTrue(h.fails("plot boundary x1 x4").contains("(the features are x1, x2, x3)"))
        XCTAssertTrue(h.fails("plot boundary y x1").contains("no feature 'y' — 'y' is the target, which the map shows; name features"))
        XCTAssertTrue(h.fails("plot boundary x2 x2").contains("'x2' is already the x axis — name two different features, x then y"))
        XCTAssertTrue(h.fails("plot boundary x2").contains("expected a second feature, for the y axis"))
        XCTAssertTrue(h.fails("plot boundary x1 x2 x3").contains("unexpected 'x3'"))
        let one = ShellHarness()
        one.ok("data sine n=20\nlayer dense 1\nloss mse")
        XCTAssertTrue(one.fails("plot boundary x x").contains("this data has one feature, 'x': `plot boundary` alone draws the fitted curve"))
    }

    func testACSVFilesColumnsByName() throws {
        // Iris's four measurements: the map over the petals, the sepals held at their means, worked out from the file.
        let h = ShellHarness()
        let path = FileManager.default.currentDirectoryPath + "/Sessions/data/iris.csv"
        h.ok("data csv \"\(path)\" target=species\nnormalize\nlayer dense 3 softmax\nloss ce")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",") }
        let mean = { (j: Int) in rows.map { Double($0[j])! }.reduce(0, +) / Double(rows.count) }
        let said = h.ok("plot boundary petal_length petal_width")
        XCTAssertTrue(said.contains("sepal_length \(Format.sig(mean(0), 4)), sepal_width \(Format.sig(mean(1), 4));"), said)
        XCTAssertEqual(Format.sig(mean(1), 4), "3.057")
    }
}
