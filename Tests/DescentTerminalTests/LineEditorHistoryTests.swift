import Foundation
import XCTest
@testable import DescentTerminal

/// The history file: lines appended as entered, immediate repeats and blanks skipped, capped at 1000 lines.
/// Expected file contents follow from the lines added (worked out by hand).
final class LineEditorHistoryTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = NSTemporaryDirectory() + "descent-history-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func testLinesAreWrittenWithoutImmediateRepeatsOrBlanks() {
        let path = directory + "/history"
        let editor = LineEditor(name: "descent-test", historyFile: path)
        for line in ["train 10", "train 10", "   ", "plot", "train 10"] { editor.addHistory(line) }
        XCTAssertEqual(lines(path), ["train 10", "plot", "train 10"])
    }

    func testHistoryIsReloadedAndCapped() {
        let path = directory + "/history"
        let first = LineEditor(name: "descent-test", historyFile: path)
        for i in 0..<1005 { first.addHistory("line \(i)") }
        let written = lines(path)
        XCTAssertEqual(written.count, 1000)
        XCTAssertEqual(written.first, "line 5")
        XCTAssertEqual(written.last, "line 1004")
        // A new editor loads the file: repeating its last line is recognised as a repeat.
        let second = LineEditor(name: "descent-test", historyFile: path)
        second.addHistory("line 1004")
        XCTAssertEqual(lines(path).count, 1000)
    }

    func testDefaultPathFollowsXDGStateHome() {
        let saved = ProcessInfo.processInfo.environment["XDG_STATE_HOME"]
        defer { if let saved { setenv("XDG_STATE_HOME", saved, 1) } else { unsetenv("XDG_STATE_HOME") } }
        setenv("XDG_STATE_HOME", directory + "/state", 1)
        XCTAssertEqual(LineEditor.defaultHistoryPath(), directory + "/state/descent/history")
        // Opening the file makes its directory.
        let editor = LineEditor(name: "descent-test", historyFile: LineEditor.defaultHistoryPath())
        XCTAssertNil(editor.historyProblem)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/state/descent", isDirectory: &isDirectory))
        XCTAssertTrue(isDirectory.boolValue)
        unsetenv("XDG_STATE_HOME")
        XCTAssertEqual(LineEditor.defaultHistoryPath(), (ProcessInfo.processInfo.environment["HOME"] ?? "") + "/.descent_history")
    }

    func testAStateHomeThatIsAFileIsReportedOnceAndLeftAlone() throws {
        try "not a directory\n".write(toFile: directory + "/state", atomically: false, encoding: .utf8)
        let path = directory + "/state/descent/history"
        let editor = LineEditor(name: "descent-test", historyFile: path)
        XCTAssertEqual(editor.historyProblem, "cannot keep the prompt's history in \(path): \(directory)/state is not a directory"
                       + " (history is kept for this session only)")
        XCTAssertNil(editor.addHistory("seed 1"), "warned again")
        XCTAssertNil(editor.addHistory("seed 2"), "warned again")
        XCTAssertEqual(try String(contentsOfFile: directory + "/state", encoding: .utf8), "not a directory\n")
    }

    func testAHistoryPathThatIsADirectoryIsReportedOnceAndLeftAlone() throws {
        let path = directory + "/descent/history"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let editor = LineEditor(name: "descent-test", historyFile: path)
        XCTAssertEqual(editor.historyProblem, "cannot keep the prompt's history in \(path): it is a directory (history is kept for this session only)")
        XCTAssertNil(editor.addHistory("seed 1"), "warned again")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path), [])
    }

    func testAFailedWriteIsReportedOnceThenTheFileIsLeftAlone() throws {
        let path = directory + "/history"
        let editor = LineEditor(name: "descent-test", historyFile: path)
        XCTAssertNil(editor.historyProblem)
        XCTAssertNil(editor.addHistory("seed 1"))
        XCTAssertEqual(lines(path), ["seed 1"])
        // The file turns into a directory while the prompt runs: the next write fails.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        XCTAssertEqual(editor.addHistory("seed 2"), "cannot keep the prompt's history in \(path): Is a directory (history is kept for this session only)")
        XCTAssertNil(editor.addHistory("seed 3"), "warned again")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path), [])
    }

    func testADirectoryThatCannotBeWrittenIsReported() throws {
        // A read-only directory of our own; root writes in any directory, so as root sysfs serves instead.
        let locked = getuid() == 0 ? "/sys" : directory + "/locked"
        if getuid() != 0 {
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
            XCTAssertEqual(chmod(locked, 0o555), 0)
        }
        defer { if getuid() != 0 { chmod(locked, 0o755) } }
        // The reason as the system gives it for making a file there.
        let probe = open(locked + "/history", O_WRONLY | O_CREAT, 0o600)
        let reason = String(cString: strerror(errno))
        guard probe < 0 else {
            close(probe); unlink(locked + "/history")
            throw XCTSkip("\(locked) takes new files on this machine")
        }
        let editor = LineEditor(name: "descent-test", historyFile: locked + "/history")
        // Found when the prompt starts (a directory the mode forbids) or at the first write (root, whom only
        // sysfs itself refuses): either way one warning, with the system's reason.
        let warnings = [editor.historyProblem, editor.addHistory("seed 1"), editor.addHistory("seed 2")].compactMap { $0 }
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        let warning = warnings.first ?? ""
        XCTAssertTrue(warning.hasPrefix("cannot keep the prompt's history in \(locked)/history: "), warning)
        XCTAssertTrue(warning.hasSuffix("\(reason) (history is kept for this session only)"), warning)
    }

    func testAMissingHomeDirectoryIsReportedNotMade() {
        let saved = ProcessInfo.processInfo.environment["HOME"]
        defer { if let saved { setenv("HOME", saved, 1) } else { unsetenv("HOME") } }
        let home = directory + "/no-such-home"
        setenv("HOME", home, 1)
        let editor = LineEditor(name: "descent-test", historyFile: home + "/.descent_history")
        XCTAssertEqual(editor.historyProblem, "cannot keep the prompt's history in \(home)/.descent_history: the home directory \(home)"
                       + " does not exist (history is kept for this session only)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: home))
    }

    /// `body` run on another thread; fails the test instead of hanging when it takes over 5 seconds, then unblocks
    /// readline waiting on the FIFO `fifo` (for up to 30 seconds): a reader waiting for a writer gets one that leaves at
    /// once (the end of the file), a writer waiting for a reader gets one that stays until then (so no SIGPIPE).
    private func withinFiveSeconds<T>(unblocking fifo: String, _ body: @escaping () -> T) -> T? {
        nonisolated(unsafe) var result: T?
        nonisolated(unsafe) let work = body
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            result = work()
            done.signal()
        }
        guard done.wait(timeout: .now() + 5) == .timedOut else { return result }
        XCTFail("the history file \(fifo) made the editor wait")
        var readers: [Int32] = []
        for _ in 0..<300 where done.wait(timeout: .now() + 0.1) == .timedOut {
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            if reader >= 0 { readers.append(reader) }
        }
        readers.forEach { close($0) }
        return nil
    }

    func testAHistoryFileThatIsAFIFOIsReportedOnceWithoutWaitingOnIt() throws {
        let path = directory + "/descent/history"
        try FileManager.default.createDirectory(atPath: directory + "/descent", withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        let editor = try XCTUnwrap(withinFiveSeconds(unblocking: path) { LineEditor(name: "descent-test", historyFile: path) })
        XCTAssertEqual(editor.historyProblem, "cannot keep the prompt's history in \(path): it is a FIFO (named pipe), not a regular file"
                       + " (history is kept for this session only)")
        XCTAssertEqual(withinFiveSeconds(unblocking: path) { editor.addHistory("seed 1") }, .some(nil), "warned again")
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")
    }

    func testAHistoryFileThatTurnsIntoAFIFOIsReportedAtTheNextWrite() throws {
        let path = directory + "/history"
        let editor = LineEditor(name: "descent-test", historyFile: path)
        XCTAssertNil(editor.addHistory("seed 1"))
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        XCTAssertEqual(withinFiveSeconds(unblocking: path) { editor.addHistory("seed 2") },
                       "cannot keep the prompt's history in \(path): it is a FIFO (named pipe), not a regular file"
                       + " (history is kept for this session only)")
        XCTAssertEqual(withinFiveSeconds(unblocking: path) { editor.addHistory("seed 3") }, .some(nil), "warned again")
    }

    func testAHistoryFileLinkedToDevNullKeepsNoHistoryWithoutAWarning() throws {
        // The usual way to turn a history file off: no warning, and nothing read or written.
        let path = directory + "/history"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
        let editor = try XCTUnwrap(withinFiveSeconds(unblocking: path) { LineEditor(name: "descent-test", historyFile: path) })
        XCTAssertNil(editor.historyProblem)
        XCTAssertNil(editor.addHistory("seed 1"))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path), "/dev/null")
    }
}
