import XCTest
@testable import DescentCore

/// Expected values and messages are worked out by hand from the small inputs.
final class DatasetTests: XCTestCase {
    private func message(rows: [[Double]], targets: [Double], task: Task = .regression, classNames: [String]? = nil) -> String {
        do { _ = try Dataset(rows: rows, targets: targets, task: task, classNames: classNames); return "no error" } catch { return "\(error)" }
    }

    func testInlineConstruction() throws {
        let d = try Dataset(rows: [[1, 2], [2, 3], [3, 4]], targets: [2, 3, 4], task: .regression)
        XCTAssertEqual(d.X.shape, [3, 2]); XCTAssertEqual(d.X.data, [1, 2, 2, 3, 3, 4])
        XCTAssertEqual(d.y.shape, [3, 1]); XCTAssertEqual(d.y.data, [2, 3, 4])
        XCTAssertEqual(d.count, 3); XCTAssertEqual(d.featureCount, 2)
        XCTAssertEqual(d.featureNames, ["x1", "x2"]); XCTAssertEqual(d.targetName, "y")
        XCTAssertEqual(d.classNames, []); XCTAssertEqual(d.name, "inline")
        let c = try Dataset(rows: [[0], [1], [2]], targets: [2, 0, 1], task: .multiclass)
        XCTAssertEqual(c.classNames, ["0", "1", "2"])
        let named = try Dataset(rows: [[0], [1]], targets: [0, 0], task: .multiclass, classNames: ["a", "b", "c"])
        XCTAssertEqual(named.classNames, ["a", "b", "c"])
    }

    func testInlineValidationMessages() {
        XCTAssertEqual(message(rows: [], targets: []), "X has no rows — give at least one sample")
        XCTAssertEqual(message(rows: [[]], targets: [1]), "X rows are empty — each sample needs at least one feature")
        XCTAssertEqual(message(rows: [[1, 2], [3, 4], [5]], targets: [1, 2, 3]), "X[2] has 1 value, expected 2 like X[0]")
        XCTAssertEqual(message(rows: [[1, 2], [3, 4]], targets: [1, 2, 3]), "y has 3 values but X has 2 rows — give one target per row")
        XCTAssertEqual(message(rows: [[1]], targets: [1, 2]), "y has 2 values but X has 1 row — give one target per row")
        XCTAssertEqual(message(rows: [[1, .infinity]], targets: [1]), "X[0,1] is inf — features must be finite numbers")
        XCTAssertEqual(message(rows: [[1], [2]], targets: [1, .nan]), "y[1] is nan — targets must be finite numbers")
    }

    /// Targets are named as `show data` numbers its rows, from 0: `y[1]` is the second.
    func testClassIdChecks() {
        XCTAssertEqual(message(rows: [[1], [2], [3]], targets: [0, 1, 2], task: .binary), "y[2] is 2, but binary targets are 0 or 1")
        XCTAssertEqual(message(rows: [[1], [2]], targets: [0, 1.5], task: .multiclass),
                       "y[1] is 1.5, not a class id — class targets are whole numbers 0, 1, …, k-1")
        XCTAssertEqual(message(rows: [[1], [2]], targets: [-1, 0], task: .multiclass),
                       "y[0] is -1, not a class id — class targets are whole numbers 0, 1, …, k-1")
        XCTAssertEqual(message(rows: [[1], [2]], targets: [0, 0], task: .multiclass), "y has only class 0 — a classifier needs at least 2 classes")
        XCTAssertEqual(message(rows: [[1], [2]], targets: [0, 3], task: .multiclass, classNames: ["a", "b", "c"]),
                       "y[1] is 3, but with 3 classes the ids are 0…2")
        XCTAssertEqual(message(rows: [[1], [2]], targets: [0, 1], task: .binary, classNames: ["a", "b", "c"]),
                       "binary data has 2 classes, but 3 class names were given")
        // Up to 10,000 classes: 9999 is the largest id, 10000 names the limit rather than the rule it keeps.
        XCTAssertEqual(try Dataset.classCount(of: [0, 9999], task: .multiclass), 10_000)
        XCTAssertEqual(message(rows: [[1], [2]], targets: [0, 10_000], task: .multiclass),
                       "y[1] is 10000, not a class id — class ids go up to 9999 (at most 10000 classes)")
        XCTAssertEqual(try Dataset.classCount(of: [0, 4, 1], task: .multiclass), 5)
        XCTAssertEqual(try Dataset.classCount(of: [0, 0], task: .binary), 2)
    }

    func testCopyRowsGathersIntoCallerBuffers() throws {
        let d = try Dataset(rows: [[1, 2], [3, 4], [5, 6]], targets: [10, 20, 30], task: .regression)
        var x = [Double](repeating: -1, count: 6), y = [Double](repeating: -1, count: 3)
        let order = [2, 0, 2]
        x.withUnsafeMutableBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                d.copyRows(order[...], x: xp.baseAddress!, y: yp.baseAddress!)
            }
        }
        XCTAssertEqual(x, [5, 6, 1, 2, 5, 6]); XCTAssertEqual(y, [30, 10, 30])
    }

    func testTaskNames() {
        XCTAssertEqual(Task.allCases.map(\.description), ["regression", "binary", "multiclass"])
        XCTAssertFalse(Task.regression.isClassification); XCTAssertTrue(Task.binary.isClassification)
    }
}
