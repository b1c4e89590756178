import XCTest
@testable import DescentCore
@testable import DescentPlot
@testable import DescentShell

/// The pure parts of the views: the live view's layout, status texts, charts of a history, completion.
final class ViewTests: XCTestCase {
    private func trainedWorkspace(_ script: String) -> Workspace {
        let w = Workspace(output: CapturedOutput(), directory: FileManager.default.temporaryDirectory.path)
        let s = Session(workspace: w)
        for line in script.split(separator: "\n") { XCTAssertTrue(s.run(line: String(line)), String(line)) }
        return w
    }

    func testLayoutPutsChartMapAndStatusOnOneCanvas() {
        let w = trainedWorkspace("seed 1\ndata xor n=60\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 50 every=5")
        let t = w.trainer!
        let chart = Charts.lossChart(t.history, unicode: true, logScale: false)
        let map = Charts.boundary(t, width: 40, height: 20, unicode: true)
        let frame = LiveView.layout(width: 100, height: 24, unicode: true, chart: chart,
                                    status: ["step 50/50  loss 0.5", "speed line", "model line"], map: map, help: nil)
        let lines = frame.lines()
        XCTAssertEqual(lines.count, 24)
        XCTAssertTrue(lines[21].hasPrefix("step 50/50  loss 0.5"))
        XCTAssertTrue(lines[23].hasPrefix("model line"))
        // The map sits at the right edge, the chart's legend on the left.
        XCTAssertTrue(frame.text().contains("batch loss"))
        XCTAssertEqual(frame[99 - map.width + 1 + (map.width - 1), 0].char, map[map.width - 1, 0].char)
        // Without colour the status bar falls back to ASCII.
        let ascii = LiveView.layout(width: 60, height: 10, unicode: false, chart: chart,
                                    status: [LiveView.bar(0.5, width: 10)], map: nil, help: nil)
        XCTAssertEqual(ascii.lines()[9].trimmingCharacters(in: .whitespaces), "[#####.....]")
    }

    func testHelpOverlayListsTheKeys() {
        let w = trainedWorkspace("data sine n=30\nlayer dense 4 tanh\nlayer dense 1\nloss mse\ntrain 10")
        let t = w.trainer!
        let frame = LiveView.layout(width: 80, height: 24, unicode: true,
                                    chart: Charts.lossChart(t.history, unicode: true, logScale: false),
                                    status: ["s"], map: nil, help: LiveView.keysHelp(t.train.task))
        let text = frame.text()
        // A regression's map is its output surface (a classifier's, its decision map).
        for key in ["q, Esc, Ctrl-C", "space", "log / linear", "validation curve", "b  output surface", "Ctrl-Z  suspend"] {
            XCTAssertTrue(text.contains(key), "\(key) in\n\(text)")
        }
        XCTAssertFalse(text.contains("decision map"), text)
        XCTAssertTrue(LiveView.keysHelp(.multiclass).contains("b  decision map (data of 2 features)"))
        XCTAssertTrue(LiveView.keysHelp(.regression, fit: true).contains("b  fitted curve (data of 1 feature)"))
    }

    func testStatusWrapsBetweenFieldsSoNothingIsCutAt80Columns() {
        // A tester's 80-column view cut val_loss, the accuracy, lr, the pause hint and the keys.
        let numbers = "step 35135/1000000 (total 35635)  epoch 35635  batch_loss 0.0402  penalty 0.05163  val_loss 0.0977  val_accuracy 97.5%  lr 0.01"
        let speed = "2.298e+04 steps/s  elapsed 0:02  eta 0:42  "
        let model = "2-16-3 tanh→softmax · ce · l2 0.0001 · adam lr 0.01"
        let lines = LiveView.status(numbers: numbers, speed: speed, fraction: 0.035, paused: true, watches: [],
                                    model: model, width: 80)
        XCTAssertEqual(lines, [
            // 32 + 2 + 11 + 2 + 17 = 64 columns; the penalty's 2 + 15 more would make 81.
            "step 35135/1000000 (total 35635)  epoch 35635  batch_loss 0.0402",
            "penalty 0.05163  val_loss 0.0977  val_accuracy 97.5%  lr 0.01",
            // 80 − 43 (speed) − 11 (" 3%  PAUSED") − 2 (brackets) = 24 cells of bar; 3.5% of 24 rounds to 1.
            speed + "[█" + String(repeating: "░", count: 23) + "] 3%  PAUSED",
            model,
            "q stop · space pause · l scale: linear · v val · b map: on · ? keys",
        ])
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, "\(lines)")
        // At 50 columns nothing is cut either: the speed's fields wrap and the bar (40 cells at most) has its line.
        let narrow = LiveView.status(numbers: numbers, speed: speed, fraction: 0.5, paused: true, watches: [], model: model, width: 50)
        XCTAssertEqual(Array(narrow[3...5]), ["2.298e+04 steps/s  elapsed 0:02  eta 0:42",
                                            "[" + String(repeating: "█", count: 20) + String(repeating: "░", count: 20) + "] 50%",
                                            "PAUSED"])
        XCTAssertTrue(narrow.allSatisfy { $0.count <= 50 }, "\(narrow)")
        // At 120 columns everything fits on three lines, with the whole pause hint.
        let wide = LiveView.status(numbers: numbers, speed: speed, fraction: 0.5, paused: true, watches: ["W1[0,0] = 0.5"],
                                   model: model, width: 140)
        XCTAssertEqual(wide.count, 4, "\(wide)")
        XCTAssertTrue(wide[1].hasSuffix("] 50%  PAUSED (space resumes, s steps)"), wide[1])
        XCTAssertEqual(wide[2], "watch W1[0,0] = 0.5")
        XCTAssertEqual(wide[3], model + "    " + LiveView.keysLine(logScale: false, map: true))
        XCTAssertTrue(wide.allSatisfy { $0.count <= 140 }, "\(wide)")
    }

    func testTheStatusModelLineNamesTheOptimizersSettingsAsKeepDoes() throws {
        // A tester saw `sgd lr 0.05` in the status after `optimizer sgd lr=0.05 momentum=0.9`, and `keep` say more.
        for (optimizer, named) in [("optimizer sgd lr=0.05 momentum=0.9", "sgd lr 0.05 momentum 0.9"),
                                   ("optimizer adam lr=0.01 beta1=0.8 eps=1e-6", "adam lr 0.01 beta1 0.8 eps 1e-06"),
                                   ("optimizer sgd lr=0.05 momentum=0.9 nesterov=true", "sgd lr 0.05 momentum 0.9 nesterov"),
                                   ("optimizer adam lr=0.01", "adam lr 0.01")] {
            let w = trainedWorkspace("data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse\n\(optimizer)\ntrain 2")
            XCTAssertEqual(w.modelLine(), "1-1 · mse · " + named)
            // `keep` (a kept run's settings) says the same between the loss and the batch.
            let kept = try XCTUnwrap(w.currentRun?.settings)
            XCTAssertTrue(kept.contains(" · mse · \(named) · batch full"), kept)
        }
    }

    func testANarrowStatusBreaksTheOptimizerBetweenItsSettings() {
        // 49 columns of optimizer at 30: broken by hand between settings, `rmsprop lr 0.01 alpha 0.9` being 25 columns
        // and ` eps 1e-06` making 35; no setting's name is parted from its value, and no line is wider than 30.
        let model = "2-1 · mse · rmsprop lr 0.01 alpha 0.9 eps 1e-06 momentum 0.9"
        let lines = LiveView.status(numbers: "step 1/2", speed: "", fraction: 0.5, paused: false, watches: [], model: model, width: 30)
        let start = lines.firstIndex(of: "2-1 · mse")
        XCTAssertNotNil(start, "\(lines)")
        XCTAssertEqual(Array(lines[(start ?? 0)...].prefix(3)), ["2-1 · mse", "rmsprop lr 0.01 alpha 0.9", "eps 1e-06 momentum 0.9"])
        XCTAssertTrue(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        XCTAssertEqual(LiveView.settings("sgd lr 0.05 momentum 0.9 nesterov"), ["sgd", "lr 0.05", "momentum 0.9", "nesterov"])
    }

    func testANoticeWrapsAtSpacesToTheWidth() throws {
        // "no map: it is drawn for data of 2 features, and this data has 64" at 30 columns, broken at spaces by hand:
        // "no map: it is drawn for data" is 28 columns, and " of" would make 31.
        let lines = LiveView.status(numbers: "step 1/2", speed: "", fraction: 0.5, paused: false, watches: [], model: "m",
                                    notice: "no map: it is drawn for data of 2 features, and this data has 64", width: 30)
        let start = try XCTUnwrap(lines.firstIndex(of: "no map: it is drawn for data"), "\(lines)")
        XCTAssertEqual(Array(lines[start...].prefix(3)), ["no map: it is drawn for data", "of 2 features, and this data", "has 64"])
    }

    func testRatesAreWholeFromAThousandAndKeepFourDigitsBelow() {
        XCTAssertEqual(Report.rate(87_619.04), "87619")
        XCTAssertEqual(Report.rate(1000), "1000")
        XCTAssertEqual(Report.rate(812.34), "812.3")
        XCTAssertEqual(Report.rate(0.39652), "0.3965", "a slow run is not rounded to 0 steps/s")
    }

    func testWrapBreaksOnlyBetweenFields() {
        XCTAssertEqual(LiveView.wrap(["ab", "cd", "ef"], width: 6, separator: "  "), ["ab  cd", "ef"])
        XCTAssertEqual(LiveView.wrap(["abcdefgh", "ij"], width: 6, separator: "  "), ["abcdefgh", "ij"])
        XCTAssertEqual(LiveView.wrap([], width: 6, separator: "  "), [])
        // Wide characters count as the two columns each takes: "重量" and "ab" need 4 + 2 + 2 = 8 columns.
        XCTAssertEqual(LiveView.wrap(["重量", "ab"], width: 7, separator: "  "), ["重量", "ab"])
        XCTAssertEqual(LiveView.wrap(["重量", "ab"], width: 8, separator: "  "), ["重量  ab"])
    }

    func testWhatTheRunDoesInsideAStepIsShownUnderTheSpeed() throws {
        // An evaluation of large sets stops the step counter and clock: the status says why, and after a stop key, that it stops.
        let t = trainedWorkspace("seed 1\ndata xor n=60\nsplit 0.8\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 3").trainer!
        let note = LiveView.evaluatingNote(t)
        XCTAssertEqual(note, "evaluating the training and validation sets (60 rows) at step 3… (q stops it)")
        let lines = LiveView.status(numbers: "step 3/9", speed: "12 steps/s  ", fraction: 0.3, paused: false, watches: [],
                                    model: "m", activity: note, width: 100)
        let speed = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("12 steps/s") }, "\(lines)")
        XCTAssertEqual(lines[speed + 1], note)
        let stopping = LiveView.status(numbers: "step 3/9", speed: "", fraction: 0.3, paused: false, watches: [], model: "m",
                                       activity: LiveView.stoppingNote, width: 100)
        XCTAssertTrue(stopping.contains("stopping: the evaluation is abandoned and the run ends after this step…"), "\(stopping)")
        XCTAssertFalse(LiveView.status(numbers: "step 3/9", speed: "", fraction: 0.3, paused: false, watches: [], model: "m", width: 100)
            .contains { $0.hasPrefix("evaluating") || $0.hasPrefix("stopping") })
        let alone = trainedWorkspace("seed 1\ndata xor n=60\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 2").trainer!
        XCTAssertEqual(LiveView.evaluatingNote(alone), "evaluating the training set (60 rows) at step 2… (q stops it)")
    }

    func testStatusGivesTheRunsStepsBesideTheSessionsTotalAndEpoch() {
        // Full batch: step k is epoch k. A second run of 2 steps after 3 shows 2/2 of the run and the total 5,
        // with the epoch (5) counted as the total is, from the session's start.
        let full = trainedWorkspace("seed 1\ndata xor n=60\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 3\ntrain 2").trainer!
        let line = LiveView.numbersLine(full, done: 2, total: 2)
        XCTAssertTrue(line.hasPrefix("step 2/2 (total 5)  epoch 5  batch_loss "), line)
        XCTAssertTrue(LiveView.numbersLine(full, done: 1, total: 4).hasPrefix("step 1/4 (total 5)  epoch 5  "))
        // The first run's counts agree, so the total is not repeated.
        let first = trainedWorkspace("seed 1\ndata xor n=60\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 3").trainer!
        XCTAssertTrue(LiveView.numbersLine(first, done: 3, total: 10).hasPrefix("step 3/10  epoch 3  batch_loss "))
        // Minibatches of 20 of the 60 rows: 3 steps an epoch, so step 7 is in epoch ⌈7/3⌉ = 3.
        let batches = trainedWorkspace("seed 1\ndata xor n=60\nbatch 20\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 4\ntrain 3").trainer!
        XCTAssertTrue(LiveView.numbersLine(batches, done: 3, total: 3).hasPrefix("step 3/3 (total 7)  epoch 3  batch_loss "))
        // Mid-run, evaluating every 5 steps: at step 7 the accuracy shown is step 5's, and says so.
        let midRun = trainedWorkspace("seed 1\ndata xor n=60\nbatch 20\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 1").trainer!
        midRun.evaluationInterval = 5
        _ = midRun.train(steps: 6, evaluateAtEnd: false) { _ in nil }
        let older = LiveView.numbersLine(midRun, done: 6, total: 10)
        // The evaluation's step is the session's count, and named so beside the run's own (6 of 10, the session's 7).
        XCTAssertTrue(older.hasPrefix("step 6/10 (total 7)  epoch 3  batch_loss ") && older.contains("  (at total step 5)  lr "), older)
        XCTAssertTrue(Report.progress(midRun, done: 6, total: 10).hasSuffix("(evaluated at total step 5)"))
        // When the run's count is the session's (a first run: 7 of 10), the step needs no name.
        XCTAssertTrue(LiveView.numbersLine(midRun, done: 7, total: 10).contains("  (at step 5)  lr "))
        XCTAssertTrue(Report.progress(midRun, done: 7, total: 10).hasSuffix("(evaluated at step 5)"))
        XCTAssertFalse(LiveView.numbersLine(batches, done: 3, total: 3).contains("(at step"))
        // The progress lines (scripts, --no-tui) say it the same way.
        XCTAssertTrue(Report.progress(batches, done: 3, total: 3).hasPrefix("step 3/3 (total 7)  epoch 3  batch_loss "))
    }

    func testStatusGivesTheTrainingLossBesideTheValidationLoss() throws {
        // As TensorFlow Playground's "Training loss" beside "Test loss": both from the last full evaluation.
        let split = trainedWorkspace("seed 1\ndata xor n=60\nsplit 0.5\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 3").trainer!
        let e = try XCTUnwrap(split.history.lastEvaluation)
        let valLoss = try XCTUnwrap(e.valLoss)
        XCTAssertNotEqual(Format.sig(e.trainLoss, 4), Format.sig(valLoss, 4), "the two losses must be told apart")
        let line = LiveView.numbersLine(split, done: 3, total: 3)
        XCTAssertTrue(line.contains("  train_loss \(Format.sig(e.trainLoss, 4))  val_loss \(Format.sig(valLoss, 4))  val_accuracy "), line)
    }

    func testChartTitlesAndHintsFollowTheASCIIFallback() throws {
        let w = trainedWorkspace("seed 1\ndata xor n=60\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.05\ntrain 20")
        let t = w.trainer!, out = try XCTUnwrap(w.out as? CapturedOutput)
        // `plot` as text: the title spelled as the live view spells it in ASCII, and nothing but ASCII printed.
        for (unicode, title) in [(true, "2-4-1 tanh→sigmoid · bce · adam lr 0.05"), (false, "2-4-1 tanh->sigmoid | bce | adam lr 0.05")] {
            out.clear()
            try TextPlotViewer(unicode: unicode).showLoss(w, t)
            XCTAssertEqual(out.text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }, title)
            if !unicode { XCTAssertTrue(out.text.unicodeScalars.allSatisfy(\.isASCII), out.text) }
        }
        let status = LiveView.layout(width: 60, height: 10, unicode: false, chart: Charts.lossChart(t.history, unicode: false, logScale: false),
                                     status: ["2-4-1 tanh→sigmoid · bce"], map: nil, help: nil)
        XCTAssertEqual(status.lines()[9].trimmingCharacters(in: .whitespaces), "2-4-1 tanh->sigmoid | bce")
        // The full-screen plot's bottom lines.
        XCTAssertEqual(CursesPlotViewer.lossHint(0...100, help: false, unicode: false), "steps 0-100 | + - zoom | <- -> scroll | l log | ? keys | q back")
        XCTAssertEqual(CursesPlotViewer.lossHint(0...100, help: true, unicode: false),
                       "+ zoom in | - zoom out | <-/-> scroll | l log scale | q/Esc/Enter back | other keys hide this")
        XCTAssertEqual(CursesPlotViewer.lossHint(0...100, help: false, unicode: true), "steps 0–100 · + - zoom · ← → scroll · l log · ? keys · q back")
        XCTAssertEqual(CursesPlotViewer.boundaryHint(model: w.modelLine(), mapName: Charts.mapName(t.train.task), unicode: false),
                       "decision map of 2-4-1 tanh->sigmoid | bce | adam lr 0.05 | any key returns")
        XCTAssertEqual("a→b ← c·d – e — f █░ é".asciiFallback, "a->b <- c|d - e - f #. é")
    }

    func testARegressionsMapIsTitledItsOutputSurface() {
        // `plot boundary` of a regression on 2 features titled it "decision map of 2-4-1 tanh · mse · …", which the README
        // calls its output surface.
        let w = trainedWorkspace("data linear n=30\nlayer dense 4 tanh\nlayer dense 1\nloss mse\ntrain 5")
        let t = w.trainer!
        XCTAssertEqual(CursesPlotViewer.boundaryHint(model: w.modelLine(), mapName: Charts.mapName(t.train.task), unicode: true),
                       "output surface of 2-4-1 tanh→linear · mse · sgd lr 0.001 · any key returns")
        XCTAssertEqual(Charts.mapName(.binary), "decision map")
        XCTAssertEqual(Charts.mapName(.multiclass), "decision map")
    }

    func testTheWayOutStaysWhenTheTerminalIsSmall() {
        // At 40 columns the plot's hint and the map's lose fields, never the way back, which comes first.
        let hint = CursesPlotViewer.lossHint(1...3000, help: false, unicode: true, width: 40)
        XCTAssertEqual(hint, "q back · ? keys · steps 1–3000 · l log")
        XCTAssertEqual(CursesPlotViewer.lossHint(1...3000, help: true, unicode: true, width: 40), "q/Esc/Enter back · other keys hide this")
        XCTAssertEqual(CursesPlotViewer.lossHint(1...3000, help: false, unicode: true, width: 200),
                       "steps 1–3000 · + - zoom · ← → scroll · l log · ? keys · q back")
        XCTAssertTrue(CursesPlotViewer.boundaryHint(model: "2-8-1 tanh→sigmoid · bce · adam lr 0.01", mapName: "decision map", unicode: true, width: 40)
            .hasPrefix("any key returns · decision map of 2-8-1"))
        // The live view's status keeps the line with the stop key when the rows run out, then the first lines.
        let lines = ["numbers", "more numbers", "speed", "bar", "model", "q stop · space pause", "v val · ? keys"]
        XCTAssertEqual(LiveView.fit(lines, rows: 3), ["numbers", "more numbers", "q stop · space pause"])
        XCTAssertEqual(LiveView.fit(lines, rows: 1), ["q stop · space pause"])
        XCTAssertEqual(LiveView.fit(lines, rows: 9), lines)
        let w = trainedWorkspace("seed 1\ndata xor n=60\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 20")
        let status = LiveView.status(numbers: LiveView.numbersLine(w.trainer!, done: 20, total: 20), speed: "20 steps/s  ",
                                     fraction: 1, paused: false, watches: [], model: w.modelLine(), width: 40)
        let frame = LiveView.layout(width: 40, height: 4, unicode: true, chart: Charts.lossChart(w.trainer!.history, unicode: true, logScale: false),
                                    status: status, map: nil, help: nil)
        XCTAssertTrue(frame.lines().contains { $0.hasPrefix("q stop · space pause") }, frame.text())
    }

    func testTheKeysLineSaysTheScaleAndOffersTheMapOnlyWhereItCanBeDrawn() {
        XCTAssertEqual(LiveView.keysLine(logScale: true, map: true), "q stop · space pause · l scale: log · v val · b map: on · ? keys")
        XCTAssertEqual(LiveView.keysLine(logScale: false, map: false), "q stop · space pause · l scale: linear · v val · b map: off · ? keys")
        XCTAssertEqual(LiveView.keysLine(logScale: false, map: nil), "q stop · space pause · l scale: linear · v val · ? keys")
        XCTAssertNil(LiveView.noMapReason(features: 2, width: 90, height: 16))
        XCTAssertEqual(LiveView.noMapReason(features: 64, width: 200, height: 50),
                       "no map: it is drawn for data of 2 features (or 1, for regression or two classes: the fitted curve), and this data has 64")
        XCTAssertNil(LiveView.noMapReason(features: 1, fit: true, width: 90, height: 16))
        XCTAssertEqual(LiveView.noMapReason(features: 1, fit: true, width: 80, height: 24),
                       "no room for the map: it needs a terminal of 90×16 or more (this one is 80×24)")
        XCTAssertEqual(LiveView.noMapReason(features: 2, width: 89, height: 40),
                       "no room for the map: it needs a terminal of 90×16 or more (this one is 89×40)")
        XCTAssertEqual(LiveView.pasteNotice("show config\nquit\n"), "kept the 2 pasted lines for the prompt: they run after the run")
        XCTAssertEqual(LiveView.pasteNotice("show model"), "kept the pasted text for the prompt: it waits there after the run")
        XCTAssertEqual(LiveView.unusedKeyNotice(.character("h")),
                       "'h' is not a key here (? lists them): typed commands are lost, pasted ones run after the run")
        XCTAssertEqual(LiveView.unusedKeyNotice(.control(4), after: "after this view"),
                       "Ctrl-D is not a key here (? lists them): typed commands are lost, pasted ones run after this view")
    }

    func testANoticeAboutTheTerminalsSizeGoesOnAResizeAndOthersStay() {
        var notice = Notice()
        notice.say("no room for the map", aboutSize: true)
        XCTAssertEqual(notice.text, "no room for the map")
        notice.resized()
        XCTAssertNil(notice.text, "the size it named is gone")
        notice.say("kept the pasted line for the prompt")
        notice.resized()
        XCTAssertEqual(notice.text, "kept the pasted line for the prompt", "a resize does not make it stale")
        // A later message that is not about the size is not taken away by a resize for the earlier one.
        notice.say("no room for the map", aboutSize: true)
        notice.say("'h' is not a key here")
        notice.resized()
        XCTAssertEqual(notice.text, "'h' is not a key here")
        notice.say("gone soon", for: .zero)
        XCTAssertNil(notice.text)
    }

    func testClockAndBarTexts() {
        XCTAssertEqual(LiveView.clockText(65), "1:05")
        XCTAssertEqual(LiveView.clockText(3723), "1:02:03")
        XCTAssertEqual(LiveView.clockText(.infinity), "—")
        XCTAssertEqual(LiveView.bar(0.25, width: 8), "[██░░░░░░]")
        XCTAssertEqual(LiveView.bar(2, width: 4), "[████]")
    }

    func testLossChartSeriesComeFromTheHistory() {
        let w = trainedWorkspace("data sine n=30\nsplit 0.8\nlayer dense 4 tanh\nlayer dense 1\nloss mse\ntrain 20 every=10")
        let h = w.trainer!.history
        let chart = Charts.lossChart(h, unicode: true, logScale: false)
        XCTAssertEqual(chart.series.map(\.name), ["batch loss", "train loss", "val loss"])
        XCTAssertEqual(chart.series.map(\.style), [.solid, .solid, .dotted])
        XCTAssertEqual(chart.series[0].count, 20)
        XCTAssertEqual(chart.series[1].xs, [10, 20])
        XCTAssertEqual(chart.series[1].ys, h.evaluations.filter { $0.step > 0 }.map(\.trainLoss))
        XCTAssertEqual(chart.series[2].ys, h.evaluations.filter { $0.step > 0 }.compactMap(\.valLoss))
        // Under a regularizer the batch curve is the data loss too, as the evaluations' curves are (the penalty,
        // here far larger, is not added in).
        let l2 = trainedWorkspace("data linear n=40\nlayer dense 4\nlayer dense 1\nloss mse\nregularize l2 0.5\ntrain 5").trainer!.history
        XCTAssertEqual(Charts.lossChart(l2, unicode: true, logScale: false).series[0].ys, l2.steps.map(\.batchLoss))
        XCTAssertTrue(l2.steps.allSatisfy { $0.penalty > 0 })
    }

    func testPlotZoomStopsAtTenSteps() {
        // Zooming a 0…100,000 window in 40 times would leave 0.2 steps; the window stays 10 wide and inside.
        // It widens about the centre (74621), so `+` at the limit leaves the window where it is.
        XCTAssertEqual(CursesPlotViewer.clamp(74620.9, 74621.1, in: 0...100_000), 74616...74626)
        XCTAssertEqual(CursesPlotViewer.clamp(99_999, 100_000, in: 0...100_000), 99_990...100_000)
        XCTAssertEqual(CursesPlotViewer.clamp(0, 1, in: 0...4), 0...4)
        // 47…57 zoomed in (+ takes a quarter off each side: 49.5…54.5) stays 47…57.
        XCTAssertEqual(CursesPlotViewer.clamp(49.5, 54.5, in: 1...100), 47...57)
        // Scrolling keeps the width: 47…57 moved right by 2.5.
        XCTAssertEqual(CursesPlotViewer.clamp(49.5, 59.5, in: 1...100), 49.5...59.5)
    }

    func testCompletionFromTheCommandTable() {
        let w = trainedWorkspace("data xor n=20\nlayer dense 3 tanh\nlayer dense 1 sigmoid")
        XCTAssertEqual(Completion.candidates(line: "opt", word: "opt", workspace: w), ["optimizer"])
        XCTAssertEqual(Completion.candidates(line: "optimizer a", word: "a", workspace: w), ["adam", "adagrad"])
        XCTAssertEqual(Completion.candidates(line: "layer dense 4 ta", word: "ta", workspace: w), ["tanh"])
        XCTAssertEqual(Completion.candidates(line: "show weights W", word: "W", workspace: w), ["W1", "W2"])
        XCTAssertEqual(Completion.candidates(line: "optimizer adam b", word: "b", workspace: w), ["beta1=", "beta2="])
        // Where in the line the word is decides what fits there.
        XCTAssertEqual(Completion.candidates(line: "layer ", word: "", workspace: w), ["dense", "dropout", "insert", "replace", "remove", "pop", "clear"])
        XCTAssertEqual(Completion.candidates(line: "layer dense 4 ", word: "", workspace: w).prefix(3), ["linear", "relu", "leaky_relu"])
        XCTAssertFalse(Completion.candidates(line: "layer dense 4 ", word: "", workspace: w).contains("dropout"))
        XCTAssertEqual(Completion.candidates(line: "layer dense 4 tanh ", word: "", workspace: w).filter { !$0.hasPrefix("init") },
                       ["bias="])
        XCTAssertEqual(Completion.candidates(line: "layer dense 4 leaky_relu s", word: "s", workspace: w), ["slope="])
        XCTAssertEqual(Completion.candidates(line: "layer dense 4 relu init=uniform l", word: "l", workspace: w), ["low="])
        XCTAssertEqual(Completion.candidates(line: "optimizer adam a", word: "a", workspace: w), [])
        XCTAssertEqual(Completion.candidates(line: "train 3 e", word: "e", workspace: w), ["epochs", "every="])
        // Options as the handlers check them: delta= only for huber, l1=/l2= only for elastic, per data source.
        XCTAssertEqual(Completion.candidates(line: "loss huber ", word: "", workspace: w), ["delta="])
        XCTAssertEqual(Completion.candidates(line: "loss mse ", word: "", workspace: w), [])
        XCTAssertEqual(Completion.candidates(line: "regularize elastic ", word: "", workspace: w), ["l1=", "l2="])
        XCTAssertEqual(Completion.candidates(line: "regularize l2 ", word: "", workspace: w), [])
        XCTAssertEqual(Completion.candidates(line: "data spiral ", word: "", workspace: w), ["n=", "noise=", "classes="])
        XCTAssertEqual(Completion.candidates(line: "data xor ", word: "", workspace: w), ["n=", "noise="])
        XCTAssertEqual(Completion.candidates(line: "data csv \"a.csv\" ", word: "", workspace: w), ["target=", "drop=", "classes="])
        XCTAssertEqual(Completion.candidates(line: "data X=[[1]] ", word: "", workspace: w), ["y="])
        XCTAssertEqual(Completion.candidates(line: "data ", word: "", workspace: w).suffix(2), ["X=", "y="])
        // An option already on the line is not offered again.
        XCTAssertEqual(Completion.candidates(line: "loss huber delta=2 ", word: "", workspace: w), [])
        XCTAssertEqual(Completion.candidates(line: "regularize elastic l1=0.1 ", word: "", workspace: w), ["l2="])
        XCTAssertEqual(Completion.candidates(line: "optimizer adam beta1=0.8 b", word: "b", workspace: w), ["beta2="])
        XCTAssertEqual(Completion.candidates(line: "layer dense 4 relu init=uniform low=1 ", word: "", workspace: w), ["bias=", "high="])
        XCTAssertEqual(Completion.candidates(line: "break ", word: "", workspace: w), ["nan", "gradnorm", "off"])
        XCTAssertEqual(Completion.candidates(line: "help o", word: "o", workspace: w), ["optimizer"])
        XCTAssertEqual(Completion.candidates(line: "expect g", word: "g", workspace: w), ["grad"])
        XCTAssertEqual(Completion.candidates(line: "break nan o", word: "o", workspace: w), ["on", "off"])
        // Parameters only where they are taken: `show weights|grads`, not after other kinds of show.
        XCTAssertEqual(Completion.candidates(line: "show ", word: "", workspace: w), Commands.showKinds + ["W1", "b1", "W2", "b2"])
        XCTAssertEqual(Completion.candidates(line: "show grads ", word: "", workspace: w), ["W1", "b1", "W2", "b2", "digits="])
        XCTAssertEqual(Completion.candidates(line: "show confusion ", word: "", workspace: w), [])
        XCTAssertEqual(Completion.candidates(line: "show model ", word: "", workspace: w), [])
        // After `;` the word belongs to the last command of the line (a `;` inside a string does not count).
        XCTAssertEqual(Completion.candidates(line: "train 10; show w", word: "w", workspace: w), ["weights"])
        XCTAssertEqual(Completion.candidates(line: "step;opt", word: "opt", workspace: w), ["optimizer"])
        XCTAssertEqual(Completion.candidates(line: "save session \"a;b\" ", word: "", workspace: w), [])
        XCTAssertTrue(Completion.insideString("data csv \"Sessions/da"))
        XCTAssertFalse(Completion.insideString("data csv \"a.csv\" "))
    }

    func testTheLastProgressLineShowsTheEvaluationAtTheLastStep() {
        // every=7 evaluates at steps 7, 14, 21, 28 and, at the end of the run, 30; the line for step 30 comes after
        // that last evaluation, so it carries step 30's numbers, not "(evaluated at step 28)".
        let h = ShellHarness()
        let text = h.ok("data xor n=100\nbatch 16\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.05\ntrain 30 every=7")
        let lines = text.split(separator: "\n").map(String.init)
        let last = lines.last { $0.hasPrefix("step 30/30") } ?? ""
        XCTAssertTrue(last.contains("train_loss") && !last.contains("evaluated at"), text)
        XCTAssertEqual(lines.filter { $0.hasPrefix("step 30/30") }.count, 1, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("step 27/30") && $0.hasSuffix("(evaluated at step 21)") }, text)
    }

    func testARunStoppedEarlyEndsOnTheLineOfItsLastStep() {
        // break gradnorm stops the 18-step run after some step k < 18 (its update applied); the last progress line
        // is step k's, after the closing evaluation, and the summary says k steps.
        let h = ShellHarness()
        let text = h.ok("data linear n=100\nlayer dense 8 tanh\nlayer dense 1\nloss mse\noptimizer sgd lr=0.5\nbreak gradnorm > 20\ntrain 18")
        let lines = text.split(separator: "\n").map(String.init)
        let k = h.w.stepCount
        XCTAssertLessThan(k, 18, text)
        let progress = lines.filter { $0.hasPrefix("step ") }
        XCTAssertTrue(progress.last?.hasPrefix("step \(k)/18  ") == true && progress.last?.contains("evaluated at") == false, text)
        XCTAssertTrue(lines.last?.hasPrefix("trained \(k) steps") == true, text)
    }

    func testPlusAndMinusStepToTheNearestPaceEitherSide() {
        // + from 20 is 30 and - is 10 (20 is no pace of the ladder 1, 3, 10, … 3000); + past 3000 is full speed (nil).
        XCTAssertEqual(LiveView.nextPace(from: 20, faster: true, rate: 25).pace, 30)
        XCTAssertEqual(LiveView.nextPace(from: 20, faster: false, rate: 25).pace, 10)
        XCTAssertNil(LiveView.nextPace(from: 3000, faster: true, rate: 9000).pace)
        XCTAssertNil(LiveView.nextPace(from: nil, faster: true, rate: 9000).pace)
        // - goes below the speed so far too: from 1e6 at 169,322 steps a second, 3000; from full speed at 250, 100.
        XCTAssertEqual(LiveView.nextPace(from: 1e6, faster: false, rate: 169_322).pace, 3000)
        XCTAssertEqual(LiveView.nextPace(from: nil, faster: false, rate: 250).pace, 100)
        // From 0.1, nothing is slower: it stays, and says so.
        let slowest = LiveView.nextPace(from: 0.1, faster: false, rate: 0.1)
        XCTAssertEqual(slowest.pace, 0.1)
        XCTAssertTrue(slowest.slowest)
        XCTAssertEqual(LiveView.nextPace(from: 0.1, faster: true, rate: 0.1).pace, 1)
    }
}
