import XCTest
import Foundation
@testable import DescentCore
@testable import DescentShell

/// `data csv … classes=[…]`: class ids in a given order, the errors pointing at what was typed, and `export data`'s
/// note giving the line that reads its classes back with the same ids.
final class DataClassesTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("classes")
        try "a,b,y\n1,2,cat\n3,4,dog\n5,6,cat\n".write(toFile: dir + "/pets.csv", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { ScratchDirectory.remove(dir) }

    /// The column (from 0) of an error's caret under the line it quotes (indented by 4).
    private func caret(_ error: String) -> Int? {
        guard let last = error.split(separator: "\n").last, let k = last.firstIndex(of: "^") else { return nil }
        return last.distance(from: last.startIndex, to: k) - 4
    }

    private let training = "\nsplit 0.8\nnormalize\nbatch 16\nlayer dense 16 relu\nlayer dense 1 sigmoid\nloss bce\n"
        + "optimizer adam lr=0.01\ntrain 50\n"

    func testTheExportedXorReadBackWithTheNotesLineTrainsToTheSameWeights() throws {
        let h = ShellHarness()
        let said = h.ok("seed 1\ndata xor n=300\nexport data \"\(dir)/xor1.csv\"")
        // xor's first row (−0.709, −0.381) has the same sign twice: class 1, 'same sign', so read in order of first
        // appearance 'same sign' would be class 0.
        let text = try String(contentsOfFile: dir + "/xor1.csv", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("x1,x2,class\n-0.709457447646232,-0.3809414344199997,same sign\n"), text)
        let line = "data csv \"\(dir)/xor1.csv\" classes=[\"different signs\",\"same sign\"]"
        XCTAssertTrue(said.contains("\nnote: the classes first appear in another order than their ids here — \(line) reads them back "
                                    + "with these ids"), said)
        let original = try XCTUnwrap(h.w.data)
        h.ok(training + "save weights \"\(dir)/a.json\"")

        let r = ShellHarness()
        r.ok("seed 1\n" + line)
        let read = try XCTUnwrap(r.w.data)
        XCTAssertEqual(read.y.data, original.y.data)
        XCTAssertEqual(read.X.data.map(\.bitPattern), original.X.data.map(\.bitPattern))
        XCTAssertEqual(read.classNames, ["different signs", "same sign"])
        r.ok(training + "save weights \"\(dir)/b.json\"")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/b.json")), try Data(contentsOf: URL(fileURLWithPath: dir + "/a.json")))
        XCTAssertEqual(r.values("W1").map(\.bitPattern), h.values("W1").map(\.bitPattern))
        // Loading the original's weights finds the same classes in the same order: no warning.
        XCTAssertFalse(r.ok("load weights \"\(dir)/a.json\"").contains("warning"))

        // Without classes= the ids are swapped, and the weights trained differ.
        let s = ShellHarness()
        s.ok("seed 1\ndata csv \"\(dir)/xor1.csv\"")
        XCTAssertEqual(s.w.data?.classNames, ["same sign", "different signs"])
        s.ok(training)
        XCTAssertNotEqual(s.values("W1"), h.values("W1"))
        // Loading the original's weights then says which classes= reads the data as they were trained.
        XCTAssertTrue(s.ok("load weights \"\(dir)/a.json\"").contains("\nwarning: the weights in \(dir)/a.json were trained with the "
                      + "classes different signs, same sign; this data's are same sign, different signs, the same in another order — "
                      + "a class's id is the order its label first appears in (or its place in classes=), so the weights' outputs now "
                      + "stand for other classes: `reset` draws new weights, or read the data with classes=[\"different signs\","
                      + "\"same sign\"] (added to its `data csv`) to number them as before"), s.out.text)
        // Read with classes= in the other order, the classes= given replaces that one.
        let t = ShellHarness()
        t.ok("seed 1\ndata csv \"\(dir)/xor1.csv\" classes=[\"same sign\",\"different signs\"]")
        let listed = t.ok(training + "load weights \"\(dir)/a.json\"")
        XCTAssertTrue(listed.contains("or read the data with classes=[\"different signs\",\"same sign\"] (in place of its classes=) to "
                                      + "number them as before"), listed)
    }

    func testTheNoteAppearsOnlyWhenTheOrderDiffers() {
        let h = ShellHarness()
        // cat (0) appears before dog (1): read back the same without classes=.
        XCTAssertFalse(h.ok("data csv \"\(dir)/pets.csv\"\nexport data \"\(dir)/p1.csv\"").contains("note:"))
        XCTAssertFalse(h.ok("data csv \"\(dir)/pets.csv\" classes=[cat,dog]\nexport data \"\(dir)/p2.csv\"").contains("note:"))
        XCTAssertFalse(h.ok("data linear n=5\nexport data \"\(dir)/p3.csv\"").contains("note:"))
        // Class ids as numbers are written as numbers, read back by their values.
        XCTAssertFalse(h.ok("data X=[[1],[2]] y=[1,0]\nloss ce\nexport data \"\(dir)/p4.csv\"").contains("note:"))
        // dog is 0 but comes second; a class without rows would not come back at all.
        XCTAssertTrue(h.ok("data csv \"\(dir)/pets.csv\" classes=[dog,cat]\nexport data \"\(dir)/p5.csv\"")
            .contains("— data csv \"\(dir)/p5.csv\" classes=[dog,cat] reads them back with these ids"))
        XCTAssertTrue(h.ok("data csv \"\(dir)/pets.csv\" classes=[cat,dog,\"a bird\"]\nexport data \"\(dir)/p6.csv\"")
            .contains("— data csv \"\(dir)/p6.csv\" classes=[cat,dog,\"a bird\"] reads them back with these ids"))
    }

    func testAListedClassWithoutRowsIsNoted() throws {
        let h = ShellHarness()
        let said = h.ok("data csv \"\(dir)/pets.csv\" classes=[dog,cat,bird]")
        XCTAssertTrue(said.contains("3 samples, 2 features, 3 classes (dog, cat, bird; class 2 has no rows: bird)"), said)
        // pets: cat, dog, cat, with dog 0 and cat 1.
        XCTAssertEqual(h.w.data?.y.data, [1, 0, 1])
        XCTAssertEqual(h.w.data?.task, .multiclass)
    }

    func testErrorsPointAtWhatWasTypedAndChangeNothing() throws {
        let h = ShellHarness()
        h.ok("data xor n=10")
        let source = h.w.dataSource
        let unlisted = "data csv \"\(dir)/pets.csv\" classes=[cat,bird]"
        let error = h.fails(unlisted)
        XCTAssertTrue(error.hasPrefix("error: \(dir)/pets.csv:3, column 3 'y': the label 'dog' is not among the classes given (cat, bird)"
                                      + " — list every label of the column in classes="), error)
        XCTAssertEqual(caret(error), unlisted.distance(from: unlisted.startIndex, to: unlisted.range(of: "classes=")!.lowerBound))
        let near = "data csv \"\(dir)/pets.csv\" classes=[cat,dgo]"
        let typo = h.fails(near)
        XCTAssertTrue(typo.contains("— did you mean 'dog' for 'dgo' in classes=?"), typo)
        XCTAssertEqual(caret(typo), near.distance(from: near.startIndex, to: near.range(of: "dgo")!.lowerBound))
        let twice = "data csv \"\(dir)/pets.csv\" classes=[dog,cat,dog]"
        let duplicate = h.fails(twice)
        XCTAssertTrue(duplicate.hasPrefix("error: class 'dog' is listed twice in classes= (also name 1 of the list) — name it once"), duplicate)
        XCTAssertEqual(caret(duplicate), twice.distance(from: twice.startIndex, to: twice.range(of: "dog]")!.lowerBound))
        try "a,y\n1,0\n2,1\n".write(toFile: dir + "/ids.csv", atomically: true, encoding: .utf8)
        XCTAssertTrue(h.fails("data csv \"\(dir)/ids.csv\" classes=[a,b]")
            .contains("classes= names the classes of a target of text labels, and 'y' holds numbers"))
        XCTAssertTrue(h.fails("data xor classes=[a,b]").contains("expected a whole number"))
        // The xor data is still there, as typed.
        XCTAssertEqual(h.w.data?.count, 10)
        XCTAssertEqual(h.w.data?.classNames, ["different signs", "same sign"])
        XCTAssertEqual(h.w.dataSource, source)
    }

    func testSaveSessionKeepsTheCommandAndEvaluateMapsLabelsByName() throws {
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/pets.csv\" classes=[dog, cat]\nlayer dense 1 sigmoid\nloss bce\nset W1[0,0] = 1\nset W1[1,0] = 0\n"
             + "set b1[0] = -3.5\nsave session \"\(dir)/s.descent\"")
        let script = try String(contentsOfFile: dir + "/s.descent", encoding: .utf8)
        XCTAssertTrue(script.contains("\ndata csv \"\(dir)/pets.csv\" classes=[dog, cat]\n"), script)
        let r = ShellHarness()
        r.ok("replay \"\(dir)/s.descent\"")
        XCTAssertEqual(r.w.data?.classNames, ["dog", "cat"])
        XCTAssertEqual(r.w.data?.y.data, [1, 0, 1])
        // cat comes first in this file, and is still class 1: z = a − 3.5 is 1.5 (cat) and −2.5 (dog), both right; the
        // loss (log(1 + e^−1.5) + log(1 + e^−2.5)) / 2 = 0.140152 (by hand with Python's math).
        try "a,b,y\n5,0,cat\n1,0,dog\n".write(toFile: dir + "/e.csv", atomically: true, encoding: .utf8)
        let said = h.ok("evaluate \"\(dir)/e.csv\"")
        XCTAssertTrue(said.contains("2 samples at step 0 — loss 0.1402"), said)
        XCTAssertTrue(said.contains("accuracy 100% (2 of 2)"), said)
    }
}
