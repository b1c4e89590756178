import XCTest
import Foundation
@testable import DescentCore
@testable import DescentShell

/// `data csv … drop=`: the columns left out, errors pointing at the name typed, `save session` and `evaluate`.
final class DataDropTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("drop")
        try iris.write(toFile: dir + "/iris.csv", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { ScratchDirectory.remove(dir) }

    /// The column (from 0) of an error's caret under the line it quotes (indented by 4).
    private func caret(_ error: String) -> Int? {
        guard let last = error.split(separator: "\n").last, let k = last.firstIndex(of: "^") else { return nil }
        return last.distance(from: last.startIndex, to: k) - 4
    }

    private let iris = "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n7.0,3.2,4.7,1.4,versicolor\n"
        + "6.3,3.3,6.0,2.5,virginica\n4.9,3.0,1.4,0.2,setosa\n"

    func testARegressionOnAnIrisColumnWithSpeciesDropped() throws {
        let h = ShellHarness()
        // Without drop=, the text column is refused, and the message says how to leave it out.
        XCTAssertTrue(h.fails("data csv \"\(dir)/iris.csv\" target=petal_width").contains("leave it out (drop=species)"))
        let said = h.ok("data csv \"\(dir)/iris.csv\" target=petal_width drop=species")
        XCTAssertTrue(said.contains("4 samples, 3 features (left out: species), regression target 'petal_width'"), said)
        let d = try XCTUnwrap(h.w.data)
        XCTAssertEqual(d.featureNames, ["sepal_length", "sepal_width", "petal_length"])
        XCTAssertEqual(d.y.data, [0.2, 1.4, 2.5, 0.2])
        // Several, as a list of words and quoted names.
        h.ok("data csv \"\(dir)/iris.csv\" target=petal_width drop=[species,\"sepal_width\"]")
        XCTAssertEqual(h.w.data?.featureNames, ["sepal_length", "petal_length"])
        XCTAssertEqual(h.w.data?.X.data, [5.1, 1.4, 7.0, 4.7, 6.3, 6.0, 4.9, 1.4])
    }

    func testErrorsPointAtTheNameAndChangeNothing() throws {
        let h = ShellHarness()
        h.ok("data xor n=10")
        let line = "data csv \"\(dir)/iris.csv\" target=petal_width drop=[species,petal]"
        let unknown = h.fails(line)
        XCTAssertTrue(unknown.hasPrefix("error: \(dir)/iris.csv: no column 'petal' to drop — did you mean 'petal_length' or "
                                        + "'petal_width'? (the columns are sepal_length, sepal_width, petal_length, petal_width, species)"), unknown)
        XCTAssertEqual(caret(unknown), line.distance(from: line.startIndex, to: line.range(of: "petal]")!.lowerBound))
        let both = "data csv \"\(dir)/iris.csv\" target=species drop=[sepal_width,species]"
        let target = h.fails(both)
        XCTAssertTrue(target.hasPrefix("error: \(dir)/iris.csv: 'species' is the target, so it cannot be dropped too — remove it from drop="), target)
        XCTAssertEqual(caret(target), both.distance(from: both.startIndex, to: both.range(of: "species]")!.lowerBound))
        XCTAssertTrue(h.fails("data csv \"\(dir)/iris.csv\" drop=[]").contains("expected at least one column name in drop=[…]"))
        XCTAssertTrue(h.fails("data csv \"\(dir)/iris.csv\" drop=[species,3]").contains("expected a column name in drop=[…], got 3"))
        XCTAssertTrue(h.fails("data xor drop=x").contains("unknown option 'drop' for data"))
        // The xor data is still there.
        XCTAssertEqual(h.w.data?.count, 10)
        XCTAssertEqual(h.w.droppedColumns, [])
    }

    func testSaveSessionKeepsTheCommandAsTypedAndReplaysIt() throws {
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/iris.csv\" target=petal_width drop=[species, sepal_width]\nlayer dense 1\nloss mse\ntrain 3\n"
             + "save session \"\(dir)/s.descent\"")
        let script = try String(contentsOfFile: dir + "/s.descent", encoding: .utf8)
        XCTAssertTrue(script.contains("\ndata csv \"\(dir)/iris.csv\" target=petal_width drop=[species, sepal_width]\n"), script)
        let r = ShellHarness()
        r.ok("replay \"\(dir)/s.descent\"")
        XCTAssertEqual(r.values("W1"), h.values("W1"))
        XCTAssertEqual(r.w.data?.featureNames, ["sepal_length", "petal_length"])
    }

    func testEvaluateLeavesOutTheColumnsTheDataLeftOut() throws {
        // A held-out file shaped like the training file, species and all: species is left out there too.
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/iris.csv\" target=petal_width drop=species\nlayer dense 1\nloss mse\nset W1[0,0] = 0\nset W1[1,0] = 0\n"
             + "set W1[2,0] = 0.5\nset b1[0] = 0")
        try "sepal_length,sepal_width,petal_length,petal_width,species\n1,2,4,1,setosa\n1,2,2,2,virginica\n"
            .write(toFile: dir + "/test.csv", atomically: true, encoding: .utf8)
        // Predictions 2 and 1 against 1 and 2: mse ((2 − 1)² + (1 − 2)²) / 2 = 1.
        let said = h.ok("evaluate \"\(dir)/test.csv\"")
        XCTAssertTrue(said.contains("2 samples at step 0 — loss 1  r2"), said)
    }
}
