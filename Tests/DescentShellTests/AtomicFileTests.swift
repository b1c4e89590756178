import Foundation
import XCTest
@testable import DescentShell

/// Atomic writes through symbolic links and over existing files: the link stays, the file it points to gets the new
/// bytes, and a replaced file keeps its permission bits. Expected bytes, links and modes are the ones set up here.
final class AtomicFileTests: XCTestCase {
    private var dir = ""
    private let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("descent-atomic-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
    }

    override func tearDown() { try? fm.removeItem(atPath: dir) }

    private func bytes(_ path: String) -> String? {
        fm.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private func isLink(_ path: String) throws -> Bool {
        try fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType == .typeSymbolicLink
    }

    private func mode(_ path: String) throws -> Int? {
        try fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    /// The names in `path`, sorted: a leftover temporary file would show here.
    private func names(_ path: String) throws -> [String] { try fm.contentsOfDirectory(atPath: path).sorted() }

    func testWritingThroughARelativeLinkUpdatesTheTargetAndKeepsTheLink() throws {
        try "old\n".write(toFile: dir + "/real/target.json", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real/target.json")
        try AtomicFile.write("new\n", to: dir + "/link.json")
        XCTAssertEqual(bytes(dir + "/real/target.json"), "new\n")
        XCTAssertTrue(try isLink(dir + "/link.json"))
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: dir + "/link.json"), "real/target.json")
        XCTAssertEqual(try names(dir), ["link.json", "real"])
        XCTAssertEqual(try names(dir + "/real"), ["target.json"])
    }

    func testAChainOfLinksIsFollowedToTheEnd() throws {
        // outer → (absolute) inner → (relative, from inner's directory) target.
        try "old".write(toFile: dir + "/real/target.json", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: dir + "/real/inner.json", withDestinationPath: "target.json")
        try fm.createSymbolicLink(atPath: dir + "/outer.json", withDestinationPath: dir + "/real/inner.json")
        try AtomicFile.write("{}", to: dir + "/outer.json")
        XCTAssertEqual(bytes(dir + "/real/target.json"), "{}")
        XCTAssertTrue(try isLink(dir + "/outer.json"))
        XCTAssertTrue(try isLink(dir + "/real/inner.json"))
        XCTAssertEqual(try names(dir + "/real"), ["inner.json", "target.json"])
    }

    func testADanglingLinkCreatesItsTargetWhenTheDirectoryExists() throws {
        try fm.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real/new.json")
        try AtomicFile.write("made", to: dir + "/link.json")
        XCTAssertEqual(bytes(dir + "/real/new.json"), "made")
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: dir + "/link.json"), "real/new.json")
    }

    func testADanglingLinkIntoAMissingDirectoryIsAnErrorAndChangesNothing() throws {
        try fm.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "missing/x.json")
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/link.json")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/link.json (a link to \(dir)/missing/x.json): the directory \(dir)/missing does not exist")
        }
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: dir + "/link.json"), "missing/x.json")
        XCTAssertEqual(try names(dir), ["link.json", "real"])
    }

    func testALoopOfLinksIsAnError() throws {
        try fm.createSymbolicLink(atPath: dir + "/a", withDestinationPath: "b")
        try fm.createSymbolicLink(atPath: dir + "/b", withDestinationPath: "a")
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/a")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/a: too many levels of symbolic links")
        }
        XCTAssertEqual(try names(dir), ["a", "b", "real"])
    }

    func testAPipeReachedThroughProcIsRefusedForWhatItIs() throws {
        // /proc/self/fd/N links to `pipe:[inode]`, no path: it was taken for a file in /proc/self/fd, and the error
        // told to `chmod u+w` that directory.
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        XCTAssertThrowsError(try AtomicFile.write("x", to: "/proc/self/fd/\(fds[1])")) { error in
            XCTAssertEqual("\(error)", "cannot write /proc/self/fd/\(fds[1]): it is a FIFO (named pipe), not a regular file — a save "
                           + "writes a whole new file and renames it into place; name a regular file instead")
        }
    }

    func testAFileThatIsNotRegularIsRefusedAndLeftInPlace() throws {
        XCTAssertEqual(mkfifo(dir + "/pipe", 0o644), 0)
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/pipe")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/pipe: it is a FIFO (named pipe), not a regular file — a save writes a "
                           + "whole new file and renames it into place; name a regular file instead")
        }
        var info = stat()
        XCTAssertEqual(lstat(dir + "/pipe", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the pipe was replaced")
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/real")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/real: it is a directory")
        }
        XCTAssertEqual(try names(dir), ["pipe", "real"])
    }

    func testReplacingAFileKeepsItsPermissionBits() throws {
        for bits in [0o600, 0o640, 0o755] {
            let path = dir + "/kept-\(String(bits, radix: 8))"
            try "old".write(toFile: path, atomically: false, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: bits], ofItemAtPath: path)
            XCTAssertEqual(try mode(path), bits)
            try AtomicFile.write("new", to: path)
            XCTAssertEqual(bytes(path), "new")
            XCTAssertEqual(try mode(path), bits, "mode \(String(bits, radix: 8))")
        }
    }

    func testAReadOnlyFileIsNotReplaced() throws {
        // Renaming over it needs only the directory's permission, so without this check it would be replaced.
        let path = dir + "/frozen.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        XCTAssertThrowsError(try AtomicFile.write("new", to: path)) { error in
            XCTAssertEqual("\(error)", "cannot write \(path): the file is read-only (chmod u+w to allow replacing it)")
        }
        XCTAssertEqual(bytes(path), "old")
        XCTAssertEqual(try names(dir), ["frozen.json", "real"])
    }

    func testWritingThroughALinkKeepsTheTargetsPermissionBits() throws {
        try "old".write(toFile: dir + "/real/target.json", atomically: false, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/real/target.json")
        try fm.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real/target.json")
        try AtomicFile.write("new", to: dir + "/link.json")
        XCTAssertEqual(try mode(dir + "/real/target.json"), 0o600)
        XCTAssertEqual(bytes(dir + "/real/target.json"), "new")
    }

    func testANewFileGetsTheUsualModeLessTheUmask() throws {
        let saved = umask(0o022)
        defer { umask(saved) }
        for (mask, expected) in [(0o002, 0o664), (0o077, 0o600)] {
            umask(mode_t(mask))
            let path = dir + "/fresh-\(String(mask, radix: 8))"
            try AtomicFile.write("new", to: path)
            XCTAssertEqual(try mode(path), expected, "umask \(String(mask, radix: 8))")
        }
    }

    func testReplacingAFileKeepsItsOwnerWhenTheProcessMaySetIt() throws {
        guard getuid() == 0 else { throw XCTSkip("only root may give a file to another user") }
        let path = dir + "/owned.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chown(path, 4321, 4322), 0)
        try AtomicFile.write("new", to: path)
        let attributes = try fm.attributesOfItem(atPath: path)
        XCTAssertEqual(attributes[.ownerAccountID] as? Int, 4321)
        XCTAssertEqual(attributes[.groupOwnerAccountID] as? Int, 4322)
    }

    func testAFileThatIsNotUTF8SaysWhere() throws {
        // Line 2, after "da": byte 0xFF never occurs in UTF-8.
        let path = dir + "/bad.descent"
        XCTAssertTrue(fm.createFile(atPath: path, contents: Data("seed 1\nda".utf8) + Data([0xFF]) + Data("ta xor\n".utf8)))
        XCTAssertThrowsError(try AtomicFile.read(path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path):2:3: not UTF-8 text"), "\(error)")
        }
    }

    func testTheBadBytesPlaceIsCountedInCharactersOfItsLine() throws {
        // Line 2 (after CRLF) is "show 中", 0xFF, " config": 中 is one Character, so the bad byte is column 7.
        let bytes = Array("seed 1\r\nshow 中".utf8) + [0xFF] + Array(" config\nseed 2\n".utf8)
        let e = EncodingError(path: "/x/w.descent", bytes: bytes)
        XCTAssertEqual(e.offset, 16)   // "seed 1" 6 bytes, CRLF 2, "show " 5, 中 3
        let place = try XCTUnwrap(e.place)
        XCTAssertEqual(place.line, 2)
        XCTAssertEqual(place.column, 7)
        XCTAssertEqual(place.text, "show 中\u{FFFD} config")
        XCTAssertEqual(e.message(file: "w.descent"), "w.descent:2:7: not UTF-8 text (a byte there is not part of a UTF-8 character) — save the file as UTF-8")
        // A caret under the replacement character: four spaces, then "show " (5) and 中 (two columns wide).
        XCTAssertEqual(e.rendered(file: "w.descent"), """
            w.descent:2:7: error: not UTF-8 text (a byte there is not part of a UTF-8 character) — save the file as UTF-8
                show 中\u{FFFD} config
                       ^
            """)
        XCTAssertEqual(EncodingError(path: "/x/u.csv", bytes: [0xFF, 0xFE, 0x61, 0x00]).rendered(file: "u.csv"),
                       "u.csv: error: UTF-16 text (it starts with a UTF-16 byte-order mark) — save the file as UTF-8")
    }

    func testAUTF16FileIsNamedAsSuch() throws {
        // "a,b" in UTF-16 little-endian after its byte-order mark FF FE.
        let path = dir + "/u16.csv"
        XCTAssertTrue(fm.createFile(atPath: path, contents: Data([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x62, 0x00])))
        XCTAssertThrowsError(try AtomicFile.read(path)) { error in
            XCTAssertEqual("\(error)", "\(path): UTF-16 text (it starts with a UTF-16 byte-order mark) — save the file as UTF-8")
        }
    }

    func testReadingAMissingFileOrADirectorySaysWhich() throws {
        XCTAssertThrowsError(try AtomicFile.read(dir + "/missing.csv")) { error in
            XCTAssertEqual("\(error)", "no such file: \(dir)/missing.csv")
        }
        XCTAssertThrowsError(try AtomicFile.read(dir)) { error in
            XCTAssertEqual("\(error)", "\(dir) is a directory, not a file")
        }
    }

    func testALinkLeftAtTheTemporaryNameIsNotFollowed() throws {
        // The temporary file's name is ".descent-PID.tmp" beside the target; a link planted there must not be
        // written through.
        let victim = dir + "/real/victim.txt", path = dir + "/w.json"
        try "untouched".write(toFile: victim, atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: dir + "/.descent-\(getpid()).tmp", withDestinationPath: victim)
        try AtomicFile.write("new", to: path)
        XCTAssertEqual(bytes(path), "new")
        XCTAssertEqual(bytes(victim), "untouched")
        XCTAssertEqual(try names(dir), ["real", "w.json"])
    }

    func testTheLongestLegalFileNameCanBeSaved() throws {
        // NAME_MAX is 255 bytes: a 250-byte name is legal, and the temporary name beside it must not go over.
        let long = String(repeating: "q", count: 245) + ".json", path = dir + "/" + long
        XCTAssertEqual(long.utf8.count, 250)
        try AtomicFile.write("new", to: path)
        XCTAssertEqual(bytes(path), "new")
        try AtomicFile.write("newer", to: path)
        XCTAssertEqual(bytes(path), "newer")
        let longest = String(repeating: "é", count: 127) + "x"
        XCTAssertEqual(longest.utf8.count, 255)
        try AtomicFile.write("255", to: dir + "/" + longest)
        XCTAssertEqual(bytes(dir + "/" + longest), "255")
        XCTAssertEqual(try names(dir), [long, "real", longest].sorted())
    }

    func testANameLongerThanTheSystemAllowsIsRefusedAndLeavesNothing() throws {
        let tooLong = dir + "/" + String(repeating: "q", count: 256)
        XCTAssertThrowsError(try AtomicFile.write("x", to: tooLong)) { error in
            XCTAssertEqual("\(error)", "cannot write \(tooLong): the file name is 256 bytes long, over the 255 a name may have here")
        }
        XCTAssertEqual(try names(dir), ["real"])
    }

    /// `AtomicFile.read(path, limit:)` run on another thread; fails the test instead of hanging when it takes over
    /// `seconds`, then unblocks it by opening `unblock` (a FIFO) for writing and closing it.
    private func readWithin(_ seconds: Double, _ path: String, limit: Int = AtomicFile.readLimit,
                            unblock: String? = nil) -> Result<String, Error>? {
        nonisolated(unsafe) var result: Result<String, Error>?
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            result = Result { try AtomicFile.read(path, limit: limit) }
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .timedOut {
            XCTFail("reading \(path) hung")
            if let unblock { let fd = open(unblock, O_WRONLY | O_NONBLOCK); if fd >= 0 { close(fd) } }
            _ = done.wait(timeout: .now() + 5)
            return nil
        }
        return result
    }

    func testDevNullReadsAsEmpty() throws {
        XCTAssertEqual(try AtomicFile.read("/dev/null"), "")
    }

    func testAFIFOWithoutAWriterReadsAsEmptyWithoutHanging() throws {
        let fifo = dir + "/fifo"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertEqual(try readWithin(5, fifo, unblock: fifo)?.get(), "")
    }

    func testAPipeReadThroughDevFdGivesWhatWasWritten() throws {
        // What the shell's <(…) hands over: /dev/fd/N, the read end of a pipe whose writer has written and closed.
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        defer { close(ends[0]) }
        let text = "seed 1\nshow config\n"
        XCTAssertEqual(text.utf8CString.withUnsafeBufferPointer { write(ends[1], $0.baseAddress, text.utf8.count) }, text.utf8.count)
        close(ends[1])
        XCTAssertEqual(try readWithin(5, "/dev/fd/\(ends[0])")?.get(), text)
    }

    func testAnEndlessDeviceStopsAtTheCapAndSaysWhatItIs() throws {
        XCTAssertThrowsError(try readWithin(30, "/dev/zero", limit: 1 << 20)?.get()) { error in
            XCTAssertEqual("\(error)", "cannot read /dev/zero: it holds more than 1 MiB, the most descent reads from one file")
        }
        XCTAssertEqual(AtomicFile.readLimit, 1 << 30)
        let path = dir + "/big.csv"
        XCTAssertTrue(fm.createFile(atPath: path, contents: Data(repeating: 0x31, count: 1001)))
        XCTAssertThrowsError(try AtomicFile.read(path, limit: 1000)) { error in
            XCTAssertEqual("\(error)", "cannot read \(path): it holds more than 1000 bytes, the most descent reads from one file")
        }
        XCTAssertEqual(try AtomicFile.read(path, limit: 1001).count, 1001)
    }

    func testASocketIsNamedAsOne() throws {
        let path = dir + "/sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (k, b) in path.utf8.enumerated() where k < raw.count - 1 { raw[k] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        XCTAssertThrowsError(try AtomicFile.read(path)) { error in
            XCTAssertEqual("\(error)", "cannot read \(path): it is a socket, not a file")
        }
    }

    func testAReadOnlyDirectoryIsRefusedByItsModeBitsForRootToo() throws {
        // `chmod 555 dir` keeps what is in it, as `chmod 444` keeps a file: by the mode bits, which root's writes
        // would pass (as root, the save went through). Nothing is left in it.
        XCTAssertEqual(mkdir(dir + "/ro", 0o555), 0)
        defer { chmod(dir + "/ro", 0o755) }
        for name in ["w.json", "existing.json"] {
            let path = dir + "/ro/" + name
            if name == "existing.json" {
                chmod(dir + "/ro", 0o755)
                try "old".write(toFile: path, atomically: false, encoding: .utf8)
                chmod(dir + "/ro", 0o555)
            }
            XCTAssertThrowsError(try AtomicFile.write("{}", to: path)) { error in
                XCTAssertEqual("\(error)", "cannot write \(path): the directory \(dir)/ro is read-only (no write bit): a file is saved by "
                               + "writing a new one beside it and renaming it, which changes the directory — save elsewhere, or "
                               + "`chmod u+w` the directory")
            }
        }
        XCTAssertEqual(try names(dir + "/ro"), ["existing.json"])
        XCTAssertEqual(bytes(dir + "/ro/existing.json"), "old")
        // A write bit for anyone lets root save there, as it lets root replace a file with one.
        chmod(dir + "/ro", 0o575)
        if getuid() == 0 {
            try AtomicFile.write("new", to: dir + "/ro/existing.json")
            XCTAssertEqual(bytes(dir + "/ro/existing.json"), "new")
        }
    }

    func testADirectoryThatRefusesWritingIsNamedAsTheCause() throws {
        // The file is saved by a rename in its directory, so a directory without write permission is the cause, not
        // the file: "Permission denied" alone sent people to chmod the file. Root may write in any directory whose
        // mode bits let anyone write, but not in sysfs's.
        let path: String
        if getuid() == 0 {
            let probe = "/sys/kernel/descent-probe-\(getpid())"
            guard open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600) < 0 && errno == EACCES else {
                unlink(probe)
                throw XCTSkip("/sys/kernel takes files here")
            }
            path = "/sys/kernel/w.json"
        } else {
            // Write bits for others only: this user may not write there.
            XCTAssertEqual(mkdir(dir + "/ro", 0o557), 0)
            path = dir + "/ro/w.json"
        }
        let parent = (path as NSString).deletingLastPathComponent
        XCTAssertThrowsError(try AtomicFile.write("{}", to: path)) { error in
            if getuid() == 0 {
                // sysfs refuses root, whose mode bits allow writing: not a matter of chmod.
                XCTAssertEqual("\(error)", "cannot write \(path): the directory \(parent) takes no new files (Permission denied, though this "
                               + "process may write there: a system directory such as /sys or /proc?) — save elsewhere")
            } else {
                XCTAssertEqual("\(error)", "cannot write \(path): the directory \(parent) is not writable (Permission denied): a file is saved by "
                               + "writing a new one beside it and renaming it, which needs write permission on the directory — save "
                               + "elsewhere, or `chmod u+w` the directory")
            }
        }
        XCTAssertEqual(AtomicFile.creationProblem(EROFS, in: "/mnt/cd"), "the directory /mnt/cd is on a read-only file system — save elsewhere")
        XCTAssertEqual(AtomicFile.creationProblem(ENOSPC, in: "/x"), "No space left on device")
        // Refused where the mode bits refuse too (here a directory no one may reach, for any user): chmod is the advice.
        XCTAssertTrue(AtomicFile.creationProblem(EACCES, in: "/nonexistent-\(getpid())").hasSuffix("or `chmod u+w` the directory"))
    }

    func testAFileThatMayNotBeReadGivesTheSystemsReason() throws {
        // Root reads any file whatever its mode, but not a write-only sysfs attribute.
        let path: String
        if getuid() == 0 {
            guard let writeOnly = ["/sys/class/zram-control/hot_remove", "/sys/bus/pci/rescan", "/sys/kernel/tracing/free_buffer"]
                .first(where: { fm.fileExists(atPath: $0) && open($0, O_RDONLY) < 0 && errno == EACCES }) else {
                throw XCTSkip("no write-only sysfs file here")
            }
            path = writeOnly
        } else {
            path = dir + "/secret.csv"
            try "a,b\n1,2\n".write(toFile: path, atomically: false, encoding: .utf8)
            XCTAssertEqual(chmod(path, 0o000), 0)
        }
        XCTAssertThrowsError(try AtomicFile.read(path)) { error in
            XCTAssertEqual("\(error)", "cannot read \(path): Permission denied")
        }
    }

    func testAFileWhereADirectoryShouldBeIsNamed() throws {
        try "x".write(toFile: dir + "/a.json", atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try AtomicFile.write("new", to: dir + "/a.json/x.json")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/a.json/x.json: \(dir)/a.json is a file, not a directory")
        }
        // Deeper below it: the same file is named.
        XCTAssertThrowsError(try AtomicFile.write("new", to: dir + "/a.json/sub/x.json")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/a.json/sub/x.json: \(dir)/a.json is a file, not a directory")
        }
        XCTAssertEqual(mkfifo(dir + "/pipe", 0o644), 0)
        XCTAssertThrowsError(try AtomicFile.write("new", to: dir + "/pipe/x.json")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/pipe/x.json: \(dir)/pipe is a FIFO (named pipe), not a directory")
        }
        // A directory that is missing is still said to be missing.
        XCTAssertThrowsError(try AtomicFile.write("new", to: dir + "/missing/x.json")) { error in
            XCTAssertEqual("\(error)", "cannot write \(dir)/missing/x.json: the directory \(dir)/missing does not exist")
        }
        // Reading through it says the same.
        XCTAssertThrowsError(try AtomicFile.read(dir + "/a.json/x.csv")) { error in
            XCTAssertEqual("\(error)", "cannot read \(dir)/a.json/x.csv: \(dir)/a.json is a file, not a directory")
        }
        XCTAssertEqual(bytes(dir + "/a.json"), "x")
        XCTAssertEqual(try names(dir), ["a.json", "pipe", "real"])
    }
}
