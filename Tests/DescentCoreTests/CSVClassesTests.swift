import XCTest
@testable import DescentCore

/// `classes=`: a text target's class ids in a given order rather than in order of first appearance. Expected ids are
/// read off the small texts by hand.
final class CSVClassesTests: XCTestCase {
    private let pets = "a,b,pet\n1,2,cat\n3,4,dog\n5,6,cat\n"

    private func message(_ text: String, classes: [String]?) -> String {
        do { _ = try Dataset.csv(text: text, file: "pets.csv", classes: classes); return "no error" } catch { return "\(error)" }
    }

    private func error(_ text: String, classes: [String]?) -> DataError? {
        do { _ = try Dataset.csv(text: text, file: "pets.csv", classes: classes); return nil } catch { return error }
    }

    func testTheListedOrderGivesTheIds() throws {
        // First appearance: cat 0, dog 1; listed as [dog, cat]: dog 0, cat 1.
        XCTAssertEqual(try Dataset.csv(text: pets, file: "pets.csv").y.data, [0, 1, 0])
        let d = try Dataset.csv(text: pets, file: "pets.csv", classes: ["dog", "cat"])
        XCTAssertEqual(d.classNames, ["dog", "cat"])
        XCTAssertEqual(d.y.data, [1, 0, 1])
        XCTAssertEqual(d.task, .binary)
        XCTAssertEqual(d.X.data, [1, 2, 3, 4, 5, 6])
    }

    func testAListedClassWithoutRowsIsKept() throws {
        let d = try Dataset.csv(text: pets, file: "pets.csv", classes: ["bird", "cat", "dog"])
        XCTAssertEqual(d.classNames, ["bird", "cat", "dog"])
        XCTAssertEqual(d.y.data, [1, 2, 1])
        XCTAssertEqual(d.task, .multiclass)
        XCTAssertEqual(d.classCounts(), [0, 2, 1])
        // Two listed, one of them in the file: still two classes (a file of one label, read with its classes).
        let one = try Dataset.csv(text: "a,pet\n1,cat\n2,cat\n", file: "pets.csv", classes: ["dog", "cat"])
        XCTAssertEqual(one.y.data, [1, 1])
        XCTAssertEqual(one.task, .binary)
    }

    func testAnUnlistedLabelIsAnErrorAtItsRowAndColumn() {
        // dog is on line 3 (the header is line 1), in column 3.
        XCTAssertEqual(message(pets, classes: ["cat", "bird"]),
                       "pets.csv:3, column 3 'pet': the label 'dog' is not among the classes given (cat, bird) — list every label of the column in classes=")
        XCTAssertEqual(error(pets, classes: ["cat", "bird"])?.option, "classes")
        XCTAssertNil(error(pets, classes: ["cat", "bird"])?.element)
        // A near name: the element it is about.
        XCTAssertEqual(message(pets, classes: ["cat", "dgo"]),
                       "pets.csv:3, column 3 'pet': the label 'dog' is not among the classes given (cat, dgo) — did you mean 'dog' for 'dgo' in classes=?")
        XCTAssertEqual(error(pets, classes: ["cat", "dgo"])?.element, 1)
    }

    func testANameListedTwiceOrAloneIsAnError() {
        XCTAssertEqual(message(pets, classes: ["dog", "cat", "dog"]),
                       "class 'dog' is listed twice in classes= (also name 1 of the list) — name it once")
        XCTAssertEqual(error(pets, classes: ["dog", "cat", "dog"])?.element, 2)
        XCTAssertEqual(message(pets, classes: ["dog"]), "classes= lists one class ('dog') — a classifier needs at least 2")
    }

    func testANumericTargetRefusesClasses() {
        let numbers = "a,y\n1,0\n2,1\n"
        XCTAssertEqual(message(numbers, classes: ["a", "b"]),
                       "pets.csv: classes= names the classes of a target of text labels, and 'y' holds numbers (a regression target, "
                       + "or class ids under ce, bce or hinge, whose ids are their values) — leave classes= out")
        XCTAssertEqual(error(numbers, classes: ["a", "b"])?.option, "classes")
    }

    func testClassesToReadBack() throws {
        // Written in id order of first appearance: nothing needed.
        XCTAssertNil(try Dataset.csv(text: pets, file: "pets.csv").csvClassesToReadBack())
        // dog (id 0) first appears after cat (id 1).
        XCTAssertEqual(try Dataset.csv(text: pets, file: "pets.csv", classes: ["dog", "cat"]).csvClassesToReadBack(), ["dog", "cat"])
        // A class without rows would not be read back at all.
        XCTAssertEqual(try Dataset.csv(text: pets, file: "pets.csv", classes: ["cat", "dog", "bird"]).csvClassesToReadBack(),
                       ["cat", "dog", "bird"])
        // Numbers are written as numbers, read back as class ids by value: nothing needed.
        let ids = Dataset(name: "ids", X: Tensor(shape: [2, 1], data: [0, 1]), y: Tensor(shape: [2, 1], data: [1, 0]),
                          task: .binary, featureNames: ["x"], targetName: "y", classNames: ["0", "1"])
        XCTAssertNil(ids.csvClassesToReadBack())
    }
}
