import XCTest
@testable import DescentCore
@testable import DescentShell

/// What PyTorch and scikit-learn users type for a penalty on the weights (`l2 0.01`, `regularize ridge`,
/// `regularize l2(0.01)`) gets the `regularize` line to type instead, and changes nothing.
final class RegularizerHintsTests: XCTestCase {
    static let data = "data X=[[1,2],[2,0],[0,1]] y=[1,2,3]\nlayer dense 1\nloss mse\noptimizer sgd lr=0.1\nregularize l1 0.5"

    /// Asserts that `h` still holds what `data` set: the L1 penalty 0.5, SGD at 0.1, and the commands logged so far.
    func assertUnchanged(_ h: ShellHarness, logged: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(h.w.regularizer, Regularizer(l1: 0.5, l2: 0), file: file, line: line)
        XCTAssertEqual(h.w.learningRate, 0.1, file: file, line: line)
        XCTAssertEqual(h.w.log.count, logged, file: file, line: line)
    }

    func testAPenaltysNameTypedAsACommandGivesRegularizeNotLr() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        let cases = [("l2 0.01", "regularize l2 0.01"), ("L2 0.01", "regularize l2 0.01"), ("l1 0.01", "regularize l1 0.01"),
                     ("ridge 1e-3", "regularize l2 1e-3"), ("lasso", "regularize l1 λ"), ("lambda 0.01", "regularize l2 0.01"),
                     ("elastic 0.01", "regularize elastic l1=λ1 l2=λ2"), ("elastic_net", "regularize elastic l1=λ1 l2=λ2")]
        for (typed, line) in cases {
            let error = h.failsWithHint(typed)
            let name = String(typed.prefix { $0 != " " })
            XCTAssertTrue(error.contains("error: unknown command '\(name)' — did you mean `\(line)`? (a penalty on the weights is set by "
                                         + "`regularize`; `lr` is the learning rate)"), error)
            XCTAssertFalse(error.contains("'lr'"), error)
        }
        // weight_decay=wd is λ = wd/2 (0.01/2 = 0.005, by hand).
        XCTAssertTrue(h.failsWithHint("weight_decay 0.01").contains("did you mean `regularize l2 0.005`? (PyTorch's weight_decay=0.01"))
        let help = h.failsWithHint("help l1")
        XCTAssertTrue(help.contains("error: unknown command 'l1' — did you mean `help regularize`?"), help)
        XCTAssertTrue(help.hasSuffix("\n    help l1\n         ^~"), help)
        assertUnchanged(h, logged: logged)
        // A real command's prefix is not taken for a penalty: `l` is still ambiguous (layer, loss, lr, …).
        XCTAssertTrue(h.failsWithHint("l 0.01").contains("is ambiguous"))
    }

    func testRegularizeOffIsNoneAndSavedAsNone() {
        let h = ShellHarness(running: Self.data)
        XCTAssertEqual(h.ok("regularize off"), "regularize none")
        XCTAssertTrue(h.w.regularizer.isNone)
        XCTAssertEqual(h.w.log.last?.text, "regularize none")
        XCTAssertTrue(h.w.sessionScript().contains("\nregularize none\n"))
        // The saved session replays into the same settings.
        let fresh = ShellHarness()
        XCTAssertEqual(fresh.session.runScript(h.w.sessionScript(), file: "saved.descent"), .completed, fresh.out.errors.joined())
        XCTAssertTrue(fresh.w.regularizer.isNone)
    }

    func testRidgeLassoAndElasticNetAsTheRegularizersKind() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        XCTAssertTrue(h.failsWithHint("regularize ridge 0.01").contains("error: unknown regularizer 'ridge' — ridge regression's penalty is `regularize l2 0.01`"))
        XCTAssertTrue(h.failsWithHint("regularize lasso").contains("error: unknown regularizer 'lasso' — the lasso's penalty is `regularize l1 λ`"))
        XCTAssertTrue(h.failsWithHint("regularize elastic_net").contains("error: unknown regularizer 'elastic_net' — did you mean 'elastic'? "
                                                                 + "(`regularize elastic l1=λ1 l2=λ2`)"))
        assertUnchanged(h, logged: logged)
    }

    func testAFractionOrAnUnderflowingλChangesNothing() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        // 1/100 = 0.01, by hand.
        XCTAssertTrue(h.failsWithHint("regularize l2 1/100").contains("write the fraction as a decimal: `regularize l2 0.01`"))
        // 1e-400 is below float64's least positive number (≈ 4.94e-324): not read as 0, which would turn the penalty off.
        XCTAssertTrue(h.fails("regularize l2 1e-400").contains("error: number '1e-400' rounds to 0 in float64"))
        // A fraction float64 cannot hold gives no line: 1e400 overflows, 1e-300/1e300 = 1e-600 and 1e-400 underflow to 0,
        // NaN is none, and 1e20/3 = 33333333333333333333.3… has more digits than float64 keeps.
        for (typed, reason) in [("regularize l2 1/1e400", "a part is beyond float64's range"), ("regularize l2 1e-300/1e300", "it rounds to 0 in float64"),
                                ("regularize l2 2/1e-400", "a part rounds to 0 in float64"), ("train nan/2", "NaN is not a number"),
                                ("train 1e20/3", "too large to write exactly"), ("train 1/0", "a division by zero")] {
            let error = h.fails(typed)
            XCTAssertTrue(error.contains("is not a number (\(reason)): write the value as a decimal"), error)
            XCTAssertFalse(error.contains("`"), error)
        }
        assertUnchanged(h, logged: logged)
    }

    func testRegularizeWrittenAsACallGivesTheLineToType() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        let l2 = h.failsWithHint("regularize l2(0.01)")
        XCTAssertTrue(l2.contains("error: unexpected '(' after 'l2' — commands take no parentheses: write `regularize l2 0.01`"), l2)
        XCTAssertTrue(l2.hasSuffix("\n    regularize l2(0.01)\n                 ^"), l2)
        let elastic = h.failsWithHint("regularize elastic(l1=0.01, l2=0.01)")
        XCTAssertTrue(elastic.contains("error: unexpected ',' — options are separated by spaces here, not commas: "
                                       + "`regularize elastic l1=0.01 l2=0.01`"), elastic)
        XCTAssertFalse(elastic.contains("[0.01]"), elastic)
        XCTAssertTrue(h.failsWithHint("regularize elastic 0.01").contains("error: unexpected '0.01' after 'elastic' — elastic takes its two λs as "
                                                              + "options: `regularize elastic l1=λ1 l2=λ2`"))
        assertUnchanged(h, logged: logged)
    }

    func testScikitLearnsElasticNetIsTranslated() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        // scikit-learn's ElasticNet docs: the objective's penalty is alpha·l1_ratio·||w||_1 + 0.5·alpha·(1 − l1_ratio)·||w||²_2.
        // With alpha = 0.01 and l1_ratio = 0.5, by hand: l1 = 0.01·0.5 = 0.005, l2 = 0.5·0.01·0.5 = 0.0025.
        let error = h.failsWithHint("regularize elastic alpha=0.01 l1_ratio=0.5")
        XCTAssertTrue(error.contains("error: unknown option 'alpha' for regularize — scikit-learn's ElasticNet(alpha=α, l1_ratio=r) penalises "
                                     + "α·r·Σ|w| + α·(1−r)/2·Σw², which is `regularize elastic l1=0.005 l2=0.0025` here"), error)
        // alpha = 0.1, l1_ratio = 0.3: l1 = 0.03 and l2 = 0.1·0.7/2 = 0.035 (not 0.030000000000000002).
        XCTAssertTrue(h.failsWithHint("regularize elastic l1_ratio=0.3 alpha=0.1").contains("`regularize elastic l1=0.03 l2=0.035`"))
        assertUnchanged(h, logged: logged)
    }

    func testElasticNetOutsideScikitLearnsRangeIsRefused() {
        let h = ShellHarness()
        // l1_ratio = 1.5 would give l2 = 0.01 · (1 − 1.5)/2 = −0.0025: not a line to suggest.
        let ratio = h.failsWithHint("regularize elastic alpha=0.01 l1_ratio=1.5")
        XCTAssertTrue(ratio.contains("scikit-learn's ElasticNet takes l1_ratio from 0 to 1, not 1.5"), ratio)
        XCTAssertFalse(ratio.contains("-0.0025"), ratio)
        XCTAssertTrue(h.failsWithHint("regularize elastic alpha=-0.01 l1_ratio=0.5").contains("takes alpha ≥ 0, not -0.01"), h.out.text)
        // In range (by hand: 0.01 · 0.5 = 0.005, 0.01 · 0.5/2 = 0.0025).
        XCTAssertTrue(h.failsWithHint("regularize elastic alpha=0.01 l1_ratio=0.5").contains("`regularize elastic l1=0.005 l2=0.0025`"), h.out.text)
    }
}
