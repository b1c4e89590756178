import XCTest
@testable import DescentCore
@testable import DescentShell

/// The most a session reads from one file: `save weights` writes nothing `load weights` would refuse, and a file
/// over the limit is refused with what to do instead. The limit is made small here rather than the files large.
final class FileSizeLimitTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("descent-limit")
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(atPath: dir) }

    /// A session in the test's directory reading at most `limit` bytes from a file.
    private func session(limit: Int) -> (Workspace, Session, CapturedOutput) {
        let out = CapturedOutput(), w = Workspace(output: out, directory: dir)
        w.readLimit = limit
        return (w, Session(workspace: w), out)
    }

    /// The errors printed, one a line.
    private func said(_ out: CapturedOutput) -> String { out.errors.joined(separator: "\n") }

    private static let model = ["seed 0", "data xor n=40", "layer dense 16 tanh", "layer dense 1 sigmoid", "loss bce"]

    func testSaveWeightsRefusesAFileLoadWeightsWouldRefuseAndWritesNothing() throws {
        let (w, s, out) = session(limit: 1000)
        for line in FileSizeLimitTests.model { XCTAssertTrue(s.run(line: line), "\(line): \(said(out))") }
        XCTAssertFalse(s.run(line: "save weights \"w.json\""))
        XCTAssertTrue(said(out).contains("cannot save weights: as JSON they take "), said(out))
        XCTAssertTrue(said(out).contains("over the 1000 bytes `load weights` reads from one file, so nothing was written to w.json"), said(out))
        XCTAssertTrue(said(out).contains("can be saved (this one has 65)"), said(out))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/w.json"))
        XCTAssertFalse(w.log.contains { $0.file != nil }, "a refused save is not noted as written")
        // Within the limit the same weights save and load back.
        w.readLimit = 1 << 20
        XCTAssertTrue(s.run(line: "save weights \"w.json\""), said(out))
        XCTAssertTrue(s.run(line: "load weights \"w.json\""), said(out))
    }

    func testAWeightsFileOverTheLimitIsRefusedSayingWhatToDo() throws {
        let (w, s, out) = session(limit: 1 << 20)
        for line in FileSizeLimitTests.model { XCTAssertTrue(s.run(line: line), "\(line): \(said(out))") }
        XCTAssertTrue(s.run(line: "save weights \"w.json\""), said(out))
        let before = w.model?.parameters.map(\.value.array)
        w.readLimit = 1000
        XCTAssertFalse(s.run(line: "load weights \"w.json\""))
        XCTAssertTrue(said(out).contains("it holds more than 1000 bytes, the most descent reads from one file — "
                                          + "that is more than `save weights` writes"), said(out))
        XCTAssertEqual(w.model?.parameters.map(\.value.array), before)
    }

    func testACSVOverTheLimitIsRefusedAskingForFewerDigitsOrRows() throws {
        let (w, s, out) = session(limit: 1000)
        let rows = (0..<100).map { "\(Double($0) / 3),\(Double($0) / 7)" }
        try (["x,y"] + rows).joined(separator: "\n").write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
        XCTAssertFalse(s.run(line: "data csv \"d.csv\""))
        XCTAssertTrue(said(out).contains("it holds more than 1000 bytes, the most descent reads from one file — write its numbers "
                                          + "with fewer significant digits (7 keep a Float's precision), or keep fewer rows"), said(out))
        XCTAssertNil(w.data)
        w.readLimit = 1 << 20
        XCTAssertTrue(s.run(line: "data csv \"d.csv\""), said(out))
    }
}
