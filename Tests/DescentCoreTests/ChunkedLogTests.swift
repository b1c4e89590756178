import XCTest
@testable import DescentCore

/// The chunked log behaves as an array, and copies share all but the chunk being written.
final class ChunkedLogTests: XCTestCase {
    func testAppendingAcrossChunksKeepsEveryElementInOrder() {
        var log = ChunkedLog<Int>()
        for i in 0..<10_000 { log.append(i * 3) }
        XCTAssertEqual(log.count, 10_000)
        XCTAssertEqual(Array(log), (0..<10_000).map { $0 * 3 })
        XCTAssertEqual(log[4095], 12285)
        XCTAssertEqual(log[4096], 12288)
        XCTAssertEqual(log.last, 29997)
        XCTAssertEqual(Array(log.suffix(2)), [29994, 29997])
        XCTAssertEqual(log.chunkIdentities.count, 3)   // ⌈10000 / 4096⌉
    }

    func testACopyIsIndependentAndSharesTheFullChunks() {
        var original = ChunkedLog<Int>()
        for i in 0..<9_000 { original.append(i) }
        var copy = original
        copy.append(-1)
        original.append(-2)
        XCTAssertEqual(original.count, 9_001)
        XCTAssertEqual(copy.count, 9_001)
        XCTAssertEqual(original.last, -2)
        XCTAssertEqual(copy.last, -1)
        XCTAssertEqual(Array(copy.prefix(9_000)), Array(0..<9_000))
        XCTAssertNotEqual(original, copy)
        // The two full chunks (0–4095, 4096–8191) are the same objects; the third was copied by one side.
        let a = original.chunkIdentities, b = copy.chunkIdentities
        XCTAssertEqual(Array(a.prefix(2)), Array(b.prefix(2)))
        XCTAssertNotEqual(a[2], b[2])
    }

    func testATrimmedCopySharesTheFullChunksAndHoldsNoRoomReservedAhead() {
        var log = ChunkedLog<Int>()
        log.reserve(4 * 4096)   // four chunks, as a run of 16,384 steps reserves
        for i in 0..<5_000 { log.append(i) }   // a run stopped after 5,000: one chunk full, one partly, two empty
        let kept = log.trimmed()
        XCTAssertEqual(log.heldChunks, 4)
        XCTAssertEqual(kept.heldChunks, 2)
        XCTAssertEqual(Array(kept), Array(0..<5_000))
        // The full chunk is shared; the partly filled one is the copy's own, so the log writes on into its own.
        XCTAssertEqual(kept.chunkIdentities[0], log.chunkIdentities[0])
        XCTAssertNotEqual(kept.chunkIdentities[1], log.chunkIdentities[1])
        let writing = log.chunkIdentities[1]
        for i in 5_000..<9_000 { log.append(-i) }
        XCTAssertEqual(log.chunkIdentities[1], writing, "the log's own chunk is not copied again")
        XCTAssertEqual(Array(kept), Array(0..<5_000))
        XCTAssertEqual(log.count, 9_000)
        // A log of whole chunks shares them all.
        var whole = ChunkedLog<Int>()
        for i in 0..<4_096 { whole.append(i) }
        XCTAssertEqual(whole.trimmed().chunkIdentities, whole.chunkIdentities)
        XCTAssertEqual(ChunkedLog<Int>().trimmed().heldChunks, 0)
    }

    func testReserveMakesChunksAheadWithoutChangingTheElements() {
        var log = ChunkedLog<Int>()
        log.append(7)
        let before = log
        log.reserve(10_000)
        XCTAssertEqual(log, before)
        XCTAssertEqual(log.count, 1)
        for i in 0..<10_000 { log.append(i) }
        XCTAssertEqual(log.count, 10_001)
        XCTAssertEqual(before.count, 1)
        XCTAssertEqual(log[10_000], 9_999)
    }

    func testDroppingTheFirstChunkKeepsTheIndicesOfTheWholeLog() {
        var log = ChunkedLog<Int>()
        for i in 0..<10_000 { log.append(i) }
        let copy = log
        log.dropFirstChunk()
        // Elements 0–4095 are gone; the rest keep their indices, and the copy keeps all of them.
        XCTAssertEqual(log.startIndex, 4096)
        XCTAssertEqual(log.endIndex, 10_000)
        XCTAssertEqual(log.count, 10_000 - 4096)
        XCTAssertEqual(log.first, 4096)
        XCTAssertEqual(log[9_999], 9_999)
        XCTAssertEqual(Array(log), Array(4096..<10_000))
        XCTAssertEqual(copy.count, 10_000)
        XCTAssertEqual(copy[0], 0)
        for i in 10_000..<13_000 { log.append(i) }
        XCTAssertEqual(log[12_999], 12_999)
        XCTAssertEqual(Array(log.suffix(2)), [12_998, 12_999])
        // 8,904 held: two full chunks of 4,096 go, and the chunk being written (712) never does.
        log.dropFirstChunk(); log.dropFirstChunk(); log.dropFirstChunk()
        XCTAssertEqual(log.startIndex, 12_288)
        XCTAssertEqual(Array(log), Array(12_288..<13_000))
    }
}
