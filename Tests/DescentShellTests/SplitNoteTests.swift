import XCTest
@testable import DescentShell

/// `split F` is a training fraction, the other way round from Keras's `validation_split`: a fraction below one half
/// says so.
final class SplitNoteTests: XCTestCase {
    func testASmallTrainingFractionSaysWhatItKeepsAndWhatKerassValidationSplitWouldBe() {
        let h = ShellHarness()
        h.ok("data xor n=100")
        // ⌊0.2·100⌋ = 20 rows train, 80 validate; Keras's validation_split=0.2 keeps 80% for training: split 0.8.
        XCTAssertEqual(h.ok("split 0.2"), """
            split: 20 training, 80 validation samples
            note: split F is the training fraction: split 0.2 trains on 20% and validates on 80%; Keras's validation_split=0.2 is `split 0.8`
            """)
        // Before there is data too, when the fraction is set.
        let early = ShellHarness()
        XCTAssertTrue(early.ok("split 0.25").hasSuffix("validation_split=0.25 is `split 0.75`"), early.out.text)
    }

    func testOneHalfAndAboveAndNoneSayNothingMore() {
        let h = ShellHarness()
        h.ok("data xor n=100")
        XCTAssertEqual(h.ok("split 0.5"), "split: 50 training, 50 validation samples")
        XCTAssertEqual(h.ok("split 0.8"), "split: 80 training, 20 validation samples")
        XCTAssertFalse(h.ok("split none").contains("note:"))
    }

    func testHelpSplitSaysTrainingFraction() {
        let h = ShellHarness()
        let help = h.ok("help split")
        XCTAssertTrue(help.contains("the training fraction: split 0.8 trains on 80% and validates on 20%"), help)
    }
}
