import XCTest
@testable import DescentCore
@testable import DescentShell

/// Files a session writes and reads back, or reads as they change: the saved session replays what was read, or says
/// that it cannot.
final class SessionFilesTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("descent-files")
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(atPath: dir) }

    /// A session whose relative file names are taken from the test's directory.
    func session() -> (Workspace, Session, CapturedOutput) {
        let out = CapturedOutput(), w = Workspace(output: out, directory: dir)
        return (w, Session(workspace: w), out)
    }

    /// Runs the lines, each of which must succeed; returns what they printed.
    @discardableResult
    func ok(_ s: Session, _ out: CapturedOutput, _ lines: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        out.clear()
        for l in lines.split(separator: "\n") {
            XCTAssertTrue(s.run(line: String(l)), "\(l): \(out.errors)", file: file, line: line)
        }
        return out.text
    }

    func write(_ text: String, _ name: String) throws { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
    func read(_ name: String) -> String? { try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    static let model = "seed 0\ndata moons n=200\nlayer dense 8 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.01"

    func testALoadOfWeightsThisSessionSavedKeepsThatSaveAtItsPlace() {
        // The tester's session: the replay read the step-70 checkpoint at step 40, as `save weights` was not kept.
        let (w, s, out) = session()
        let said = ok(s, out, SessionFilesTests.model + "\ntrain 20\nsave weights \"ck2.json\"\nsave weights \"other.json\"\ntrain 20\n"
                      + "load weights \"ck2.json\"\ntrain 30\nsave weights \"ck2.json\"\nload weights \"ck2.json\"\ntrain 5\n"
                      + "save session \"s9.descent\"\nsave weights \"a.json\"")
        // No note on the files (`load weights` notes what became of Adam's state, which is not about them).
        XCTAssertFalse(said.split(separator: "\n").contains { $0.hasPrefix("note:") && !$0.contains("optimizer's state") }, said)
        XCTAssertEqual(w.recorded, SessionFilesTests.model.split(separator: "\n").map(String.init) + [
            "train 20", "save weights \"ck2.json\"", "train 20", "load weights \"ck2.json\"", "train 30",
            "save weights \"ck2.json\"", "load weights \"ck2.json\"", "train 5"], "a save nothing reads back is left out")
        let (fresh, replay, replayed) = session()
        XCTAssertEqual(replay.runScript(read("s9.descent") ?? "", file: "s9.descent"), .completed, "\(replayed.errors)")
        XCTAssertEqual(fresh.model?.parameters.map(\.value.array), w.model?.parameters.map(\.value.array))
        XCTAssertEqual(TrainerState(fresh), TrainerState(w))
        // A file the session wrote and read back may go: the replay writes it again before reading it.
        try? FileManager.default.removeItem(atPath: dir + "/ck2.json")
        XCTAssertFalse(ok(s, out, "save session \"s9.descent\"").contains("note:"))
    }

    func testDataExportedAndReadBackKeepsTheExport() {
        // The regression round's session: `export data` then `data csv` of that file; the export was not kept, so a
        // replay after the file went failed at the read. It is kept now, at its place, and the file may go.
        let (w, s, out) = session()
        let said = ok(s, out, "seed 2\ndata spiral n=30\nexport data \"ee.csv\"\nexport data \"unread.csv\"\ndata csv \"ee.csv\"\n"
                      + "layer dense 3 softmax\nloss ce\ntrain 5\nsave session \"s7.descent\"")
        // No note but the one that training runs under the default optimizer.
        XCTAssertEqual(said.components(separatedBy: "\n").filter { $0.hasPrefix("note:") && !$0.hasPrefix("note: optimizer sgd lr=0.001 (the default") },
                       [], said)
        XCTAssertEqual(w.recorded, ["seed 2", "data spiral n=30", "export data \"ee.csv\"", "data csv \"ee.csv\"",
                                    "layer dense 3 softmax", "loss ce", "train 5"], "an export nothing reads back is left out")
        try? FileManager.default.removeItem(atPath: dir + "/ee.csv")
        let (fresh, replay, replayed) = session()
        XCTAssertEqual(replay.runScript(read("s7.descent") ?? "", file: "s7.descent"), .completed, "\(replayed.errors)")
        XCTAssertEqual(fresh.model?.parameters.map(\.value.array), w.model?.parameters.map(\.value.array))
    }

    func testASaveWhoseFileChangedBeforeTheLoadIsNotKept() throws {
        // Someone else wrote the file between this session's save and its load: the load read theirs, which a replay
        // reads too while the file holds it, and the save is left out.
        let (w, s, out) = session()
        ok(s, out, SessionFilesTests.model + "\ntrain 5\nsave weights \"theirs.json\"\ntrain 5\nsave weights \"ck.json\"\nsave weights \"mine.json\"")
        try write(read("theirs.json") ?? "", "ck.json")
        ok(s, out, "load weights \"ck.json\"\ntrain 3")
        XCTAssertFalse(w.recorded.contains("save weights \"ck.json\""), "\(w.recorded)")
        XCTAssertFalse(ok(s, out, "save session \"s.descent\"").contains("note:"))
        // The file then changes again: a replay would read other weights, and `save session` says so.
        try write(read("mine.json") ?? "", "ck.json")
        XCTAssertTrue(ok(s, out, "save session \"s.descent\"").contains("note: ck.json has changed since this session read it"))
    }

    func testAFileReadWithOtherContentsAtDifferentTimesIsNoted() throws {
        // Read, changed, read again: the file now holds what the last read found, and yet a replay would read that at
        // the first read too. The note said nothing, comparing the file with its last read only.
        let (_, s, out) = session()
        try write("a,b,y\n1,2,0\n3,4,1\n", "d.csv")
        ok(s, out, "data csv \"d.csv\"")
        try write("a,b,y\n1,2,0\n3,5,1\n", "d.csv")
        ok(s, out, "data csv \"d.csv\"")
        let note = "note: this session read d.csv with other contents at different times (the file changed between its reads), "
            + "so a replay of it will not read at each of them what this session read"
        XCTAssertTrue(ok(s, out, "save session \"s.descent\"").contains(note))
        // Changed back to what the first read found: the second read is the one a replay misses now.
        try write("a,b,y\n1,2,0\n3,4,1\n", "d.csv")
        XCTAssertTrue(ok(s, out, "save session \"s.descent\"").contains(note))
    }

    func testAReadAfterAKeptSaveOfOtherContentsIsNoted() throws {
        // The session's save is kept (a load read it back); then the file changed and was read again. A replay writes
        // the save there, so that second read would find the save's weights, not those read.
        let (_, s, out) = session()
        ok(s, out, SessionFilesTests.model + "\ntrain 5\nsave weights \"other.json\"\ntrain 5\nsave weights \"ck.json\"\nload weights \"ck.json\"")
        try write(read("other.json") ?? "", "ck.json")
        ok(s, out, "load weights \"ck.json\"")
        XCTAssertTrue(ok(s, out, "save session \"s.descent\"").contains("note: this session read ck.json with other contents at different times"))
    }

    func testSavingOverAFileReadBeforeSaysAReplayReadsTheNewWeights() throws {
        // Weights read from a file the session did not write, then saved over: a replay reads the new ones there.
        let (_, s, out) = session()
        ok(s, out, SessionFilesTests.model + "\nsave weights \"w0.json\"")
        try FileManager.default.moveItem(atPath: dir + "/w0.json", toPath: dir + "/start.json")
        let (_, s2, out2) = session()
        ok(s2, out2, SessionFilesTests.model + "\nload weights \"start.json\"\ntrain 5")
        XCTAssertTrue(ok(s2, out2, "save weights \"start.json\"").contains("note: this session loaded start.json earlier; a replay of it will read these weights there instead"))
        XCTAssertTrue(ok(s2, out2, "save session \"s.descent\"").contains("note: start.json has changed since this session read it"))
    }
}
