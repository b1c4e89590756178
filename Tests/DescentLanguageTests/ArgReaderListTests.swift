import XCTest
@testable import DescentLanguage

/// Vector and matrix binding, checked verbatim. Columns were counted by hand.
final class ArgReaderListTests: XCTestCase {
    func testMatrixAndVectorOptions() throws {
        let args = try reader("data X=[[1,2],[2,3],[3,4]] y=[2,3,4]")
        XCTAssertEqual(try args.matrixOption("X"), [[1, 2], [2, 3], [3, 4]])
        XCTAssertEqual(try args.vectorOption("y"), [2, 3, 4])
        XCTAssertNil(try args.matrixOption("Z"))
        XCTAssertNil(try args.vectorOption("z"))
        XCTAssertNoThrow(try args.finish(options: ["X", "y"]))
    }

    func testRaggedRow() throws {
        // data(1-4) X(6) =(7) [(8) [1,2](9-13) ,(14) [2,3,4](15-21)
        let source = "data X=[[1,2],[2,3,4]]"
        let args = try reader(source)
        XCTAssertEqual(rendered(diagnostic { _ = try args.matrixOption("X") }, source), """
            t.descent:1:15: error: X[1] has 3 numbers but X[0] has 2
                data X=[[1,2],[2,3,4]]
                              ^~~~~~~
            """)
        XCTAssertEqual(diagnostic { _ = try reader("data X=[[1,2],[3]]").matrixOption("X") },
                       Diagnostic("X[1] has 1 number but X[0] has 2", at: SourceSpan(line: 1, column: 15, length: 3)))
    }

    func testMatrixShapeErrors() throws {
        XCTAssertEqual(diagnostic { _ = try reader("data X=[[1,2],3]").matrixOption("X") },
                       Diagnostic("expected X[1] to be a list like [1,2], got 3", at: SourceSpan(line: 1, column: 15, length: 1)))
        XCTAssertEqual(diagnostic { _ = try reader("data X=[[1,a]]").matrixOption("X") },
                       Diagnostic("expected a number as X[0,1], got 'a'", at: SourceSpan(line: 1, column: 12, length: 1)))
        XCTAssertEqual(diagnostic { _ = try reader(#"data X=[["a"]]"#).matrixOption("X") },
                       Diagnostic("expected a number as X[0,0], got \"a\"", at: SourceSpan(line: 1, column: 10, length: 3)))
        XCTAssertEqual(diagnostic { _ = try reader("data X=[]").matrixOption("X") },
                       Diagnostic("expected at least one row in X", at: SourceSpan(line: 1, column: 8, length: 2)))
        XCTAssertEqual(diagnostic { _ = try reader("data X=[[]]").matrixOption("X") },
                       Diagnostic("X[0] is empty", at: SourceSpan(line: 1, column: 9, length: 2)))
        XCTAssertEqual(diagnostic { _ = try reader("data X=3").matrixOption("X") },
                       Diagnostic("expected X as a list of rows like [[1,2],[3,4]], got 3", at: SourceSpan(line: 1, column: 8, length: 1)))
    }

    func testVectorErrors() throws {
        XCTAssertEqual(diagnostic { _ = try reader("data y=[1,[2]]").vectorOption("y") },
                       Diagnostic("expected a number as y[1], got [2]", at: SourceSpan(line: 1, column: 11, length: 3)))
        XCTAssertEqual(diagnostic { _ = try reader("data y=[]").vectorOption("y") },
                       Diagnostic("expected at least one number in y", at: SourceSpan(line: 1, column: 8, length: 2)))
        XCTAssertEqual(diagnostic { _ = try reader("data y=5").vectorOption("y") },
                       Diagnostic("expected y as a list of numbers like [1,2,3], got 5", at: SourceSpan(line: 1, column: 8, length: 1)))
    }

    func testRowsTakeAMatrixOrOneRowAndKeepEachRowsSpan() throws {
        // predict(1-7) [(9) [1,2](10-14) ,(15) [3,4,5](16-22)
        var args = try reader("predict [[1,2],[3,4,5]]")
        let rows = try args.rows("inputs")
        XCTAssertEqual(rows.map(\.numbers), [[1, 2], [3, 4, 5]])
        XCTAssertEqual(rows.map(\.span), [SourceSpan(line: 1, column: 10, length: 5), SourceSpan(line: 1, column: 16, length: 7)])
        var one = try reader("predict [1,-2.5]")
        let single = try one.rows("inputs")
        XCTAssertEqual(single.map(\.numbers), [[1, -2.5]])
        XCTAssertEqual(single.map(\.span), [SourceSpan(line: 1, column: 9, length: 8)])
    }

    func testRowsErrors() throws {
        /// The error `rows("inputs")` gives on `text`.
        func rowsError(_ text: String) -> Diagnostic? { diagnostic { var a = try reader(text); _ = try a.rows("inputs") } }
        XCTAssertEqual(rowsError("predict [[1,2],3]"),
                       Diagnostic("expected inputs[1] to be a list like [1,2], got 3", at: SourceSpan(line: 1, column: 16, length: 1)))
        XCTAssertEqual(rowsError("predict [1,[2]]"),
                       Diagnostic("expected a number as inputs[1], got [2]", at: SourceSpan(line: 1, column: 12, length: 3)))
        XCTAssertEqual(rowsError("predict [[1,x]]"),
                       Diagnostic("expected a number as inputs[0,1], got 'x'", at: SourceSpan(line: 1, column: 13, length: 1)))
        XCTAssertEqual(rowsError("predict []"),
                       Diagnostic("expected at least one row in inputs", at: SourceSpan(line: 1, column: 9, length: 2)))
        XCTAssertEqual(rowsError("predict [[]]"),
                       Diagnostic("inputs[0] is empty", at: SourceSpan(line: 1, column: 10, length: 2)))
        XCTAssertEqual(rowsError("predict 3"),
                       Diagnostic("expected inputs as a row like [1,2] or rows like [[1,2],[3,4]], got 3", at: SourceSpan(line: 1, column: 9, length: 1)))
        XCTAssertEqual(rowsError("predict"),
                       Diagnostic("expected inputs as a row like [1,2] or rows like [[1,2],[3,4]]", at: SourceSpan(line: 1, column: 8, length: 0)))
    }
}
