import XCTest
@testable import DescentCore
@testable import DescentShell

/// `keep`, `unkeep`, `show runs`, `plot runs` and `export plot runs`: runs kept under a name and compared. Expected
/// values come from the trainer's own history, read before the run was kept, and from the settings as typed.
final class KeptRunsTests: XCTestCase {
    private let setup = """
        seed 1
        data moons n=100 noise=0.2
        split 0.8
        layer dense 8 tanh
        layer dense 1 sigmoid
        loss bce
        optimizer sgd lr=0.1
        """

    /// The steps and evaluations of the history training has recorded so far.
    private func recorded(_ h: ShellHarness) -> ([History.Step], [History.Evaluation]) {
        let history = h.w.trainer?.history ?? History()
        return (Array(history.steps), Array(history.evaluations))
    }

    private func sig(_ x: Double?) -> String { x.map { Format.sig($0, 4) } ?? "" }
    private func percent(_ x: Double?) -> String { x.map { Format.sig(100 * $0, 4) + "%" } ?? "" }

    /// The lowest finite val_loss of `evaluations` (the first of equals) and its step, as `show runs` should give it.
    private func lowest(_ evaluations: [History.Evaluation]) -> String {
        var best: History.Evaluation?
        for e in evaluations where e.step > 0 && (e.valLoss ?? .nan).isFinite {
            if best == nil || e.valLoss! < best!.valLoss! { best = e }
        }
        return best.map { "\(sig($0.valLoss)) (step \($0.step))" } ?? ""
    }

    /// The cells of the table row of `show runs` whose name cell is `name`.
    private func row(_ text: String, _ name: String) -> [String]? {
        text.split(separator: "\n").map { $0.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) } }
            .first { $0.count > 2 && $0[1] == name }
    }

    func testKeepCopiesTheHistoryAndLaterTrainingLeavesTheCopyAlone() throws {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 60")
        let (steps, evaluations) = recorded(h)
        let text = h.ok("keep sgd")
        XCTAssertEqual(text, "kept run 1 'sgd': 60 steps, val_loss \(sig(evaluations.last?.valLoss)) at step 60 — "
                       + "2-8-1 tanh→sigmoid · bce · sgd lr 0.1 · batch full · seed 1")
        h.ok("train 20")
        XCTAssertEqual(h.w.stepCount, 80)
        let run = try XCTUnwrap(h.w.runs.first)
        XCTAssertEqual(run.name, "sgd")
        XCTAssertEqual(Array(run.history.steps), steps)
        XCTAssertEqual(Array(run.history.evaluations), evaluations)
        // After `reset` the kept run stays, the current history is gone.
        h.ok("reset")
        XCTAssertEqual(h.w.runs.count, 1)
        XCTAssertEqual(Array(h.w.runs[0].history.steps), steps)
        XCTAssertNil(h.w.currentRun)
    }

    func testShowRunsTabulatesEachRunsLastEvaluationLowestValLossAndSettings() throws {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 60")
        let sgd = recorded(h).1
        h.ok("keep sgd\nreset\noptimizer adam lr=0.01\ntrain 60")
        let adam = recorded(h).1
        h.ok("keep \"adam 0.01\"\nreset\noptimizer sgd lr=0.1 momentum=0.9\ntrain 30")
        let current = recorded(h).1
        let text = h.ok("show runs")
        for (tag, name, steps, e) in [("1", "sgd", 60, sgd), ("2", "adam 0.01", 60, adam), ("●", "current", 30, current)] {
            let last = try XCTUnwrap(e.last)
            XCTAssertEqual(row(text, name), [tag, name, String(steps), sig(last.trainLoss), sig(last.valLoss), percent(last.trainMetric),
                                             percent(last.valMetric), lowest(e)], text)
        }
        XCTAssertTrue(text.contains("│   │ run       │ steps │ train_loss │ val_loss │ accuracy │ val_accuracy │"), text)
        for line in ["1 sgd: 2-8-1 tanh→sigmoid · bce · sgd lr 0.1 · batch full · seed 1",
                     "2 adam 0.01: 2-8-1 tanh→sigmoid · bce · adam lr 0.01 · batch full · seed 1",
                     "● current: 2-8-1 tanh→sigmoid · bce · sgd lr 0.1 momentum 0.9 · batch full · seed 1"] {
            XCTAssertTrue(text.split(separator: "\n").contains { $0 == line }, "\(line)\n\(text)")
        }
        // Nothing kept and nothing trained: said so.
        h.ok("new")
        XCTAssertTrue(h.ok("show runs").hasPrefix("runs: none kept, and nothing trained"))
    }

    func testWithoutASplitTheLowestIsTrainLossAndTheValidationColumnsGo() throws {
        let h = ShellHarness()
        h.ok(setup.replacingOccurrences(of: "split 0.8\n", with: "") + "\ntrain 40\nkeep a")
        let e = Array(h.w.runs[0].history.evaluations)
        let best = try XCTUnwrap(e.filter { $0.step > 0 }.min { $0.trainLoss < $1.trainLoss })
        let text = h.ok("show runs")
        XCTAssertEqual(row(text, "a"), ["1", "a", "40", sig(e.last?.trainLoss), percent(e.last?.trainMetric),
                                        "\(sig(best.trainLoss)) (step \(best.step))"], text)
        XCTAssertTrue(text.contains("lowest train_loss"), text)
        XCTAssertFalse(text.contains("val_loss │"), text)
    }

    func testPlotRunsDrawsEachRunTaggedWithItsLegendAndTitle() {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 60\nkeep sgd\nreset\noptimizer adam lr=0.01\ntrain 60\nkeep adam\nreset\ntrain 30")
        let text = h.ok("plot runs")
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "val_loss of 2 kept runs and the current one, by step")
        XCTAssertTrue(lines.contains("┄1┄ sgd  ╌2╌ adam  ━●━ current"), text)
        // Each tag is on the plot, left of the y axis's labels' column and above the x axis.
        let plot = lines.dropFirst().prefix { !$0.contains("└") }.map { String($0.drop { $0 != "┤" && $0 != "│" }.dropFirst()) }
        for tag in ["1", "2", "●"] { XCTAssertTrue(plot.contains { $0.contains(tag) }, "no \(tag) on the plot:\n\(text)") }
        XCTAssertEqual(h.ok("plot runs train_loss").split(separator: "\n").first, "train_loss of 2 kept runs and the current one, by step")
        XCTAssertTrue(h.ok("plot runs batch_loss").hasPrefix("batch_loss of"))
        // Not recorded: it shows, changing nothing.
        XCTAssertFalse(h.w.recorded.contains { $0.hasPrefix("plot") })
    }

    func testPlotRunsSaysWhatIsMissing() {
        let h = ShellHarness()
        XCTAssertTrue(h.fails("plot runs").contains("no runs to plot: none kept, and nothing trained"))
        h.ok(setup.replacingOccurrences(of: "split 0.8\n", with: "") + "\ntrain 20\nkeep a")
        XCTAssertTrue(h.fails("plot runs val_loss").contains("no run has a val_loss: they were trained without a split"))
        // Without a split the default is train_loss; a run without val_loss is named so beside others that have one.
        XCTAssertTrue(h.ok("plot runs").hasPrefix("train_loss of 1 kept run and the current one, by step"))
        h.ok("split 0.8\ntrain 20")
        XCTAssertTrue(h.ok("plot runs val_loss").contains("┄1┄ a (no val_loss)  ━●━ current"))
        XCTAssertTrue(h.fails("plot runs accuracy").contains("accuracy"))
    }

    func testPenaltyIsEachStepsPenaltyAndARunWithoutOneHasNone() throws {
        // One weight, no bias, set to 0.5; mse on x = 1, y = 1; sgd lr 0.1 under l2 0.1. By hand: step 1's penalty is
        // 0.1·0.5² = 0.025; its gradient 2(w − 1) + 2·0.1·w = −1 + 0.1 = −0.9 makes w = 0.5 + 0.1·0.9 = 0.59, and step 2's
        // penalty 0.1·0.59² = 0.03481.
        let h = ShellHarness()
        h.ok("data X=[[1]] y=[1]\nlayer dense 1 bias=false\nloss mse\noptimizer sgd lr=0.1\nset W1[0,0] = 0.5\ntrain 2\nkeep none")
        XCTAssertTrue(h.fails("plot runs penalty").contains("no run has a penalty: they were trained without one"), h.out.text)
        h.ok("reset\nset W1[0,0] = 0.5\nregularize l2 0.1\ntrain 2\nkeep l2")
        let kept = h.w.runs
        XCTAssertEqual(kept.map(\.name), ["none", "l2"])
        let none = Charts.runSeries(kept[0], curve: .penalty, role: .forRun(0), style: .dotted, bold: false, tag: "1")
        XCTAssertEqual(none.name, "none (no penalty)")
        XCTAssertTrue(none.ys.isEmpty)
        let l2 = Charts.runSeries(kept[1], curve: .penalty, role: .forRun(1), style: .dashed, bold: false, tag: "2")
        XCTAssertEqual(l2.xs, [1, 2])
        XCTAssertEqual(l2.ys[0], 0.025, accuracy: 1e-15)
        XCTAssertEqual(l2.ys[1], 0.03481, accuracy: 1e-15)
        XCTAssertTrue(h.ok("plot runs penalty").hasPrefix("penalty of 2 kept runs"), h.out.text)
    }

    func testExportPlotRunsWritesTheChartAsSVG() throws {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 40\nkeep sgd\nreset\noptimizer adam lr=0.01\ntrain 40")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("runs-\(UUID().uuidString.prefix(8)).svg").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        XCTAssertEqual(h.ok("export plot runs \"\(file)\""), "wrote the val_loss of 2 runs to \(file)")
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(svg.contains("data-name=\"sgd\""), svg)
        XCTAssertTrue(svg.contains("data-name=\"current\""), svg)
        XCTAssertTrue(svg.contains(">val_loss of 1 kept run and the current one, by step</text>"), svg)
        XCTAssertTrue(svg.contains("class=\"tag\""), svg)
        h.ok("export plot runs train_loss \"\(file)\"")
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains(">train_loss of"))
    }

    func testAFailedKeepChangesNothingAndSaysWhatWouldDo() {
        let h = ShellHarness()
        XCTAssertTrue(h.fails("keep a").contains("nothing to keep yet: the current run has no history — train first"))
        h.ok(setup + "\ntrain 20\nkeep sgd")
        for (line, message) in [
            ("keep SGD", "a run named 'sgd' is kept already (20 steps, 2-8-1 tanh→sigmoid · bce · sgd lr 0.1 · batch full · seed 1) — choose another name, or `unkeep sgd` first"),
            ("keep all", "'all' cannot name a run"),
            ("keep current", "'current' cannot name a run"),
            ("keep", "expected a name for the run: keep sgd, or keep \"lr 0.1\" in quotes"),
            ("keep adam lr 0.01", "a run's name is one word; a name of several words (or with dots) goes in quotes: keep \"adam lr 0.01\""),
            ("keep 3", "a run's name is a word or a quoted string, not '3'"),
            ("keep \"\"", "a run's name cannot be empty"),
            ("keep \"a\\tb\"", "a run's name cannot hold control characters"),
            ("keep \"  \"", "a run's name cannot be blank (only spaces): keep sgd, or keep \"lr 0.1\""),
            ("keep \" a \"", "a run's name cannot start or end with a space (tables and legends would not show it): keep a\n"),
            ("keep \"lr 0.1 \"", "a run's name cannot start or end with a space (tables and legends would not show it): keep \"lr 0.1\"\n"),
            ("unkeep \" sgd\"", "a run's name cannot start or end with a space (tables and legends would not show it): unkeep sgd\n"),
            ("keep \"\(String(repeating: "x", count: 25))\"", "a run's name has at most 24 characters, and this one has 25"),
            ("keep x lr=0.1", "unknown option 'lr' for keep"),
        ] {
            let error = h.fails(line)
            XCTAssertTrue(error.contains(message), "\(line): \(h.out.errors)")
            if error.contains("`") { h.assertSuggestionsRun(error) }
            XCTAssertEqual(h.w.runs.map(\.name), ["sgd"], line)
        }
        // At most 8 runs.
        for k in 2...8 { h.ok("keep r\(k)") }
        XCTAssertTrue(h.fails("keep r9").contains("8 runs are kept already (sgd, r2, r3, r4, r5, r6, r7, r8), the most `plot runs` tells apart — `unkeep NAME` one of them first"))
        XCTAssertEqual(h.w.runs.count, 8)
        // At most the budget's bytes of history: 20 steps of 32 bytes and 20 evaluations of 72 take 2,080 bytes.
        h.ok("unkeep all")
        h.w.keptRunBudget = 3_000
        h.ok("keep a")
        XCTAssertEqual(h.w.runs[0].history.byteCount, 20 * MemoryLayout<History.Step>.stride + 20 * MemoryLayout<History.Evaluation>.stride)
        XCTAssertTrue(h.fails("keep b").contains("kept runs may hold — `unkeep NAME` a long run first"))
        XCTAssertEqual(h.w.runs.map(\.name), ["a"])
        // None of the failures was recorded.
        XCTAssertEqual(h.w.recorded.filter { $0.hasPrefix("keep") }, ["keep sgd"] + (2...8).map { "keep r\($0)" } + ["keep a"])
    }

    func testUnkeepLetsARunOrAllGo() {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 20\nkeep sgd\nkeep adam\nkeep \"lr 0.1\"")
        XCTAssertEqual(h.ok("unkeep ADAM"), "let run 'adam' go (20 steps); the runs after it are numbered from 2 now")
        XCTAssertEqual(h.w.runs.map(\.name), ["sgd", "lr 0.1"])
        let error = h.fails("unkeep sdg")
        XCTAssertTrue(error.contains("no run named 'sdg' is kept — did you mean 'sgd'? (kept: sgd, lr 0.1)"), error)
        h.ok("unkeep \"lr 0.1\"")
        XCTAssertEqual(h.ok("unkeep all"), "let 1 kept run go")
        XCTAssertTrue(h.w.runs.isEmpty)
        XCTAssertTrue(h.fails("unkeep").contains("expected a name for the run: unkeep sgd"))
    }

    func testASavedSessionReplaysItsKeptRunsIdentically() throws {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 40\nkeep sgd\nreset\noptimizer adam lr=0.01\ntrain 30\nkeep adam\nkeep extra\nunkeep extra\nundo\ntrain 10")
        XCTAssertTrue(h.w.recorded.contains("keep sgd") && h.w.recorded.contains("unkeep extra"))
        let replay = ShellHarness()
        XCTAssertEqual(replay.session.runScript(h.w.sessionScript(), file: "saved.descent"), .completed, replay.out.errors.joined())
        XCTAssertEqual(replay.w.runs.map(\.name), ["sgd", "adam"])
        XCTAssertEqual(replay.w.runs.map(\.settings), h.w.runs.map(\.settings))
        for (a, b) in zip(replay.w.runs, h.w.runs) {
            XCTAssertEqual(Array(a.history.steps), Array(b.history.steps))
            XCTAssertEqual(Array(a.history.evaluations), Array(b.history.evaluations))
        }
        XCTAssertEqual(replay.ok("show runs"), h.ok("show runs"))
    }

    func testUndoLeavesKeptRunsAndNewLetsThemGo() {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 30\nkeep sgd\nundo")
        XCTAssertEqual(h.w.stepCount, 0)
        XCTAssertEqual(h.w.runs.map(\.steps), [30])
        h.ok("new")
        XCTAssertTrue(h.w.runs.isEmpty)
    }

    func testCompletionOffersRunNamesCurvesAndTheShowSubject() {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 10\nkeep sgd\nkeep \"lr 0.1\"")
        XCTAssertEqual(Completion.candidates(line: "unkeep ", word: "", workspace: h.w), ["sgd", "all"])
        XCTAssertEqual(Completion.candidates(line: "plot runs ", word: "", workspace: h.w), ["batch_loss", "train_loss", "val_loss", "penalty"])
        XCTAssertEqual(Completion.candidates(line: "plot r", word: "r", workspace: h.w), ["runs"])
        XCTAssertEqual(Completion.candidates(line: "show ru", word: "ru", workspace: h.w), ["runs"])
        XCTAssertEqual(Completion.candidates(line: "kee", word: "kee", workspace: h.w), ["keep"])
    }

    func testANameThatIsNoWordIsToBeQuoted() {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 5")
        let logged = h.w.log.count
        let lambda = h.failsWithHint("keep λ=0.001")
        XCTAssertTrue(lambda.contains("error: unexpected character 'λ' — a run's name that is not a word goes in double quotes: "
                                      + "`keep \"λ=0.001\"`"), lambda)
        let option = h.failsWithHint("keep l2=1e-3")
        XCTAssertTrue(option.contains("error: a run's name with '=' goes in double quotes: `keep \"l2=1e-3\"`"), option)
        // The caret is under the name, not after the line.
        XCTAssertTrue(option.hasSuffix("\n    keep l2=1e-3\n         ^~~~~~~"), option)
        XCTAssertTrue(h.fails("unkeep λ").contains("`unkeep \"λ\"`"))   // the line once a run 'λ' is kept
        XCTAssertTrue(h.w.runs.isEmpty)
        XCTAssertEqual(h.w.log.count, logged)
        // Quoted as the hints say, both are names.
        h.ok("keep \"λ=0.001\"\nkeep \"l2=1e-3\"")
        XCTAssertEqual(h.w.runs.map(\.name), ["λ=0.001", "l2=1e-3"])
    }

    func testNamesThatAreNoWordAreQuotedInHintsAndCompletion() {
        let h = ShellHarness()
        h.ok(setup + "\ntrain 5\nkeep \"a-1\"\nkeep \"a.b\"\nkeep \"λ\"\nkeep a-b")
        // `a-1` lexes as `a` and -1: it is typed in quotes.
        let again = h.failsWithHint("keep \"a-1\"")
        XCTAssertTrue(again.contains("`unkeep \"a-1\"` first"), again)
        let near = h.fails("export history a-1 \"r.csv\"")
        XCTAssertTrue(near.contains("no run named 'a' is kept — did you mean `\"a-1\"`, `\"a.b\"` or 'a-b'?"), near)
        XCTAssertEqual(Completion.candidates(line: "unkeep ", word: "", workspace: h.w), ["\"a-1\"", "\"a.b\"", "\"λ\"", "a-b", "all"])
        XCTAssertEqual(Completion.candidates(line: "export history ", word: "", workspace: h.w), ["\"a-1\"", "\"a.b\"", "\"λ\"", "a-b", "current"])
        // What completion inserts reads back as the names.
        h.ok("unkeep \"a-1\"\nunkeep \"a.b\"\nunkeep \"λ\"\nunkeep a-b")
        XCTAssertTrue(h.w.runs.isEmpty)
    }
}
