import XCTest
@testable import DescentCore

/// Noise-free generator outputs are checked against coordinates worked out by hand from each generator's
/// definition (unit circle points, √2/2, …) or against libm's cos/sin; the one seeded row against
/// Tests/References/data_refs.py.
final class GeneratorTests: XCTestCase {
    private func make(_ g: Generator, n: Int, noise: Double? = nil, classes: Int? = nil, seed: UInt64 = 1) throws -> Dataset {
        var r = RNG(seed: seed)
        return try Dataset.generate(g, n: n, noise: noise, classes: classes, rng: &r)
    }

    private func classCounts(_ d: Dataset) -> [Int] {
        var counts = [Int](repeating: 0, count: d.classNames.count)
        for v in d.y.data { counts[Int(v)] += 1 }
        return counts
    }

    private func assertRows(_ d: Dataset, _ expected: [[Double]], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(d.count, expected.count, file: file, line: line)
        for (i, row) in expected.enumerated() {
            for (j, v) in row.enumerated() { XCTAssertEqual(d.X[i, j], v, accuracy: 1e-15, "row \(i) col \(j)", file: file, line: line) }
        }
    }

    func testLinearFirstRowMatchesReference() throws {
        let d = try make(.linear, n: 1, noise: 0.1, seed: 42)
        XCTAssertEqual(d.X.data, [-0.8322740578802357, -0.2420394986746628])
        XCTAssertEqual(d.y.data[0], -0.30404844339275494, accuracy: 1e-15)
        XCTAssertEqual(d.name, "linear n=1 noise=0.1")
    }

    func testLinearIsTheDocumentedPlaneAndNoiseMovesOnlyTargets() throws {
        let clean = try make(.linear, n: 500, noise: 0)
        XCTAssertEqual(clean.X.shape, [500, 2]); XCTAssertEqual(clean.y.shape, [500, 1])
        XCTAssertEqual(clean.task, .regression); XCTAssertEqual(clean.classNames, [])
        XCTAssertEqual(clean.featureNames, ["x1", "x2"]); XCTAssertEqual(clean.targetName, "y")
        for i in 0..<500 {
            XCTAssertEqual(clean.y.data[i], 2 * clean.X[i, 0] - 3 * clean.X[i, 1] + 0.5, accuracy: 1e-15)
            XCTAssert(abs(clean.X[i, 0]) <= 1 && abs(clean.X[i, 1]) <= 1)
        }
        let noisy = try make(.linear, n: 500, noise: 0.5)
        XCTAssertEqual(noisy.X, clean.X)
        let residuals = (0..<500).map { noisy.y.data[$0] - clean.y.data[$0] }
        let sd = (residuals.map { $0 * $0 }.reduce(0, +) / 500).squareRoot()
        XCTAssertEqual(sd, 0.5, accuracy: 0.08)  // sample sd of 500 normals: relative error ≈ 3%
    }

    func testXorLabelsBySignOfProductAndRoughBalance() throws {
        let d = try make(.xor, n: 2000, noise: 0)
        XCTAssertEqual(d.task, .binary); XCTAssertEqual(d.classNames, ["different signs", "same sign"])
        for i in 0..<d.count { XCTAssertEqual(d.y.data[i], d.X[i, 0] * d.X[i, 1] > 0 ? 1 : 0) }
        // Binomial(2000, 1/2): sd ≈ 22, allow 5 sd.
        XCTAssertEqual(Double(classCounts(d)[1]), 1000, accuracy: 112)
    }

    func testCirclesNoiseFreeArePointsOnTwoRings() throws {
        let d = try make(.circles, n: 8, noise: 0)
        // Rows alternate outer (r=1) and inner (r=0.5); each class at angles 0, ¼, ½, ¾ turn.
        assertRows(d, [[1, 0], [0.5, 0], [0, 1], [0, 0.5], [-1, 0], [-0.5, 0], [0, -1], [0, -0.5]])
        XCTAssertEqual(d.y.data, [0, 1, 0, 1, 0, 1, 0, 1])
        XCTAssertEqual(d.classNames, ["outer", "inner"])
    }

    func testMoonsNoiseFreeFollowMakeMoons() throws {
        let d = try make(.moons, n: 10, noise: 0)
        // Each moon: t = 0, π/4, π/2, 3π/4, π; upper (cos t, sin t), lower (1 − cos t, 0.5 − sin t).
        let h = 0.5.squareRoot()
        assertRows(d, [[1, 0], [0, 0.5], [h, h], [1 - h, 0.5 - h], [0, 1], [1, -0.5],
                       [-h, h], [1 + h, 0.5 - h], [-1, 0], [2, 0.5]])
        XCTAssertEqual(classCounts(d), [5, 5])
    }

    func testSpiralNoiseFreeArms() throws {
        let d = try make(.spiral, n: 6, noise: 0, classes: 2)
        // Arm c, point j of 3: r = j/2, angle = π·c + 4r radians; point = r·(cos, sin).
        var expected: [[Double]] = []
        for j in 0..<3 { for c in 0..<2 {
            let r = Double(j) / 2, a = Double.pi * Double(c) + 4 * r
            expected.append([r * cos(a), r * sin(a)])
        } }
        for (i, row) in expected.enumerated() {
            XCTAssertEqual(d.X[i, 0], row[0], accuracy: 1e-14); XCTAssertEqual(d.X[i, 1], row[1], accuracy: 1e-14)
        }
        XCTAssertEqual(d.name, "spiral n=6 noise=0 classes=2")
        XCTAssertEqual(d.task, .binary)
    }

    func testSpiralClassesBalanceAndTask() throws {
        let d = try make(.spiral, n: 10, classes: 3)
        XCTAssertEqual(d.task, .multiclass)
        XCTAssertEqual(classCounts(d), [4, 3, 3])
        XCTAssertEqual(d.classNames, ["arm 0", "arm 1", "arm 2"])
        XCTAssertEqual(d.targetName, "class")
        for i in 0..<d.count { XCTAssertLessThanOrEqual(d.X[i, 0] * d.X[i, 0] + d.X[i, 1] * d.X[i, 1], 1 + 1e-12) }
    }

    func testGaussCentresAndSpread() throws {
        let d = try make(.gauss, n: 4, noise: 0, classes: 4)
        assertRows(d, [[2, 0], [0, 2], [-2, 0], [0, -2]])
        let wide = try make(.gauss, n: 3000, noise: 0.3, classes: 3)
        XCTAssertEqual(classCounts(wide), [1000, 1000, 1000])
        // Blob 0 is centred at (2, 0): its sample mean is within 5 standard errors (0.3/√1000 ≈ 0.0095).
        let rows = (0..<3000).filter { wide.y.data[$0] == 0 }
        XCTAssertEqual(rows.map { wide.X[$0, 0] }.reduce(0, +) / 1000, 2, accuracy: 0.05)
        XCTAssertEqual(rows.map { wide.X[$0, 1] }.reduce(0, +) / 1000, 0, accuracy: 0.05)
    }

    func testSineIsOneFeatureOnMinusPiToPi() throws {
        let d = try make(.sine, n: 300, noise: 0)
        XCTAssertEqual(d.X.shape, [300, 1]); XCTAssertEqual(d.featureNames, ["x"])
        for i in 0..<300 {
            XCTAssert(d.X.data[i] >= -Double.pi && d.X.data[i] < Double.pi)
            XCTAssertEqual(d.y.data[i], sin(d.X.data[i]), accuracy: 1e-15)
        }
    }

    func testDefaultsAndDeterminism() throws {
        for g in Generator.allCases {
            let a = try make(g, n: 50, seed: 7), b = try make(g, n: 50, seed: 7), c = try make(g, n: 50, seed: 8)
            XCTAssertEqual(a, b, "\(g)")
            XCTAssertNotEqual(a.X, c.X, "\(g)")
            XCTAssertEqual(a.classNames.count, g.defaultClasses ?? 0, "\(g)")
            XCTAssertTrue(a.name.contains("noise=\(Format.short(g.defaultNoise))"), "\(g)")
        }
    }

    func testValidationMessages() {
        func message(_ g: Generator, n: Int, noise: Double? = nil, classes: Int? = nil) -> String {
            do { _ = try make(g, n: n, noise: noise, classes: classes); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(message(.linear, n: 0), "n must be at least 1, got 0")
        XCTAssertEqual(message(.spiral, n: 2, classes: 3), "n must be at least 3 (spiral makes 3 classes, at least one sample each), got 2")
        XCTAssertEqual(message(.moons, n: 1), "n must be at least 2 (moons makes 2 classes, at least one sample each), got 1")
        XCTAssertEqual(message(.sine, n: 1_000_001), "n must be at most 1000000, got 1000001")
        XCTAssertEqual(message(.xor, n: 10, noise: -0.1), "noise must be a number ≥ 0, got -0.1")
        XCTAssertEqual(message(.xor, n: 10, noise: .nan), "noise must be a number ≥ 0, got nan")
        XCTAssertEqual(message(.gauss, n: 10, classes: 11), "classes must be between 2 and 10, got 11")
        XCTAssertEqual(message(.gauss, n: 10, classes: 1), "classes must be between 2 and 10, got 1")
        XCTAssertEqual(message(.moons, n: 10, classes: 3), "moons always has 2 classes; classes applies only to spiral and gauss")
        XCTAssertEqual(message(.linear, n: 10, classes: 2), "linear is a regression task; classes applies only to spiral and gauss")
    }
}
