import XCTest
@testable import DescentCore
@testable import DescentShell

/// PyTorch's optimizer and scheduler constructors typed as commands (`optimizer SGD(lr=0.1, momentum=0.9)`,
/// `optimizer torch.optim.SGD(lr=0.1)`, `betas=(0.9,0.999)`, `dampening=0`) get the line to type here, and change nothing.
final class OptimizerCallHintsTests: XCTestCase {
    static let data = "data X=[[1,2],[2,0],[0,1]] y=[1,2,3]\nlayer dense 1\nloss mse\noptimizer rmsprop lr=0.05"

    /// Asserts that `h` still holds what `data` set: RMSprop at 0.05, no schedule, and `logged` commands logged.
    func assertUnchanged(_ h: ShellHarness, logged: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(h.w.optimizerKind, .rmsprop(alpha: 0.99, eps: 1e-8, momentum: 0), file: file, line: line)
        XCTAssertEqual(h.w.learningRate, 0.05, file: file, line: line)
        XCTAssertNil(h.w.schedule, file: file, line: line)
        XCTAssertEqual(h.w.log.count, logged, file: file, line: line)
    }

    func testCommasBetweenOptionsAreSeparators() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        let spaces = "options are separated by spaces here, not commas"
        let sgd = h.failsWithHint("optimizer SGD(lr=0.1, momentum=0.9)")
        XCTAssertTrue(sgd.contains("error: unexpected ',' — \(spaces): `optimizer sgd lr=0.1 momentum=0.9`"), sgd)
        XCTAssertTrue(sgd.hasSuffix("\n    optimizer SGD(lr=0.1, momentum=0.9)\n                        ^"), sgd)
        // StepLR's names are Descent's: step_size= is size=.
        XCTAssertTrue(h.failsWithHint("schedule StepLR(step_size=10, gamma=0.5)").contains("error: unexpected ',' — \(spaces): `schedule step size=10 gamma=0.5`"))
        XCTAssertTrue(h.failsWithHint("optimizer adam beta1=0.9, beta2=0.999").contains("error: unexpected ',' — \(spaces): `optimizer adam beta1=0.9 beta2=0.999`"))
        // A list without brackets keeps its hint.
        XCTAssertTrue(h.failsWithHint("optimizer adam lr=0.1,0.2").contains("a list goes in brackets"))
        assertUnchanged(h, logged: logged)
    }

    func testTorchOptimPathsAndABareRateInTheCall() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        let torch = h.failsWithHint("optimizer torch.optim.SGD(lr=0.1)")
        XCTAssertTrue(torch.contains("error: unexpected character '.' — a command here names no module: `optimizer sgd lr=0.1`"), torch)
        XCTAssertTrue(h.failsWithHint("optimizer optim.Adam(lr=0.01)").contains("a command here names no module: `optimizer adam lr=0.01`"))
        XCTAssertTrue(h.failsWithHint("schedule torch.optim.lr_scheduler.CosineAnnealingLR(T_max=100, eta_min=0.0001)")
            .contains("a command here names no module: `schedule cosine steps=100 min=0.0001`"))
        let rate = h.failsWithHint("optimizer sgd(0.1)")
        XCTAssertTrue(rate.contains("error: unexpected '(' after 'sgd' — commands take no parentheses: write `optimizer sgd lr=0.1`"), rate)
        assertUnchanged(h, logged: logged)
    }

    func testBetasAndABareNesterov() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        let tuple = h.failsWithHint("optimizer adam betas=(0.9,0.999)")
        XCTAssertTrue(tuple.contains("error: expected a value after 'betas=', got '(' — PyTorch's betas=(β1, β2) are two options here: "
                                     + "`optimizer adam beta1=0.9 beta2=0.999`"), tuple)
        let list = h.failsWithHint("optimizer adam betas=[0.9,0.999]")
        XCTAssertTrue(list.contains("error: unknown option 'betas' for optimizer — PyTorch's betas=(β1, β2) are two options here: "
                                    + "`optimizer adam beta1=0.9 beta2=0.999`"), list)
        XCTAssertFalse(list.contains("did you mean 'beta1'"), list)
        // Booleans are written true and false here (`nesterov=true`, as `help optimizer` shows).
        let nesterov = h.failsWithHint("optimizer sgd lr=0.1 momentum=0.9 nesterov")
        XCTAssertTrue(nesterov.contains("error: unexpected 'nesterov' — an option takes its value after '=': "
                                        + "`optimizer sgd lr=0.1 momentum=0.9 nesterov=true`"), nesterov)
        XCTAssertTrue(h.failsWithHint("optimizer SGD(lr=0.1, momentum=0.9, nesterov=True)").contains("`optimizer sgd lr=0.1 momentum=0.9 nesterov=true`"))
        assertUnchanged(h, logged: logged)
    }

    func testPyTorchsDefaultsTypedOutAreToBeLeftOut() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        let said = "Descent always uses PyTorch's default for it"
        let cases = [("optimizer sgd lr=0.1 dampening=0", "dampening 0", "optimizer sgd lr=0.1"),
                     ("optimizer rmsprop centered=false", "not centered", "optimizer rmsprop"),
                     ("optimizer adam amsgrad=false lr=0.01", "no amsgrad", "optimizer adam lr=0.01"),
                     ("optimizer adam maximize=false", "not maximize", "optimizer adam"),
                     ("optimizer adagrad lr_decay=0", "no lr_decay", "optimizer adagrad"),
                     ("optimizer adagrad initial_accumulator_value=0", "initial accumulator 0", "optimizer adagrad"),
                     ("optimizer adam foreach=true", "one implementation", "optimizer adam")]
        for (typed, default_, line) in cases {
            let error = h.failsWithHint(typed)
            XCTAssertTrue(error.contains(" — \(said) (\(default_)): leave it out, `\(line)`"), error)
        }
        XCTAssertTrue(h.fails("optimizer sgd momentum=0.9 dampening=0.5").contains("dampening=0.5 is not offered: \(said) (dampening 0)"))
        XCTAssertTrue(h.fails("optimizer rmsprop centered=true").contains("centered=true is not offered: \(said) (not centered)"))
        XCTAssertTrue(h.fails("optimizer adam amsgrad=true").contains("amsgrad=true is not offered: \(said) (no amsgrad)"))
        // In a call, a default is left out of the line given.
        XCTAssertTrue(h.failsWithHint("optimizer SGD(lr=0.1, dampening=0)").contains("`optimizer sgd lr=0.1`"))
        assertUnchanged(h, logged: logged)
    }

    func testPyTorchsFirstArgumentIsLeftOut() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        let spaces = "options are separated by spaces here, not commas"
        for (typed, line) in [("schedule StepLR(optimizer, step_size=10, gamma=0.5)", "schedule step size=10 gamma=0.5"),
                              ("schedule CosineAnnealingLR(optimizer, T_max=100)", "schedule cosine steps=100"),
                              ("schedule ExponentialLR(opt, gamma=0.9)", "schedule exponential gamma=0.9"),
                              ("optimizer SGD(params, 0.1)", "optimizer sgd lr=0.1")] {
            XCTAssertTrue(h.failsWithHint(typed).contains("\(spaces): `\(line)`"), h.out.text)
        }
        for typed in ["optimizer SGD(model.parameters(), lr=0.1)", "optimizer SGD(net.parameters(), lr=0.1)"] {
            XCTAssertTrue(h.failsWithHint(typed).contains("error: unexpected character '.' — PyTorch's first argument (the parameters, or the "
                                                  + "optimizer) is not passed here: `optimizer sgd lr=0.1`"), h.out.text)
        }
        XCTAssertTrue(h.failsWithHint("optimizer SGD(params)").contains("write `optimizer sgd`"), h.out.text)
        assertUnchanged(h, logged: logged)
    }

    func testPositionalArgumentsAreNamedInPyTorchsOrder() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        // PyTorch's docs: SGD(params, lr, momentum, dampening, weight_decay, nesterov), RMSprop(params, lr, alpha, eps,
        // weight_decay, momentum), Adagrad(params, lr, lr_decay, weight_decay, …), StepLR(optimizer, step_size, gamma),
        // ExponentialLR(optimizer, gamma), CosineAnnealingLR(optimizer, T_max, eta_min). λ = wd/2 by hand.
        for (typed, line) in [("optimizer SGD(params, 0.1, 0.9)", "optimizer sgd lr=0.1 momentum=0.9"),
                              ("optimizer SGD(params, 0.1, 0.9, 0, 1e-4, True)", "optimizer sgd lr=0.1 momentum=0.9 nesterov=true; regularize l2 5e-05"),
                              ("optimizer RMSprop(model.parameters(), 0.01, 0.9)", "optimizer rmsprop lr=0.01 alpha=0.9"),
                              ("optimizer Adagrad(params, 0.1, 0, 0.002)", "optimizer adagrad lr=0.1; regularize l2 0.001"),
                              ("schedule StepLR(optimizer, 10, 0.5)", "schedule step size=10 gamma=0.5"),
                              ("schedule ExponentialLR(optimizer, 0.9)", "schedule exponential gamma=0.9"),
                              ("schedule CosineAnnealingLR(optimizer, 100, 0.001)", "schedule cosine steps=100 min=0.001")] {
            let error = h.failsWithHint(typed)
            XCTAssertTrue(error.contains("`\(line)`"), error)
            XCTAssertFalse(error.contains("lr=0.9"), error)
        }
        // Adam's betas passed by position, and an argument past the last, have no option to be: no line is offered.
        for typed in ["optimizer Adam(params, 0.01, (0.9, 0.999))", "schedule ExponentialLR(optimizer, 0.9, 5)"] {
            let error = h.fails(typed)
            XCTAssertFalse(error.contains("`optimizer adam") || error.contains("`schedule exponential"), error)
        }
        assertUnchanged(h, logged: logged)
    }

    func testWeightDecayAndAdamWGiveTheLinesThatWork() {
        let h = ShellHarness(running: Self.data), logged = h.w.log.count
        // λ = weight_decay/2 (by hand): 1e-4 → 5e-05; AdamW's default weight_decay 0.01 → 0.005.
        let adam = h.failsWithHint("optimizer Adam(lr=1e-3, weight_decay=1e-4)")
        XCTAssertTrue(adam.contains("`optimizer adam lr=1e-3; regularize l2 5e-05` (PyTorch's weight_decay=wd is `regularize l2 λ` here "
                                    + "with λ = wd/2)"), adam)
        let adamW = h.failsWithHint("optimizer AdamW(lr=1e-3)")
        XCTAssertTrue(adamW.contains("write `optimizer adam lr=1e-3; regularize l2 0.005` (AdamW's decoupled weight decay is not offered"), adamW)
        XCTAssertTrue(h.failsWithHint("optimizer AdamW(lr=1e-3, weight_decay=1e-4)").contains("`optimizer adam lr=1e-3; regularize l2 5e-05`"))
        assertUnchanged(h, logged: logged)
        // The line given works.
        h.ok("optimizer adam lr=1e-3; regularize l2 5e-05")
        XCTAssertEqual(h.w.regularizer.l2, 5e-05)
    }

    func testALineLongerThanAnyConstructorIsNotRewritten() {
        // Its patterns take time growing with the square of the length (`betas=(` 15,000 times: 30 s): past
        // ForeignNames.longestCall there is no rewrite, and the line is refused with its own error at once.
        XCTAssertEqual(ForeignNames.plainLine("optimizer SGD(lr=0.1, momentum=0.9)"), "optimizer sgd lr=0.1 momentum=0.9")
        let long = "optimizer adam " + String(repeating: "betas=(", count: 300)
        XCTAssertGreaterThan(long.utf8.count, ForeignNames.longestCall)
        XCTAssertNil(ForeignNames.plainLine(long))
        XCTAssertNil(ForeignNames.plainLine("optimizer SGD(lr=0.1, " + String(repeating: "momentum=0.9, ", count: 200) + ")"))
    }

    func testACallThatGivesAnOptionTwiceGetsNoLine() {
        // The line would be refused in turn ("option 'lr' is given twice"); a short call like this was rewritten.
        XCTAssertNil(ForeignNames.plainLine("optimizer SGD(lr=0.1, lr=0.2)"))
        XCTAssertNil(ForeignNames.plainLine("optimizer SGD(params, 0.1, lr=0.2)"))
        XCTAssertEqual(ForeignNames.plainLine("optimizer SGD(params, 0.1, momentum=0.5)"), "optimizer sgd lr=0.1 momentum=0.5")
    }

}
