import Foundation
import XCTest

/// The built binary on scripts, `-c` and standard input: output, errors with positions, and exit status.
final class ScriptModeTests: XCTestCase {
    /// The seed's linear regression; θ from numpy running the seed's own loop (α = 0.01 with the 1/m gradient)
    /// is [0.2935580942022992, 0.7965641032842721]; mse with α = 0.005 follows the same path.
    static let seedExample = """
        data X=[[1,2],[2,3],[3,4]] y=[2,3,4]
        layer dense 1 linear bias=false init=zeros
        loss mse
        optimizer sgd lr=0.005
        train 1000
        expect W1[0,0] = 0.2935580942022992 +- 1e-9
        expect W1[1,0] = 0.7965641032842721 +- 1e-9
        """

    func testCommandsFlagRunsTheSeedExample() throws {
        let r = try Descent.run(["-c", Self.seedExample.replacingOccurrences(of: "\n", with: "; ")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("trained 1000 steps"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ok: W1[0,0] = 0.293558"), r.stdout)
    }

    func testOnlyLFAndCRLFEndAScriptsLines() throws {
        let dir = try Descent.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("cm.descent").path
        // A quit after a carriage return in a comment is part of the comment: the expectation after it runs, and fails.
        try "seed 1\n# done\rquit\nexpect step = 1\n".write(toFile: script, atomically: true, encoding: .utf8)
        let r = try Descent.run([script])
        XCTAssertEqual(r.status, 1, r.stdout)
        XCTAssertTrue(r.stderr.contains("cm.descent:3:1: error: expectation failed"), r.stderr)
        // A form feed is white space within line 2, where the error is, as `wc -l` counts.
        let piped = try Descent.run([], input: "seed 1\nseed 2\u{0C}bogus\n")
        XCTAssertEqual(piped.status, 1)
        XCTAssertTrue(piped.stderr.contains("<stdin>:2:8: error:"), piped.stderr)
        let c = try Descent.run(["-c", "seed 1\u{2028}# x\u{2029}seed 2\u{85}quit\nexpect step = 1"])
        XCTAssertEqual(c.status, 1)
        XCTAssertTrue(c.stderr.contains("-c:2:1: error: expectation failed"), c.stderr)
    }

    /// A UTF-8 byte-order mark (as Notepad writes) at the start of a script file, piped input or -c is skipped; columns
    /// count from after it.
    func testALeadingByteOrderMarkIsSkipped() throws {
        let dir = try Descent.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("bom.descent").path
        try "\u{FEFF}seed 4\n".write(toFile: script, atomically: true, encoding: .utf8)
        let file = try Descent.run([script])
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertEqual(file.stdout, "seed 4\n")
        let piped = try Descent.run([], input: "\u{FEFF}seed 4 @\n")
        XCTAssertEqual(piped.stderr, "<stdin>:1:8: error: unexpected character '@'\n    seed 4 @\n           ^\n")
        let c = try Descent.run(["-c", "\u{FEFF}seed 4"])
        XCTAssertEqual(c.status, 0, c.stderr)
    }

    func testADanglingBackslashOnTheLastLineIsAnErrorWithOrWithoutAFinalLineBreak() throws {
        // It ran `optimizer sgd` when the input ended in a line break, and was an error when it did not.
        let dir = try Descent.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let said = "error: '\\' continues this line onto the next, but no line follows — remove it"
        for end in ["", "\n", "\r\n"] {
            let text = "data xor\noptimizer sgd \\" + end
            let script = dir.appendingPathComponent("d.descent").path
            try text.write(toFile: script, atomically: true, encoding: .utf8)
            for (arguments, input, at) in [([script], nil, script), ([], text, "<stdin>"), (["-c", text], nil, "-c")] {
                let r = try Descent.run(arguments, input: input)
                XCTAssertEqual(r.status, 1, "\(at), ending \(end.debugDescription): \(r.stdout)")
                XCTAssertTrue(r.stderr.hasPrefix("\(at):2:15: \(said)\n    optimizer sgd \\\n"), r.stderr)
                XCTAssertFalse(r.stdout.contains("optimizer sgd lr="), r.stdout)
            }
        }
    }

    func testCommandsFlagTakesTheNextArgumentWhateverItLooksLike() throws {
        let r = try Descent.run(["-c", "-1"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("-c:1:1: error: expected a command name, got '-1'\n    -1\n    ^~"), r.stderr)
        let help = try Descent.run(["-c", "seed 2", "-c", "--help"])
        XCTAssertEqual(help.status, 1, help.stderr)
        XCTAssertTrue(help.stdout.contains("seed 2"), help.stdout)
        XCTAssertTrue(help.stderr.hasPrefix("-c#2:1:1: error:"), help.stderr)
    }

    func testRepeatedCommandsFlagsRunInOrderAfterTheScripts() throws {
        let dir = try Descent.temporaryDirectory()
        let script = dir.appendingPathComponent("s.descent").path
        try "seed 3\nshow config\n".write(toFile: script, atomically: true, encoding: .utf8)
        let r = try Descent.run([script, "-c", "seed 4; show config", "-c", "seed 5", "-c", "show config"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let seeds = r.stdout.split(separator: "\n").filter { $0.hasPrefix("seed ") }.map(String.init)
        XCTAssertEqual(seeds, ["seed 3", "seed        3", "seed 4", "seed        4", "seed 5", "seed        5"], r.stdout)
    }

    func testQuitInAReplayEndsTheReplayButQuitInTheProgramsOwnScriptEndsTheProgram() throws {
        let dir = try Descent.temporaryDirectory()
        try "seed 5\nquit\nseed 6\n".write(to: dir.appendingPathComponent("q.descent"), atomically: true, encoding: .utf8)
        let replayed = try Descent.run(["-c", "replay \"q.descent\"; show config", "-c", "seed 9"], directory: dir)
        XCTAssertEqual(replayed.status, 0, replayed.stderr)
        XCTAssertEqual(replayed.stdout.split(separator: "\n").filter { $0.hasPrefix("seed ") }, ["seed 5", "seed        5", "seed 9"],
                       replayed.stdout)
        XCTAssertTrue(replayed.stdout.contains("replay of q.descent ended at line 2 (a quit ends the replay, not the session); the rest of the script was not run\n"),
                      replayed.stdout)
        let own = try Descent.run(["q.descent", "-c", "seed 9"], directory: dir)
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertEqual(own.stdout, "seed 5\n", "quit ends descent FILE there, before line 3 and -c")
        let commands = try Descent.run(["-c", "seed 1; quit; seed 2", "-c", "seed 3"], directory: dir)
        XCTAssertEqual(commands.status, 0, commands.stderr)
        XCTAssertEqual(commands.stdout, "seed 1\n", "quit ends -c there")
    }

    func testAnEmptyScriptNameIsRefusedAsSuch() throws {
        let r = try Descent.run(["", "-c", "seed 1"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "descent: empty script file name — give a script's path, like descent Sessions/xor.descent\n")
        XCTAssertEqual(r.stdout, "", "nothing ran")
    }

    func testTheThreadCountFollowsTheCPUsTasksetAllows() throws {
        // taskset -c 0 leaves the process one CPU: one thread, and DESCENT_THREADS=2 capped to it.
        let taskset = "/usr/bin/taskset"
        guard FileManager.default.isExecutableFile(atPath: taskset) else { throw XCTSkip("no \(taskset) here") }
        for (environment, expected) in [([String: String](), "; 1 thread)\n"),
                                        (["DESCENT_THREADS": "2"], "; 1 thread (DESCENT_THREADS=2 capped at the 1 core this process may use))\n")] {
            let p = Process(), out = Pipe()
            p.executableURL = URL(fileURLWithPath: taskset)
            p.arguments = ["-c", "0", Descent.binary.path, "--version"]
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertTrue(text.hasSuffix(expected), text)
        }
    }

    func testInvalidThreadSettingIsReportedAndTheRunGoesOn() throws {
        let r = try Descent.run(["-c", Self.seedExample.replacingOccurrences(of: "\n", with: "; ")],
                                environment: ["DESCENT_THREADS": "two"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("descent: warning: DESCENT_THREADS=two ignored: give a whole number from 1 to "),
                      r.stderr)
        XCTAssertTrue(r.stdout.contains("ok: W1[0,0] = 0.293558"), r.stdout)
        let version = try Descent.run(["--version"], environment: ["DESCENT_THREADS": "1"])
        XCTAssertTrue(version.stdout.hasSuffix("; 1 thread)\n"), version.stdout)
        XCTAssertEqual(version.stderr, "")
    }

    func testABlasLibraryThatDoesNotLoadIsReportedAndTheRunGoesOn() throws {
        let r = try Descent.run(["-c", Self.seedExample.replacingOccurrences(of: "\n", with: "; ")],
                                environment: ["DESCENT_BLAS": "/nonexistent/libblas.so"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "descent: warning: DESCENT_BLAS=/nonexistent/libblas.so: could not load it as a BLAS with "
                       + "cblas_dgemm; matrix products use the built-in kernel\n")
        XCTAssertTrue(r.stdout.contains("ok: W1[0,0] = 0.293558"), r.stdout)
        XCTAssertEqual(try Descent.run(["-c", "seed 1"], environment: ["DESCENT_BLAS": "off"]).stderr, "", "off is no problem")
    }

    func testBenchPrintsOneLinePerWorkloadAndHowItsStepsRan() throws {
        // tiny never shares its steps (200 rows × 97 parameters is under ThreadTeam.minimumStepWork).
        let r = try Descent.run(["bench", "--scale", "0.01", "tiny"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix("# descent "), r.stdout)
        let fields = lines[1].split(separator: " ")
        XCTAssertEqual(fields.count, 3, lines[1])
        XCTAssertEqual(fields.first, "tiny")
        XCTAssertGreaterThan(Double(fields[1]) ?? 0, 0, lines[1])
        XCTAssertEqual(fields.last, "steps/s")
        XCTAssertTrue(lines[2] == "# tiny: one thread" || lines[2].hasPrefix("# tiny: 0% of the timed steps shared by "),
                      lines[2])
        let alone = try Descent.run(["bench", "--scale", "0.01", "tiny"], environment: ["DESCENT_THREADS": "1"])
        XCTAssertTrue(alone.stdout.hasSuffix("# tiny: one thread\n"), alone.stdout)
    }

    func testPipedStandardInputRunsAsAScript() throws {
        let r = try Descent.run([], input: Self.seedExample + "\nshow weights W1\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("W1 [2, 1] ="), r.stdout)
        XCTAssertTrue(r.stdout.contains("0.2936"), r.stdout)
    }

    func testFailedExpectationExitsNonZeroAndSaysWhere() throws {
        let dir = try Descent.temporaryDirectory()
        let script = dir.appendingPathComponent("bad.descent")
        try (Self.seedExample + "\nexpect W1[0,0] = 0.5 +- 1e-3\nshow weights\n").write(to: script, atomically: true, encoding: .utf8)
        let r = try Descent.run([script.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.descent:8:1: error: expectation failed: W1[0,0] = 0.2935580942"), r.stderr)
        XCTAssertTrue(r.stderr.contains("expected = 0.5 ± 0.001"), r.stderr)
        XCTAssertFalse(r.stdout.contains("W1 [2, 1] ="), "the script stops at the failing line")
    }

    /// With several -c options an error names the one it is in, counting from 1; a single -c is just -c.
    func testAnErrorInOneOfSeveralCommandsFlagsNamesWhichOne() throws {
        let second = try Descent.run(["-c", "seed 1", "-c", "layer dense x"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.hasPrefix("-c#2:1:13: error: expected number of units"), second.stderr)
        let first = try Descent.run(["-c", "seed 1; layer dense x", "-c", "seed 2"])
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.stderr.hasPrefix("-c#1:1:21: error: expected number of units"), first.stderr)
        XCTAssertEqual(first.stdout, "seed 1\n", "the second -c does not run")
        let only = try Descent.run(["-c", "layer dense x"])
        XCTAssertTrue(only.stderr.hasPrefix("-c:1:13: error: expected number of units"), only.stderr)
    }

    func testUnknownActivationPointsAtTheWordAndSuggests() throws {
        let r = try Descent.run(["-c", "data xor n=20; layer dense 8 tahn"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("-c:1:30: error: unknown activation 'tahn' — did you mean 'tanh'?"), r.stderr)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        guard let caret = lines.first(where: { $0.contains("^") }), let src = lines.first(where: { $0.contains("layer dense 8 tahn") }) else {
            return XCTFail("no caret line in \(r.stderr)")
        }
        let col = caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!)
        let word = src.distance(from: src.startIndex, to: src.range(of: "tahn")!.lowerBound)
        XCTAssertEqual(col, word, "the caret sits under 'tahn'")
    }

    func testSavedSessionReplaysToBitIdenticalWeights() throws {
        let dir = try Descent.temporaryDirectory()
        let session = dir.appendingPathComponent("s.descent").path
        let w1 = dir.appendingPathComponent("w1.json").path, w2 = dir.appendingPathComponent("w2.json").path
        let first = try Descent.run(["-c", """
            seed 7; data moons n=120 noise=0.2; split 0.75; normalize; batch 16; layer dense 6 tanh; layer dropout 0.1; \
            layer dense 1 sigmoid; loss bce; regularize l2 1e-3; optimizer adam lr=0.02; train 3 epochs; step; \
            save session "\(session)"; save weights "\(w1)"
            """])
        XCTAssertEqual(first.status, 0, first.stderr)
        let text = try String(contentsOfFile: session, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# Descent "), text)
        XCTAssertTrue(text.contains("\ntrain 3 epochs\nstep\n"), text)
        XCTAssertFalse(text.contains("save "), "saving is not part of the replayed session")
        // Replayed at a prompt that holds other work (another seed, data, a layer and a loss), it builds the saved
        // session alone: the script begins with `new`.
        let replay = try Descent.run(["-c", "seed 3; data xor; layer dense 8 relu; loss mse; replay \"\(session)\"; save weights \"\(w2)\""])
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let a = try String(contentsOfFile: w1, encoding: .utf8), b = try String(contentsOfFile: w2, encoding: .utf8)
        XCTAssertEqual(a, b, "replaying the saved session gives the same weights, bit for bit")
    }

    func testSavingWarnsWhenAReplayWouldReadOtherFilesAndAScriptCannotBeSavedOverItself() throws {
        let dir = try Descent.temporaryDirectory()
        let setup = "seed 1; data xor n=40; layer dense 3 tanh; layer dense 1 sigmoid; loss bce; optimizer sgd"
        // The session saves x.json, loads it back, then overwrites it: the save it loaded back is kept, so that a replay
        // writes x.json there and reads it back, and nothing needs saying.
        let r = try Descent.run(["-c", setup + "; train 2; save weights \"x.json\"; reset; load weights \"x.json\"; train 2; "
                                 + "save weights \"x.json\"; save session \"s.descent\""], directory: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("note:"), r.stdout)
        let saved = try String(contentsOfFile: dir.appendingPathComponent("s.descent").path, encoding: .utf8)
        XCTAssertTrue(saved.hasSuffix("\ntrain 2\nsave weights \"x.json\"\nreset\nload weights \"x.json\"\ntrain 2\n"), saved)
        // Another session loads x.json, which it did not write, then overwrites it: a replay would load the new weights.
        let o = try Descent.run(["-c", setup + "; load weights \"x.json\"; train 2; save weights \"x.json\"; save session \"u.descent\""],
                                directory: dir)
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(o.stdout.contains("note: this session loaded x.json earlier; a replay of it will read these weights there instead"), o.stdout)
        XCTAssertTrue(o.stdout.contains("note: x.json has changed since this session read it, so a replay of it will read the new contents"), o.stdout)
        // Saving the same weights again changes nothing a replay reads: no note.
        let same = try Descent.run(["-c", setup + "; load weights \"x.json\"; save weights \"x.json\"; save session \"t.descent\""], directory: dir)
        XCTAssertFalse(same.stdout.contains("note:"), same.stdout)
        // A script that saves the session over itself is stopped there, and the file keeps all its lines.
        let script = dir.appendingPathComponent("own.descent").path
        let lines = "seed 1\ndata xor\nsave session \"own.descent\"\nlayer dense 2 tanh\n"
        try lines.write(toFile: script, atomically: true, encoding: .utf8)
        let own = try Descent.run(["own.descent"], directory: dir)
        XCTAssertEqual(own.status, 1)
        XCTAssertTrue(own.stderr.contains("own.descent:3:14: error: own.descent is the script being run; writing over it would cut it short"), own.stderr)
        XCTAssertEqual(try String(contentsOfFile: script, encoding: .utf8), lines)
        // Nor can its weights or an export be written over it, under whatever name reaches it: here links named as
        // their formats are (a name with another format's extension is refused before that).
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("own.json").path, withDestinationPath: "own.descent")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("own.csv").path, withDestinationPath: "./own.descent")
        for write in ["save weights \"./own.json\"", "export history \"own.csv\""] {
            let other = "seed 1\ndata xor\nlayer dense 1 sigmoid\nloss bce\ntrain 2\n\(write)\nseed 2\n"
            try other.write(toFile: script, atomically: true, encoding: .utf8)
            let r = try Descent.run(["own.descent"], directory: dir)
            XCTAssertEqual(r.status, 1, write)
            XCTAssertTrue(r.stderr.contains("is the script being run; writing over it would cut it short"), r.stderr)
            XCTAssertEqual(try String(contentsOfFile: script, encoding: .utf8), other, write)
        }
    }

    func testPredictInAScriptPrintsTheSeedModelsOutputsAndIsNotSaved() throws {
        // θ from numpy (see seedExample): θ·[1,2] = 1.8866863007708434, θ·[4,5] = 5.157052893230557.
        let dir = try Descent.temporaryDirectory()
        let script = dir.appendingPathComponent("p.descent"), session = dir.appendingPathComponent("s.descent").path
        try (Self.seedExample + "\npredict [[1,2],[4,5]]\nsave session \"\(session)\"\npredict [1,2,3]\nshow weights\n")
            .write(to: script, atomically: true, encoding: .utf8)
        let r = try Descent.run([script.path])
        XCTAssertEqual(r.status, 1, "the second predict has a row of 3 values for 2 features")
        XCTAssertTrue(r.stdout.contains("predict: 2-1 at step 1000\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("│   0 │  1 │  2 │     1.88669 │"), r.stdout)
        XCTAssertTrue(r.stdout.contains("│   1 │  4 │  5 │     5.15705 │"), r.stdout)
        XCTAssertTrue(r.stderr.hasPrefix("\(script.path):10:9: error: the input has 3 values; the data has 2 features (x1, x2)\n"
                                         + "    predict [1,2,3]\n            ^~~~~~~"), r.stderr)
        XCTAssertFalse(r.stdout.contains("W1 [2, 1] ="), "the script stops at the failing line")
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        XCTAssertTrue(saved.hasSuffix("expect W1[1,0] = 0.7965641032842721 +- 1e-9\n"), "predict is not saved: \(saved)")
    }

    func testCtrlCStopsAScriptAtItsLineWithStatus130() throws {
        guard FileManager.default.isExecutableFile(atPath: Descent.binary.path) else {
            throw XCTSkip("descent binary not built at \(Descent.binary.path); run `swift build` first")
        }
        let dir = try Descent.temporaryDirectory()
        let script = dir.appendingPathComponent("long.descent").path
        try "seed 3\ndata moons n=200\nlayer dense 8 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 100000000\ntrain 100000000\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = Descent.binary
        p.arguments = [script]
        p.environment = ProcessInfo.processInfo.environment.merging(["TERM": "dumb"]) { _, new in new }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = FileHandle.nullDevice
        try p.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("loss bce:") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        Thread.sleep(forTimeInterval: 0.5)   // into line 6's training, which takes hours
        p.interrupt()
        seen.append(out.fileHandleForReading.readDataToEndOfFile())
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let stdout = String(decoding: seen, as: UTF8.self)
        XCTAssertEqual(p.terminationReason, .exit, "killed by the signal")
        XCTAssertEqual(p.terminationStatus, 130, errors)
        XCTAssertEqual(errors, "descent: interrupted at \(script):6; the rest was not run\n")
        XCTAssertEqual(stdout.components(separatedBy: "\ntrained ").count, 2, "line 7 trained too:\n\(stdout)")
        XCTAssertTrue(stdout.contains(" — interrupted\n"), stdout)
    }

    func testWeightsRoundTripAndShapeErrors() throws {
        let dir = try Descent.temporaryDirectory()
        let file = dir.appendingPathComponent("w.json").path
        let save = try Descent.run(["-c", "data xor n=50; layer dense 3 tanh; layer dense 1 sigmoid; loss bce; train 5; save weights \"\(file)\"; show weights W2"])
        XCTAssertEqual(save.status, 0, save.stderr)
        // A different first layer cannot take these weights: the error names the parameter and both shapes.
        let bad = try Descent.run(["-c", "data xor n=50; layer dense 4 tanh; layer dense 1 sigmoid; loss bce; load weights \"\(file)\""])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("W1 has shape [2, 3] in the file, the model needs [2, 4]"), bad.stderr)
        let good = try Descent.run(["-c", "data xor n=50; layer dense 3 tanh; layer dense 1 sigmoid; loss bce; load weights \"\(file)\"; show weights W2"])
        XCTAssertEqual(good.status, 0, good.stderr)
        let shown = { (s: String) in s.components(separatedBy: "W2 [3, 1] =").last ?? "" }
        XCTAssertEqual(shown(good.stdout), shown(save.stdout))
    }

    func testExportHistoryWritesTheDocumentedHeader() throws {
        let dir = try Descent.temporaryDirectory()
        let file = dir.appendingPathComponent("h.csv").path
        let r = try Descent.run(["-c", "data sine n=40; layer dense 4 tanh; layer dense 1; loss mse; train 20 every=5; export history \"\(file)\""])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "step,epoch,batch_loss,penalty,train_loss,val_loss,r2,val_r2,lr")
        XCTAssertEqual(lines.count, 21)
        XCTAssertTrue(lines[5].hasPrefix("5,5,"), String(lines[5]))
        XCTAssertEqual(lines[5].split(separator: ",", omittingEmptySubsequences: false).count, 9)
        XCTAssertTrue(lines[5].hasSuffix(",0.001"), "sgd's default rate: \(lines[5])")
    }

    func testTextChartTellsTheValidationCurveApartWithoutColour() throws {
        // `plot` without a terminal prints the chart as text: the validation curve is dotted, with its own legend
        // glyph, in a UTF-8 locale and in ASCII alike; `export plot` dashes it.
        let dir = try Descent.temporaryDirectory()
        let svg = dir.appendingPathComponent("loss.svg").path
        let script = "seed 1; data xor n=60; split 0.8; layer dense 4 tanh; layer dense 1 sigmoid; loss bce; "
            + "optimizer adam lr=0.05; train 100 every=10; plot; export plot \"\(svg)\""
        // The title spells the model as the live view does: in ASCII, `->` and `|`.
        for (locale, legend, title) in [("C.UTF-8", "─ batch loss  ━ train loss  ┅ val loss", "2-4-1 tanh→sigmoid · bce · adam lr 0.05"),
                                        ("C", "- batch loss  = train loss  : val loss", "2-4-1 tanh->sigmoid | bce | adam lr 0.05")] {
            let r = try Descent.run(["-c", script], environment: ["LC_ALL": locale])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.split(separator: "\n").contains { $0 == legend }, "\(locale):\n\(r.stdout)")
            XCTAssertTrue(r.stdout.split(separator: "\n").contains { $0 == title }, "\(locale):\n\(r.stdout)")
        }
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let val = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("data-name=\"val loss\"") }, text)
        XCTAssertTrue(val.contains("stroke-dasharray=\"2 5\""), String(val))
    }

    func testUnknownOptionSuggestsTheNearest() throws {
        let r = try Descent.run(["-c", Self.seedExample.replacingOccurrences(of: "train 1000", with: "optimizer adam lrr=0.1\ntrain 1000")
                                    .replacingOccurrences(of: "\n", with: "; ")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("unknown option 'lrr' for optimizer — did you mean 'lr'?"), r.stderr)
    }

    func testEverySessionScriptReplays() throws {
        let dir = Descent.root.appendingPathComponent("Sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".descent") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for f in files {
            let r = try Descent.run(["Sessions/" + f])
            XCTAssertEqual(r.status, 0, "Sessions/\(f) failed:\n\(r.stderr)\n\(r.stdout.suffix(2000))")
        }
    }

    func testScriptsComeFromPipesDevicesAndProcessSubstitution() throws {
        // /dev/stdin as a file name: the pipe descent's input comes from.
        let stdin = try Descent.run(["/dev/stdin"], input: "seed 7\nshow config\n")
        XCTAssertEqual(stdin.status, 0, stdin.stderr)
        XCTAssertTrue(stdin.stdout.contains("seed        7"), stdin.stdout)
        // /dev/null: an empty script, which does nothing.
        let empty = try Descent.run(["/dev/null"])
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertEqual(empty.stdout + empty.stderr, "")
        // bash's <(…): a /dev/fd/N name for a pipe.
        let bash = "/bin/bash"
        guard FileManager.default.isExecutableFile(atPath: bash) else { throw XCTSkip("no \(bash) here") }
        let p = Process(), out = Pipe(), err = Pipe()
        p.executableURL = URL(fileURLWithPath: bash)
        p.arguments = ["-c", "\"$0\" <(printf 'seed 8\\nshow config\\n')", Descent.binary.path]
        p.standardOutput = out; p.standardError = err
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, problems)
        XCTAssertTrue(text.contains("seed        8"), text + problems)
    }

    func testControlCharactersFromFilesAndNamesReachTheTerminalEscaped() throws {
        // ESC [ 31 m turns text red, ESC [ 2 J clears the screen: shown as cat -v shows them, ^[ for ESC.
        let dir = try Descent.temporaryDirectory()
        try "a\u{1B}[31mRED,b,y\n1,2,cat\u{1B}[2J\n4,5,dog\n".write(to: dir.appendingPathComponent("esc.csv"), atomically: true, encoding: .utf8)
        let r = try Descent.run(["-c", "data csv \"esc.csv\"; show data"], directory: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("\u{1B}"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2 classes (cat^[[2J, dog)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("features: a^[[31mRED, b"), r.stdout)
        // The table's lines are as wide as each other: ^[ is counted as the two columns it takes.
        let table = r.stdout.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("└") }
        XCTAssertGreaterThanOrEqual(table.count, 4, r.stdout)
        XCTAssertEqual(Set(table.map(\.count)).count, 1, r.stdout)
        XCTAssertTrue(table.contains { $0.contains("│ a^[[31mRED │ b │") }, r.stdout)
        // A file name holding ESC, echoed by an error; the caret still under the word it points at.
        let missing = try Descent.run(["-c", "data csv \"x\u{1B}[2J.csv\""], directory: dir)
        XCTAssertEqual(missing.status, 1)
        XCTAssertFalse(missing.stderr.contains("\u{1B}"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("no such file: \(dir.path)/x^[[2J.csv"), missing.stderr)
        let option = try Descent.run(["-c", "data csv \"x\u{1B}[2J.csv\" bogus=1"], directory: dir)
        XCTAssertEqual(option.status, 1)
        let lines = option.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, option.stderr)
        guard lines.count == 3 else { return }
        XCTAssertEqual(lines[1], "    data csv \"x^[[2J.csv\" bogus=1")
        XCTAssertEqual(lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) },
                       lines[1].range(of: "bogus").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }, option.stderr)
    }

    func testATildeIsHomeAsTheShellSaysAndMessagesNameTheResolvedPath() throws {
        let home = try Descent.temporaryDirectory(), name = "tilde-\(UUID().uuidString.prefix(8)).json"
        // Were HOME ignored, the file would land in the account's home: clean up there too.
        let account = getpwuid(getuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } } ?? "/nonexistent"
        defer { try? FileManager.default.removeItem(atPath: account + "/" + name) }
        let model = "seed 1; data xor; layer dense 1 sigmoid; loss bce"
        let r = try Descent.run(["-c", "\(model); save weights \"~/\(name)\"; load weights \"~/\(name)\""],
                                environment: ["HOME": home.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.path + "/" + name), "not in $HOME")
        XCTAssertFalse(FileManager.default.fileExists(atPath: account + "/" + name), "written to the account's home")
        XCTAssertTrue(r.stdout.contains("saved 2 parameters (3 values) to \(home.path)/\(name)\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("loaded 2 parameters from \(home.path)/\(name)\n"), r.stdout)
        // A CSV file's errors name it by the resolved path too.
        try "a,y\n1,2\nx,3\n".write(toFile: home.path + "/bad.csv", atomically: true, encoding: .utf8)
        let bad = try Descent.run(["-c", "data csv \"~/bad.csv\""], environment: ["HOME": home.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("error: \(home.path)/bad.csv:3, column 1 'a': 'x' is not a number"), bad.stderr)
    }

    /// `descent --help` lists what people type — scripts, -c, --no-tui, --version and bench — not only the subcommands.
    func testHelpListsTheScriptsAndTheOptionsOfARun() throws {
        let r = try Descent.run(["--help"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for line in ["USAGE: descent [<file> ...] [-c <commands> ...] [--no-tui]\n",
                     "       descent bench [--scale <scale>] [<workload> ...]\n",
                     "\n  -c <commands>  ", "\n  --no-tui  ", "\n  --version  ", "\n  bench  "] {
            XCTAssertTrue(r.stdout.contains(line), "no \(line) in:\n\(r.stdout)")
        }
        XCTAssertFalse(r.stdout.contains("run (default)"), "the default subcommand is not a thing to type:\n\(r.stdout)")
        XCTAssertEqual(try Descent.run(["help"]).stdout, r.stdout, "help and --help say the same")
    }

    /// The run's options go anywhere among the scripts, as before, and `descent run …` still means the same; bench
    /// refuses them rather than ignoring them.
    func testTheOptionsOfARunGoAnywhereAndBenchRefusesThem() throws {
        let dir = try Descent.temporaryDirectory()
        try "seed 3\n".write(to: dir.appendingPathComponent("s.descent"), atomically: true, encoding: .utf8)
        for arguments in [["-c", "seed 4", "s.descent", "--no-tui"], ["--no-tui", "s.descent", "-c", "seed 4"],
                          ["run", "s.descent", "-c", "seed 4"]] {
            let r = try Descent.run(arguments, directory: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, "seed 3\nseed 4\n", "\(arguments): the script, then -c")
        }
        let bench = try Descent.run(["bench", "-c", "seed 1", "tiny"])
        XCTAssertEqual(bench.status, 64, "a usage error, as swift-argument-parser exits for one")
        XCTAssertTrue(bench.stderr.hasPrefix("Error: -c and --no-tui do not go with bench\n"), bench.stderr)
        XCTAssertEqual(bench.stdout, "", "no workload ran")
    }

    /// `descent FILE` is not a replay: FILE may replay 100 deep, as -c and the prompt may, and not itself.
    func testTheProgramsScriptIsNotCountedAsAReplay() throws {
        let dir = try Descent.temporaryDirectory()
        // f0 replays f1, …, f99 replays f100, which sets the seed: 100 replays below f0.
        for i in 0..<100 {
            try "replay \"f\(i + 1).descent\"\n".write(to: dir.appendingPathComponent("f\(i).descent"), atomically: true, encoding: .utf8)
        }
        try "seed 9\n".write(to: dir.appendingPathComponent("f100.descent"), atomically: true, encoding: .utf8)
        let file = try Descent.run(["f0.descent"], directory: dir)
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertTrue(file.stdout.hasPrefix("seed 9\nreplayed f100.descent\n"), file.stdout)
        XCTAssertTrue(file.stdout.hasSuffix("replayed f1.descent\n"), file.stdout)
        // From -c, f0 is the first replay, so f100 would be the 101st.
        let commands = try Descent.run(["-c", "replay \"f0.descent\""], directory: dir)
        XCTAssertEqual(commands.status, 1)
        XCTAssertTrue(commands.stderr.hasPrefix("f99.descent:1:8: error: replays nest at most 100 deep, and replaying f100.descent here would make 101"),
                      commands.stderr)
        // The program's script still may not replay itself.
        try "seed 1\nreplay \"./self.descent\"\n".write(to: dir.appendingPathComponent("self.descent"), atomically: true, encoding: .utf8)
        let own = try Descent.run(["self.descent"], directory: dir)
        XCTAssertEqual(own.status, 1)
        // The caret is under the file name (column 8, after `replay "`), which is what is wrong.
        XCTAssertEqual(own.stderr, """
            self.descent:2:8: error: ./self.descent is already being replayed (a script cannot replay itself)
                replay "./self.descent"
                       ^~~~~~~~~~~~~~~~

            """)
    }

    /// A script that is not UTF-8 text is an error like any other: file:line:column, `error:`, the line (the bad byte
    /// shown as U+FFFD) and a caret; nothing of it runs, whether given to descent, piped, or replayed.
    func testAScriptThatIsNotUTF8IsAnErrorAtItsLineWithACaret() throws {
        let dir = try Descent.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Line 2 is "data xor n", 0xFF, "=10": the bad byte is its 11th Character.
        let bytes = Data("seed 1\ndata xor n".utf8) + Data([0xFF]) + Data("=10\n".utf8)
        try bytes.write(to: dir.appendingPathComponent("bad.descent"))
        let error = """
            bad.descent:2:11: error: not UTF-8 text (a byte there is not part of a UTF-8 character) — save the file as UTF-8
                data xor n\u{FFFD}=10
                          ^

            """
        let file = try Descent.run(["bad.descent"], directory: dir)
        XCTAssertEqual(file.status, 1)
        XCTAssertEqual(file.stderr, error)
        XCTAssertEqual(file.stdout, "", "not even `seed 1` ran")
        // Replayed, it stops the replay as a failing line does.
        let replay = try Descent.run(["-c", "replay \"bad.descent\""], directory: dir)
        XCTAssertEqual(replay.status, 1)
        XCTAssertEqual(replay.stderr, error + """
            -c:1:1: error: replay of bad.descent stopped at the error above
                replay "bad.descent"
                ^~~~~~

            """)
        XCTAssertEqual(replay.stdout, "")
    }
}
