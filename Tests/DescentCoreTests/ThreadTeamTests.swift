import XCTest
import Synchronization
@testable import DescentCore

/// The thread team: every part runs once per piece of work, work nested in a part runs alone, slices
/// tile their range exactly, and the `DESCENT_THREADS` setting is read as documented.
final class ThreadTeamTests: XCTestCase {
    private static let team = ThreadTeam(threads: 2)

    func testEveryPartRunsOncePerPieceOfWork() {
        // 1,000 pieces of work in a row: each must see parts 0 and 1 exactly once, and return only after both.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        defer { counts.deallocate() }
        for round in 1...1_000 {
            counts.initialize(repeating: 0, count: 2)
            Self.team.run { part, parts in
                XCTAssertEqual(parts, 2)
                counts[part] += 1
            }
            XCTAssertEqual([counts[0], counts[1]], [1, 1], "round \(round)")
        }
    }

    func testHelperWakesAfterSleeping() {
        // Longer than the spin limit without work: the helper sleeps and must wake for the next piece.
        Thread.sleep(forTimeInterval: 0.01)
        let ran = Atomic<Int>(0)
        Self.team.run { _, _ in ran.add(1, ordering: .relaxed) }
        XCTAssertEqual(ran.load(ordering: .relaxed), 2)
    }

    func testNestedWorkRunsAlone() {
        let inner = Atomic<Int>(0)
        Self.team.run { part, _ in
            guard part == 0 else { return }
            Self.team.run { p, parts in
                XCTAssertEqual(p, 0); XCTAssertEqual(parts, 1)
                inner.add(1, ordering: .relaxed)
            }
        }
        XCTAssertEqual(inner.load(ordering: .relaxed), 1)
    }

    /// Work run `alone` holds the team, so a product it starts is not cut into bands either (OpenBLAS may
    /// round a band differently from the whole, and halved batches must give the same bits either way).
    func testWorkStartedByAloneWorkRunsAlone() {
        let inner = Atomic<Int>(0)
        Self.team.run(alone: true) { part, parts in
            XCTAssertEqual(part, 0); XCTAssertEqual(parts, 1)
            Self.team.run { p, n in
                XCTAssertEqual(p, 0); XCTAssertEqual(n, 1)
                inner.add(1, ordering: .relaxed)
            }
        }
        XCTAssertEqual(inner.load(ordering: .relaxed), 1)
        Self.team.run { _, _ in inner.add(1, ordering: .relaxed) }
        XCTAssertEqual(inner.load(ordering: .relaxed), 3, "the team is free again afterwards")
    }

    func testSyncHoldsEachPartUntilAllArrive() {
        // Each part writes its round number, waits, and must then see the other part's write of the same
        // round: without the wait, a part running ahead would read the round before (or after).
        let seen = UnsafeMutablePointer<Int>.allocate(capacity: 64)  // two words 256 bytes apart
        defer { seen.deallocate() }
        seen.initialize(repeating: 0, count: 64)
        let mismatches = Atomic<Int>(0)
        Self.team.run { part, parts in
            XCTAssertEqual(parts, 2)
            for round in 1...2_000 {
                seen[part * 32] = round
                Self.team.sync(parts: parts)
                if seen[(1 - part) * 32] != round { mismatches.add(1, ordering: .relaxed) }
                Self.team.sync(parts: parts)  // neither writes the next round before the other has read
            }
        }
        XCTAssertEqual(mismatches.load(ordering: .relaxed), 0)
        Self.team.sync(parts: 1)  // one part: returns at once
    }

    func testSlicesTileTheRangeAtAlignedCuts() {
        // 0..<100 in 3 parts of whole 8s: 13 units of 8 → cuts at 4·8 = 32 and 8·8 = 64 (by hand).
        XCTAssertEqual((0..<3).map { ThreadTeam.slice(100, part: $0, of: 3, align: 8) }, [0..<32, 32..<64, 64..<100])
        XCTAssertEqual((0..<2).map { ThreadTeam.slice(128, part: $0, of: 2, align: 8) }, [0..<64, 64..<128])
        XCTAssertEqual((0..<2).map { ThreadTeam.slice(5, part: $0, of: 2, align: 8) }, [0..<0, 0..<5])
        XCTAssertEqual(ThreadTeam.slice(7, part: 0, of: 1, align: 8), 0..<7)
    }

    func testThreadSetting() {
        XCTAssertEqual(ThreadSetting(nil, cores: 2).threads, 2)
        XCTAssertNil(ThreadSetting(nil, cores: 2).problem)
        XCTAssertEqual(ThreadSetting("1", cores: 2).threads, 1)
        XCTAssertEqual(ThreadSetting(" 2 ", cores: 4).threads, 2)
        XCTAssertNil(ThreadSetting(" 2 ", cores: 4).problem)
        XCTAssertEqual(ThreadSetting("1", cores: 2).summary, "1 thread")
        let capped = ThreadSetting("16", cores: 2)
        XCTAssertEqual(capped.threads, 2)
        XCTAssertEqual(capped.summary, "2 threads (DESCENT_THREADS=16 capped at the 2 cores this process may use)")
        for bad in ["0", "-3", "two", ""] {
            let s = ThreadSetting(bad, cores: 2)
            XCTAssertEqual(s.threads, 2, bad)
            XCTAssertEqual(s.problem, "DESCENT_THREADS=\(bad) ignored: give a whole number from 1 to 2; using 2", bad)
        }
    }
}
