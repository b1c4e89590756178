import XCTest
@testable import DescentShell

/// Tab completion offers what each command's grammar takes next: comparisons, options, option values, second-level
/// keywords, and the files of the kind the command reads or writes.
final class CompletionTests: XCTestCase {
    /// A workspace with a 2-3-1 model (W1 b1 W2 b2) on xor's two features x1 and x2, whose files live in a fresh
    /// directory holding `names` (a name ending in `/` is a directory) and `d.csv` with the header `a,b, label`.
    private func harness(files names: [String] = []) throws -> ShellHarness {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        for name in names {
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(atPath: dir + "/" + name, withIntermediateDirectories: true)
            } else {
                try "x\n".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            }
        }
        try "a,b, label\n1,2,0\n3,4,1\n".write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
        let h = ShellHarness(directory: dir)
        h.ok("data xor n=20\nlayer dense 3 tanh\nlayer dense 1 sigmoid\nloss bce")
        return h
    }

    /// `candidates` for a line whose last word is the one completed.
    private func complete(_ line: String, _ h: ShellHarness) -> [String] {
        let word = line.hasSuffix(" ") ? "" : String(line.split(separator: " ").last ?? "")
        return Completion.candidates(line: line, word: word, workspace: h.w)
    }

    func testCompletionOffersOnlyWhatTheGrammarTakesNext() throws {
        let h = try harness(files: ["run.descent", "notes.txt", "w.json", "d2.csv", "Sessions/", "Sessions/xor.descent", "Sessions/iris.json"])
        // expect METRIC OP VALUE: a comparison after the metric, not parameters again.
        XCTAssertEqual(complete("expect loss ", h), ["<", "<=", ">", ">=", "="])
        XCTAssertEqual(complete("expect loss <", h), ["<", "<="])
        XCTAssertEqual(complete("expect grad ", h), ["W1", "b1", "W2", "b2"])
        XCTAssertEqual(complete("expect grad W1[0,0] ", h), ["<", "<=", ">", ">=", "="])
        XCTAssertEqual(complete("expect W2[0,0] ", h), ["<", "<=", ">", ">=", "="])
        XCTAssertEqual(complete("expect loss < 0.1 ", h), [])
        XCTAssertEqual(complete("expect loss = 0.1 ", h), ["+-"])
        // gradcheck [PARAM] [sample=N]; set PARAM[i,j] = VALUE; explain PARAM.
        XCTAssertEqual(complete("gradcheck W1 ", h), ["sample="])
        XCTAssertEqual(complete("gradcheck ", h), ["W1", "b1", "W2", "b2", "sample="])
        XCTAssertEqual(complete("gradcheck W1 sample=2 ", h), [])
        XCTAssertEqual(complete("set W1[0,0] ", h), ["="])
        XCTAssertEqual(complete("explain W1 ", h), [])
        XCTAssertEqual(complete("watch W1[0,0] ", h), [])
        // In a string that names a file: directories, and only the files of the kind the command reads or writes.
        let w = h.w
        XCTAssertEqual(Completion.result(line: "replay \"", word: "", workspace: w), .paths(["Sessions/", "notes.txt", "run.descent"]))
        XCTAssertEqual(Completion.result(line: "replay \"S", word: "S", workspace: w), .paths(["Sessions/"]))
        XCTAssertEqual(Completion.result(line: "replay \"Sessions/", word: "Sessions/", workspace: w), .paths(["Sessions/xor.descent"]))
        XCTAssertEqual(Completion.result(line: "load weights \"", word: "", workspace: w), .paths(["Sessions/", "w.json"]))
        XCTAssertEqual(Completion.result(line: "save session \"", word: "", workspace: w), .paths(["Sessions/", "notes.txt", "run.descent"]))
        XCTAssertEqual(Completion.result(line: "data csv \"d", word: "d", workspace: w), .paths(["d.csv", "d2.csv"]))
        XCTAssertEqual(Completion.result(line: "evaluate \"", word: "", workspace: w), .paths(["Sessions/", "d.csv", "d2.csv"]))
        XCTAssertEqual(Completion.result(line: "export plot runs \"", word: "", workspace: w), .paths(["Sessions/"]))
        XCTAssertEqual(Completion.result(line: "step; export history \"", word: "", workspace: w), .paths(["Sessions/", "d.csv", "d2.csv"]))
        // Outside a string, words; in a string that names no file, readline's own file names as before.
        XCTAssertEqual(Completion.result(line: "expect loss ", word: "", workspace: w), .words(["<", "<=", ">", ">=", "="]))
        XCTAssertEqual(Completion.result(line: "keep \"", word: "", workspace: w), .files)
    }

    func testCompletionOffersAnOptionsValuesAfterItsEqualsSign() throws {
        let h = try harness()
        XCTAssertEqual(complete("layer dense 8 relu init=he", h), ["init=he", "init=he_uniform", "init=he_normal"])
        XCTAssertEqual(complete("layer dense 8 init=xavier_", h), ["init=xavier_uniform", "init=xavier_normal"])
        XCTAssertEqual(complete("layer dense 8 relu bias=", h), ["bias=true", "bias=false"])
        XCTAssertEqual(complete("optimizer sgd nesterov=t", h), ["nesterov=true"])
        XCTAssertEqual(complete("train 10 patience=3 restore=", h), ["restore=best", "restore=last"])
        // data csv's target= and drop=: the columns of the file named on the line, from its header line.
        XCTAssertEqual(complete("data csv \"d.csv\" target=", h), ["target=a", "target=b", "target=label"])
        XCTAssertEqual(complete("data csv \"d.csv\" target=label drop=", h), ["drop=a", "drop=b", "drop=label"])
        XCTAssertEqual(complete("data csv \"missing.csv\" target=", h), [])
        XCTAssertEqual(complete("data csv \".\" target=", h), [])
        // An option whose value is a number has nothing to offer.
        XCTAssertEqual(complete("optimizer sgd lr=", h), [])
    }

    func testCompletionOffersTheSecondLevelKeywords() throws {
        let h = try harness()
        XCTAssertEqual(complete("export plot ", h), ["boundary", "runs", "weights"])
        XCTAssertEqual(complete("export plot runs ", h), ["batch_loss", "train_loss", "val_loss", "penalty"])
        XCTAssertEqual(complete("export plot boundary ", h), ["x1", "x2"])
        XCTAssertEqual(complete("export plot weights W1 ", h), ["b1", "W2", "b2"])
        XCTAssertEqual(complete("plot boundary ", h), ["x1", "x2"])
        XCTAssertEqual(complete("plot boundary x1 ", h), ["x2"])
        XCTAssertEqual(complete("plot weights ", h), ["W1", "b1", "W2", "b2"])
        XCTAssertEqual(complete("show history ", h), ["from=", "to=", "every="])
        XCTAssertEqual(complete("show history from=3 ", h), ["to=", "every="])
        XCTAssertEqual(complete("show weights W1 ", h), ["b1", "W2", "b2", "digits="])
        XCTAssertEqual(complete("show W", h), ["W1", "W2"])
        XCTAssertEqual(complete("show W1 ", h), ["digits="])
        XCTAssertEqual(complete("schedule step ", h), ["size=", "gamma="])
        XCTAssertEqual(complete("schedule cosine ", h), ["steps=", "min="])
        XCTAssertEqual(complete("schedule linear s", h), ["start=", "steps="])
        XCTAssertEqual(complete("update ", h), ["digits="])
        XCTAssertEqual(complete("layer dense 8 leaky_relu ", h).filter { !$0.hasPrefix("init") }, ["bias=", "slope="])
        XCTAssertEqual(complete("layer dense 8 elu ", h).filter { !$0.hasPrefix("init") }, ["bias=", "alpha="])
        // The nodes of a forward pass, once there is one.
        h.ok("forward")
        XCTAssertEqual(complete("show Z", h), ["Z1", "Z2"])
        XCTAssertEqual(complete("show A1 ", h), ["digits="])
    }

    func testTabOnAnEmptyFileSlotOpensTheString() throws {
        let h = try harness(files: ["run.descent", "w.json", "Sessions/"])
        XCTAssertEqual(complete("replay ", h), ["\"Sessions/", "\"run.descent\""])
        XCTAssertEqual(complete("load weights ", h), ["\"Sessions/", "\"w.json\""])
        XCTAssertEqual(complete("save weights ", h), ["\"Sessions/", "\"w.json\""])
        XCTAssertEqual(complete("save session ", h), ["\"Sessions/", "\"run.descent\""])
        XCTAssertEqual(complete("data csv ", h), ["\"Sessions/", "\"d.csv\""])
        XCTAssertEqual(complete("evaluate ", h), ["\"Sessions/", "\"d.csv\""])
        // Not where the file is past (replay's `step`), nor for `save`'s kind.
        XCTAssertEqual(complete("replay \"run.descent\" ", h), ["step"])
        XCTAssertEqual(complete("save ", h), ["weights", "session"])
    }
}
