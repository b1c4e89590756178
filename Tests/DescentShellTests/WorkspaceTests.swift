import XCTest
@testable import DescentCore
@testable import DescentShell

/// The workspace through the session: commands change state, failing commands change nothing, numbers are right.
final class WorkspaceTests: XCTestCase {
    var out: CapturedOutput!
    var w: Workspace!
    var session: Session!

    override func setUp() {
        out = CapturedOutput()
        w = Workspace(output: out, directory: FileManager.default.temporaryDirectory.path)
        session = Session(workspace: w)
    }

    /// Runs lines, failing the test when one fails.
    private func ok(_ lines: String, file: StaticString = #filePath, line: UInt = #line) {
        for l in lines.split(separator: "\n") {
            XCTAssertTrue(session.run(line: String(l)), "\(l): \(out.errors.joined(separator: "\n"))", file: file, line: line)
        }
    }

    /// Runs one line that must fail, returning the error text.
    private func fails(_ line: String, file: StaticString = #filePath, line n: UInt = #line) -> String {
        out.clear()
        XCTAssertFalse(session.run(line: line), "\(line) should fail", file: file, line: n)
        return out.errors.joined(separator: "\n")
    }

    static let seed = """
        data X=[[1,2],[2,3],[3,4]] y=[2,3,4]
        layer dense 1 linear bias=false init=zeros
        loss mse
        optimizer sgd lr=0.005
        """

    func testSeedExampleThroughTheLanguage() {
        ok(Self.seed + "\ntrain 1000")
        let theta = w.model!.parameters[0].value.array
        XCTAssertEqual(theta[0], 0.2935580942022992, accuracy: 1e-9)
        XCTAssertEqual(theta[1], 0.7965641032842721, accuracy: 1e-9)
    }

    func testStepReportsTheFirstLossAndGradientByHand() {
        ok(Self.seed)
        out.clear()
        ok("step")
        // At θ = 0: loss = (4+9+16)/3 = 9.66667; gradient = −(2/3)·[20, 29] → θ = 0.005·(2/3)·[20, 29].
        XCTAssertTrue(out.text.contains("step 1"), out.text)
        XCTAssertTrue(out.text.contains("batch_loss 9.66667"), out.text)
        XCTAssertEqual(w.model!.parameters[0].value.array[0], 0.005 * 40 / 3, accuracy: 1e-15)
        XCTAssertEqual(w.model!.parameters[0].value.array[1], 0.005 * 58 / 3, accuracy: 1e-15)
    }

    func testFailingCommandsChangeNothing() {
        ok(Self.seed + "\ntrain 10")
        let before = w.model!.snapshot()
        let config = Printer.config(w)
        _ = fails("optimizer adam lrr=0.1")
        _ = fails("layer dense 0 tanh")
        _ = fails("loss hinge delta=2")
        _ = fails("set W1[5,0] = 1")
        _ = fails("split 1.5")
        _ = fails("regularize l1")
        _ = fails("batch -3")
        _ = fails("load weights \"/nonexistent/w.json\"")
        XCTAssertEqual(Printer.config(w), config)
        XCTAssertEqual(w.model!.snapshot(), before)
        XCTAssertEqual(w.stepCount, 10)
    }

    func testSavedWeightsLoadBackAndNonFiniteOnesAreNotSaved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-weights-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("w.json").path
        // Zero biases are written as 0.0, which Linux Foundation once read as a boolean.
        ok("data xor n=20\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\nsave weights \"\(file)\"\nload weights \"\(file)\"")
        let saved = try Data(contentsOf: URL(fileURLWithPath: file))
        w.model!.parameter("W1")!.value[6] = .infinity  // W1 is [2, 4]: flat entry 6 is W1[1,2]
        let before = w.model!.snapshot()
        XCTAssertEqual(fails("save weights \"\(file)\"").components(separatedBy: "\n").first,
                       "error: cannot save weights: W1[1,2] is inf; JSON has no infinity or NaN, so nothing was written to \(file)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), saved, "the earlier file is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["w.json"], "no temporary file is left")
        XCTAssertEqual(w.model!.snapshot().map { $0.data.map(\.bitPattern) }, before.map { $0.data.map(\.bitPattern) })
    }

    func testModelThatDoesNotFitSaysWhatWould() {
        ok("data xor n=40\nlayer dense 4 tanh\nlayer dense 3 softmax\nloss bce")
        XCTAssertTrue(fails("train 1").contains("bce needs 1 output (the probability of class 1); the last layer has 3 — replace the last layer: `layer pop; layer dense 1 sigmoid`"))
        ok("data sine n=40\nlayer pop\nlayer dense 1\nloss ce")
        XCTAssertTrue(fails("step").contains("ce needs class targets, but 'y' is a regression target — use mse, mae or huber"))
    }

    func testShowDataSaysHowTrainingReadsNumericTargets() {
        // y = [0,1,2,1] is a regression target until a classification loss reads it as class ids 0–2
        // (counts by hand: one 0, two 1s, one 2); a non-integer target stays regression even under ce.
        ok("data X=[[1,2],[2,3],[3,4],[0,0]] y=[0,1,2,1]")
        out.clear(); ok("show data")
        XCTAssertTrue(out.text.contains("task regression\nfeatures: x1, x2\ntarget: y\n"), out.text)
        ok("loss ce")
        out.clear(); ok("data X=[[1,2],[2,3],[3,4],[0,0]] y=[0,1,2,1]")
        XCTAssertEqual(out.lines.last, "data: inline — 4 samples, 2 features, 3 classes (y holds class ids 0–2, read as classes under ce)")
        out.clear(); ok("show data")
        XCTAssertTrue(out.text.contains("task multiclass\nfeatures: x1, x2\ntarget: y (class ids 0–2, read as classes under ce)\nclass counts: 1, 2, 1\n"), out.text)
        // 0.5 is no class id: `data` says ce will not fit (loss already ce), or says nothing of class ids (no loss).
        out.clear(); ok("data X=[[1,2],[2,3]] y=[0.5,1]")
        XCTAssertEqual(out.lines.last, "data: inline — 2 samples, 2 features, regression target 'y'; under ce y would be class ids, but y[0] is 0.5, not a class id — class targets are whole numbers 0, 1, …, k-1; for a regression target use mse, mae or huber")
        // One class: 0 is a class id, so the reason is that there is one class, not that the values are not ids.
        out.clear(); ok("data X=[[1,2],[2,3]] y=[0,0]")
        XCTAssertEqual(out.lines.last, "data: inline — 2 samples, 2 features, regression target 'y'; under ce y would be class ids, but y has only class 0 — a classifier needs at least 2 classes; for a regression target use mse, mae or huber")
        out.clear(); ok("data X=[[1,2],[2,3]] y=[0.5,1]")
        out.clear(); ok("show data")
        XCTAssertTrue(out.text.contains("task regression\nfeatures: x1, x2\ntarget: y\n"), out.text)
    }

    func testTheDefaultBatchIsTheWholeSetUpTo4096TrainingRowsElse32() throws {
        /// The trainer's rows per batch after `lines`, and what `show config` says of the batch: `32: batch  …`.
        func batch(_ lines: String) throws -> String {
            ok(lines + "\nlayer clear\nlayer dense 1\nloss mse")
            let rows = try XCTUnwrap(w.ensureTrainer().sampler.batchSize)
            out.clear(); ok("show config")
            let line = out.text.split(separator: "\n").first { $0.hasPrefix("batch ") } ?? ""
            return "\(rows): \(line)"
        }
        let rule = "(default: full up to 4096 training rows, else 32)"
        out.clear(); ok("show config")
        XCTAssertTrue(out.text.contains("batch       full or 32 \(rule)\n"), out.text)
        XCTAssertEqual(try batch("data linear n=4096"), "4096: batch       full \(rule)")
        XCTAssertFalse(out.text.contains("by default at this size"))
        out.clear(); ok("data linear n=4097")
        XCTAssertEqual(out.lines.first, "data: linear n=4097 noise=0.1 — 4097 samples, 2 features, regression target 'y'; "
                       + "batches of 32 rows by default at this size (`batch full` for all of them)")
        XCTAssertEqual(try batch("data linear n=4097"), "32: batch       32 \(rule)")
        // The training part counts: 0.8 of 5000 rows is 4000, so the whole part.
        XCTAssertEqual(try batch("split 0.8\ndata linear n=5000"), "4000: batch       full \(rule)")
        XCTAssertEqual(try batch("split none\nbatch full"), "5000: batch       full")
        XCTAssertEqual(try batch("batch 8"), "8: batch       8")
        out.clear(); ok("data linear n=6000")
        XCTAssertFalse(out.text.contains("by default"), "a batch chosen is not the default")
    }

    func testDefaultEvaluationsTakeNoLongerThanTraining() {
        // 400 rows in batches of 8: an evaluation runs 400 rows forward, a step 8 forward and backward (~24), so
        // by default at most one every ⌈400 / 24⌉ = 17 steps: at 17, 34, 51, 68, 85 and at the end, 100.
        ok("data spiral n=400 classes=2\nsplit 0.8\nbatch 8\nlayer dense 4 tanh\nlayer dense 2\nloss ce\ntrain 100")
        XCTAssertEqual(w.trainer?.evaluationInterval, 17)
        XCTAssertEqual(w.trainer?.history.evaluations.map(\.step), [17, 34, 51, 68, 85, 100])
        // Full batch (320 training rows): one every max(⌈400 / 960⌉, 1000 / 200) = 5 steps; `every=` still rules.
        ok("batch full\ntrain 1000")
        XCTAssertEqual(w.trainer?.evaluationInterval, 5)
        out.clear(); ok("show config")
        XCTAssertTrue(out.text.contains("evaluate    about 200 times a train run, at most once every ⌈rows / (3 × batch)⌉ steps\n"), out.text)
        ok("train 10 every=2")
        XCTAssertEqual(w.trainer?.evaluationInterval, 2)
        out.clear(); ok("show config")
        XCTAssertTrue(out.text.contains("evaluate    every 2 steps (train … every=K)"), out.text)
    }

    func testAColumnThatCannotBeStandardisedIsAnErrorThatChangesNothing() {
        // mean(1.7e308, -1.7e308, 1e308, 0) = 2.5e307, and -1.7e308 - 2.5e307 = -1.95e308 is beyond Double's range.
        // `normalize` says so at once and stays off; with it on, such `data` is refused and the old data kept.
        ok("data X=[[1.7e308],[-1.7e308],[1e308],[0]] y=[1,2,3,4]\nlayer dense 1\nloss mse")
        XCTAssertTrue(fails("normalize").contains("feature 'x1' cannot be standardised: a value of -1.7e+308 is so far from the mean that x − mean overflows"))
        XCTAssertFalse(w.normalize)
        ok("data X=[[1],[2],[3],[5]] y=[1,2,3,4]\nnormalize")
        XCTAssertTrue(fails("data X=[[1.7e308],[-1.7e308],[1e308],[0]] y=[1,2,3,4]").contains("feature 'x1' cannot be standardised"))
        XCTAssertEqual(w.data?.X.data, [1, 2, 3, 5])
        ok("step")
        // A split (or a seed, which redraws it) that leaves such values apart is refused too: ±1.7e308 have mean 0,
        // but split in halves the training row is the mean, and the other minus it overflows.
        ok("normalize off\ndata X=[[1.7e308],[-1.7e308]] y=[1,2]\nnormalize")
        XCTAssertTrue(fails("split 0.5").contains("cannot be standardised"))
        XCTAssertNil(w.splitFraction)
    }

    func testHingeRefusesAnOutputThatIsNeverNegative() {
        // hinge's class is the sign of the output; sigmoid, relu, softplus (and leaky_relu or elu whose negative
        // side is flipped or flat) are never below 0, so every sample would be class 1.
        ok("data xor n=40\nlayer dense 1 sigmoid\nloss hinge")
        XCTAssertTrue(fails("train 1").contains("hinge reads a score whose sign is the class, but a sigmoid output is never below 0"))
        for act in ["relu", "softplus", "leaky_relu slope=0", "elu alpha=0"] {
            ok("layer pop\nlayer dense 1 \(act)")
            XCTAssertTrue(fails("step").contains("is never below 0"), act)
            XCTAssertNil(w.trainer, act)
        }
        for act in ["linear", "tanh", "leaky_relu", "elu", "gelu"] {
            ok("layer pop\nlayer dense 1 \(act)\nstep")
        }
    }

    func testCrossEntropyRefusesASigmoidLastLayerInEitherOrder() {
        // ce applies its own softmax to logits; sigmoid outputs would be read as logits. The loss after the layer:
        ok("data spiral n=30 classes=3\nlayer dense 3 sigmoid\nloss ce")
        XCTAssertTrue(fails("train 1").contains("ce reads logits (it applies a softmax itself), but the last layer is sigmoid"))
        XCTAssertNil(w.trainer)
        XCTAssertEqual(w.stepCount, 0)
        // The layer after the loss, on two classes (where bce is the other way):
        ok("new\ndata xor n=20\nloss ce\nlayer dense 2 sigmoid")
        let message = fails("step")
        XCTAssertTrue(message.contains("the last layer is sigmoid") && message.contains("or use bce with `layer dense 1 sigmoid`"), message)
        XCTAssertNil(w.trainer)
        // softmax and linear are what ce is for.
        ok("layer pop\nlayer dense 2 softmax\nstep\nlayer pop\nlayer dense 2\nstep")
    }

    func testModelTooLargeForMemoryIsRefusedBeforeAnythingIsAllocated() {
        // 2-20000-20000-1: 2·20,000 + 20,000 + 20,000² + 20,000 + 20,000 + 1 = 400,100,001 parameters (by hand),
        // three values each (value, gradient, state) — far over the 2.5·10⁸ values a session may hold.
        // With data loaded, the layer that makes the model too large is refused, and the layers stay as they were.
        ok("data xor n=40\nlayer dense 20000 tanh\nloss bce")
        XCTAssertTrue(fails("layer dense 20000 tanh").contains("this model is too large: 400080000 parameters and 40 samples need about"))
        XCTAssertEqual(w.layers.count, 1)
        // Layers given before the data are checked when the model is built.
        ok("new\nlayer dense 20000 tanh\nlayer dense 20000 tanh\nlayer dense 1 sigmoid\nloss bce\ndata xor n=40")
        XCTAssertTrue(fails("step").contains("this model is too large: 400100001 parameters and 40 samples need about"))
        XCTAssertNil(w.model)
        ok("layer pop\nlayer pop\nlayer dense 1 sigmoid\nstep")   // 2-20000-1 fits
        XCTAssertEqual(w.model?.parameterCount, 80_001)
    }

    func testNewDataThatAKeptModelWouldNotFitIsRefused() {
        // A 2-30000-1 model (120,001 parameters) fits 100 rows; on 300,000 rows its evaluation and step graphs, 8
        // blocks of 4,096 rows at about 120,000 values a row (values and gradients), would need some 31 GB. `data`
        // kept the model (same width) without the check that building it for those rows makes.
        ok("data linear n=100\nlayer dense 30000 tanh\nlayer dense 1\nloss mse\nshow model")
        let model = w.model, data = w.data
        XCTAssertTrue(fails("data linear n=300000").contains("this model is too large: 120001 parameters and 300000 samples need about"))
        XCTAssertTrue(w.model === model)
        XCTAssertEqual(w.data, data, "the data is as it was")
        ok("data linear n=1000")   // fits
        // Past 8 blocks of 4,096 rows only the layers count, and the advice says so: 3000 units on 1,000,000 rows
        // need the same 3.1 GB as on 32,768.
        let e = fails("new\ndata spiral n=1000000\nlayer dense 3000")
        XCTAssertTrue(e.contains("over the 2.0 GB a session may hold — narrow the layers (rows past 32768 do not count"), e)
        ok("data spiral n=32768")
        XCTAssertTrue(fails("layer dense 3000").contains("over the 2.0 GB a session may hold — keep layers and data smaller"))
    }

    func testASettingGivenAgainAsItIsChangesNothing() {
        // `normalize` while on reset the history and optimizer state and cleared undo; `loss`, `batch`, `split` and
        // `regularize` as they were cleared undo and dropped a pass by hand. Now each says so and keeps everything.
        ok(Self.seed + "\nnormalize\nbatch 2\nsplit none\nregularize l2 0.5\ntrain 3\nforward")
        let weights = w.model!.snapshot(), undo = w.undoStack.count, steps = w.stepCount
        out.clear(); ok("normalize\nloss mse\nbatch 2\nsplit none\nregularize l2 0.5")
        XCTAssertEqual(out.lines, ["normalize on: already so — nothing changed", "loss mse: already so — nothing changed",
                                   "batch 2: already so — nothing changed", "split none: already so — nothing changed",
                                   "regularize l2 0.5: already so — nothing changed"])
        XCTAssertEqual(w.model!.snapshot(), weights)
        XCTAssertEqual(w.undoStack.count, undo)
        XCTAssertEqual(w.stepCount, steps)
        XCTAssertNotNil(w.inspected, "the pass by hand is still under way")
        // A real change still resets what it must.
        ok("regularize l2 0.25")
        XCTAssertTrue(w.undoStack.isEmpty)
        // `batch full` where the default already took the whole set (3 rows): the setting is kept for larger data, the
        // batches do not change, and undo stays.
        ok("new\n" + Self.seed + "\ntrain 2")
        out.clear(); ok("batch full")
        XCTAssertEqual(out.lines, ["batch: full, the batches this data had already — nothing reset"])
        XCTAssertEqual(w.batch, .full)
        XCTAssertEqual(w.undoStack.count, 1)
    }

    func testChangingTheModelSaysWhatItReset() {
        ok(Self.seed + "\ntrain 5")
        out.clear()
        ok("layer dense 1")
        XCTAssertTrue(out.text.contains("reset weights, optimizer state, history and undo history (1 entry)"), out.text)
        XCTAssertEqual(w.stepCount, 0)
    }

    func testResetGivesTheSameWeightsForTheSameSeed() {
        ok("seed 11\ndata moons n=50\nlayer dense 5 tanh\nlayer dense 1 sigmoid\nloss bce\nshow weights")
        let first = w.model!.snapshot()
        ok("train 20\nreset")
        XCTAssertEqual(w.model!.snapshot(), first)
        ok("seed 12\nshow weights")
        XCTAssertNotEqual(w.model!.snapshot(), first)
    }

    /// One sample is one sample in batch's and split's replies, as data's "1 feature" is.
    func testRepliesCountOneSampleInTheSingular() {
        out.clear(); ok("batch 1")
        XCTAssertEqual(out.lines, ["batch: 1 sample, reshuffled each epoch"])
        out.clear(); ok("batch 2")
        XCTAssertEqual(out.lines, ["batch: 2 samples, reshuffled each epoch"])
        ok("batch full\ndata X=[[1],[2],[3],[4]] y=[1,2,3,4]")
        // 0.75 of 4 rows trains on 3 and keeps 1 for validation; 0.5 on 2 and 2.
        out.clear(); ok("split 0.75")
        XCTAssertEqual(out.lines, ["split: 3 training, 1 validation sample"])
        out.clear(); ok("split 0.5")
        XCTAssertEqual(out.lines, ["split: 2 training, 2 validation samples"])
        ok("split none\ndata X=[[1]] y=[1]")
        let e = fails("split 0.5")
        XCTAssertTrue(e.contains("split 0.5 of 1 sample leaves 0 for training and 1 for validation; both need at least one"), e)
        XCTAssertTrue(e.hasSuffix("\n    split 0.5\n          ^~~"), "the caret is under the fraction: \(e)")
    }

    /// An `optimizer` without lr= takes its rule's default rate (PyTorch's: sgd and adam 0.001, rmsprop and adagrad
    /// 0.01); when that differs from the rate before, the reply says so and how to keep the old one.
    func testANewOptimizerSaysWhenItsDefaultRateReplacesTheRateBefore() {
        ok("optimizer sgd lr=0.05")
        out.clear(); ok("optimizer adam")
        XCTAssertTrue(out.text.hasSuffix(" — lr 0.001 is adam's default; it was 0.05 (add lr=0.05 to keep it)"), out.text)
        XCTAssertEqual(w.learningRate, nil)
        // 0.001 to sgd's 0.001: no change, nothing said; `lr` then rmsprop's 0.01, and adagrad's same 0.01.
        out.clear(); ok("optimizer sgd momentum=0.9")
        XCTAssertFalse(out.text.contains("default"), out.text)
        ok("lr 0.3")
        out.clear(); ok("optimizer rmsprop")
        XCTAssertTrue(out.text.hasSuffix(" — lr 0.01 is rmsprop's default; it was 0.3 (add lr=0.3 to keep it)"), out.text)
        out.clear(); ok("optimizer adagrad")
        XCTAssertFalse(out.text.contains("default"), out.text)
        // A rate given is not a default, even when it changes the rate; the old rate is written to all its digits.
        out.clear(); ok("optimizer sgd lr=0.012345678")
        XCTAssertFalse(out.text.contains("default"), out.text)
        out.clear(); ok("optimizer sgd")
        XCTAssertTrue(out.text.hasSuffix(" — lr 0.001 is sgd's default; it was 0.012345678 (add lr=0.012345678 to keep it)"), out.text)
    }

    func testLearningRateChangeKeepsOptimizerState() {
        ok("data sine n=30\nlayer dense 4 tanh\nlayer dense 1\nloss mse\noptimizer adam lr=0.01\ntrain 3")
        let steps = w.trainer!.optimizer.steps
        let m = w.trainer!.optimizer.state1.map { $0.array }
        ok("lr 0.1")
        XCTAssertEqual(w.trainer!.optimizer.steps, steps)
        XCTAssertEqual(w.trainer!.optimizer.state1.map { $0.array }, m)
        XCTAssertEqual(w.trainer!.optimizer.learningRate, 0.1)
    }

    func testUndoRestoresBitIdenticalState() {
        ok("seed 2\ndata circles n=60 noise=0.1\nbatch 16\nlayer dense 6 relu\nlayer dropout 0.2\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.01\ntrain 7")
        let params = w.model!.snapshot(), opt = w.trainer!.optimizer.state2.map { $0.array }
        let steps = w.trainer!.history.steps
        ok("step\ntrain 25\nset W1[0,0] = 3")
        ok("undo\nundo\nundo")
        XCTAssertEqual(w.model!.snapshot(), params)
        XCTAssertEqual(w.trainer!.optimizer.state2.map { $0.array }, opt)
        XCTAssertEqual(w.trainer!.history.steps, steps)
        // Training again from the restored state repeats the undone path exactly.
        ok("step")
        let again = w.model!.snapshot()
        ok("undo\nstep")
        XCTAssertEqual(w.model!.snapshot(), again)
    }

    func testExpectOnMetrics() {
        ok(Self.seed + "\ntrain 1000\nexpect loss < 0.01\nexpect step = 1000\nexpect r2 > 0.9")
        XCTAssertTrue(fails("expect accuracy > 0.5").contains("accuracy is for classification; this is a regression task — use r2"))
        XCTAssertTrue(fails("expect val_loss < 1").contains("val_loss needs a validation split — use `split 0.8`"))
    }

    /// Class ids counted from 1 leave class 0 empty: the data line says so, and bce on ids 1 and 2 (three classes by
    /// id, two with rows) says to recode them rather than that the data has 3 classes. −1/+1 targets under hinge or
    /// bce are the other two-class convention: they are told to recode −1 as 0.
    func testEmptyClassesAndPlusMinusOneTargetsSayWhatToRecode() {
        ok("loss ce\ndata X=[[1],[2],[3]] y=[1,2,3]")
        XCTAssertEqual(out.lines.last, "data: inline — 3 samples, 1 feature, 4 classes (y holds class ids 0–3, read as classes under ce; class 0 has no rows — ids count from 0: are these counted from 1?)")
        out.clear(); ok("data X=[[1],[2],[3],[4]] y=[0,2,4,4]")
        XCTAssertEqual(out.lines.last, "data: inline — 4 samples, 1 feature, 5 classes (y holds class ids 0–4, read as classes under ce; classes 1 and 3 have no rows)")
        ok("new\ndata X=[[1],[2],[3]] y=[1,2,1]\nlayer dense 1 sigmoid\nloss bce")
        XCTAssertTrue(fails("step").contains("error: bce is for two classes, the ids 0 and 1; 'y' holds the ids 1 and 2 (class 0 has no rows) — recode them as 0 and 1, or use ce on 3 outputs: `layer pop; layer dense 3 softmax; loss ce`"))
        // ce on ids 1–3 with 3 outputs: the fourth output is class 0's, which has no rows.
        ok("new\ndata X=[[1],[2],[3]] y=[1,2,3]\nloss ce\nlayer dense 3")
        XCTAssertTrue(fails("step").contains("ce on 4 classes needs 4 outputs; the last layer has 3 — replace the last layer: `layer pop; layer dense 4 softmax` "
                                             + "(class 0 has no rows: the ids count from 0 — recoded as 0–2, 3 outputs would do)"))
        // Three classes with rows are three classes.
        ok("new\ndata X=[[1],[2],[3]] y=[0,1,2]\nlayer dense 1 sigmoid\nloss bce")
        XCTAssertTrue(fails("step").contains("error: bce is for two classes; the data has 3 — use ce"))
        out.clear(); ok("new\nloss hinge\ndata X=[[1],[2],[3]] y=[1,-1,1]")
        XCTAssertEqual(out.lines.last, "data: inline — 3 samples, 1 feature, regression target 'y'; y holds −1 and 1, but under hinge two classes are the ids 0 and 1 (hinge maps them to −1 and +1 itself) — recode −1 as 0")
        ok("layer dense 1")
        XCTAssertTrue(fails("step").contains("error: y holds −1 and 1, but under hinge two classes are the ids 0 and 1"))
        ok("loss bce\nlayer pop\nlayer dense 1 sigmoid")
        XCTAssertTrue(fails("step").contains("error: y holds −1 and 1, but under bce two classes are the ids 0 and 1 — recode −1 as 0"))
        XCTAssertNil(w.trainer)
    }

    /// Accuracy prints as a percentage, but `expect` measures a fraction: `accuracy > 80` could never hold (and
    /// `accuracy < 50` always did), so a bound outside 0–1 is refused, pointing at it.
    func testExpectAccuracyTakesAFraction() {
        ok("data X=[[0],[1]] y=[0,1]\nlayer dense 1 sigmoid init=zeros\nloss bce")
        // Zero weights give σ(0) = 0.5 for both rows, read as class 1 at 0.5: one of two right, accuracy 0.5.
        XCTAssertTrue(fails("expect accuracy > 80").contains("accuracy is a fraction from 0 to 1 here (0.8 for 80%), got 80"))
        XCTAssertTrue(fails("expect val_accuracy < 50").contains("val_accuracy is a fraction from 0 to 1 here"))
        out.clear(); ok("expect accuracy = 0.5")
        XCTAssertEqual(out.lines, ["ok: accuracy = 0.5 (= 0.5)"])
    }

    /// The step count is 0 before any data, model or loss; the metrics of a model still need them.
    func testExpectStepNeedsNoData() {
        out.clear(); ok("expect step = 0")
        XCTAssertEqual(out.lines, ["ok: step = 0 (= 0)"])
        XCTAssertTrue(fails("expect step = 1").contains("expectation failed: step = 0, expected = 1"))
        XCTAssertTrue(fails("expect loss < 1").contains("no data yet"))
        // The count carries over a change that keeps the history (a new loss), and `new` sets it back to 0.
        ok(Self.seed + "\ntrain 3\nloss mae\nexpect step = 3\nnew\nexpect step = 0")
    }

    func testExpectShowsTheDigitsItsToleranceReads() {
        // θ₀ after the seed's 1000 steps is 0.2935580942022992 (numpy, Tests/References): within 1e-9 it is shown
        // to 12 digits, where it first differs from the bound (not 6); a failed `=` (default tolerance 1e-12)
        // shows it to 13, enough to see the miss.
        ok(Self.seed + "\ntrain 1000")
        out.clear(); ok("expect W1[0,0] = 0.2935580942 +- 1e-9")
        XCTAssertEqual(out.lines.last, "ok: W1[0,0] = 0.293558094202 (= 0.2935580942 ± 1e-09)")
        out.clear(); ok("expect W1[0,0] = 0.2936 +- 1e-4")
        XCTAssertEqual(out.lines.last, "ok: W1[0,0] = 0.293558 (= 0.2936 ± 0.0001)")
        XCTAssertTrue(fails("expect W1[0,0] = 0.2935580942").contains("expectation failed: W1[0,0] = 0.2935580942023, expected = 0.2935580942"))
        // The bound keeps the digits it was written with: 0.29355809420529906 is 3e-12 above θ₀, and both sides
        // show it; within 1e-14 of 0.29355809420229 both sides show 15 digits, 9e-15 apart.
        XCTAssertTrue(fails("expect W1[0,0] = 0.29355809420529906").contains("W1[0,0] = 0.2935580942023, expected = 0.29355809420529905"))
        // Inequalities (tolerance 0): digits until the value differs from the bound and stands on its side of it.
        XCTAssertTrue(fails("expect W1[0,0] < 0.293558094202").contains("W1[0,0] = 0.2935580942023, expected < 0.293558094202"))
        // A value set by hand, to its last bit: one unit in the 16th digit apart, and equal.
        ok("set W1[0,0] = 0.2935580942022992")
        XCTAssertTrue(fails("expect W1[0,0] = 0.2935580942022993 +- 0").contains("W1[0,0] = 0.2935580942022992, expected = 0.2935580942022993 ± 0"))
        out.clear(); ok("expect W1[0,0] = 0.2935580942022992")
        XCTAssertEqual(out.lines.last, "ok: W1[0,0] = 0.2935580942022992 (= 0.2935580942022992)")
        ok("undo")
        out.clear(); ok("expect W1[0,0] = 0.29355809420229 +- 1e-14")
        XCTAssertEqual(out.lines.last, "ok: W1[0,0] = 0.293558094202299 (= 0.29355809420229 ± 1e-14)")
    }

    func testPrefixesAndUnknownCommands() {
        ok("dat xor n=20")
        XCTAssertNotNil(w.data)
        XCTAssertTrue(fails("s 1").contains("'s' is ambiguous: seed, split, schedule, step, show, set, save"))
        XCTAssertTrue(fails("trian 5").contains("unknown command 'trian' — did you mean 'train'?"))
    }

    func testAMissingValueMarkInANumericTargetIsPointedAt() throws {
        // One 'NA' among numbers makes every value a class label ("4 classes (3.5, 6.25, NA, 2.5)"), and mse then
        // said only that the data has 4 classes; both now name the cell: line 4 of the file (header on line 1), column 3.
        let h = ShellHarness()
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("descent-na-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try "a,b,y\n1,2,3.5\n4,5,6.25\n7,8,NA\n1,1,2.5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let said = h.ok("data csv \"\(csv)\"")
        XCTAssertTrue(said.contains("4 classes (3.5, 6.25, NA, 2.5); the target holds numbers and text ('NA' at \(csv):4, column 3 'y'), so each value is a class label — if the text marks missing values, fix or drop those rows"), said)
        h.ok("layer dense 1\nloss mse")
        XCTAssertTrue(h.fails("step").contains("mse compares values, but 'y' was read as 4 class labels because it holds text ('NA' at \(csv):4, column 3 'y') among its numbers"))
        // Labels that are mostly text are classes, and nothing is said of numbers.
        try "a,y\n1,cat\n2,dog\n3,7\n".write(toFile: csv, atomically: true, encoding: .utf8)
        XCTAssertFalse(h.ok("data csv \"\(csv)\"").contains("holds numbers and text"))
    }

    func testSaveSessionNotesEachFileReadThatChangedOrWentSince() throws {
        let h = ShellHarness()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("d.csv").path, session = dir.appendingPathComponent("s.descent").path
        try "a,b,y\n1,2,0\n3,4,1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        h.ok("data csv \"\(csv)\"")
        XCTAssertFalse(h.ok("save session \"\(session)\"").contains("note:"))
        try "a,b,y\n1,2,0\n3,5,1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        XCTAssertTrue(h.ok("save session \"\(session)\"").contains("note: \(csv) has changed since this session read it"))
        try FileManager.default.removeItem(atPath: csv)
        XCTAssertTrue(h.ok("save session \"\(session)\"").contains("note: this session read \(csv), which cannot be read now"))
        // A pipe or device gives what it gives when read again: said so, whatever it holds now.
        h.w.noteRead("/dev/null", name: "/dev/null", text: "")
        XCTAssertTrue(h.ok("save session \"\(session)\"").contains("note: this session read /dev/null, which is not a regular file (a pipe or device)"))
    }

    func testNewStartsOverAsAFreshSessionDoes() {
        let h = ShellHarness(), fresh = ShellHarness()
        h.ok("seed 4\ndata moons n=60\nsplit 0.75\nnormalize\nbatch 8\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\n"
             + "regularize l2 0.01\noptimizer adam lr=0.02\nwatch W1[0,0]\nbreak gradnorm > 100\ntrain 3 every=1")
        XCTAssertTrue(h.ok("new").hasPrefix("new session: no data, no model, default settings (seed 0)"))
        // The configuration reads as a fresh session's, and nothing is left to undo, plot or save.
        XCTAssertEqual(h.ok("show config"), fresh.ok("show config"))
        XCTAssertTrue(h.fails("undo").contains("nothing to undo"))
        XCTAssertTrue(h.fails("plot").contains("nothing to plot yet"))
        XCTAssertEqual(h.w.recorded, [])
        // The same lesson run after `new` gives the weights a fresh session gives.
        let lesson = "data xor n=40\nlayer dense 3 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 5"
        h.ok(lesson); fresh.ok(lesson)
        XCTAssertEqual(h.values("W1"), fresh.values("W1"))
        XCTAssertEqual(h.w.recorded, fresh.w.recorded)
    }
}
