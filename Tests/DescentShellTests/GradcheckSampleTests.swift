import XCTest
@testable import DescentCore
@testable import DescentShell

/// `gradcheck sample=N`: N entries of each parameter, drawn from the seed without touching the training streams;
/// a sample fails exactly when it holds a failing entry; bad values are refused; and a long check says so.
final class GradcheckSampleTests: XCTestCase {
    /// A 2-8-1 tanh regression on five rows: W1 has 16 entries, b1 8, W2 8, b2 1.
    static let setup = "data X=[[0.5,-1.2],[1.5,0.3],[-0.7,0.8],[0.2,-0.4],[1.1,1.9]] y=[0.3,-1.2,2.5,0.7,-3.4]\n"
        + "layer dense 8 tanh\nlayer dense 1 linear\nloss mse"

    /// The table row of parameter `name` in `text`.
    private func row(_ name: String, in text: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix("│ \(name) ") }.map(String.init) ?? ""
    }

    func testEachRowSaysHowManyOfItsEntriesWereChecked() {
        let h = ShellHarness()
        h.ok("seed 7\n" + Self.setup)
        let text = h.ok("gradcheck sample=5")
        XCTAssertTrue(text.contains("up to 5 entries of each parameter drawn from seed 7:"), text)
        // Counted by hand from the layer sizes: 2·8, 8, 8·1, 1.
        XCTAssertTrue(row("W1", in: text).contains("│ 5 of 16 │"), text)
        XCTAssertTrue(row("b1", in: text).contains("│  5 of 8 │"), text)
        XCTAssertTrue(row("W2", in: text).contains("│  5 of 8 │"), text)
        XCTAssertTrue(row("b2", in: text).contains("│   all 1 │"), text)
        XCTAssertFalse(text.contains("FAIL"), text)
        // A sample of at least a parameter's entries checks all of them.
        let whole = h.ok("gradcheck sample=8")
        XCTAssertTrue(row("b1", in: whole).contains("│   all 8 │"), whole)
        XCTAssertTrue(row("W1", in: whole).contains("│ 8 of 16 │"), whole)
        // Without sample= the table is as before, with no checked column.
        XCTAssertFalse(h.ok("gradcheck").contains("checked"))
    }

    func testTheSameSeedAndModelCheckTheSameEntriesAndOneParameterItsShare() {
        let a = ShellHarness(), b = ShellHarness(), c = ShellHarness()
        a.ok("seed 7\n" + Self.setup)
        b.ok("seed 7\n" + Self.setup)
        c.ok("seed 8\n" + Self.setup)
        let first = a.ok("gradcheck sample=3")
        XCTAssertEqual(a.ok("gradcheck sample=3"), first, "checked again")
        XCTAssertEqual(b.ok("gradcheck sample=3"), first, "in another session of the same seed and model")
        XCTAssertNotEqual(c.ok("gradcheck sample=3"), first, "another seed draws other entries (and weights)")
        // One parameter alone checks the entries the whole check did.
        XCTAssertEqual(row("W1", in: a.ok("gradcheck W1 sample=3")), row("W1", in: first))
        XCTAssertEqual(row("W2", in: a.ok("gradcheck W2 sample=3")), row("W2", in: first))
        // W1's entries are drawn from its own stream (the model's first parameter) of stream 4 of seed 7, whatever
        // training did since: the worst entry shown, before and after training, is among them.
        var rng = RNG(seed: 7).derived(stream: 4).derived(stream: 0)
        let drawn = GradientCheck.sampledOffsets(count: 16, taking: 3, rng: &rng).map { "[\($0 / 8),\($0 % 8)]" }
        b.ok("train 3")
        for text in [first, b.ok("gradcheck sample=3")] {
            let worst = row("W1", in: text).split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }[2]
            XCTAssertTrue(drawn.contains(worst), "\(worst) is not among \(drawn)")
        }
    }

    func testASampleFailsExactlyWhenItHoldsTheFailingEntry() {
        // Under l1 0.1, W1[1,3] = 1e-6 sits within h = 1e-5 of |w|'s kink: there the analytic gradient takes 0.1·sign(w)
        // and the central difference 0.1·(1.1e-5 − 0.9e-5)/2e-5 = 0.01 (by hand), so that entry, offset 1·8 + 3 = 11,
        // fails and, away from 0, every other passes. The full check fails on it; a sample of 4 of W1's 16 fails when
        // its draw holds offset 11 and passes when it does not, and both happen among these seeds.
        var outcomes: Set<Bool> = []
        for seed in 0..<16 {
            let h = ShellHarness()
            h.ok("seed \(seed)\n" + Self.setup + "\nregularize l1 0.1\nset W1[1,3] = 1e-6")
            let full = h.fails("gradcheck W1")
            XCTAssertTrue(full.contains("W1[1,3] = 1e-06 is within h = 1e-5 of L1's kink"), full)
            var rng = RNG(seed: UInt64(seed)).derived(stream: 4).derived(stream: 0)
            let holds = GradientCheck.sampledOffsets(count: 16, taking: 4, rng: &rng).contains(11)
            outcomes.insert(holds)
            if holds {
                let e = h.fails("gradcheck W1 sample=4")
                XCTAssertTrue(e.contains("W1[1,3] = 1e-06 is within h = 1e-5 of L1's kink"), "seed \(seed): \(e)")
                XCTAssertTrue(row("W1", in: h.out.text).contains("│ 4 of 16 │ [1,3] "), h.out.text)
            } else {
                let text = h.ok("gradcheck W1 sample=4")
                XCTAssertTrue(row("W1", in: text).contains("pass"), "seed \(seed): \(text)")
            }
            // All 16 entries: as the full check.
            XCTAssertTrue(h.fails("gradcheck W1 sample=16").contains("gradient check failed for W1"))
        }
        XCTAssertEqual(outcomes, [true, false], "the seeds drew samples with and without the failing entry")
    }

    func testASampledCheckChangesNothingAndIsSavedAsTyped() {
        let setup = "seed 3\ndata moons n=40\nbatch 8\nlayer dense 6 tanh\nlayer dropout 0.3\nlayer dense 1 sigmoid\nloss bce\n"
            + "optimizer adam lr=0.01\ntrain 4"
        let checked = ShellHarness(), plain = ShellHarness()
        checked.ok(setup)
        plain.ok(setup)
        let before = TrainerState(checked.w)
        checked.ok("gradcheck sample=3\ngradcheck W2 sample=2")
        XCTAssertEqual(TrainerState(checked.w), before, "parameters, optimizer state, history, batches and dropout stream")
        // The training streams are those of the session that ran no check: the next steps draw the same batches and masks.
        checked.ok("train 5")
        plain.ok("train 5")
        XCTAssertEqual(TrainerState(checked.w), TrainerState(plain.w))
        XCTAssertEqual(checked.w.recorded.filter { $0.hasPrefix("gradcheck") }, ["gradcheck sample=3", "gradcheck W2 sample=2"])
    }

    func testBadSamplesAreRefusedSayingWhatWouldBeRight() {
        for (value, shown) in [("0", "0"), ("-3", "-3"), ("2.5", "2.5"), ("1e30", "1e30"), ("1000000001", "1000000001"), ("all", "'all'")] {
            let h = ShellHarness()
            h.ok(Self.setup)
            let e = h.fails("gradcheck sample=\(value)")
            XCTAssertTrue(e.contains("expected a whole number from 1 to 1000000000 for sample=, got \(shown)"), e)
            XCTAssertEqual(h.w.recorded.filter { $0.hasPrefix("gradcheck") }, [])
        }
        let h = ShellHarness()
        h.ok(Self.setup)
        XCTAssertTrue(h.fails("gradcheck samples=3").contains("unknown option 'samples' for gradcheck — did you mean 'sample'?"))
        XCTAssertTrue(h.fails("gradcheck sample=2 sample=3").contains("option 'sample' is given twice"))
    }

    func testALongCheckSaysHowLongAndSuggestsASample() {
        let h = ShellHarness()
        h.ok("seed 7\n" + Self.setup)
        XCTAssertFalse(h.ok("gradcheck").contains("note:"), "33 entries on 5 rows take far less than 30 s")
        h.w.gradcheckNoteSeconds = 0
        let text = h.ok("gradcheck")
        // 16 + 8 + 8 + 1 = 33 entries.
        XCTAssertTrue(text.contains("note: checking all 33 entries (2 forward passes each, "), text)
        XCTAssertTrue(text.contains("Ctrl-C stops it, changing nothing — `gradcheck sample=100` checks 100 entries of each parameter"), text)
        let sampled = h.ok("gradcheck sample=2")
        XCTAssertTrue(sampled.contains("note: checking 7 entries (2 forward passes each, "), sampled)
        XCTAssertTrue(sampled.contains("— a smaller sample= than 2 takes less"), sampled)
    }

    func testDurationsAndCountsReadAsAPersonWritesThem() {
        XCTAssertEqual(Commands.duration(40), "40 s")
        XCTAssertEqual(Commands.duration(12 * 60), "12 min")
        XCTAssertEqual(Commands.duration(3.4 * 3600), "3.4 h")
        XCTAssertEqual(Commands.duration(18.6 * 3600), "19 h")
        XCTAssertEqual(Format.grouped(401_408), "401,408")
        XCTAssertEqual(Format.grouped(669_706_123), "669,706,123")
        XCTAssertEqual(Format.grouped(999), "999")
        XCTAssertEqual(Format.grouped(-1000), "-1,000")
    }
}
