import XCTest
@testable import DescentCore

/// `drop=`: columns of a CSV file left out unread. Expected values are read off the small texts by hand.
final class CSVDropTests: XCTestCase {
    private let iris = """
        sepal_length,sepal_width,petal_length,petal_width,species
        5.1,3.5,1.4,0.2,setosa
        7.0,3.2,4.7,1.4,versicolor
        6.3,3.3,6.0,2.5,virginica

        """

    private func message(_ text: String, target: String? = nil, drop: [String]) -> String {
        do { _ = try Dataset.csv(text: text, file: "iris.csv", target: target, drop: drop); return "no error" } catch { return "\(error)" }
    }

    func testADroppedTextColumnLetsAnotherColumnBeARegressionTarget() throws {
        // Without drop=, species is a feature of text and the file is refused.
        XCTAssertTrue(message(iris, target: "petal_width", drop: []).contains("column 5 'species': the column holds text"))
        let d = try Dataset.csv(text: iris, file: "iris.csv", target: "petal_width", drop: ["species"])
        XCTAssertEqual(d.task, .regression)
        XCTAssertEqual(d.featureNames, ["sepal_length", "sepal_width", "petal_length"])
        XCTAssertEqual(d.X.shape, [3, 3])
        XCTAssertEqual(d.X.data, [5.1, 3.5, 1.4, 7.0, 3.2, 4.7, 6.3, 3.3, 6.0])
        XCTAssertEqual(d.y.data, [0.2, 1.4, 2.5])
        // The target's place in the file is still its own column (4), for errors about its values.
        XCTAssertEqual(d.origin?.targetLocation(row: 1), "iris.csv:3, column 4 'petal_width'")
    }

    func testWithoutATargetTheLastColumnLeftIsTheTarget() throws {
        let d = try Dataset.csv(text: iris, file: "iris.csv", drop: ["species", "sepal_width"])
        XCTAssertEqual(d.targetName, "petal_width")
        XCTAssertEqual(d.featureNames, ["sepal_length", "petal_length"])
        XCTAssertEqual(d.X.data, [5.1, 1.4, 7.0, 4.7, 6.3, 6.0])
    }

    func testADroppedColumnIsNotRead() throws {
        // Missing values and text in a dropped column are not errors; in a kept one they are.
        let text = "id,a,note,y\n1,2,,3\n2,4,x y,5\n"
        XCTAssertTrue(message(text, drop: ["id"]).contains("column 3 'note': missing value"), message(text, drop: ["id"]))
        let d = try Dataset.csv(text: text, file: "t.csv", drop: ["note", "id"])
        XCTAssertEqual(d.featureNames, ["a"])
        XCTAssertEqual(d.X.data, [2, 4])
        XCTAssertEqual(d.y.data, [3, 5])
    }

    func testWrongDropsAreErrorsThatSayWhatIsThere() {
        XCTAssertEqual(message(iris, drop: ["specis"]),
                       "iris.csv: no column 'specis' to drop — did you mean 'species'? (the columns are sepal_length, sepal_width, "
                       + "petal_length, petal_width, species)")
        XCTAssertEqual(message(iris, drop: ["colour"]),
                       "iris.csv: no column 'colour' to drop — the columns are sepal_length, sepal_width, petal_length, petal_width, species")
        XCTAssertEqual(message(iris, target: "species", drop: ["sepal_width", "species"]),
                       "iris.csv: 'species' is the target, so it cannot be dropped too — remove it from drop=")
        XCTAssertEqual(message(iris, drop: ["species", "species"]), "iris.csv: column 'species' is dropped twice — name it once")
        XCTAssertEqual(message(iris, target: "species", drop: ["sepal_length", "sepal_width", "petal_length", "petal_width"]),
                       "iris.csv: dropping those columns leaves no feature — only the target 'species' is left; keep at least one column besides it")
        XCTAssertEqual(message("a,b\n1,2\n", drop: ["a", "b"]), "iris.csv: every column is dropped — keep a target and at least one feature")
        // Each points at the element of drop=[…] it is about.
        do { _ = try Dataset.csv(text: iris, file: "iris.csv", drop: ["species", "x"]) } catch {
            XCTAssertEqual(error.option, "drop"); XCTAssertEqual(error.element, 1)
        }
    }

    func testHeldOutRowsDropOnlyTheColumnsTheyHave() throws {
        let d = try Dataset.csv(text: "a,b,y\n1,2,3\n", file: "t.csv", drop: ["b", "c"], dropOnlyPresent: true)
        XCTAssertEqual(d.featureNames, ["a"])
    }

    func testTheTextColumnErrorSaysHowToDropIt() {
        XCTAssertEqual(message("name,a,y\nann,1,2\nbob,3,4\n", drop: []),
                       "iris.csv:2, column 1 'name': the column holds text ('ann'), not numbers — features must be numeric; "
                       + "make it the target (target=name) or leave it out (drop=name)")
    }
}
