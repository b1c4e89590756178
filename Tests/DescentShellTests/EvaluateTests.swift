import XCTest
import Foundation
@testable import DescentCore
@testable import DescentShell

/// `evaluate "FILE.csv"`: the model on held-out rows, standardised as the training part was. The expected loss,
/// accuracy, R² and confusion counts are worked out here by hand from the model's weights: a forward pass written
/// out in loops, the training part's mean and (population) std computed from its rows.
final class EvaluateTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("evaluate")
    }

    override func tearDownWithError() throws { ScratchDirectory.remove(dir) }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// 40 training rows of two classes (named) and 3 features, and 9 held-out rows, from a fixed formula.
    private func rows(_ range: Range<Int>) -> [(x: [Double], label: String)] {
        range.map { i in
            let a = Double((i * 37) % 11) / 3 - 1.5, b = Double((i * 17) % 7) / 2 - 1.25, c = Double(i % 5) - 2
            return ([a, b, c], a + 0.5 * b - 0.25 * c > 0.1 ? "yes" : "no")
        }
    }

    private func csv(_ rows: [(x: [Double], label: String)], order: [Int] = [0, 1, 2, 3]) -> String {
        let header = ["f0", "f1", "f2", "label"]
        return ([order.map { header[$0] }.joined(separator: ",")] + rows.map { r in
            let fields = r.x.map { "\($0)" } + [r.label]
            return order.map { fields[$0] }.joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    /// The model's outputs for raw rows `x` by hand: standardised with `mean`/`std`, then W1 (tanh), W2 (linear).
    private func logits(_ h: ShellHarness, _ x: [Double], mean: [Double], std: [Double]) -> [Double] {
        let w1 = h.values("W1"), b1 = h.values("b1"), w2 = h.values("W2"), b2 = h.values("b2")
        let units = b1.count, outs = b2.count
        var s = [Double](repeating: 0, count: 3)
        for j in 0..<3 { s[j] = (x[j] - mean[j]) / std[j] }
        var hidden = [Double](repeating: 0, count: units)
        for j in 0..<units {
            var z = b1[j]
            for i in 0..<3 { z += s[i] * w1[i * units + j] }
            hidden[j] = tanh(z)
        }
        var out = [Double](repeating: 0, count: outs)
        for k in 0..<outs {
            var z = b2[k]
            for j in 0..<units { z += hidden[j] * w2[j * outs + k] }
            out[k] = z
        }
        return out
    }

    func testClassificationLossAccuracyAndConfusionAreTheFilesWorkedOutByHand() throws {
        let train = rows(0..<40), test = rows(40..<49)
        let trainFile = try write("train.csv", csv(train)), testFile = try write("test.csv", csv(test))
        let shuffled = try write("shuffled.csv", csv(test, order: [2, 3, 0, 1]))
        let h = ShellHarness()
        h.ok("seed 3\ndata csv \"\(trainFile)\"\nnormalize\nlayer dense 5 tanh\nlayer dense 2\nloss ce\noptimizer adam lr=0.05\ntrain 30")
        // The training part is all 40 rows (no split): its mean and population std, by hand.
        var mean = [0.0, 0.0, 0.0], std = [0.0, 0.0, 0.0]
        for r in train { for j in 0..<3 { mean[j] += r.x[j] / 40 } }
        for r in train { for j in 0..<3 { std[j] += (r.x[j] - mean[j]) * (r.x[j] - mean[j]) / 40 } }
        for j in 0..<3 { std[j] = std[j].squareRoot() }
        var loss = 0.0, hits = 0, pairs = [[0, 0], [0, 0]]
        let classIDs = ["yes": train[0].label == "yes" ? 0 : 1, "no": train[0].label == "yes" ? 1 : 0]   // first seen is 0
        for r in test {
            let z = logits(h, r.x, mean: mean, std: std), t = classIDs[r.label] ?? -1
            let top = max(z[0], z[1])
            loss += top + log(exp(z[0] - top) + exp(z[1] - top)) - z[t]
            let p = z[1] > z[0] ? 1 : 0
            if p == t { hits += 1 }
            pairs[t][p] += 1
        }
        loss /= 9
        XCTAssertGreaterThan(hits, 0)
        let steps = h.w.trainer?.stepCount, history = h.w.trainer?.history.evaluations.count, recorded = h.w.recorded
        for file in [testFile, shuffled] {
            let text = h.ok("evaluate \"\(file)\"")
            let line = try XCTUnwrap(h.lines(startingWith: "evaluate ").first, text)
            let printedLoss = try XCTUnwrap(Double(try XCTUnwrap(line.components(separatedBy: "— loss ").last?.split(separator: " ").first)))
            XCTAssertEqual(printedLoss, loss, accuracy: 5e-4 * loss, "4 significant digits: \(line)")
            XCTAssertTrue(line.contains("9 samples at step 30"), line)
            XCTAssertTrue(line.contains("accuracy \(Report.metric(Double(hits) / 9, task: .binary))"), line)
            let names = h.w.trainer?.train.classNames ?? []
            XCTAssertTrue(text.contains("accuracy \(Report.metric(Double(hits) / 9, task: .binary)) (\(hits) of 9)"), text)
            // The confusion table's rows: `│ no  │ 3 │ 1 │ …`, true class by predicted class.
            for (t, name) in names.enumerated() {
                let row = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("│ \(name) ") }, text)
                let cells = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
                XCTAssertEqual(Array(cells[1...2]), pairs[t].map(String.init), "true \(name): \(row)")
            }
        }
        // It changed nothing and is not part of the session.
        XCTAssertEqual(h.w.trainer?.stepCount, steps)
        XCTAssertEqual(h.w.trainer?.history.evaluations.count, history)
        XCTAssertEqual(h.w.recorded, recorded)
    }

    func testRegressionGivesTheFilesLossAndR2() throws {
        // A linear model set by hand on a regression target: y = 2·a − b, loss and R² of 4 rows by hand.
        let trainFile = try write("r.csv", "a,b,y\n0,0,0\n1,0,2\n0,1,-1\n1,1,1\n")
        let testFile = try write("rt.csv", "b,y,a\n2,1,1\n0,3,2\n1,0,1\n3,-1,0\n")
        let h = ShellHarness()
        h.ok("data csv \"\(trainFile)\" target=y\nlayer dense 1\nloss mse\nset W1[0,0] = 1.5\nset W1[1,0] = -1\nset b1[0] = 0.25")
        let test: [(a: Double, b: Double, y: Double)] = [(1, 2, 1), (2, 0, 3), (1, 1, 0), (0, 3, -1)]
        var sse = 0.0, mean = 0.0, sst = 0.0
        for r in test { let e = 1.5 * r.a - r.b + 0.25 - r.y; sse += e * e; mean += r.y / 4 }
        for r in test { sst += (r.y - mean) * (r.y - mean) }
        h.ok("evaluate \"\(testFile)\"")
        let line = try XCTUnwrap(h.lines(startingWith: "evaluate ").first)
        XCTAssertTrue(line.contains("loss \(Format.sig(sse / 4, 4))  r2 \(Format.sig(1 - sse / sst, 4))"), line)
        XCTAssertFalse(line.contains("standardised"), "no normalize: raw features")
    }

    func testFilesThatDoNotFitAreRefusedSayingWhy() throws {
        let trainFile = try write("train.csv", csv(rows(0..<40)))
        let h = ShellHarness()
        h.ok("data csv \"\(trainFile)\"\nlayer dense 2\nloss ce")
        let missing = try write("missing.csv", "f0,f1,label\n1,2,yes\n")
        XCTAssertTrue(h.fails("evaluate \"\(missing)\"").contains("has no column 'f2', a feature of the training data"))
        let extra = try write("extra.csv", "f0,f1,f2,f3,label\n1,2,3,4,yes\n")
        XCTAssertTrue(h.fails("evaluate \"\(extra)\"").contains("column 'f3' is not a feature of the training data"))
        let unknown = try write("unknown.csv", "f0,f1,f2,label\n1,2,3,yes\n1,2,3,maybe\n")
        let e = h.fails("evaluate \"\(unknown)\"")
        XCTAssertTrue(e.contains("class 'maybe' at \(dir)/unknown.csv:3, column 4 'label' is not a class of the training data (no, yes)"), e)
        let noTarget = try write("notarget.csv", "f0,f1,f2\n1,2,3\n")
        XCTAssertTrue(h.fails("evaluate \"\(noTarget)\"").contains("label"))
        XCTAssertTrue(h.fails("evaluate \"\(dir)/absent.csv\"").contains("absent.csv"))
        let bad = try write("bad.csv", "f0,f1,f2,label\n1,x,3,yes\n")
        XCTAssertTrue(h.fails("evaluate \"\(bad)\"").contains("bad.csv:2"))
        XCTAssertEqual(h.w.recorded.count, 3, "failed evaluations are not part of the session either")
    }

    func testLabelsThatReadAsNumbersMatchAFileOfNumbers() throws {
        // Training labels `1.0`, `2.0`, `NA` (text among numbers: all labels); a held-out file of `1.0` and `2.0` alone is
        // read as numbers, and 1 is the label `1.0`, 2 the label `2.0`.
        let trainFile = try write("mix.csv", "a,c\n0,1.0\n1,2.0\n2,NA\n0.5,1.0\n1.5,2.0\n2.5,NA\n")
        let h = ShellHarness()
        h.ok("data csv \"\(trainFile)\" target=c\nlayer dense 3\nloss ce")
        let numbers = try write("mix-test.csv", "a,c\n0,1.0\n1,2\n0.25,1e0\n")
        h.ok("evaluate \"\(numbers)\"")
        let table = h.out.text
        // True class rows of the confusion table: 2 of `1.0`, 1 of `2.0`, none of `NA`.
        for (name, count) in [("1.0", "2"), ("2.0", "1"), ("NA", "0")] {
            let row = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix("│ \(name) ") }, table)
            let cells = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertEqual(cells[4], count, "samples of \(name): \(row)")
        }
    }

    func testNumberedClassesMatchByTheirNumbers() throws {
        // Class ids read from numbers (`0`, `1`, `2` under ce): a held-out 2 is class 2; a 7 is no class.
        let trainFile = try write("ids.csv", "a,c\n0,0\n1,1\n2,2\n0.5,0\n1.5,1\n2.5,2\n")
        let h = ShellHarness()
        h.ok("data csv \"\(trainFile)\" target=c\nlayer dense 3\nloss ce\nset W1[0,0] = 0\nset W1[0,1] = 0\nset W1[0,2] = 1")
        let ok = try write("ids-test.csv", "a,c\n3,2\n4,2\n")
        h.ok("evaluate \"\(ok)\"")
        XCTAssertTrue(h.lines(startingWith: "evaluate ").first?.contains("accuracy 100%") ?? false, h.out.text)
        let bad = try write("ids-bad.csv", "a,c\n3,7\n")
        XCTAssertTrue(h.fails("evaluate \"\(bad)\"").contains("class '7'"))
    }
}
