import XCTest
@testable import DescentCore
@testable import DescentShell

/// The streams docs/rng.md documents, end to end from the prompt: what a person reimplementing the RNG from that page
/// gets is what Descent draws.
final class RandomStreamsTests: XCTestCase {
    func testInitialWeightsAreStreamTwosUniformsInRowMajorOrder() {
        // docs/rng.md's Python reimplementation: RNG(42).derived(2)'s first three uniforms, printed with repr.
        let h = ShellHarness()
        h.ok("seed 42\ndata X=[[1,2,3]] y=[1]\nlayer dense 1 bias=false init=uniform low=0 high=1\nloss mse")
        let w = try? h.w.ensureTrainer().model.parameters.first { $0.name == "W1" }
        XCTAssertEqual(w.map { Array(UnsafeBufferPointer(start: $0.value.pointer, count: $0.count)) },
                       [0.7518243825338605, 0.33294484753052667, 0.8911105553267993])
    }

    func testTheSplitIsAFisherYatesShuffleOfStreamOne() {
        // RNG(0).derived(1), by docs/rng.md's Python with Lemire's int(below:) added: Fisher–Yates of [0, 1, 2, 3, 4]
        // from the end gives [1, 0, 3, 2, 4]; split 0.6 trains on the first ⌊0.6·5⌋ = 3 of them: rows 1, 0, 3.
        let h = ShellHarness()
        h.ok("data X=[[0],[10],[20],[30],[40]] y=[0,1,2,3,4]\nsplit 0.6\nlayer dense 1\nloss mse")
        XCTAssertEqual((try? h.w.ensureTrainer().train.y.data), [1, 0, 3])
    }
}
