import Foundation
import XCTest

/// Saving to the process's own output (`save session "/dev/stdout"` with `> out.txt`): the save is refused, so the file
/// the output goes to keeps what was printed before and after, instead of being replaced by the saved file.
final class SaveToStreamTests: XCTestCase {
    func testSavingToStandardOutputRedirectedToAFileKeepsTheOutput() throws {
        let dir = try Descent.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.txt")
        guard FileManager.default.isExecutableFile(atPath: Descent.binary.path) else { throw XCTSkip("descent not built") }
        for target in ["/dev/stdout", "/proc/self/fd/1"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: out.path, contents: nil))
            let p = Process()
            p.executableURL = Descent.binary
            p.arguments = ["-c", "seed 3; save session \"\(target)\"; lr"]
            p.currentDirectoryURL = dir
            p.environment = ProcessInfo.processInfo.environment.merging(["TERM": "dumb"]) { $1 }
            let err = Pipe()
            p.standardOutput = try FileHandle(forWritingTo: out)
            p.standardError = err
            try p.run()
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "seed 3\n", target)
            XCTAssertEqual(errors, """
                -c:1:22: error: cannot write \(target): it is this process's standard output (the file it is redirected to): \
                a save writes a whole new file and renames it into place, which would replace what descent printed or read \
                there; name a file of its own instead
                    seed 3; save session "\(target)"; lr
                                         ^\(String(repeating: "~", count: target.count + 1))

                """, target)
        }
    }
}
