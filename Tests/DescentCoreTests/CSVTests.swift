import XCTest
@testable import DescentCore

/// Expected values are read off the small CSV texts by hand.
final class CSVTests: XCTestCase {
    private let iris = """
        sepal_length,sepal_width,petal_length,petal_width,species
        5.1,3.5,1.4,0.2,setosa
        7.0,3.2,4.7,1.4,versicolor
        6.3,3.3,6.0,2.5,virginica
        4.9,3.0,1.4,0.2,setosa

        """

    private func message(_ text: String, file: String = "t.csv", target: String? = nil) -> String {
        do { _ = try Dataset.csv(text: text, file: file, target: target); return "no error" } catch { return "\(error)" }
    }

    /// The records `CSVReader` reads from `text`: each one's line and fields.
    private func records(_ text: String) throws -> [Record] {
        var text = text
        return try text.withUTF8 { bytes in
            var reader = CSVReader(bytes, file: "t.csv"), out: [Record] = []
            while let line = try reader.next() { out.append(Record(line: line, fields: (0..<reader.count).map(reader.string))) }
            return out
        }
    }

    /// One record: the line it starts on and its fields.
    private struct Record: Equatable {
        let line: Int
        let fields: [String]
    }

    func testIrisLikeHappyPath() throws {
        let d = try Dataset.csv(text: iris, file: "data/iris.csv")
        XCTAssertEqual(d.name, "iris.csv")
        XCTAssertEqual(d.X.shape, [4, 4])
        XCTAssertEqual(d.X.data, [5.1, 3.5, 1.4, 0.2, 7.0, 3.2, 4.7, 1.4, 6.3, 3.3, 6.0, 2.5, 4.9, 3.0, 1.4, 0.2])
        XCTAssertEqual(d.y.shape, [4, 1])
        XCTAssertEqual(d.y.data, [0, 1, 2, 0])
        XCTAssertEqual(d.task, .multiclass)
        XCTAssertEqual(d.classNames, ["setosa", "versicolor", "virginica"])
        XCTAssertEqual(d.featureNames, ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        XCTAssertEqual(d.targetName, "species")
    }

    /// A numeric target read as class ids (as the shell reads it under ce): an error names the file, the row's
    /// line (blank lines counted) and the target column, wherever that column is.
    func testClassIDErrorsPointAtTheFileLineAndTargetColumn() throws {
        func classIDError(_ d: Dataset) -> String {
            do { _ = try d.classIDCount(); return "no error" } catch { return "\(error)" }
        }
        let d = try Dataset.csv(text: "a,lbl,b\n1,1,2\n\n\n3,3.5,4\n5,0,6\n", file: "data/t.csv", target: "lbl")
        XCTAssertEqual(d.origin?.lines, [2, 5, 6])
        XCTAssertEqual(classIDError(d), "data/t.csv:5, column 2 'lbl': 3.5 is not a class id — class targets are whole numbers 0, 1, …, k-1")
        let negative = try Dataset.csv(text: "a,b,lbl\n1,2,1\n3,4,-1\n5,6,0\n", file: "numt3.csv")
        XCTAssertEqual(classIDError(negative), "numt3.csv:3, column 3 'lbl': -1 is not a class id — class targets are whole numbers 0, 1, …, k-1")
        let big = try Dataset.csv(text: "x,y\n1,0\n2,12345\n", file: "t.csv")
        XCTAssertEqual(classIDError(big), "t.csv:3, column 2 'y': 12345 is not a class id — class ids go up to 9999 (at most 10000 classes)")
        let single = try Dataset.csv(text: "x,y\n1,0\n2,0\n", file: "t.csv")
        XCTAssertEqual(classIDError(single), "t.csv: target 'y' has only class 0 — a classifier needs at least 2 classes")
        XCTAssertEqual(try Dataset.csv(text: "x,y\n1,0\n2,2\n", file: "t.csv").classIDCount(), 3)
        // A split keeps each row's line: a is 1, 3, 5 on lines 2, 5, 6.
        var rng = RNG(seed: 1)
        let (train, validation) = try d.split(trainFraction: 0.5, rng: &rng)
        for part in [train, validation] {
            XCTAssertEqual(part.origin?.lines, (0..<part.count).map { [1.0: 2, 3.0: 5, 5.0: 6][part.X[$0, 0]] ?? 0 }, part.name)
        }
        XCTAssertNil(try Dataset(rows: [[1]], targets: [1], task: .regression).origin, "inline data has no file")
    }

    func testNamedTargetInTheMiddleAndNumericTargetIsRegression() throws {
        let d = try Dataset.csv(text: "a,b,c\n1,10,100\n2,20,200\n", file: "t.csv", target: "b")
        XCTAssertEqual(d.featureNames, ["a", "c"]); XCTAssertEqual(d.targetName, "b")
        XCTAssertEqual(d.X.data, [1, 100, 2, 200]); XCTAssertEqual(d.y.data, [10, 20])
        XCTAssertEqual(d.task, .regression); XCTAssertEqual(d.classNames, [])
    }

    func testTwoLabelsAreBinaryAndMoreAreMulticlassInOrderOfFirstAppearance() throws {
        let b = try Dataset.csv(text: "x,ok\n1,yes\n2,no\n3,yes\n", file: "t.csv")
        XCTAssertEqual(b.task, .binary); XCTAssertEqual(b.classNames, ["yes", "no"]); XCTAssertEqual(b.y.data, [0, 1, 0])
        // A number among text labels is a label too (in order of appearance, not of value).
        let m = try Dataset.csv(text: "x,k\n1,3\n2,b\n3,2.5\n4,3\n", file: "t.csv")
        XCTAssertEqual(m.task, .multiclass); XCTAssertEqual(m.classNames, ["3", "b", "2.5"]); XCTAssertEqual(m.y.data, [0, 1, 2, 0])
    }

    func testQuotingCRLFBlankLinesAndBOM() throws {
        let text = "\u{FEFF}\"first, name\",\"say \"\"hi\"\"\",y\r\n\r\n \"1\" , 2 ,\"a,b\"\r\n3,4,\"line\nbreak\"\r\n\r\n"
        XCTAssertEqual(try records(text), [
            .init(line: 1, fields: ["first, name", "say \"hi\"", "y"]),
            .init(line: 3, fields: ["1", "2", "a,b"]),
            .init(line: 4, fields: ["3", "4", "line\nbreak"]),
        ])
        let d = try Dataset.csv(text: text, file: "t.csv")
        XCTAssertEqual(d.featureNames, ["first, name", "say \"hi\""])
        XCTAssertEqual(d.X.data, [1, 2, 3, 4]); XCTAssertEqual(d.classNames, ["a,b", "line\nbreak"])
    }

    func testTrailingCommaIsAnEmptyLastField() throws {
        XCTAssertEqual(try records("a,b,"), [.init(line: 1, fields: ["a", "b", ""])])
        XCTAssertEqual(try records("a\rb"), [.init(line: 1, fields: ["a"]), .init(line: 2, fields: ["b"])])
    }

    func testStructureErrors() {
        XCTAssertEqual(message("a,b\n1,\"2\n3,4\n"),
                       "t.csv:2, column 2 'b': unterminated quote — the field opened with \" on this line never closes")
        XCTAssertEqual(message("a,b\n1,\"2\"x\n"),
                       "t.csv:2, column 2 'b': text after the closing quote — inside a quoted field write a quote as \"\"")
        XCTAssertEqual(message(""), "t.csv: the file is empty — expected a header row of column names, then one row per sample")
        XCTAssertEqual(message("\n \r\n"), "t.csv: the file is empty — expected a header row of column names, then one row per sample")
        XCTAssertEqual(message("a,b\n\n"), "t.csv: only a header (line 1), no data rows")
        XCTAssertEqual(message("a,b,c\n1,2,3\n4,5\n"), "t.csv:3: row has 2 fields, expected 3 like the header")
        XCTAssertEqual(message("a,b,c\n\"x\ny\",1,2\n1\n"), "t.csv:4: row has 1 field, expected 3 like the header")
    }

    func testHeaderErrors() {
        XCTAssertEqual(message("a,b,a\n1,2,3\n"), "t.csv:1, column 3: duplicate column name 'a' (also column 1)")
        XCTAssertEqual(message("a,,c\n1,2,3\n"), "t.csv:1, column 2: empty column name — every column needs a name in the header")
        XCTAssertEqual(message("a\n1\n"), "t.csv:1: the header has 1 column, need at least 2 (features, then a target)")
        XCTAssertEqual(message("a;b\n1;2\n"),
                       "t.csv:1: the header has 1 column, need at least 2 (features, then a target) — the fields seem separated by ';'; use commas")
        XCTAssertEqual(message("a b y\n1 2 0\n"),
                       "t.csv:1: the header has 1 column, need at least 2 (features, then a target) — the fields seem separated by spaces; use commas")
    }

    func testHexadecimalIsTextAsInTheLanguage() throws {
        // 0xA and 0xB would parse as 10 and 11 with Swift's Double(_:); here they are two class labels, in order.
        let d = try Dataset.csv(text: "a,code\n1,0xA\n2,0xB\n3,0xA\n", file: "t.csv")
        XCTAssertEqual(d.task, .binary); XCTAssertEqual(d.classNames, ["0xA", "0xB"]); XCTAssertEqual(d.y.data, [0, 1, 0])
        XCTAssertEqual(message("a,b\n1,2\n0x1p3,3\n"), "t.csv:3, column 1 'a': '0x1p3' is not a number — write numbers like 42, -0.5, .5 or 1e-3")
    }

    func testANumberInAFormNotReadSaysHowNumbersAreWritten() {
        // Each is read as a number by some tool (hex, Fortran's d exponent, a percentage, digit grouping), not here.
        for cell in ["0x10", "1d5", "5%", "1_000"] {
            XCTAssertEqual(message("a,y\n1,0\n\(cell),1\n"), "t.csv:3, column 1 'a': '\(cell)' is not a number — write numbers like 42, -0.5, .5 or 1e-3")
        }
    }

    func testCellErrors() {
        XCTAssertEqual(message(iris.replacingOccurrences(of: "7.0,3.2", with: "7.0,abc"), file: "iris.csv"),
                       "iris.csv:3, column 2 'sepal_width': 'abc' is not a number — write numbers like 42, -0.5, .5 or 1e-3")
        XCTAssertEqual(message(iris.replacingOccurrences(of: "7.0,3.2", with: "7.0,"), file: "iris.csv"),
                       "iris.csv:3, column 2 'sepal_width': missing value — every field needs a value")
        XCTAssertEqual(message(iris.replacingOccurrences(of: "6.0,2.5,virginica", with: "6.0,2.5,"), file: "iris.csv"),
                       "iris.csv:4, column 5 'species': missing value — every field needs a value")
        XCTAssertEqual(message("a,b\n1,2\ninf,3\n"), "t.csv:3, column 1 'a': 'inf' is not a finite number")
        XCTAssertEqual(message("a,b\n1,2\n2,nan\n"), "t.csv:3, column 2 'b': 'nan' is not a finite number")
        XCTAssertEqual(message("a,b\n1,0\n2,-inf\n"), "t.csv:3, column 2 'b': '-inf' is not a finite number")
        XCTAssertEqual(message("name,x,y\nalice,1,2\nbob,2,3\n"),
                       "t.csv:2, column 1 'name': the column holds text ('alice'), not numbers — features must be numeric; make it the target (target=name) or leave it out (drop=name)")
    }

    func testANULCharacterAnywhereIsAnErrorAtItsLineAndColumn() {
        // Double("1\u{0}9") reads 1 (the C parser stops at the NUL), so without this check "1\u{0}9" loaded as 1.
        let nul = "a NUL character (U+0000) — a CSV file holds text (was it saved as UTF-16, or is it binary?); save it as UTF-8 text"
        XCTAssertEqual(message("a,b,y\n1\u{0}9,2,3\n4,5,6\n", file: "nul2.csv"), "nul2.csv:2, column 1 'a': " + nul)
        XCTAssertEqual(message("a,b,y\n1,2,3\n4,5,6\u{0}\n"), "t.csv:3, column 3 'y': " + nul)
        XCTAssertEqual(message("a,b,y\n1,2,cat\n4,5,\u{0}dog\n"), "t.csv:3, column 3 'y': " + nul)
        XCTAssertEqual(message("a,b\u{0}\n1,2\n"), "t.csv:1, column 2: " + nul)
        XCTAssertEqual(message("a,b,y\n1,2,\"x\ny\u{0}\"\n"), "t.csv:3, column 3 'y': " + nul)
        XCTAssertEqual(message("a,b,y\n1,2,\"x\"\u{0}\n"), "t.csv:2, column 3 'y': " + nul)
        XCTAssertEqual(message("a,b,y\n1,2,3\n\u{0}\n"), "t.csv:3, column 1 'a': " + nul)
    }

    func testAByteThatIsNotUTF8IsPlacedAsTheOtherCellErrorsAre() {
        /// Where the one 0xFF byte (written `\u{FF}` in `text`) lies.
        func place(_ text: String) -> String {
            let bytes = Array(text.utf8).flatMap { $0 == 0x01 ? [UInt8(0xFF)] : [$0] }   // \u{1} stands for the bad byte
            return Dataset.csvLocation(ofByte: bytes.firstIndex(of: 0xFF) ?? -1, in: bytes, file: "x.csv")
        }
        XCTAssertEqual(place("a,b,y\n1,2,0\n3,\u{1}4,1\n"), "x.csv:3, column 2 'b'")
        XCTAssertEqual(place("a,b,y\r\n1,2,0\r\n\r\n3,4,\u{1}\r\n"), "x.csv:4, column 3 'y'")   // a blank line counts as a line
        XCTAssertEqual(place("a,b\u{1},y\n1,2,0\n"), "x.csv:1, column 2")                    // in the header: no name yet
        // A comma inside quotes is text; the quoted field runs onto line 4, where the byte is.
        XCTAssertEqual(place("a,b,y\n1,2,0\n\"3,5\",\"x\n\u{1}\",1\n"), "x.csv:4, column 2 'b'")
        XCTAssertEqual(place("a,b,y\n1,\"2\"\"\",\u{1}\n"), "x.csv:2, column 3 'y'")
        // An unterminated quote before it: the structure cannot be read, only the line is named.
        XCTAssertEqual(place("a,b,y\n\"1,2,0\n3,\u{1}\n"), "x.csv:3")
    }

    func testTargetErrors() {
        XCTAssertEqual(message(iris, file: "iris.csv", target: "specis"), "iris.csv: no column 'specis' — did you mean 'species'?")
        XCTAssertEqual(message(iris, file: "iris.csv", target: "SPECIES"), "iris.csv: no column 'SPECIES' — did you mean 'species'?")
        XCTAssertEqual(message("a,b\n1,2\n", target: "colour"), "t.csv: no column 'colour' — the columns are a, b")
        XCTAssertEqual(message("x,y\n1,cat\n2,cat\n"), "t.csv: target 'y' has only one class ('cat') — a classifier needs at least 2")
    }

    func testFieldBytesReadAsTheirStringDoes() {
        // Double(_:) is the reference: the byte reader must give the same bits, or nil where it gives nil.
        var fields = ["0", "-0", "+0", "0.0", "-0.000", "1", "-1", "1.", ".5", "-.5", "+.5", ".", "-", "+", "", " ", "1e5", "1E+05",
                      "2.5e-3", "1e22", "1e23", "1e-22", "1e-23", "9007199254740992", "9007199254740993", "9007199254740993.0",
                      "123456789012345678", "1234567890123456789", "12345678901234567890", "0.1", "0.3", "-2.675", "1e", "1e+",
                      "1.2.3", "1e1e1", "--1", "1-", "0x1A", "0x1p3", "inf", "-inf", "nan", "infinity", "1e400", "-1e400", "1e-400",
                      "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", " 1.5", "1.5 ", "\t-2\t", " 1 2 ",
                      "\u{00A0}3", "3\u{2003}", "٣", "1e0022", "1e00022", "0000000000000000000000000001",
                      "0.00000000000000000000000000001", "100000000000000000000000", "12abc", "abc"]
        var rng = RNG(seed: 7)
        for _ in 0..<2000 {
            let v = (rng.uniform() - 0.5) * pow(10, Double(Int(rng.uniform() * 12) - 6))
            fields.append(String(format: "%.\(Int(rng.uniform() * 18))f", v))
            fields.append(String(format: "%.\(Int(rng.uniform() * 17))e", v))
        }
        for field in fields {
            let fromString = Dataset.number(field)
            var copy = field
            let fromBytes = copy.withUTF8 { Dataset.number($0) }
            XCTAssertEqual(fromBytes?.bitPattern, fromString?.bitPattern, "'\(field)'")
        }
    }

    func testCellsTrimmedAndQuotedReadAsNumbers() throws {
        let d = try Dataset.csv(text: "a,b\n\" 1.5 \",-2e1\n\"\t3\",4\n", file: "t.csv")
        XCTAssertEqual(d.X.data, [1.5, 3]); XCTAssertEqual(d.y.data, [-20, 4])
        XCTAssertEqual(message("name,x,y\nalice,1,2\n3,2,3\n"), "t.csv:2, column 1 'name': 'alice' is not a number — write numbers like 42, -0.5, .5 or 1e-3")
        XCTAssertEqual(message("a,b\n1,2\n\" \",3\n"), "t.csv:3, column 1 'a': ' ' is not a number — write numbers like 42, -0.5, .5 or 1e-3")
    }

    func testAReadThatIsToldToStopThrowsStopped() throws {
        let text = "a,b\n" + String(repeating: "1,2\n", count: 10_000)
        var asked = 0
        XCTAssertThrowsError(try Dataset.csv(text: text, file: "t.csv") { asked += 1; return asked < 2 }) {
            XCTAssertEqual($0 as? DataError, Dataset.csvStopped)
        }
        XCTAssertEqual(asked, 2)
        // Told to go on, the same text reads whole, asked once every 4,096 rows in each of its two passes.
        asked = 0
        let d = try Dataset.csv(text: text, file: "t.csv") { asked += 1; return true }
        XCTAssertEqual(d.count, 10_000); XCTAssertEqual(asked, 6)
    }

    func testContentQuotedFromTheFileIsCutToFortyCharacters() {
        // Cells and names from the file are quoted with at most 39 of their characters and `…`.
        let long = String(repeating: "x", count: 100_000), cut = String(repeating: "x", count: 26) + "…" + String(repeating: "x", count: 13)
        XCTAssertEqual(message("a,b\n1,2\n\(long),3\n"), "t.csv:3, column 1 'a': '\(cut)' is not a number — write numbers like 42, -0.5, .5 or 1e-3")
        XCTAssertEqual(message("a,b\n\(long),2\n\(long),3\n"),
                       "t.csv:2, column 1 'a': the column holds text ('\(cut)'), not numbers — features must be numeric; make it the target (target=a) or leave it out (drop=a)")
        XCTAssertEqual(message("\(long),b\n1,2\nz,3\n"), "t.csv:3, column 1 '\(cut)': 'z' is not a number — write numbers like 42, -0.5, .5 or 1e-3")
        XCTAssertEqual(message("\(long),\(long)\n1,2\n"), "t.csv:1, column 2: duplicate column name '\(cut)' (also column 1)")
        XCTAssertEqual(message("x,\(long)\n1,\(long)\n2,\(long)\n"),
                       "t.csv: target '\(cut)' has only one class ('\(cut)') — a classifier needs at least 2")
    }

    func testAMissingTargetNamesAtMostTenColumns() {
        let names = (0..<5000).map { "c\($0)" }
        let text = names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ",") + "\n"
        XCTAssertEqual(message(text, target: "zzz"), "t.csv: no column 'zzz' — the columns are "
                       + (0..<10).map { "c\($0)" }.joined(separator: ", ") + ", … 4990 more")
        let long = String(repeating: "q", count: 1000)
        XCTAssertEqual(message("\(long),b\n1,2\n", target: String(repeating: "q", count: 999)),
                       "t.csv: no column '\(String(repeating: "q", count: 26))…\(String(repeating: "q", count: 13))' — did you mean '\(String(repeating: "q", count: 26))…\(String(repeating: "q", count: 13))'?")
    }
}
