import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// `export data`: the dataset as CSV that `data csv` reads back to the same numbers, bit for bit. Expected file texts
/// are written out by hand.
final class ExportDataTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("descent-export")
    }

    override func tearDown() { ScratchDirectory.remove(dir) }

    func testInlineRegressionDataIsWrittenWithRoundTripDigits() throws {
        let h = ShellHarness()
        h.ok("data X=[[1e-5,2],[3,-0.0],[0.1,-7.25]] y=[0.1,1e300,-2]")
        let text = h.ok("export data \"\(dir)/r.csv\"")
        XCTAssertTrue(text.contains("wrote 3 rows (2 features and the target, last) to "), text)
        XCTAssertEqual(try String(contentsOfFile: dir + "/r.csv", encoding: .utf8), "x1,x2,y\n1e-05,2.0,0.1\n3.0,-0.0,1e+300\n0.1,-7.25,-2.0\n")
    }

    func testGeneratedClassesReadBackBitForBit() throws {
        let h = ShellHarness()
        h.ok("seed 4\ndata spiral n=90 noise=0.3 classes=3")
        let before = try XCTUnwrap(h.w.data)
        h.ok("export data \"\(dir)/s.csv\"\ndata csv \"\(dir)/s.csv\"")
        let after = try XCTUnwrap(h.w.data)
        XCTAssertEqual(after.X.data.map(\.bitPattern), before.X.data.map(\.bitPattern))
        XCTAssertEqual(after.y.data, before.y.data)
        XCTAssertEqual(after.classNames, before.classNames)
        XCTAssertEqual(after.featureNames, before.featureNames)
        XCTAssertEqual(after.task, .multiclass)
    }

    func testNamesThatNeedQuotesAreQuoted() throws {
        let path = dir + "/q.csv"
        try "\"a,b\",\" c\",kind\n1,2,\"x \"\"y\"\"\"\n3,4,plain\n".write(toFile: path, atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("data csv \"\(path)\"\nexport data \"\(dir)/out.csv\"")
        XCTAssertEqual(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8),
                       "\"a,b\",\" c\",kind\n1.0,2.0,\"x \"\"y\"\"\"\n3.0,4.0,plain\n")
        h.ok("data csv \"\(dir)/out.csv\"")
        XCTAssertEqual(h.w.data?.featureNames, ["a,b", " c"])
        XCTAssertEqual(h.w.data?.classNames, ["x \"y\"", "plain"])
    }

    func testNoDataIsAnErrorAndWritesNothing() {
        let h = ShellHarness()
        XCTAssertTrue(h.fails("export data \"\(dir)/none.csv\"").contains("no data to export yet"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/none.csv"))
    }

    func testAFileDataCsvWouldRefuseIsNotWritten() {
        // With the read limit lowered to 100 bytes, 30 rows of two round-trip coordinates (well over 100 bytes) are
        // refused, as `save weights` refuses what `load weights` would: nothing is written.
        let h = ShellHarness()
        h.w.readLimit = 100
        h.ok("data spiral n=30")
        let e = h.fails("export data \"\(dir)/big.csv\"")
        XCTAssertTrue(e.contains("cannot export data: as CSV it takes "), e)
        XCTAssertTrue(e.contains(" bytes, over the 100 bytes `data csv` reads from one file, so nothing was written to "), e)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/big.csv"))
        XCTAssertTrue(h.w.recorded.allSatisfy { !$0.hasPrefix("export") })
    }

    func testExportingOverAFileTheSessionReadSaysAReplayReadsTheExport() throws {
        // The session read d.csv, then wrote other data over it: a replay's `data csv` will find the export there.
        let path = dir + "/d.csv"
        try "a,b,y\n1,2,0\n3,4,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("data csv \"\(path)\"\ndata xor n=8")
        let said = h.ok("export data \"\(path)\"")
        XCTAssertTrue(said.contains("note: this session read \(path) earlier; a replay of it will read this data there instead"), said)
        // A file the session never read gets no note; nor does one it read holding what is exported.
        XCTAssertFalse(h.ok("export data \"\(dir)/other.csv\"").contains("note: this session read"))
        let same = ShellHarness()
        same.ok("data csv \"\(dir)/other.csv\"")
        XCTAssertFalse(same.ok("export data \"\(dir)/other.csv\"").contains("note: this session read"))
    }
}

/// `export history`, `export runs` and `export plot` (whose files nothing reads back) refuse to write over a file the session read.
final class ExportOverInputTests: XCTestCase {
    func testExportsThatNothingReadsBackLeaveTheSessionsInputsAlone() throws {
        let dir = try ScratchDirectory.make("export-input")
        defer { ScratchDirectory.remove(dir) }
        let csv = "x,y\n1,2\n2,4\n3,6\n"
        // Inputs named without an extension, which no export refuses as another format's name.
        try csv.write(toFile: dir + "/d", atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("data csv \"\(dir)/d\"\nlayer dense 1\nloss mse\ntrain 3\nsave weights \"\(dir)/w\"\nload weights \"\(dir)/w\"\nkeep a")
        let weights = try String(contentsOfFile: dir + "/w", encoding: .utf8)
        for command in ["export history", "export history a", "export runs", "export plot", "export plot runs"] {
            for file in ["d", "w"] {
                let e = h.fails("\(command) \"\(dir)/\(file)\"")
                XCTAssertTrue(e.contains("is a file this session read (`data csv`, `load weights`); writing over it would lose what a replay"), e)
            }
        }
        XCTAssertEqual(try String(contentsOfFile: dir + "/d", encoding: .utf8), csv)
        XCTAssertEqual(try String(contentsOfFile: dir + "/w", encoding: .utf8), weights)
        // Another name is written.
        h.ok("export history \"\(dir)/h.csv\"")
    }
}
