import Foundation
import XCTest

/// A `kill -TERM` or `kill -HUP` that ends descent while a save writes its temporary file (`.descent-PID.tmp`, beside
/// the target): the old file stays whole, as ever, and the temporary file goes too rather than staying in the
/// directory (for a big model, hundreds of MB).
final class SaveSignalTests: XCTestCase {
    /// Saves a model of 1,005,001 values (some 22 MB of JSON) over a file holding `old`, sends `signal` as soon as the
    /// temporary file appears, and returns what the directory then holds; nil when the save had already finished (the
    /// rename came before the signal), which says nothing.
    private func killDuringSave(_ signal: Int32) throws -> (names: [String], status: Int32)? {
        let dir = try Descent.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("big.json")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        let p = Process()
        p.executableURL = Descent.binary
        p.arguments = ["-c", "data xor n=20; layer dense 1000 tanh; layer dense 1000 tanh; layer dense 1 sigmoid; loss bce; "
                       + "save weights \"big.json\""]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let temporary = dir.appendingPathComponent(".descent-\(p.processIdentifier).tmp").path
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && !FileManager.default.fileExists(atPath: temporary) && Date() < deadline { usleep(200) }
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let text = try String(contentsOf: target, encoding: .utf8)
        guard text == "old" else { return nil }
        return (names, p.terminationStatus)
    }

    func testASignalDuringASaveRemovesTheTemporaryFile() throws {
        guard FileManager.default.isExecutableFile(atPath: Descent.binary.path) else {
            throw XCTSkip("descent binary not built at \(Descent.binary.path); run `swift build` first")
        }
        for signal in [SIGTERM, SIGHUP] {
            var landed = false
            for _ in 0..<5 {
                guard let after = try killDuringSave(signal) else { continue }
                landed = true
                XCTAssertEqual(after.status, signal, "descent was not ended by signal \(signal)")
                XCTAssertEqual(after.names, ["big.json"], "after signal \(signal)")
                break
            }
            XCTAssertTrue(landed, "signal \(signal) never arrived before the save finished")
        }
    }
}
