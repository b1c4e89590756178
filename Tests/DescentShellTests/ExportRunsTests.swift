import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// `export history RUN "FILE.csv"` and `export runs [RUN …] "FILE.csv"`: kept runs as CSV. Expected numbers are worked
/// out by hand for a one-weight model (ŷ = W·x on x = [1, 2], y = [2, 4], mse, W from 1), as written in each test.
final class ExportRunsTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws { dir = try ScratchDirectory.make("descent-export-runs") }

    override func tearDown() { ScratchDirectory.remove(dir) }

    /// By hand: dL/dW = mean(2(Wx − y)x) = −5 at W = 1, so W = 1.5 at lr 0.1; batch_loss 2.5 at W = 1, train_loss at 1.5
    /// ((0.5² + 1²)/2 = 0.625), R² = 1 − 2·0.625/Σ(y − ȳ)² = 1 − 1.25/2 = 0.375. Step 2: dL/dW = −2.5, W = 1.75, batch_loss
    /// 0.625, train_loss (0.25² + 0.5²)/2 = 0.15625, R² 0.84375.
    private let runA = "1,1,2.5,0.0,0.625,,0.375,,0.1\n2,2,0.625,0.0,0.15625,,0.84375,,0.1\n"
    /// By hand, from W = 1 at lr 0.05: W = 1.25, train_loss (0.75² + 1.5²)/2 = 1.40625, R² 1 − 2.8125/2 = −0.40625.
    private let runB = "1,1,2.5,0.0,1.40625,,-0.40625,,0.05\n"

    /// Keeps `a` (2 steps at lr 0.1) and `b, c` (1 step at lr 0.05, both from W = 1), then trains on at lr 0.2 so that
    /// the current run is neither.
    private func twoRuns() -> ShellHarness {
        let h = ShellHarness()
        h.ok(TrainingReportTests.doubling + "\ntrain 2\nkeep a\nreset\noptimizer sgd lr=0.05\nset W1[0,0] = 1\ntrain 1\nkeep \"b, c\"\n"
             + "optimizer sgd lr=0.2\ntrain 3")
        return h
    }

    private func read(_ file: String) throws -> String { try String(contentsOfFile: dir + "/" + file, encoding: .utf8) }

    func testAKeptRunsHistoryHasExportHistorysColumnsAndItsOwnNumbers() throws {
        let h = twoRuns()
        let header = "step,epoch,batch_loss,penalty,train_loss,val_loss,r2,val_r2,lr\n"
        XCTAssertEqual(h.ok("export history a \"\(dir)/a.csv\""), "wrote 2 rows of run 'a' to \(dir)/a.csv")
        XCTAssertEqual(try read("a.csv"), header + runA)
        // Names as `keep` reads them: ignoring case, in quotes when they hold spaces or commas.
        h.ok("export history \"B, C\" \"\(dir)/b.csv\"")
        XCTAssertEqual(try read("b.csv"), header + runB)
        // `current` is the run training now, as `export history` alone writes it.
        h.ok("export history current \"\(dir)/c.csv\"\nexport history \"\(dir)/h.csv\"")
        XCTAssertEqual(try read("c.csv"), try read("h.csv"))
        XCTAssertTrue(try read("c.csv").hasSuffix(",0.2\n"))
    }

    func testExportRunsWritesOneLongFileWithALeadingRunColumn() throws {
        let h = twoRuns()
        let header = "run,step,epoch,batch_loss,penalty,train_loss,val_loss,r2,val_r2,lr\n"
        XCTAssertEqual(h.ok("export runs \"\(dir)/r.csv\""), "wrote 3 rows of 2 runs (a, \"b, c\") to \(dir)/r.csv")
        // Every kept run, in order, each row after its run's name (quoted as CSV quotes a field holding a comma).
        XCTAssertEqual(try read("r.csv"), header + runA.split(separator: "\n").map { "a,\($0)\n" }.joined() + "\"b, c\",\(runB)")
        // Those named, in the order named; `current` among them.
        h.ok("export runs \"b, c\" A \"\(dir)/ba.csv\"")
        XCTAssertEqual(try read("ba.csv"), header + "\"b, c\",\(runB)" + runA.split(separator: "\n").map { "a,\($0)\n" }.joined())
        h.ok("export runs current \"\(dir)/c.csv\"")
        // The header and the current run's 4 steps: `keep` leaves the history it copies to go on (1 step, then 3).
        XCTAssertEqual(try read("c.csv").split(separator: "\n").count, 5)
    }

    func testRunsOfBothTasksShareOneFileEachFillingItsOwnMetric() throws {
        // A classifier kept beside `a`: ŷ = σ(W·x) on x = [0, 1], y = [0, 1], bce, W from 1 at lr 0.1. By hand:
        // batch_loss (ln 2 + ln(1 + e⁻¹))/2; dL/dW = mean((σ(Wx) − y)·x) = (σ(1) − 1)/2, W = 1 − 0.1·(σ(1) − 1)/2, train_loss
        // (ln 2 + ln(1 + e^−W))/2 at that W; both rows classified right (σ(W) > 0.5, and σ(0) = 0.5 counts as class 0).
        let h = ShellHarness()
        h.ok(TrainingReportTests.doubling + "\ntrain 2\nkeep a\ndata X=[[0],[1]] y=[0,1]\nlayer replace 1 dense 1 sigmoid bias=false\n"
             + "loss bce\noptimizer sgd lr=0.1\nset W1[0,0] = 1\ntrain 1\nkeep cls")
        h.ok("export runs \"\(dir)/m.csv\"")
        let lines = try read("m.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines[0], ["run", "step", "epoch", "batch_loss", "penalty", "train_loss", "val_loss", "r2", "val_r2", "accuracy", "val_accuracy", "lr"])
        XCTAssertEqual(lines[1], ["a", "1", "1", "2.5", "0.0", "0.625", "", "0.375", "", "", "", "0.1"])
        XCTAssertEqual(lines[2], ["a", "2", "2", "0.625", "0.0", "0.15625", "", "0.84375", "", "", "", "0.1"])
        let row = lines[3]
        XCTAssertEqual(lines.count, 4)
        let sigma1 = 1 / (1 + exp(-1.0)), w = 1 - 0.1 * (sigma1 - 1) / 2
        XCTAssertEqual(Array(row[0...2]), ["cls", "1", "1"])
        XCTAssertEqual(try XCTUnwrap(Double(row[3])), (log(2) + log(1 + exp(-1.0))) / 2, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(Double(row[5])), (log(2) + log(1 + exp(-w))) / 2, accuracy: 1e-12)
        XCTAssertEqual(Array(row[6...]), ["", "", "", "1.0", "", "0.1"])
    }

    func testAnUnknownRunIsAnErrorAtItsNameWithTheNearestAndWritesNothing() throws {
        let h = twoRuns()
        try "old\n".write(toFile: dir + "/keep.csv", atomically: true, encoding: .utf8)
        // The error `unkeep` gives for a name not kept, pointing at the name; `current` is offered too.
        for (line, column, name) in [("export history aa \"\(dir)/keep.csv\"", 16, "aa"), ("export runs a b \"\(dir)/keep.csv\"", 15, "b"),
                                     ("export runs curent \"\(dir)/keep.csv\"", 13, "curent")] {
            let e = h.fails(line)
            let hint = ["aa": "'a'", "b": "`\"b, c\"`", "curent": "'current'"][name] ?? ""  // `b, c` as typed, in quotes
            XCTAssertTrue(e.hasPrefix("error: no run named '\(name)' is kept — did you mean \(hint)? (kept: a, b, c)"), e)
            XCTAssertTrue(e.hasSuffix("\n" + String(repeating: " ", count: column + 3) + "^" + String(repeating: "~", count: name.count - 1)), e)
        }
        XCTAssertTrue(h.fails("export runs a A \"\(dir)/keep.csv\"").contains("error: the run 'a' is named twice — name each run once"))
        let e = h.fails("export history a \"b, c\" \"\(dir)/keep.csv\"")
        XCTAssertTrue(e.contains("error: export history writes one run's history — `export runs a \"b, c\" \"\(dir)/keep.csv\"` writes those runs in one file"), e)
        XCTAssertEqual(try read("keep.csv"), "old\n")
        h.assertSuggestionsRun(e)   // writes keep.csv, after it was seen untouched
        try "old\n".write(toFile: dir + "/keep.csv", atomically: true, encoding: .utf8)
        // A run's name alone: the file is what is missing.
        XCTAssertTrue(h.fails("export history a").hasPrefix("error: expected a quoted file name after the run 'a': export history a \"a.csv\"\n"))
        XCTAssertTrue(h.fails("export runs a current").hasPrefix("error: expected a quoted file name after the run 'current': export runs a current \"current.csv\"\n"))
        // Without kept runs, `export runs` says how to keep one.
        h.ok("unkeep all")
        XCTAssertTrue(h.fails("export runs \"\(dir)/keep.csv\"").contains("no runs kept to export: `keep NAME` keeps the current run's history"))
        XCTAssertEqual(try read("keep.csv"), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["keep.csv"])
    }

    func testAFailingWriteLeavesTheOldFileWhole() throws {
        // A read-only file is refused as every save refuses it: nothing written, no temporary file left beside it.
        let h = twoRuns()
        let path = dir + "/ro.csv"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        for line in ["export history a \"\(path)\"", "export runs \"\(path)\""] {
            XCTAssertTrue(h.fails(line).contains("the file is read-only"), h.out.text)
        }
        XCTAssertEqual(try read("ro.csv"), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["ro.csv"])
        XCTAssertTrue(h.fails("export runs \"\(dir)/missing/r.csv\"").contains("does not exist"))
        // Exports are not kept by `save session`.
        XCTAssertFalse(h.w.recorded.contains { $0.hasPrefix("export") })
    }

    func testCompletionOffersTheKeptRunsAfterExportHistoryAndRuns() {
        let h = twoRuns()
        XCTAssertEqual(Completion.candidates(line: "export r", word: "r", workspace: h.w), ["runs"])
        XCTAssertEqual(Completion.candidates(line: "export history ", word: "", workspace: h.w), ["a", "current"])
        XCTAssertEqual(Completion.candidates(line: "export runs a ", word: "", workspace: h.w), ["a", "current"])
    }

    func testRunNamesInHintsAreShownAsTyped() {
        let h = twoRuns()
        // `b, c` is typed in quotes, so the hint and the list of kept runs show it so.
        let near = h.fails("export history b c \"\(dir)/x.csv\"")
        XCTAssertTrue(near.contains("no run named 'b' is kept — did you mean `\"b, c\"`? (kept: a, b, c)"), near)
        // A name that is not a word gets the line with it quoted, as keep's does.
        let quoted = h.fails("export history 日本語 \"\(dir)/j.csv\"")
        XCTAssertTrue(quoted.contains("unexpected character '日' — a run's name that is not a word goes in double quotes: "
                                      + "`export history \"日本語\" \"\(dir)/j.csv\"`"), quoted)
        // `all` names no run: the line without names writes them all.
        let all = h.fails("export runs all \"\(dir)/r.csv\"")
        XCTAssertTrue(all.contains("no run is named 'all' — `export runs \"\(dir)/r.csv\"` writes every kept run"), all)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
        // The lines given run (and write the files), once nothing was seen written.
        // (`export history "日本語" …` is the line once such a run is kept: the lexer's hint does not know the runs.)
        h.assertSuggestionsRun(all)
        // keep's hint without a history quotes the name as keep reads it.
        let fresh = ShellHarness()
        fresh.ok("data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse")
        let keep = fresh.fails("keep \"λ=0.001\"")
        fresh.assertSuggestionsRun(keep, inSequence: true)
        XCTAssertTrue(keep.hasPrefix("error: nothing to keep yet: the current run has no history — train first "
                                                           + "(e.g. `train 300`), then `keep \"λ=0.001\"`"), fresh.out.text)
    }
}
