import XCTest
@testable import DescentCore

/// Split sizes are ⌊fraction·n⌋ worked out by hand; membership is checked against the original rows.
final class SplitTests: XCTestCase {
    private func data(_ n: Int) throws -> Dataset {
        try Dataset(rows: (0..<n).map { [Double($0), Double($0 * 10)] }, targets: (0..<n).map { Double($0 % 2) },
                    task: .binary, featureNames: ["i", "ten_i"], classNames: ["even", "odd"])
    }

    func testSizesDisjointnessAndCoverage() throws {
        let d = try data(10)
        var r = RNG(seed: 4)
        let (train, validation) = try d.split(trainFraction: 0.75, rng: &r)
        XCTAssertEqual(train.count, 7); XCTAssertEqual(validation.count, 3)  // ⌊7.5⌋ = 7
        let trainRows = (0..<7).map { Int(train.X[$0, 0]) }, valRows = (0..<3).map { Int(validation.X[$0, 0]) }
        XCTAssertEqual(Set(trainRows).intersection(valRows), [])
        XCTAssertEqual((trainRows + valRows).sorted(), Array(0..<10))
        for (k, i) in trainRows.enumerated() {
            XCTAssertEqual(train.X[k, 1], Double(i * 10)); XCTAssertEqual(train.y.data[k], Double(i % 2))
        }
        XCTAssertEqual(train.classNames, ["even", "odd"]); XCTAssertEqual(train.featureNames, ["i", "ten_i"])
        XCTAssertEqual(train.name, "inline (training part)"); XCTAssertEqual(validation.name, "inline (validation part)")
    }

    func testOrderIsTheSeededShuffle() throws {
        // Same permutation as shuffling 0..<10 with seed 3 (reference [9, 4, 8, 0, 7, 2, 3, 1, 5, 6], data_refs.py).
        var r = RNG(seed: 3)
        let (train, validation) = try data(10).split(trainFraction: 0.5, rng: &r)
        XCTAssertEqual(train.X.data.enumerated().filter { $0.offset % 2 == 0 }.map { Int($0.element) }, [9, 4, 8, 0, 7])
        XCTAssertEqual(validation.X.data.enumerated().filter { $0.offset % 2 == 0 }.map { Int($0.element) }, [2, 3, 1, 5, 6])
    }

    func testErrors() throws {
        func message(_ n: Int, _ f: Double) throws -> String {
            var r = RNG(seed: 0)
            do { _ = try data(n).split(trainFraction: f, rng: &r); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(try message(10, 1), "the training fraction must be between 0 and 1 (exclusive), got 1")
        XCTAssertEqual(try message(10, 0), "the training fraction must be between 0 and 1 (exclusive), got 0")
        XCTAssertEqual(try message(10, .nan), "the training fraction must be between 0 and 1 (exclusive), got nan")
        XCTAssertEqual(try message(5, 0.1), "split 0.1 of 5 samples leaves 0 for training and 5 for validation; both need at least one — use a fraction of at least 0.2")
        XCTAssertEqual(try message(1, 0.5), "split 0.5 of 1 sample leaves 0 for training and 1 for validation; both need at least one — a split needs at least 2 samples")
        // 1/3 written to 4 digits, 0.3333, trains on ⌊0.9999⌋ = 0 of 3 rows; 0.3334 on ⌊1.0002⌋ = 1. 1/7 = 0.142857…
        // rounds up to 0.1429 (⌊1.0003⌋ = 1 of 7).
        XCTAssertEqual(try message(3, 0.3), "split 0.3 of 3 samples leaves 0 for training and 3 for validation; both need at least one — use a fraction of at least 0.3334")
        XCTAssertEqual(try message(7, 0.1), "split 0.1 of 7 samples leaves 0 for training and 7 for validation; both need at least one — use a fraction of at least 0.1429")
        XCTAssertEqual(try message(3, 0.3334), "no error")
    }
}
