import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// `save weights` records the classes a classifier's outputs stand for; `load weights` warns, as `data` does, when the
/// session's data lists other classes or the same in another order. Class ids follow the order labels first appear in:
/// in ba.csv b is class 0, in ab.csv a is.
final class WeightsClassesTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("descent-weights-classes")
        try "x,c\n1,b\n2,a\n3,b\n".write(toFile: dir + "/ba.csv", atomically: true, encoding: .utf8)
        try "x,c\n2,a\n1,b\n3,b\n".write(toFile: dir + "/ab.csv", atomically: true, encoding: .utf8)
        try "x,c\n2,a\n1,z\n3,z\n".write(toFile: dir + "/az.csv", atomically: true, encoding: .utf8)
    }

    override func tearDown() { ScratchDirectory.remove(dir) }

    func testSavedWeightsListTheirClassesInOutputOrder() throws {
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/ba.csv\"\nlayer dense 2\nloss ce\nsave weights \"\(dir)/w.json\"")
        let text = try String(contentsOfFile: dir + "/w.json", encoding: .utf8)
        XCTAssertTrue(text.contains("\n  \"classes\": [\"b\", \"a\"],\n  \"params\": {\n"), text)
        // Regression: no such member.
        h.ok("data X=[[1],[2]] y=[1,2]\nloss mse\nlayer dense 1\nsave weights \"\(dir)/r.json\"")
        XCTAssertFalse(try String(contentsOfFile: dir + "/r.json", encoding: .utf8).contains("classes"))
    }

    func testLoadingWeightsOfTheSameClassesInAnotherOrderWarnsAsDataDoes() {
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/ba.csv\"\nlayer dense 2\nloss ce\noptimizer sgd lr=0.1\ntrain 2\nsave weights \"\(dir)/w.json\"")
        // The same order: no warning.
        XCTAssertEqual(h.ok("load weights \"\(dir)/w.json\""), "loaded 2 parameters from \(dir)/w.json")
        h.ok("data csv \"\(dir)/ab.csv\"\nreset")
        let text = h.ok("load weights \"\(dir)/w.json\"")
        XCTAssertEqual(text, "loaded 2 parameters from \(dir)/w.json\n"
                       + "warning: the weights in \(dir)/w.json were trained with the classes b, a; this data's are a, b, the same in "
                       + "another order — a class's id is the order its label first appears in (or its place in classes=), so the "
                       + "weights' outputs now stand for other classes: `reset` draws new weights, or read the data with classes=[b,a] "
                       + "(added to its `data csv`) to number them as before")
        // Other classes altogether: no advice to reorder.
        h.ok("data csv \"\(dir)/az.csv\"\nreset")
        XCTAssertTrue(h.ok("load weights \"\(dir)/w.json\"").hasSuffix("\nwarning: the weights in \(dir)/w.json were trained with the "
                       + "classes b, a; this data's are a, z — a class's id is the order its label first appears in, so the "
                       + "weights' outputs now stand for other classes: `reset` draws new weights"), h.out.text)
    }

    func testLoadedWeightsKeepTheirClassesForSaveAndData() throws {
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/ba.csv\"\nlayer dense 2\nloss ce\nsave weights \"\(dir)/w.json\"")
        h.ok("data csv \"\(dir)/ab.csv\"\nreset\nload weights \"\(dir)/w.json\"\nsave weights \"\(dir)/again.json\"")
        // Saved again untrained under ab.csv: still the classes they were saved with, b then a.
        XCTAssertTrue(try String(contentsOfFile: dir + "/again.json", encoding: .utf8).contains("\"classes\": [\"b\", \"a\"]"))
        // Data whose classes are the weights' again: no warning; then ab.csv's order warns as for trained weights.
        XCTAssertFalse(h.ok("data csv \"\(dir)/ba.csv\"").contains("warning"), h.out.text)
        XCTAssertTrue(h.ok("data csv \"\(dir)/ab.csv\"").contains("\nwarning: the kept weights were trained with the classes b, a; "
                                                                 + "this data's are a, b, the same in another order"), h.out.text)
    }

    func testAFileWithoutClassesLoadsWithoutWarning() throws {
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/ab.csv\"\nlayer dense 2\nloss ce")
        try #"{"params": {"W1": [[1, 2]], "b1": [0, 0]}}"#.write(toFile: dir + "/old.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(h.ok("load weights \"\(dir)/old.json\""), "loaded 2 parameters from \(dir)/old.json")
    }
}
