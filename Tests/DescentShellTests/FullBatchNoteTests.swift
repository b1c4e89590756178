import XCTest
@testable import DescentShell

/// `batch N` with N at least the training rows says each step is the full batch; without data it says nothing more.
/// xor n=240 split 0.5 trains on 120 rows (240 × 0.5).
final class FullBatchNoteTests: XCTestCase {
    func testABatchOfAtLeastTheTrainingRowsIsNotedAsTheFullBatch() {
        let h = ShellHarness()
        XCTAssertEqual(h.ok("batch 1000"), "batch: 1000 samples, reshuffled each epoch")
        h.ok("data xor n=240\nsplit 0.5\nbatch 8")
        XCTAssertEqual(h.ok("batch 1000"), "batch: 1000 samples, reshuffled each epoch\n"
                       + "note: 1000 rows are more than the 120 training rows: each step is the full batch, as batch full")
        XCTAssertEqual(h.ok("batch 120"), "batch: 120 samples, reshuffled each epoch\n"
                       + "note: 120 rows are all the 120 training rows: each step is the full batch, as batch full")
        XCTAssertEqual(h.ok("batch 119"), "batch: 119 samples, reshuffled each epoch")
        // Without a split, all 240 rows train.
        h.ok("split none")
        XCTAssertEqual(h.ok("batch 200"), "batch: 200 samples, reshuffled each epoch")
        XCTAssertTrue(h.ok("batch 240").hasSuffix("\nnote: 240 rows are all the 240 training rows: each step is the full batch, as batch full"),
                      h.out.text)
    }
}
