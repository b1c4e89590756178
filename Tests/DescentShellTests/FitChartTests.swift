import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// `plot boundary` on data of one feature: the fitted curve over the data. The model's values are set by hand, so
/// the curve's are known: y = 2x + 1, and for two classes σ(2x + 1).
final class FitChartTests: XCTestCase {
    func testTheCurveIsTheModelsOutputOverThePaddedRangeOfTheData() throws {
        let h = ShellHarness()
        h.ok("data X=[[0],[1],[2],[4]] y=[1,3,5,9.5]\nlayer dense 1 linear\nloss mse\nset W1[0,0] = 2\nset b1[0] = 1")
        let chart = Charts.fitChart(try XCTUnwrap(h.w.trainer ?? (try? h.w.ensureTrainer())), unicode: true, samples: 5)
        XCTAssertEqual(chart.series.map(\.name), ["training rows", "model"])
        XCTAssertEqual(chart.series[0].style, .points)
        XCTAssertEqual(chart.series[0].xs, [0, 1, 2, 4])
        XCTAssertEqual(chart.series[0].ys, [1, 3, 5, 9.5])
        // x from 0 to 4, padded by 5% of the span (0.2) each side: −0.2 … 4.2 in 4 equal steps of 1.1.
        let xs = [-0.2, 0.9, 2.0, 3.1, 4.2]
        for (a, b) in zip(chart.series[1].xs, xs) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        for (a, x) in zip(chart.series[1].ys, xs) { XCTAssertEqual(a, 2 * x + 1, accuracy: 1e-12) }
    }

    func testTwoClassesGiveTheProbabilityOfTheSecondWithValidationPoints() throws {
        let h = ShellHarness()
        h.ok("seed 2\ndata X=[[-2],[-1],[0],[1],[2],[3],[-3],[0.5]] y=[0,0,0,1,1,1,0,1]\nsplit 0.75\nlayer dense 1 sigmoid\nloss bce")
        h.ok("set W1[0,0] = 2\nset b1[0] = 1")
        let t = try h.w.ensureTrainer()
        let chart = Charts.fitChart(t, unicode: true, samples: 3)
        XCTAssertEqual(chart.series.map(\.name), ["training rows", "validation rows", "model: P(1)"])
        XCTAssertEqual(chart.series.map(\.style), [.points, .hollowPoints, .solid], "the two sets of rows read apart without colour")
        XCTAssertEqual(chart.series[0].xs.count + chart.series[1].xs.count, 8)
        // The three x: −3.3, 0, 3.3 (−3 … 3 padded by 0.3); σ(2x + 1) by hand: 1/(1 + e^5.6), 1/(1 + e^−1), 1/(1 + e^−7.6).
        let expected = [1 / (1 + exp(5.6)), 1 / (1 + exp(-1.0)), 1 / (1 + exp(-7.6))]
        for (a, b) in zip(chart.series[2].ys, expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
    }

    func testValidationRowsAreHollowMarkersApartFromTrainingRowsWithoutColour() throws {
        // Four rows on a diagonal, far apart in a 60 × 24 chart: each in a cell of its own, filled (●, ASCII o) for
        // the training rows and hollow (○, ASCII +) for the validation rows, as many of each as the split made.
        let h = ShellHarness()
        h.ok("seed 1\ndata X=[[0],[1],[2],[3]] y=[0,1,2,3]\nsplit 0.5\nlayer dense 1 linear\nloss mse")
        let t = try h.w.ensureTrainer()
        let (train, validation) = (t.train.count, try XCTUnwrap(t.validation).count)
        XCTAssertEqual(train + validation, 4)
        XCTAssertGreaterThan(validation, 0)
        for (unicode, filled, hollow, legend) in [(true, "●", "○", "● training rows  ○ validation rows  ━ model"),
                                                   (false, "o", "+", "o training rows  + validation rows  = model")] {
            let lines = Charts.fit(t, width: 60, height: 24, unicode: unicode).lines()
            let plot = lines.dropLast(3).map { $0.drop { $0 != "│" && $0 != "┤" && $0 != "|" && $0 != "+" }.dropFirst() }
            XCTAssertEqual(plot.map { $0.filter { String($0) == filled }.count }.reduce(0, +), train, lines.joined(separator: "\n"))
            XCTAssertEqual(plot.map { $0.filter { String($0) == hollow }.count }.reduce(0, +), validation, lines.joined(separator: "\n"))
            XCTAssertTrue(lines.last?.hasPrefix(legend) == true, lines.joined(separator: "\n"))
        }
    }

    func testPlotBoundaryDrawsItAndRefusesThreeClasses() {
        let h = ShellHarness()
        h.ok("data X=[[0],[1],[2]] y=[1,3,5]\nlayer dense 1 linear\nloss mse")
        let text = h.ok("plot boundary")
        XCTAssertTrue(text.contains("● training rows  ━ model"), text)
        let k = ShellHarness()
        k.ok("data X=[[0],[1],[2]] y=[0,1,2]\nlayer dense 3 linear\nloss ce")
        XCTAssertTrue(k.fails("plot boundary").contains("plot boundary needs data with 2 features or more (or 1, for regression or two classes: the fitted curve); this data has 1 feature and 3 classes"))
    }

    func testFeaturesSpanningNearlyTheWholeDoubleRangeDrawWithoutTrapping() {
        // The fuzzer's case: ±8.8e307 padded by 5% leaves finite ends whose difference is infinite.
        for data in ["data X=[[-8.8e307,0],[8.8e307,0]] y=[0,1]", "data X=[[0,-8.8e307],[0,8.8e307]] y=[0,1]"] {
            let h = ShellHarness()
            h.ok(data + "\nlayer dense 1 sigmoid\nloss bce")
            XCTAssertTrue(h.ok("plot boundary").contains("●"))
        }
        let one = ShellHarness()
        one.ok("data X=[[-8.8e307],[8.8e307]] y=[0,1]\nlayer dense 1 linear\nloss mse")
        XCTAssertTrue(one.ok("plot boundary").contains("━ model"))
    }

    func testValuesBeyondTheTicksClampDrawWithoutTrapping() {
        // The regression round's cases: targets or features above 4e307, where the ticks stop; a row's span times the
        // plot's rows overflowed before the division.
        for (data, command) in [("data X=[[1],[2]] y=[1e308,1.7e308]", "plot boundary"), ("data X=[[1]] y=[5e307]", "train 5\nplot"),
                                ("data X=[[1.7e308],[1.79e308],[1.75e308],[1.78e308]] y=[1,2,3,4]", "plot boundary")] {
            let h = ShellHarness()
            h.ok(data + "\nlayer dense 1\nloss mae")
            XCTAssertTrue(h.ok(command).contains("┤"), data)
        }
        // The two targets beyond ±4e307 are not drawn, and the chart says so.
        let h = ShellHarness()
        h.ok("data X=[[1],[2],[3]] y=[1e308,-1.7e308,0]\nlayer dense 1\nloss mae")
        let text = h.ok("plot boundary")
        XCTAssertTrue(text.contains("! 2 points in training rows beyond ±4e+307 not drawn"), text)
    }

    func testAtMost2000MarkersInAllEveryKthRowOfBothSets() throws {
        // k = ⌈rows / 2000⌉ over the training and then the validation rows (by hand): 3000 → k 2, 1500 markers;
        // 5000 → k 3, ⌈5000/3⌉ = 1667; 4001 → k 3, 1334; 2000 → k 1, all of them.
        for (n, markers) in [(3000, 1500), (5000, 1667), (4001, 1334), (2000, 2000)] {
            let h = ShellHarness()
            h.ok("data sine n=\(n)\nsplit 0.7\nlayer dense 1\nloss mse")
            let chart = Charts.fitChart(try h.w.ensureTrainer(), unicode: true, samples: 3)
            XCTAssertEqual(chart.series[0].xs.count + chart.series[1].xs.count, markers, "n=\(n)")
        }
        // The SVG draws a circle per marker (plus one in the legend for each set).
        let dir = try ScratchDirectory.make("fit-markers")
        defer { ScratchDirectory.remove(dir) }
        let h = ShellHarness()
        h.ok("data sine n=3000\nlayer dense 1\nloss mse")
        h.ok("export plot boundary \"\(dir)/fit.svg\"")
        let svg = try String(contentsOfFile: "\(dir)/fit.svg", encoding: .utf8)
        XCTAssertLessThanOrEqual(svg.components(separatedBy: "<circle").count - 1, 2000 + 2)
        // The map of two features thins alike: 3000 rows of xor, every second.
        let map = ShellHarness()
        map.ok("data xor n=3000\nlayer dense 1\nloss mse")
        let points = try XCTUnwrap(Charts.boundaryMap(try map.w.ensureTrainer(), width: 0, height: 0, unicode: true, maxPoints: 2000,
                                                      grid: (columns: 4, rows: 4))).points
        XCTAssertEqual(points.count, 1500)
    }
}
