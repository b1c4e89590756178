import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// What the hand-stepping views (`show`, `graph`, `explain`, `backward step`, `update`, `show grads`) print, on small
/// nets whose weights are loaded from files, with numbers worked out by hand or with numpy (scripts in the comments).
final class HandSteppingTests: XCTestCase {
    var h: ShellHarness!

    override func setUp() { h = ShellHarness() }

    /// W1, b1 of the 2-2 hidden layer every net here starts with.
    static let hidden = "\"W1\":[[0.5,-0.4],[0.3,0.8]],\"b1\":[0.1,-0.1]"
    /// A 2-2-1 net.
    static let w221 = "{\"params\":{\(hidden),\"W2\":[[0.7],[-0.6]],\"b2\":[0.2]}}"
    /// A 2-2-3 net.
    static let w223 = "{\"params\":{\(hidden),\"W2\":[[0.7,-0.2,0.1],[-0.6,0.4,0.3]],\"b2\":[0.2,0,-0.1]}}"
    /// A 2-3-1 net.
    static let wSoftmax = "{\"params\":{\"W1\":[[0.5,-0.4,0.2],[0.3,0.8,-0.5]],\"b1\":[0.1,-0.1,0],\"W2\":[[0.7],[-0.6],[0.4]],\"b2\":[0.2]}}"

    /// Loads `json` as the weights, through a file as a person would.
    func load(_ json: String, file: StaticString = #filePath, line: UInt = #line) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-hand-\(UUID().uuidString).json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(json.utf8)), file: file, line: line)
        defer { try? FileManager.default.removeItem(atPath: path) }
        h.ok("load weights \"\(path)\"", file: file, line: line)
    }

    /// The mark in `graph`'s backward column for `node`.
    static func mark(_ graph: String, _ node: String) -> String? {
        graph.split(separator: "\n").first { $0.contains("│ \(node) ") }?
            .split(separator: "│").last.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Asserts two arrays agree entry by entry within `tol`.
    func assertClose(_ a: [Double], _ b: [Double], _ tol: Double = 1e-15, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: tol, "\(a) vs \(b)", file: file, line: line) }
    }

    // MARK: D1 — the output whose logits the loss reads is off the gradient path

    func testUnderCeWithASoftmaxOutputA2IsShownOffTheGradientPathNotAsZeros() throws {
        h.ok("data X=[[1,2],[-1,0.5],[0,-1],[2,0]] y=[0,2,1,2]\nlayer dense 2 relu\nlayer dense 3 softmax\nloss ce")
        load(Self.w223)
        // Before any pass the preview already marks A2: which nodes backward visits depends on the model alone.
        XCTAssertEqual(Self.mark(h.ok("graph"), "A2"), "no grad (off path)")
        h.ok("forward\nbackward")
        let shown = h.ok("show A2")
        XCTAssertFalse(shown.contains("dL/dA2 ["), shown)
        XCTAssertTrue(shown.contains("A2 is not on the gradient path: the loss (ce) reads the logits Z2, not A2 = softmax(Z2)"), shown)
        XCTAssertTrue(shown.contains("the gradient there is dL/dZ2 (`show Z2`)"), shown)
        let graph = h.ok("graph")
        XCTAssertEqual(Self.mark(graph, "A2"), "no grad (off path)")
        XCTAssertEqual(Self.mark(graph, "Z2"), "✓ grad")
        XCTAssertTrue(graph.contains("A2 is not on the gradient path"), graph)
        // The gradient is Z2's, (softmax(Z2) − onehot(y))/4 (numpy:
        //   X=np.array([[1,2],[-1,0.5],[0,-1],[2,0.]]); y=np.array([0,2,1,2]); W1, b1, W2, b2 as in w223
        //   Z1=X@W1+b1; A1=np.maximum(Z1,0); Z2=A1@W2+b2; P=softmax(Z2) by rows; (P-np.eye(3)[y])/4).
        let g = try XCTUnwrap(h.w.inspected)
        assertClose(g.nodes[try XCTUnwrap(g.index(of: "Z2"))].grad.array,
                    [-0.1608961766889241, 0.07442576933459501, 0.08647040735432905, 0.06188594599667547, 0.10203267552211828,
                     -0.16391862151879374, 0.09767345831745393, -0.17003173591602005, 0.07235827759856617, 0.1481820302401018,
                     0.04508012455161433, -0.1932621547917161])
        XCTAssertTrue(h.ok("show Z2").contains("dL/dZ2 [4, 3] ="))
        // Stepping never visits A2, and explain's path goes from the loss straight to Z2, saying why.
        let explained = h.ok("explain W2[0,0]")
        XCTAssertTrue(explained.contains("path total → loss → Z2 → A1W2 → W2\n  (A2 = softmax(Z2) is not on the path: the loss reads the logits Z2)"), explained)
        var stepped = ""
        for _ in 0..<8 { stepped += h.ok("backward step") }
        XCTAssertFalse(stepped.contains("node A2"), stepped)
    }

    func testUnderBceWithASigmoidOutputA2IsOffThePathAndDropoutOnTheDataToo() throws {
        // A dropout layer straight after the data depends on no parameter: backward needs no gradient for it either.
        h.ok("data X=[[1,2],[-1,0.5],[0,-1],[2,0]] y=[1,0,1,0]\nlayer dropout 0.5\nlayer dense 2 relu\nlayer dense 1 sigmoid\nloss bce")
        load(Self.w221)
        h.ok("forward\nbackward")
        XCTAssertTrue(h.ok("show A2").contains("A2 is not on the gradient path: the loss (bce) reads the logits Z2, not A2 = sigmoid(Z2)"))
        let d1 = h.ok("show D1")
        XCTAssertTrue(d1.contains("D1 is not on the gradient path: it depends on no parameter, so backward computes no dL/dD1"), d1)
        XCTAssertFalse(d1.contains("dL/dD1 ["), d1)
        let graph = h.ok("graph")
        XCTAssertEqual(Self.mark(graph, "D1"), "no grad (off path)")
        XCTAssertEqual(Self.mark(graph, "X"), "")
    }

    // MARK: D2 — adam's t is its own count of updates

    /// The numbers on the line of `text` that starts (after its indent) with `label`.
    static func numbers(_ text: String, _ label: String) -> [Double] {
        guard let line = text.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") }) else { return [] }
        return line.dropFirst(line.distance(from: line.startIndex, to: line.range(of: label)!.upperBound))
            .split(whereSeparator: { " []".contains($0) }).compactMap { Double($0) }
    }

    func testAdamAfterAnOptimizerChangeShowsItsOwnTAndTheBiasCorrectedMoments() throws {
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 2 sigmoid\nlayer dense 1 linear\nloss mse\noptimizer sgd lr=0.1")
        load(Self.w221)
        h.ok("train 3\noptimizer adam lr=0.01")
        // numpy: three full-batch sgd steps (lr 0.1) on the 2-2-1 sigmoid net, then adam from fresh state, t = 1, 2:
        //   m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); θ −= 0.01·m̂/(√v̂ + 1e-8).
        let first = h.ok("update")
        XCTAssertTrue(first.contains("update 4: adam lr=0.01 beta1 β₁=0.9 beta2 β₂=0.999 eps ε=1e-08 (t = 1), rule "), first)
        XCTAssertTrue(first.contains("  t = 1 is adam's own count of updates, which started again when its state was reset (this is the session's step 4)"), first)
        // 1 − 0.9 = 0.1 and 1 − 0.999 = 0.001, by hand.
        XCTAssertTrue(first.contains("  bias corrections 1 − β₁ᵗ = 1 − 0.9^1 = 0.1,  1 − β₂ᵗ = 1 − 0.999^1 = 0.001;"), first)
        // W1's block comes first; its m̂ and v̂ at 6 significant digits.
        assertClose(Self.numbers(first, "m̂"), [-0.101932, 0.0523758, 0.183996, -0.079452], 0)
        assertClose(Self.numbers(first, "v̂"), [0.0103902, 0.00274322, 0.0338546, 0.00631261], 0)
        assertClose(h.values("W1"), [0.5350700322964208, -0.42738401176039653, 0.2533284136855606, 0.8264057492793785], 1e-12)
        let second = h.ok("update")
        // 1 − 0.9² = 0.19, 1 − 0.999² = 0.001999, by hand.
        XCTAssertTrue(second.contains("update 5: adam lr=0.01 beta1 β₁=0.9 beta2 β₂=0.999 eps ε=1e-08 (t = 2), rule "), second)
        XCTAssertTrue(second.contains("  bias corrections 1 − β₁ᵗ = 1 − 0.9^2 = 0.19,  1 − β₂ᵗ = 1 − 0.999^2 = 0.001999;"), second)
        assertClose(Self.numbers(second, "m̂"), [-0.102619, 0.0516983, 0.186846, -0.0793766], 0)
        assertClose(Self.numbers(second, "v̂"), [0.0105241, 0.0026766, 0.0348659, 0.00630123], 0)
        assertClose(h.values("W1"), [0.5450731435173478, -0.43737675098290635, 0.24332190776882195, 0.8364052735217283], 1e-12)
        assertClose(h.values("b2"), [0.5461250607511187], 1e-12)
    }

    func testAdamFromTheStartSaysTIsTheStepAndMomentumSaysItsFirstUpdateTakesTheGradient() {
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 2 sigmoid\nlayer dense 1 linear\nloss mse\noptimizer adam lr=0.01")
        load(Self.w221)
        let text = h.ok("update")
        XCTAssertTrue(text.contains("  t = 1 is adam's own count of updates\n"), text)
        h.ok("optimizer sgd lr=0.1 momentum=0.9")
        let sgd = h.ok("update")
        XCTAssertTrue(sgd.contains("  the first update since the state was reset: v ← g (no earlier v to carry)"), sgd)
        // The state's row has the rule's letter (v ← μv + g), PyTorch's name beside it, and the rows line up.
        XCTAssertTrue(sgd.contains("\n  (PyTorch's names for the state: v momentum_buffer)\n"), sgd)
        XCTAssertTrue(sgd.contains("\n  v      "), sgd)
        XCTAssertTrue(sgd.contains("\n  grad   "), sgd)
        XCTAssertFalse(h.ok("update").contains("the first update"))
    }

    // MARK: D3, D8 — the rules' notation

    /// The 2-3-1 net with a softmax hidden layer.
    static let softmaxHidden = "data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 3 softmax\nlayer dense 1 linear\nloss mse"

    func testASoftmaxHiddenLayersRuleIsWrittenPerRowNotAsAnElementwiseDerivative() throws {
        h.ok(Self.softmaxHidden)
        load(Self.wSoftmax)
        h.ok("forward\nbackward")
        let text = h.ok("explain W1[0,0]")
        XCTAssertTrue(text.contains("\n  dL/dZ1 = A1 ⊙ (dL/dA1 − Σⱼ dL/dA1ⱼ·A1ⱼ) per row,  from ∂A1ᵢ/∂Z1ⱼ = A1ᵢ(δᵢⱼ − A1ⱼ) within a row "
                                    + "(softmax is not element-wise)\n"), text)
        XCTAssertFalse(text.contains("f'(Z1)"), text)
        // The rule computes what numpy does (A1 = softmax(Z1) by rows, dA1 = dZ2·W2ᵀ with dZ2 = 2(Z2 − y)/3,
        // dZ1 = A1·(dA1 − Σⱼ dA1ⱼ·A1ⱼ) row by row).
        let g = try XCTUnwrap(h.w.inspected)
        assertClose(g.nodes[try XCTUnwrap(g.index(of: "Z1"))].grad.array,
                    [-0.13574520317363592, 0.14487630386692743, -0.009131100693291521, 0.010046173313202502, -0.01525826036101291,
                     0.005212087047810408, -0.09844052797424464, 0.12962439496328243, -0.03118386698903783])
        // The pass is complete: `forward` runs it again, to step back through it.
        var step = h.ok("forward")
        while !step.contains("node A1 ") { step = h.ok("backward step") }
        XCTAssertTrue(step.contains("  A1 = softmax(Z1)  (each row on its own)\n"), step)
        XCTAssertTrue(step.contains("  local derivative ∂A1ᵢ/∂Z1ⱼ = A1ᵢ(δᵢⱼ − A1ⱼ) within a row (δᵢⱼ = 1 if i = j, else 0): "
                                    + "softmax mixes a row's entries, so it is not element-wise\n"), step)
        XCTAssertTrue(step.contains("  dL/dZ1 = A1 ⊙ (dL/dA1 − Σⱼ dL/dA1ⱼ·A1ⱼ)  (per row)\n"), step)
        XCTAssertFalse(step.contains("dZ ") || step.contains("dA1ⱼ A1"), step)
    }

    func testTheLossNodeWritesDLossAndActivationsUseTheirNodesNames() throws {
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 2 relu\nlayer dense 1 linear\nloss mse")
        load(Self.w221)
        h.ok("forward")
        var text = ""
        for _ in 0..<3 { text += h.ok("backward step") }
        XCTAssertTrue(text.contains("  loss = mean((ŷ − y)²)   (ŷ = A2)\n  local derivative d(loss)/dŷ = 2(ŷ − y)/N   (N = rows × outputs)\n"
                                    + "  dL/dA2 = dL/dloss · 2(ŷ − y)/N"), text)
        while !text.contains("node A1 ") { text = h.ok("backward step") }
        XCTAssertTrue(text.contains("  local derivative f'(Z1) = 1 where Z1 > 0, else 0\n"), text)
        XCTAssertTrue(h.ok("backward\nexplain W1").contains("  dL/dZ1 = dL/dA1 ⊙ f'(Z1),  f'(Z1) = 1 where Z1 > 0, else 0\n"))
        // ce reads the logits, written z in its formula: which node that is.
        let ce = ShellHarness()
        ce.ok("data X=[[1,2],[-1,0.5],[0,-1],[2,0]] y=[0,2,1,2]\nlayer dense 3 softmax\nloss ce\nforward\nbackward step\nbackward step")
        let loss = ce.ok("backward step")
        XCTAssertTrue(loss.contains("  loss = mean(−log softmax(z)[y]), from the logits z   (z = Z1)\n"
                                    + "  local derivative d(loss)/dz = (softmax(z) − onehot(y))/B   (B = rows)\n"), loss)
    }

    // MARK: D8, D10 and the lecturer's smaller points — show grads, set, explain of a node

    /// The 2-2-1 sigmoid net under mse with sgd lr 0.1.
    static let sigmoidNet = "data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 2 sigmoid\nlayer dense 1 linear\nloss mse\noptimizer sgd lr=0.1"

    func testDropoutsMaskIsShownAsTheFormulaUsesIt() throws {
        // D1 = A1 ⊙ mask / (1 − 0.4): the mask, shown as keep flags, must be 1 exactly where D1 = A1/0.6 and 0 where
        // D1 = 0 (A1 = tanh of a sum of nonzero terms is never 0 here). The forward view printed D1 and no mask.
        let text = h.ok("seed 2\ndata xor n=3\nlayer dense 3 tanh\nlayer dropout 0.4\nlayer dense 1\nloss mse\nforward")
        let g = try XCTUnwrap(h.w.inspected)
        let a1 = try XCTUnwrap(g.index(of: "A1")), d1 = try XCTUnwrap(g.index(of: "D1"))
        var flags: [Double] = []
        for k in 0..<9 {
            let a = g.nodes[a1].value[k], d = g.nodes[d1].value[k]
            XCTAssertNotEqual(a, 0)
            if d == 0 { flags.append(0) } else { XCTAssertEqual(d, a / 0.6, accuracy: 1e-15); flags.append(1) }
        }
        let kept = Int(flags.reduce(0, +))
        XCTAssertTrue(text.contains("  mask [3, 3] (1 kept, 0 dropped; \(kept) of 9 kept) =\n    [[\(Int(flags[0])) \(Int(flags[1])) \(Int(flags[2]))]"), text)
        XCTAssertTrue(h.ok("show D1").contains("mask (1 kept, 0 dropped; D1 = A1 ⊙ mask / (1 − 0.4)) [3, 3] ="))
        // Backward through it names its local derivative: 1/(1 − 0.4) = 1.667 where kept.
        let steps = h.ok("backward step\nbackward step\nbackward step\nbackward step\nbackward step\nbackward step\nbackward step")
        XCTAssertTrue(steps.contains("  local derivative mask / (1 − 0.4): 1.667 where kept, 0 where dropped\n"), steps)
        // With p = 0 nothing is dropped, and backward says so rather than calling it evaluation mode.
        let zero = ShellHarness()
        let steps0 = zero.ok("data xor n=3\nlayer dense 2 tanh\nlayer dropout 0\nlayer dense 1\nloss mse\nforward\n"
                             + Array(repeating: "backward step", count: 7).joined(separator: "\n"))
        XCTAssertTrue(steps0.contains("  D1 = A1  (p = 0: nothing dropped)\n  local derivative 1\n"), steps0)
        // In evaluation mode (one sample) no mask is applied, and the view says so.
        XCTAssertTrue(h.ok("forward sample 0").contains("no mask: evaluation mode applies no dropout (D1 = its input)"))
    }

    func testAPassByHandSaysWhichDataRowsItsBatchHolds() throws {
        // After a split, training sample 0 and a batch's rows are not the data's rows 0, 1, …: the views say which
        // they are. Checked against the values: each batch row's X must be the data row's X as typed.
        let data: [[Double]] = [[1, -2], [0.3, 0.7], [-1.5, 0.2], [2, 1], [0.1, 0.2]]
        h.ok("data X=[[1,-2],[0.3,0.7],[-1.5,0.2],[2,1],[0.1,0.2]] y=[1,-0.5,0.3,2,0.7]\nsplit 0.6\nlayer dense 1 linear\nloss mse\nbatch 2")
        let text = h.ok("forward")
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("batch rows 0–1 are data rows ") })
        // "batch rows 0–1 are data rows A, B (as `show data` numbers them)"
        let rows = line.dropFirst("batch rows 0–1 are data rows ".count).prefix { $0 != "(" }
            .split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        XCTAssertEqual(rows.count, 2, String(line))
        let g = try XCTUnwrap(h.w.inspected)
        for (r, row) in rows.enumerated() {
            let k = try XCTUnwrap(row)
            XCTAssertEqual([g.input[r * 2], g.input[r * 2 + 1]], data[k], "batch row \(r) is data row \(k)")
        }
        let sample = h.ok("forward sample 2")
        let named = try XCTUnwrap(sample.split(separator: "\n").first).split(separator: "data row ").last.map { Int($0.prefix { $0.isNumber }) }
        let k = try XCTUnwrap(named.flatMap { $0 })
        XCTAssertEqual([h.w.inspected!.input[0], h.w.inspected!.input[1]], data[k])
        // Without a split or minibatches the batch is the data in order, and nothing is said.
        XCTAssertFalse(h.ok("new\ndata X=[[1],[2]] y=[1,2]\nlayer dense 1\nloss mse\nforward").contains("batch rows"))
    }

    func testNotCurrentSaysWhyAsItStands() {
        // A split after a backward starts the training over on other rows: the model was not rebuilt, the data part was.
        h.ok(Self.sigmoidNet + "\nbackward\nsplit 0.5")
        XCTAssertTrue(h.ok("show grads W1").contains("(not current: no backward pass has reached W1 since the model was built or the data, split or normalisation last changed"))
        h.ok("split none")
        // A backward on one sample, then a forward on the step's batch: the batch changed, not the parameters.
        h.ok("forward sample 1\nbackward\nforward")
        XCTAssertTrue(h.ok("show grads b2").contains("(not current: the forward pass under way has had no backward pass yet — run `backward`)"))
        // Without a regularizer the penalty sends W1 nothing: past it, W1 has not been reached, not "sent part of".
        h.ok("backward step\nbackward step")
        let w1 = h.ok("show grads W1")
        XCTAssertTrue(w1.hasPrefix("no gradient yet: the backward pass under way has not reached W1 yet; it comes from XW1"), w1)
        // Under l2 the penalty's share is part of it.
        h.ok("regularize l2 0.1\nforward\nbackward step\nbackward step")
        XCTAssertTrue(h.ok("show grads W1").contains("(not current: the backward pass under way has sent only part of W1; the rest comes from XW1"))
    }

    func testShowGradsNamesGradientsDLAndSaysWhichOnesTheUpdateUsed() {
        h.ok(Self.sigmoidNet)
        load(Self.w221)
        // Not computed yet: the message points to backward, which changes no parameter, not to step.
        let before = h.ok("show grads b2")
        XCTAssertTrue(before.hasPrefix("no gradient yet: no backward pass has reached b2"), before)
        XCTAssertTrue(before.contains("— `backward` computes it"), before)
        XCTAssertFalse(before.contains("`step`"), before)
        XCTAssertTrue(h.ok("show grads").hasPrefix("no gradients yet: no backward pass has reached them"))
        // A backward pass under way that has reached only the total: it says so, not "since the model was built".
        h.ok("forward\nbackward step")
        XCTAssertTrue(h.ok("show grads").hasPrefix("no gradients yet: the backward pass under way has not reached them yet"))
        h.ok("undo")
        XCTAssertTrue(h.fails("expect grad b2[0] = 0").contains("— run `backward` first\n"))
        // numpy (X, y, W1, b1, W2, b2 as loaded; Z1 = X@W1+b1, A1 = σ(Z1), Z2 = A1@W2+b2, dZ2 = 2(Z2 − y)/3,
        // dZ1 = dZ2@W2ᵀ·A1(1 − A1)): the gradients at the loaded weights g0, and at θ1 = θ0 − 0.1·g0, g1.
        let g0b2 = -1.5099593502482989, g0W1 = [-0.07124938740749943, 0.06273902562186141, 0.07936264855761177, -0.034240421687458514]
        let g1b2 = -1.033839799856228
        h.ok("update")
        let after = h.ok("show grads")
        XCTAssertTrue(after.contains("dL/dW1 [2, 2] =\n"), after)
        XCTAssertFalse(after.contains("\ndW1"), after)
        XCTAssertTrue(after.hasSuffix("\n(these are the gradients step 1's update used, computed before it moved the parameters; "
                                      + "`backward` computes them at the parameters now)"), after)
        XCTAssertEqual(h.grads("b2")[0], g0b2, accuracy: 1e-12)
        assertClose(h.grads("W1"), g0W1, 1e-12)
        // After backward they are the gradients at the parameters now, and nothing more is said.
        h.ok("backward")
        XCTAssertFalse(h.ok("show grads").contains("these are the gradients"))
        XCTAssertEqual(h.grads("b2")[0], g1b2, accuracy: 1e-12)
        // A step says so again; so it does after explain, which computes the gradients of the batch the next step
        // will use for its text only and puts the step's back.
        h.ok("step")
        XCTAssertTrue(h.ok("show grads b2").contains("these are the gradients step 2's update used"))
        let used = h.w.model!.parameters.map { $0.grad.array.map(\.bitPattern) }
        h.ok("explain W1")
        XCTAssertTrue(h.ok("show grads b2").contains("these are the gradients step 2's update used"))
        XCTAssertEqual(h.w.model!.parameters.map { $0.grad.array.map(\.bitPattern) }, used)
    }

    /// `explain` is not saved in a session, so it must change nothing that a later command reads: neither the
    /// gradients nor where a hand pass stands. It computed the next batch's gradients and kept them, so an
    /// `expect grad` after it held at the prompt and failed in the saved session's replay.
    func testExplainLeavesTheGradientsAndTheHandPassAsTheyWere() throws {
        h.ok("seed 4\n" + Self.sigmoidNet + "\ntrain 2")
        let used = h.w.model!.parameters.map { $0.grad.array.map(\.bitPattern) }
        h.ok("explain W1[0,0]")
        XCTAssertEqual(h.w.model!.parameters.map { $0.grad.array.map(\.bitPattern) }, used)
        // With a forward pass under way, backward has still not started after it, and says what keeps gradients.
        let said = h.ok("forward\nexplain W1")
        XCTAssertTrue(said.contains("(gradients computed for this explanation only: `backward` computes and keeps them)"), said)
        XCTAssertEqual(h.w.inspected?.backwardDone, nil)
        XCTAssertEqual(h.w.model!.parameters.map { $0.grad.array.map(\.bitPattern) }, used)
        // Part-way through a stepped backward (refused before), it explains and leaves the pass where it stood.
        h.ok("backward step\nbackward step")
        let nodeGrads = h.w.inspected!.nodes.map { $0.grad.array.map(\.bitPattern) }
        XCTAssertTrue(h.ok("explain W1[0,0]").contains("dL/dW1[0,0] = "))
        XCTAssertEqual(h.w.inspected?.backwardDone, 2)
        XCTAssertEqual(h.w.inspected!.nodes.map { $0.grad.array.map(\.bitPattern) }, nodeGrads)
        h.ok("forward")
        // The saved session, without the explain lines, replays to the same state and checks.
        h.ok("backward")
        let g = h.grads("W1")[0]
        h.ok("expect grad W1[0,0] = \(g) +- 1e-15")
        let replayed = ShellHarness()
        XCTAssertEqual(replayed.session.runScript(h.w.sessionScript(), file: "saved.descent"), .completed, replayed.out.errors.joined())
        XCTAssertEqual(replayed.grads("W1")[0].bitPattern, g.bitPattern)
    }

    func testAStepAfterAHandPassLeavesNoPassUnderWay() {
        // `step` drops a hand pass, as `train` does; `update` after it was refused as if the pass were one sample's,
        // and `graph` marked the dropped pass's gradients.
        h.ok(Self.sigmoidNet)
        load(Self.w221)
        h.ok("forward\nbackward\nstep")
        XCTAssertTrue(h.ok("graph").contains("(no forward pass yet"))
        h.ok("update")
        XCTAssertEqual(h.w.stepCount, 2)
        // Two sgd steps (lr 0.1) on the full batch, numpy as in testShowGradsNamesGradientsDLAndSaysWhichOnesTheUpdateUsed:
        // b2 = 0.2 − 0.1·g0 − 0.1·g1.
        XCTAssertEqual(h.values("b2")[0], 0.2 + 0.1 * 1.5099593502482989 + 0.1 * 1.033839799856228, accuracy: 1e-12)
    }

    func testSetWithoutEqualsAndExplainOfANodeSayWhatToType() {
        h.ok(Self.sigmoidNet)
        let set = h.fails("set W1[0,0] 0.5")
        XCTAssertTrue(set.contains("error: expected '=', got 0.5"), set)
        let node = h.fails("explain Z1")
        XCTAssertTrue(node.contains("error: explain takes a parameter (W1, b1, W2, b2) or one of its entries (W1[0,1]); "
                                    + "Z1 is a node of the graph: `forward`, then `show Z1` prints it"), node)
        XCTAssertFalse(node.contains("did you mean"), node)
        h.ok("forward")
        XCTAssertTrue(h.fails("explain A1[0,1]").contains("A1 is a node of the graph: `show A1` prints it, and its gradient once `backward` has reached it"))
        // A misspelt parameter still gets its suggestion.
        XCTAssertTrue(h.fails("explain W9").contains("did you mean 'W1'?"))
    }

    // MARK: D6 — explain's sums add up as printed

    func testTermsThatCancelAreWrittenAsZeroWithTheComputedRounding() {
        // The least-squares optimum of ŷ = 0.5·x + 0.1 on x = 0.1, 0.2, 0.3, y = 0.1, 0.3, 0.2: residuals 0.05 − 0.1 + 0.05
        // (by hand) give dL/dZ1 = (2/3)·[0.05, −0.1, 0.05] = [1/30, −1/15, 1/30], whose sum is exactly 0; in doubles it
        // came to 1.38778e-17, and 12-digit terms (−1e-13 by hand) were printed as adding up to it.
        let said = h.ok("data X=[[0.1],[0.2],[0.3]] y=[0.1,0.3,0.2]\nlayer dense 1 linear\nloss mse\nset W1[0,0] = 0.5\nset b1[0] = 0.1\nexplain b1[0]")
        XCTAssertTrue(said.contains("dL/db1[0] = Σ_r dL/dZ1[r,0] = 0.0333333 − 0.0666667 + 0.0333333 = 0 (the terms cancel, to the digits "
                                    + "shown: the computed 1.38778e-17 is rounding)\n"), said)
        // Σ x·dZ1 = 0.1/30 − 0.2/15 + 0.3/30 = 0 exactly in doubles too: written 0, the terms cancelling to their digits.
        XCTAssertTrue(h.ok("explain W1[0,0]").contains("  = 0.1·0.0333333 + 0.2·(−0.0666667) + 0.3·0.0333333 = 0 (the terms cancel, to the digits shown)\n"))
        // Terms whose 6-digit forms add up to exactly 0 by hand (1/9 − 2/9 + 1/9), while the doubles left 6.94e-17.
        let exact = h.ok("new\ndata X=[[1],[2],[3]] y=[0.1,0.7,0.3]\nlayer dense 1\nloss mse\nset W1[0,0] = 0.1\nset b1[0] = 0.16666666666666666\nexplain b1[0]")
        XCTAssertTrue(exact.contains("= 0.111111 − 0.222222 + 0.111111 = 0 (the terms cancel: the computed 6.93889e-17 is rounding)\n"), exact)
    }

    /// The written sums (`… = total`) in `text`: for each, the sum of its printed terms' products, worked out here,
    /// and its printed total.
    static func writtenSums(_ text: String) -> [(terms: Double, total: Double)] {
        text.split(separator: "\n").compactMap { line -> (Double, Double)? in
            // A matmul's sum has a line of its own (`  = …`); a bias's follows its Σ (`dL/db1[0] = Σ_r dL/dZ1[r,0] = …`).
            guard line.hasPrefix("  = ") || line.contains("] = Σ_r "), !line.contains("…"),
                  let eq = line.range(of: " = ", options: .backwards) else { return nil }
            var lhs = String(line[..<eq.lowerBound]).replacingOccurrences(of: "−", with: "-")
            if let start = lhs.range(of: "= ", options: .backwards) { lhs = String(lhs[start.upperBound...]) }
            guard let total = Double(line[eq.upperBound...].replacingOccurrences(of: "−", with: "-")) else { return nil }
            let terms = lhs.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " - ", with: " + -")
                .components(separatedBy: " + ").map { term in
                    term.split(separator: "·").map { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "() "))) ?? .nan }
                        .reduce(1, *)
                }
            return (terms.reduce(0, +), total)
        }
    }

    func testExplainsTermsAddUpToItsTotalAsPrinted() throws {
        // The lecturer's example: θ = 0, so dL/dZ1 = 2(0 − y)/3 = [−4/3, −2, −8/3] and dL/dW1[0,0] = Σ x·d = −40/3; at 6
        // digits the terms are 1·(−1.33333), 2·(−2), 3·(−2.66667), whose products add up to −13.33334, −13.3333 at 6
        // digits (by hand). At 4 digits they gave −13.334 against a printed −13.333333.
        h.ok("data X=[[1,2],[2,3],[3,4]] y=[2,3,4]\nlayer dense 1 linear bias=false init=zeros\nloss mse")
        let lecturer = h.ok("explain W1[0,0]")
        XCTAssertTrue(lecturer.contains("\n  = 1·(−1.33333) + 2·(−2) + 3·(−2.66667) = −13.3333\n"), lecturer)
        // −40/3 to 10 digits is −13.33333333, more than the sum's 6 give, and the last line says so.
        XCTAssertTrue(lecturer.hasSuffix("\ndL/dW1[0,0] = −13.33333333 (to 10 significant digits; the sums above round to 6)"), lecturer)
        // X = [1, 2], y = [1, 2] from θ = 0: dL/dZ1 = 2(0 − y)/2 = [−1, −2], dL/dW1[0,0] = 1·(−1) + 2·(−2) = −5, which
        // 10 digits write as 6 do: nothing to say.
        h = ShellHarness()
        let exact = h.ok("data X=[[1],[2]] y=[1,2]\nlayer dense 1 linear bias=false init=zeros\nloss mse\nexplain W1[0,0]")
        XCTAssertTrue(exact.hasSuffix("\n  = 1·(−1) + 2·(−2) = −5\ndL/dW1[0,0] = −5"), exact)
        // b1[0] of the softmax-hidden net: dL/dZ1[:,0] = [−0.13574520, 0.01004617, −0.09844053] (numpy, above), total
        // −0.22413956; at 6 digits the terms add up to −0.2241393, −0.224139 ≠ −0.224140, so they get 7 digits.
        h = ShellHarness()
        h.ok(Self.softmaxHidden)
        load(Self.wSoftmax)
        let bias = h.ok("explain b1[0]")
        XCTAssertTrue(bias.contains("dL/db1[0] = Σ_r dL/dZ1[r,0] = −0.1357452 + 0.01004617 − 0.09844053 = −0.22414\n"), bias)
        // Minus signs are maths' "−", a negative term is subtracted, and no sum reads "+ -" or "·-".
        XCTAssertTrue(h.ok("explain W1[0,0]").contains("\n  = 1·(−0.135745) − 1·0.0100462 + 0·(−0.0984405) = −0.145791\n"))
        // Every entry of every parameter, with an elastic penalty: the printed terms add up to the printed total at 6
        // significant digits, and the totals are numpy's data parts (above: dL/dW1 = Xᵀ·dZ1).
        h.ok("regularize elastic l1=0.1 l2=0.01")
        var sums = 0
        for (name, shape) in [("W1", [2, 3]), ("b1", [3]), ("W2", [3, 1]), ("b2", [1])] {
            for i in 0..<shape[0] {
                for j in 0..<(shape.count > 1 ? shape[1] : 1) {
                    let entry = shape.count > 1 ? "\(name)[\(i),\(j)]" : "\(name)[\(i)]"
                    let text = h.ok("explain \(entry)")
                    XCTAssertFalse(text.contains("+ -") || text.contains("·-") || text.contains("·(-"), text)
                    for s in Self.writtenSums(text) {
                        XCTAssertEqual(Format.sig(s.terms, 6), Format.sig(s.total, 6), "\(entry): \(text)")
                        sums += 1
                    }
                }
            }
        }
        XCTAssertEqual(sums, 6 + 3 + 3 + 1)
        let w1 = h.ok("explain W1[1,1]")
        // numpy: (X.T@dZ1)[1,1] = 0.152499082590066; the penalty's share 0.1·sign(0.8) + 2·0.01·0.8 = 0.116 by hand.
        XCTAssertTrue(w1.contains(" = 0.152499\n"), w1)
        XCTAssertTrue(w1.contains("dL/dW1[1,1] from the penalty = 0.1·sign(0.8) + 2·0.01·0.8 = 0.116\n"), w1)
        XCTAssertTrue(w1.hasSuffix("\ndL/dW1[1,1] = 0.2684990826 (to 10 significant digits; the sums above round to 6)"), w1)
    }

    /// A `step` that fails leaves a hand pass under way as it was: its batch, values and the backward nodes it had run.
    func testAFailedStepLeavesTheHandPassAsItWas() throws {
        // W1[0,0] = 1e200 makes Z1 ~1e200 and the mse loss (ŷ − y)² overflow to inf: forward shows it, step refuses it.
        h.ok("data X=[[1,2],[3,4]] y=[1,2]\nlayer dense 1 linear\nloss mse\nset W1[0,0] = 1e200\nforward\nbackward step\nbackward step")
        let t = try XCTUnwrap(h.w.trainer)
        let g = try XCTUnwrap(t.currentGraph)
        let before = (values: g.nodes.map(\.value.array), done: g.backwardDone, inputs: g.input.array)
        XCTAssertEqual(before.done, 2)
        XCTAssertEqual(g.totalValue, .infinity)
        let e = h.fails("step")
        XCTAssertTrue(e.contains("the step was not applied: loss became infinite"), e)
        XCTAssertFalse(h.out.text.contains("was dropped"), "nothing was dropped")
        XCTAssertEqual(t.phase, .forwarded, "the hand pass is still under way")
        let after = try XCTUnwrap(t.currentGraph)
        XCTAssertTrue(h.w.inspected === after)
        XCTAssertEqual(after.backwardDone, 2, "the two backward nodes it had run")
        XCTAssertEqual(after.input.array, before.inputs)
        XCTAssertEqual(after.nodes.map(\.value.array).count, before.values.count)
        for (a, b) in zip(after.nodes.map(\.value.array), before.values) { XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern)) }
        XCTAssertEqual(t.stepCount, 0)
        // And the hand pass goes on from there: the third backward node, then an update that is refused as before.
        XCTAssertTrue(h.ok("backward step").contains("next:") || after.backwardComplete)
    }


    /// `explain` of a node off the gradient path says why, and where the gradient is, rather than "once backward
    /// has reached it", which it never does.
    func testExplainOfAnOffPathOutputPointsToTheLogits() {
        h.ok("data X=[[1,2],[3,4]] y=[0,2]\nlayer dense 3 softmax\nloss ce\nforward")
        let e = h.fails("explain A1")
        XCTAssertTrue(e.contains("A1 is not on the gradient path: the loss (ce) reads the logits Z1"), e)
        XCTAssertTrue(e.contains("the gradient there is dL/dZ1 (`show Z1`)"), e)
        XCTAssertFalse(e.contains("once `backward` has reached it"), e)
        XCTAssertTrue(h.fails("explain Z1").contains("its gradient once `backward` has reached it"), "Z1 is on the path")
    }

}
