import XCTest
@testable import DescentCore
@testable import DescentShell

/// The memory check counts what a session holds: training and evaluation run large sets a block of rows at a time,
/// while a pass by hand runs its whole batch in one graph. Counts worked out by hand in each test.
final class FitSizeTests: XCTestCase {
    /// 20-64-64-1: 20·64 + 64 + 64·64 + 64 + 64 + 1 = 5,569 parameters; per row 20 + 4·64 + 4·64 + 4·1 = 536 values.
    let spec = ModelSpec(inputSize: 20, layers: [.dense(units: 64, activation: .relu, bias: true, initializer: nil),
                                                 .dense(units: 64, activation: .relu, bias: true, initializer: nil),
                                                 .dense(units: 1, activation: .linear, bias: true, initializer: nil)])

    func testALargeSetCountsBlocksNotAllItsRows() throws {
        XCTAssertEqual(spec.parameterCount, 5_569)
        XCTAssertEqual(Fit.graphWidths(spec), 536)
        // 300,000 rows: 8 blocks of 4,096 rows, 3·5,569 + 32,768·536 = 17,580,355 values (the whole set counted twice
        // would be 321,600,000, over the 2.5·10⁸ a session may hold, and was refused).
        XCTAssertEqual(Fit.baseValues(spec, samples: 300_000), 17_580_355)
        XCTAssertNoThrow(try Fit.checkSize(spec: spec, samples: 300_000))
        // Up to a block, both graphs are the set's size: 3·5,569 + 2·1,000·536 = 1,088,707.
        XCTAssertEqual(Fit.baseValues(spec, samples: 1_000), 1_088_707)
    }

    func testAPassByHandCountsItsWholeBatch() {
        // 300,000 rows by hand: 17,580,355 + 300,000·536 = 178,380,355 values, 1.4 GB: it fits.
        XCTAssertNoThrow(try Fit.checkHandPass(spec: spec, samples: 300_000, rows: 300_000))
        // 3,000,000 rows: 17,580,355 + 3,000,000·536 = 1,625,580,355 values, 13.0 GB: refused, saying what to do.
        XCTAssertThrowsError(try Fit.checkHandPass(spec: spec, samples: 3_000_000, rows: 3_000_000)) { e in
            XCTAssertEqual("\(e)", "stepping by hand runs the whole batch of 3000000 rows in one graph, which would need about 13.0 GB with this model (at most 2.0 GB) — `batch 4096` or fewer rows for stepping by hand; `step` and `train` run such a batch 4096 rows at a time")
        }
        // A batch of a block or fewer rows is what training builds anyway.
        XCTAssertNoThrow(try Fit.checkHandPass(spec: spec, samples: 3_000_000, rows: 4_096))
    }

    func testSizesJustOverTheLimitReadApartFromIt() {
        // 250,000,000 values are 2.0 GB; 250,100,000 are 2.0008 GB, which reads 2.0 at one decimal and 2.001 at three
        // (2.00 at two), so it is given to three.
        XCTAssertEqual(Fit.gigabytes(250_100_000, beside: Fit.maxValues).0, "2.001")
        XCTAssertEqual(Fit.gigabytes(250_100_000, beside: Fit.maxValues).1, "2.000")
        XCTAssertEqual(Fit.gigabytes(400_000_000, beside: Fit.maxValues).0, "3.2")
        XCTAssertEqual(Fit.gigabytes(400_000_000, beside: Fit.maxValues).1, "2.0")
    }
}
