import XCTest
@testable import DescentCore

/// Expected orders come from the seeded shuffle (reference permutation from Tests/References/data_refs.py)
/// and from counting rows by hand.
final class BatchSamplerTests: XCTestCase {
    func testEveryRowOncePerEpochWithPartialLastBatch() {
        var s = BatchSampler(count: 10, batchSize: 4, rng: RNG(seed: 1))
        XCTAssertEqual(s.batchesPerEpoch, 3)
        XCTAssertEqual(s.epoch, 1); XCTAssertEqual(s.epochOfLastBatch, 0); XCTAssertEqual(s.batchIndex, 0)
        for epoch in 1...3 {
            var seen: [Int] = []
            for b in 0..<3 {
                XCTAssertEqual(s.epoch, epoch); XCTAssertEqual(s.batchIndex, b)
                XCTAssertEqual(s.nextBatchSize, b < 2 ? 4 : 2)
                let batch = s.next()
                XCTAssertEqual(batch.count, b < 2 ? 4 : 2)
                XCTAssertEqual(s.epochOfLastBatch, epoch)
                seen += batch
            }
            XCTAssertEqual(seen.sorted(), Array(0..<10))
        }
        XCTAssertEqual(s.epoch, 4)
    }

    func testFirstEpochIsTheSeededShuffleAndEpochsDiffer() {
        // The sampler shuffles 0..<10 with its rng at the start of epoch 1: seed 3 gives [9, 4, 8, 0, 7, 2, 3, 1, 5, 6].
        var s = BatchSampler(count: 10, batchSize: 5, rng: RNG(seed: 3))
        XCTAssertEqual(Array(s.next()), [9, 4, 8, 0, 7])
        XCTAssertEqual(Array(s.next()), [2, 3, 1, 5, 6])
        // Epoch 2 shuffles epoch 1's order again with the continued stream.
        var r = RNG(seed: 3)
        var order = Array(0..<10)
        r.shuffle(&order); r.shuffle(&order)
        XCTAssertEqual(Array(s.next()) + Array(s.next()), order)
        XCTAssertNotEqual(order, [9, 4, 8, 0, 7, 2, 3, 1, 5, 6])
    }

    func testDeterministicAndCopyRestores() {
        var a = BatchSampler(count: 7, batchSize: 3, rng: RNG(seed: 9)), b = a
        for _ in 0..<10 { XCTAssertEqual(Array(a.next()), Array(b.next())) }
        let saved = a
        let ahead = (0..<5).map { _ in Array(a.next()) }
        a = saved
        XCTAssertEqual((0..<5).map { _ in Array(a.next()) }, ahead)
    }

    func testFullBatchIsOriginalOrderWithoutShuffle() {
        for size in [nil, 0, 10, 50] as [Int?] {
            var s = BatchSampler(count: 10, batchSize: size, rng: RNG(seed: 1))
            XCTAssertEqual(s.batchesPerEpoch, 1); XCTAssertFalse(s.shuffles); XCTAssertEqual(s.batchSize, 10)
            XCTAssertEqual(Array(s.next()), Array(0..<10))
            XCTAssertEqual(Array(s.next()), Array(0..<10))
            XCTAssertEqual(s.epochOfLastBatch, 2); XCTAssertEqual(s.epoch, 3)
        }
    }

    func testEmptyDatasetDoesNotTrap() {
        var s = BatchSampler(count: 0, batchSize: 4, rng: RNG(seed: 1))
        XCTAssertEqual(s.batchesPerEpoch, 0)
        XCTAssertEqual(s.next().count, 0)
    }
}
