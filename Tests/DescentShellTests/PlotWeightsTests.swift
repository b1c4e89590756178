import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// `plot weights` and `export plot weights`: the weights' histogram and statistics, checked against numbers worked
/// out by hand.
final class PlotWeightsTests: XCTestCase {
    /// A 2-2-1 linear net with W1 = [[0.5, −0.25], [0, 1]], b1 = [3, 4], W2 = [[−1], [2⁻¹⁰]], b2 = [0].
    private func model() -> ShellHarness {
        let h = ShellHarness()
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 2 linear\nlayer dense 1 linear\nloss mse")
        h.ok("set W1[0,0] = 0.5\nset W1[0,1] = -0.25\nset W1[1,0] = 0\nset W1[1,1] = 1\nset b1[0] = 3\nset b1[1] = 4")
        h.ok("set W2[0,0] = -1\nset W2[1,0] = 0.0009765625\nset b2[0] = 0")
        return h
    }

    func testTheBinsAndNormsOfAKnownSetOfWeights() throws {
        let h = model()
        // By hand: the weights (not b1, b2) are 0.5, −0.25, 0, 1, −1, 2⁻¹⁰. max |w| = 1, so 21 bins of 2/21 over ±1, a
        // value's bin ⌊(w + 1)/2 · 21⌋: −1 → 0, −0.25 → ⌊7.875⌋ = 7, 0 → ⌊10.5⌋ = 10, 2⁻¹⁰ → ⌊10.51⌋ = 10, 0.5 → ⌊15.75⌋ = 15,
        // 1 → 21, the top edge, in the last bin 20.
        let stats = WeightStats(try XCTUnwrap(h.w.model).parameters.filter(\.isWeight))
        XCTAssertEqual(stats.counts, [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
        // ‖W‖₁ = 0.5 + 0.25 + 1 + 1 + 2⁻¹⁰ = 2.7509765625; ‖W‖₂ = √(0.25 + 0.0625 + 1 + 1 + 2⁻²⁰) = 1.5206909461407063
        // (python3: math.sqrt(2.3125 + 2**-20)); one exact zero; 0 and 2⁻¹⁰ under 0.001: 2 of 6.
        XCTAssertEqual(stats.l1, 2.7509765625)
        XCTAssertEqual(stats.l2, 1.5206909461407063, accuracy: 1e-15)
        XCTAssertEqual(stats.maxAbs, 1)
        XCTAssertEqual(stats.zeros, 1)
        XCTAssertEqual(stats.small, 2)
        let text = h.ok("plot weights")
        XCTAssertTrue(text.hasPrefix("weights of 2-2-1 linear · mse · sgd lr 0.001\n"), text)
        XCTAssertTrue(text.contains("\nW1, W2: 6 entries in 21 bins of 0.09524 over ±1\n"), text)
        XCTAssertTrue(text.contains("\n‖W‖₁ = 2.751   ‖W‖₂ = 1.521   max |w| = 1\n"), text)
        XCTAssertTrue(text.contains("\nexact zeros 1   |w| < 0.001: 2 (33.3%)"), text)
        // The x axis runs −1…1, and the tallest bar (bin 10, 2) reaches the top row, which the tick 2 marks.
        XCTAssertTrue(text.contains("\n2┤"), text)
    }

    func testNamedParametersBiasesToo() throws {
        let h = model()
        // b1 and W2: 3, 4, −1, 2⁻¹⁰ — max |w| 4, ‖·‖₁ = 8.0009765625, no zero, one under 0.001 (25%); named once.
        let text = h.ok("plot weights b1 W2 b1")
        XCTAssertTrue(text.contains("\nb1, W2: 4 entries in 21 bins of 0.381 over ±4\n"), text)
        XCTAssertTrue(text.contains("‖W‖₁ = 8.001"), text)
        XCTAssertTrue(text.contains("exact zeros 0   |w| < 0.001: 1 (25%)"), text)
    }

    func testExportWritesTheBarsAsSVG() throws {
        let dir = try ScratchDirectory.make("plot-weights")
        defer { ScratchDirectory.remove(dir) }
        let h = model()
        XCTAssertEqual(h.ok("export plot weights \"\(dir)/w.svg\""), "wrote the histogram of W1, W2 to \(dir)/w.svg")
        let svg = try String(contentsOfFile: "\(dir)/w.svg", encoding: .utf8)
        // The bins with a count, left to right (by hand, above): 0, 7, 10, 15 and 20, holding 1, 1, 2, 1 and 1.
        let counts = svg.split(separator: "\n").filter { $0.hasPrefix("<rect class=\"bar\"") }
            .map { $0.components(separatedBy: "data-count=\"")[1].prefix { $0 != "\"" } }
        XCTAssertEqual(counts, ["1", "1", "2", "1", "1"])
        XCTAssertTrue(svg.contains("‖W‖₁ = 2.751"), svg)
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
    }

    func testUnknownNamesAndNoWeightsAreErrors() {
        let h = model()
        XCTAssertTrue(h.fails("plot weights W3").contains("unknown parameter 'W3' — did you mean"), h.out.text)
        XCTAssertTrue(h.fails("export plot weights W9 \"w.svg\"").contains("unknown parameter 'W9'"), h.out.text)
        XCTAssertTrue(h.fails("plot weights W1[0,1]").contains("plot weights takes whole parameters"))
        let empty = ShellHarness()
        empty.ok("data xor n=20")
        XCTAssertTrue(empty.fails("plot weights").contains("no weights to plot: there are no layers yet"))
        XCTAssertTrue(empty.fails("export plot weights \"w.svg\"").contains("no weights to plot"))
        // Dropout alone holds no weights, as show weights, train and save weights say (Workspace.noDenseLayers).
        empty.ok("layer dropout 0.5")
        XCTAssertTrue(empty.fails("plot weights").contains("no weights to plot: there are no dense layers yet (dropout has no weights)"), empty.out.text)
    }

    func testEntriesNotFiniteAreLeftOutAndCounted() throws {
        let h = model()
        // W1 = [[NaN, +inf], [NaN, 1]], W2 = [[−1], [2⁻¹⁰]]: 3 of the 6 entries (1, −1, 2⁻¹⁰) are finite, max |w| = 1, so
        // the bins are those of the first test's: −1 → bin 0, 2⁻¹⁰ → 10, 1 → 20 (as counted by hand there).
        let w1 = try XCTUnwrap(h.w.model?.parameter("W1"))
        w1.value[0] = .nan; w1.value[1] = .infinity; w1.value[2] = .nan
        XCTAssertTrue(h.ok("plot weights").contains("max |w| = 1\n"), h.out.text)
        let stats = WeightStats(try XCTUnwrap(h.w.model).parameters.filter(\.isWeight))
        XCTAssertEqual(stats.notes(unicode: true)[0], "W1, W2: 3 of 6 entries in 21 bins of 0.09524 over ±1; 3 not finite (2 NaN, 1 +inf) left out")
        XCTAssertEqual(stats.counts, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        // Every entry of W2 not finite: a message, no chart and no file.
        let w2 = try XCTUnwrap(h.w.model?.parameter("W2"))
        w2.value[0] = -.infinity; w2.value[1] = .nan
        XCTAssertTrue(h.fails("plot weights W2").contains("no weights to plot: all 2 entries of W2 are not finite (1 NaN, 1 -inf)"), h.out.text)
        XCTAssertTrue(h.fails("export plot weights W2 \"w-all-nan.svg\"").contains("are not finite"), h.out.text)
    }

    func testWeightsNearTheLargestDoubleAreBinned() throws {
        let h = model()
        // W1[0,0] = 1.7e308: max |w| = 1.7e308, so 2 · max |w| overflows; the other weights (|w| ≤ 1) are within
        // 1.7e308/21 of 0, in the middle bin 10 (⌊(w/1.7e308 + 1)/2 · 21⌋ = ⌊10.5 ± 6e-308⌋), 1.7e308 in the last.
        h.ok("set W1[0,0] = 1.7e308")
        let stats = WeightStats(try XCTUnwrap(h.w.model).parameters.filter(\.isWeight))
        XCTAssertEqual(stats.counts, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        // The bin width 2 · 1.7e308 / 21 = 1.619e307 (by hand).
        XCTAssertTrue(h.ok("plot weights").contains("W1, W2: 6 entries in 21 bins of 1.619e+307 over ±1.7e+308\n"), h.out.text)
        let dir = try ScratchDirectory.make("plot-weights-huge")
        defer { ScratchDirectory.remove(dir) }
        h.ok("export plot weights \"\(dir)/w.svg\"")
        let svg = try String(contentsOfFile: "\(dir)/w.svg", encoding: .utf8)
        XCTAssertFalse(svg.contains("nan"), svg)
    }

    func testTheL1NormOfWeightsNearTheLargestDoubleIsFinite() throws {
        let h = model()
        // ‖W‖₁ = 1e308 + 1e308 + the other entries (|w| ≤ 1) = 2e308, past the largest Double (≈ 1.798e308): written from
        // max |w| · Σ(|w|/max |w|) = 1e308 · 2 (by hand); ‖W‖₂ = 1e308 · √2 = 1.414e308.
        h.ok("set W1[0,0] = 1e308\nset W1[0,1] = -1e308")
        let text = h.ok("plot weights")
        XCTAssertTrue(text.contains("\n‖W‖₁ = 2e+308   ‖W‖₂ = 1.414e+308   max |w| = 1e+308\n"), text)
    }

    func testAnAxisPastTheLargestOrUnderTheLeastNormalDoubleLabelsOnlyItsEnds() {
        let h = model()
        // max |w| = 5e-324, the least Double: 2 · 5e-324 is subnormal and a bin's width (2 · 5e-324/21) rounds to 0.
        h.ok("set W1[0,0] = 5e-324\nset W1[0,1] = 0\nset W1[1,1] = 0\nset W2[0,0] = 0\nset W2[1,0] = 0")
        let tiny = h.ok("plot weights").split(separator: "\n").map(String.init)
        XCTAssertTrue(tiny.contains("W1, W2: 6 entries in 21 bins over ±4.941e-324"), tiny.joined(separator: "\n"))
        XCTAssertTrue(tiny.contains { $0.hasPrefix("-5e-324 ") && $0.hasSuffix(" 5e-324") && $0.split(separator: " ").count == 2 },
                      tiny.joined(separator: "\n"))
        // ±1e308: hi − lo = 2e308 overflows; the ends are labelled, not ticks over ±4e307 only.
        h.ok("set W1[0,0] = 1e308\nset W1[0,1] = -1e308")
        let huge = h.ok("plot weights").split(separator: "\n").map(String.init)
        XCTAssertTrue(huge.contains { $0.hasPrefix("-1e+308 ") && $0.hasSuffix(" 1e+308") && $0.split(separator: " ").count == 2 },
                      huge.joined(separator: "\n"))
        XCTAssertFalse(huge.contains { $0.contains("e+307") && !$0.contains("bins of") }, huge.joined(separator: "\n"))
    }

    func testAWrongFileNameIsTheErrorBeforeTheModelIsBuilt() {
        // Without data the model cannot be built: the file name, read first, is what the error is about.
        let h = ShellHarness()
        h.ok("layer dense 2 tanh")
        for (line, svg) in [("export plot weights \"w.png\"", "w.svg"), ("export plot weights W1 \"w.png\"", "w.svg"),
                            ("export plot boundary \"map.png\"", "map.svg")] {
            let error = h.fails(line)
            XCTAssertTrue(error.contains("names a PNG image") && error.contains("\"\(svg)\""), error)
        }
        // With data, a wrong name builds nothing either.
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nloss mse")
        XCTAssertTrue(h.fails("export plot weights \"w.png\"").contains("names a PNG image"), h.out.text)
        XCTAssertNil(h.w.model)
        XCTAssertNil(h.w.trainer)
    }

    func testTheFractionOfARangeNearTheLargestDouble() {
        // (v − lo)/(hi − lo) by hand: 0 at lo, 1 at hi, 0.5 in the middle, clamped outside; hi − lo overflows here.
        XCTAssertEqual(Histogram.fraction(-1.7e308, lo: -1.7e308, hi: 1.7e308), 0)
        XCTAssertEqual(Histogram.fraction(1.7e308, lo: -1.7e308, hi: 1.7e308), 1)
        XCTAssertEqual(Histogram.fraction(0, lo: -1.7e308, hi: 1.7e308), 0.5)
        XCTAssertEqual(Histogram.fraction(-8.5e307, lo: -1.7e308, hi: 1.7e308), 0.25)
        XCTAssertEqual(Histogram.fraction(.nan, lo: 0, hi: 1), 0.5)
        XCTAssertEqual(Histogram.counts([1.7e308, -1.7e308, 0, .nan, .infinity], bins: 3, lo: -1.7e308, hi: 1.7e308), [1, 1, 1])
    }

    func testTheL2NormNeitherOverflowsNorUnderflows() throws {
        let h = ShellHarness()
        h.ok("data X=[[1],[2]] y=[1,2]\nlayer dense 1 linear\nloss mse")
        // One weight: ‖W‖₂ = |w|, though w² underflows to 0 (1e-600) or overflows (4e600).
        h.ok("set W1[0,0] = -1e-300")
        XCTAssertEqual(WeightStats(try XCTUnwrap(h.w.model).parameters.filter(\.isWeight)).l2, 1e-300)
        h.ok("set W1[0,0] = 2e300")
        XCTAssertEqual(WeightStats(try XCTUnwrap(h.w.model).parameters.filter(\.isWeight)).l2, 2e300)
        // Two weights 3e300 and 4e300: √(9 + 16) · 1e300 = 5e300 (by hand), to rounding.
        let two = ShellHarness()
        two.ok("data X=[[1,2]] y=[1]\nlayer dense 1 linear\nloss mse\nset W1[0,0] = 3e300\nset W1[1,0] = 4e300")
        XCTAssertEqual(WeightStats(try XCTUnwrap(two.w.model).parameters.filter(\.isWeight)).l2, 5e300, accuracy: 1e285)
        XCTAssertTrue(two.ok("plot weights").contains("‖W‖₂ = 5e+300"), two.out.text)
    }
}
