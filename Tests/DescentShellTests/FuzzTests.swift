import XCTest
@testable import DescentCore
@testable import DescentShell

/// Seeded random command lines — valid, borderline and invalid — through a Session: nothing may trap, a failing
/// command must leave the session as it was, and every error must point at its place with a caret.
final class FuzzTests: XCTestCase {
    private var dir = ""
    private var rng = RNG(seed: UInt64(ProcessInfo.processInfo.environment["DESCENT_FUZZ_SEED"] ?? "") ?? 7)

    /// Files the fuzzed commands read: good and broken CSV, garbage weights, scripts, a directory.
    static let files: [String: String] = [
        "good.csv": "a,b,label\n1,2,x\n3,4,y\n5,6,x\n",
        "ragged.csv": "a,b,label\n1,2\n3,4,y,5\n",
        "header.csv": "a,b\n",
        "empty.csv": "",
        "nonnum.csv": "a,b\n1,zz\n,\n",
        "junk.json": "{",
        "null.json": "null",
        "array.json": "[1,2,3]",
        "shape.json": #"{"format":"descent-weights","version":1,"params":{"W1":[[1,2]],"b1":[1,2,3],"W2":[[1],[2,3]]}}"#,
        "types.json": #"{"format":"descent-weights","version":1,"params":{"W1":[[true,"x"]],"b1":null,"W2":[[[1]]],"b2":{}}}"#,
        "huge.json": #"{"format":"descent-weights","version":1,"params":{"W1":[[1e999,-1e999],[1e-400,-0]],"b1":[1e308,1e308]}}"#,
        "version.json": #"{"format":"descent-weights","version":2,"params":{}}"#,
        "deep.json": "{\"format\":\"descent-weights\",\"version\":1,\"params\":{\"W1\":" + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}}",
        "script.descent": "seed 3\nshow config\n",
        "self.descent": "replay \"self.descent\"\n",
        "bad.descent": "bogus command\n",
        "partial.descent": "seed 5\nbogus\n",
        "selflater.descent": "seed 9\nreplay \"selflater.descent\"\n",
        "unicode ü ☃.descent": "# ünïcödé\nhelp\n",
    ]

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/adir", withIntermediateDirectories: true)
        for (name, text) in FuzzTests.files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        try Data([0xff, 0xfe, 0x00, 0x80]).write(to: URL(fileURLWithPath: dir + "/binary.json"))
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(atPath: dir) }

    /// 60 fresh sessions, each a set-up and then 50 random lines (about 3,500 lines); a failure prints the session's
    /// lines so far, which reproduce it. `DESCENT_FUZZ_SEED=N swift test --filter FuzzTests` explores other seeds.
    func testRandomLinesNeitherTrapNorLeaveFailedCommandsHalfDone() {
        for episode in 0..<60 {
            let out = CapturedOutput()
            let w = Workspace(output: out, directory: dir)
            let session = Session(workspace: w)
            var lines: [String] = [], replayable = true
            let setup = pick(FuzzTests.preludes), prelude = setup.split(separator: ";").map(String.init)
            for k in 0..<(prelude.count + 50) {
                let line = k < prelude.count ? prelude[k] : rng.int(below: 10) == 0 ? setup : randomLine(w)
                lines.append(line)
                let before = fingerprint(w)
                out.clear()
                let ok = session.run(line: line)
                let context = "episode \(episode), lines:\n" + lines.joined(separator: "\n")
                if ok { XCTAssertEqual(out.errors, [], context); continue }
                checkErrors(out.errors, context)
                let allowed = FuzzTests.knownNonAtomic(line, undoFull: before[3] == "\(Workspace.undoDepth)")
                if !allowed.isEmpty { replayable = false }
                if !line.contains(";") { checkUnchanged(before, fingerprint(w), allowed: allowed, context) }
            }
            if replayable { checkSavedSessionReplays(w, "episode \(episode), lines:\n" + lines.joined(separator: "\n")) }
        }
    }

    /// What a failing line may leave changed: `replay` is documented to keep what a script's lines did before
    /// the one that failed (like typing them), and saved sessions can land in any write target.
    static func knownNonAtomic(_ line: String, undoFull: Bool) -> Set<String> {
        line.split(separator: ";").reduce(into: Set<String>()) { allowed, part in
            let command = part.trimmingCharacters(in: .whitespaces)
            if command.hasPrefix("replay") && (writeTargets + ["partial.descent", "selflater.descent"]).contains(where: { command.contains("\"\($0)\"") }) {
                allowed.formUnion(names)
            }
        }
    }

    // MARK: Checks

    static let names = ["config", "parameters", "step count", "undo depth", "recorded commands"]

    /// What must not change when a command fails: configuration, parameters, steps, undo depth, recorded commands.
    func fingerprint(_ w: Workspace) -> [String] {
        let params = w.model.map { m in m.snapshot().map { "\($0.shape):\($0.data.map(\.bitPattern))" }.joined(separator: ";") }
        return [Printer.config(w), params ?? "none", "\(w.stepCount)", "\(w.undoStack.count)", w.recorded.joined(separator: "\n")]
    }

    /// A failed command may build the model the configuration describes (weights come from the seed); nothing else.
    func checkUnchanged(_ before: [String], _ after: [String], allowed: Set<String>, _ context: String) {
        for (k, name) in FuzzTests.names.enumerated() where before[k] != after[k] && !allowed.contains(name) && !(k == 1 && before[k] == "none") {
            XCTFail("a failed command changed the \(name):\n\(before[k])\n→\n\(after[k])\n\(context)")
        }
    }

    /// The session's script, replayed in a fresh workspace, succeeds and ends with the same weights and step count
    /// (unless it reads files, which later commands may have overwritten).
    func checkSavedSessionReplays(_ w: Workspace, _ context: String) {
        guard !w.recorded.contains(where: { $0.contains("load") || $0.contains("csv") }) else { return }
        let out = CapturedOutput(), fresh = Workspace(output: out, directory: dir)
        XCTAssertEqual(Session(workspace: fresh).runScript(w.sessionScript(), file: "saved.descent"), .completed, "the saved session does not replay: \(out.errors)\n\(context)")
        let a = fingerprint(w), b = fingerprint(fresh)
        XCTAssertEqual(a[2], b[2], "the saved session replays to another step count\n\(context)")
        if a[1] != "none" && b[1] != "none" { XCTAssertEqual(a[1], b[1], "the saved session replays to other weights\n\(context)") }
    }

    /// Each error names what was wrong and ends with a caret line under the place.
    func checkErrors(_ errors: [String], _ context: String) {
        XCTAssertFalse(errors.isEmpty, "failed without an error message\n\(context)")
        for e in errors {
            let lines = e.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertTrue((lines.first ?? "").count > "error: ".count, "empty error message\n\(context)")
            XCTAssertTrue(lines.last?.hasPrefix("^") ?? false, "error without a caret line: \(e)\n\(context)")
        }
    }

    // MARK: Random lines

    /// One of `xs`, drawn from the seeded stream.
    func pick(_ xs: [String]) -> String { xs[rng.int(below: xs.count)] }

    /// A command, a `;`-sequence of commands, or junk.
    func randomLine(_ w: Workspace) -> String {
        switch rng.int(below: 20) {
        case 0: return (0...rng.int(below: 2)).map { _ in randomCommand(w) }.joined(separator: pick(["; ", ";", " ;; "]))
        case 1: return pick(FuzzTests.junk)
        default: return randomCommand(w)
        }
    }

    /// Set-ups that train (and some that blow up, or have one sample, or a batch larger than the data).
    static let preludes = [
        "seed 7;data xor n=40;layer dense 8 tanh;layer dense 1 sigmoid;loss bce;optimizer adam lr=0.05",
        "data spiral n=60 classes=3;split 0.8;layer dense 8 relu;layer dense 3 softmax;loss ce;batch 16",
        "data linear n=1;layer dense 1;loss mse",
        "data sine n=2;split 0.5;normalize;layer dense 4 tanh;layer dense 1;loss huber",
        "data X=[[0,0],[0,1],[1,0],[1,1]] y=[0,1,1,0];layer dense 2 tanh;layer dense 2;loss ce;regularize l1 0.01",
        "data csv \"good.csv\" target=label;layer dense 2 sigmoid;layer dense 1 sigmoid;loss bce;optimizer rmsprop momentum=0.5",
        "data linear n=20;layer dense 4;layer dense 1;loss mse;optimizer sgd lr=1e6",
        "data moons n=5;batch 32;layer dense 3 elu;layer dropout 0.5;layer dense 1;loss hinge;optimizer sgd momentum=0.9 nesterov=true",
        "data gauss n=30 classes=4;layer dense 4 softmax;loss ce;optimizer adagrad;lr 1e6;break gradnorm > 100",
        "data X=[[1],[2]] y=[1,2];layer dense 1;loss mse" + String(repeating: ";step", count: 50) + ";lr 1e200",
    ]

    static let numbers = ["0", "1", "2", "-1", "-0", "0.5", "1e308", "-1e308", "1e-320", "1e6", "1e300", "99", "3.7", "nan", "inf",
                          "-inf", "1e999", "1.2.3", "0x10", "\"5\"", "[1,2]", "W1[0,0]", "abc", ""]
    static let sizes = ["1", "2", "3", "7", "50", "200", "0", "-3", "2.5", "1e308", "1000001", "nan"]
    static let units = ["1", "2", "3", "8", "32", "0", "-1", "1e308", "1.5", "100001", "100000"]
    /// Where commands write: never over the fixtures, sometimes where writing must fail.
    static let writeTargets = ["w.json", "s.descent", "h.csv", "p.svg", "adir", "missing/x.json", "", ".", "ü ☃.json"]
    static let paths = Array(files.keys).sorted() + ["binary.json", "adir", "missing/x.json", "nope.json", "", "."] + writeTargets
    static let junk = ["", "   ", "#", "# comment only", ";", ";;;", "\\", "\"", "\"unterminated", "[", "]", "[[[", "=", "x=",
                       "s", "tr 1e308", "EXIT now", "? help", "ÿ", "☃ ☃", "layer dense 2 relu relu", "data x=", "opt",
                       "train 5 every=0", "set W1[0,0] =", "expect", "expect loss", "expect loss <", "show W1[0]",
                       String(repeating: "layer dense 1 ", count: 400), String(repeating: "a", count: 5000),
                       "data X=" + String(repeating: "[", count: 2000), "data X=" + String(repeating: "[", count: 100_000), "\u{0}", "seed 1 \u{7}", "tab\tseparated\targs"]

    /// A parameter or node entry, often out of range or malformed.
    func index() -> String {
        pick(["W1", "b1", "W2", "b2", "W9", "X", "Z1", "loss"]) + "[" +
            pick(["0,0", "0", "99,0", "0,99", "1,1", "-1,0", "0,0,0", "", "1e308,0", "0.5,0", "a", "0,"]) + "]"
    }

    func file() -> String { "\"" + pick(FuzzTests.paths) + "\"" }
    func target() -> String { "\"" + pick(FuzzTests.writeTargets) + "\"" }

    /// Training steps that stay bounded: at most 50 steps, epochs only when an epoch is short.
    func trainArgs(_ w: Workspace) -> String {
        let perEpoch = w.batch.rows(training: w.data?.count ?? 1).map { ((w.data?.count ?? 1) + $0 - 1) / $0 } ?? 1
        let unit = perEpoch <= 25 ? pick(["", "epochs", "epoch", "steps"]) : pick(["", "steps"])
        if rng.int(below: 4) == 0 {
            return pick(["0", "-1", "1e308", "2.5", "nan", "1"]) + " " + pick(["", "fortnights", "epochs epochs"]) + " " +
                pick(["", "every=0", "every=1e308", "every=x", "every=1 every=2"])
        }
        return pick(["1", "5", "20", "50"]) + " " + unit + " " + pick(["", "", "every=1", "every=7", "every=1e9"])
    }

    /// A small enough model (in parameters) to gradcheck in a debug build.
    func smallModel(_ w: Workspace) -> Bool {
        var width = w.data?.featureCount ?? 3, total = 0
        for case let .dense(u, _, _, _) in w.layers { total += width * u + u; width = u }
        return total <= 120 && (w.data?.count ?? 0) <= 50
    }

    /// One command with random, often wrong, arguments.
    func randomCommand(_ w: Workspace) -> String {
        let n = pick(FuzzTests.numbers)
        switch rng.int(below: 46) {
        case 0: return "seed " + pick(["0", "1", "42", "-1", "1e308", "2.5", "nan", "", "18446744073709551615"])
        case 1, 2:
            return "data " + pick(["xor", "spiral", "gauss", "sine", "linear", "circles", "moons", "bogus", ""]) + " n=" + pick(FuzzTests.sizes)
                + " " + pick(["", "noise=" + n, "classes=" + pick(["2", "3", "1", "11", "-0"]), "n=3", "classes=2 classes=3"])
        case 3:
            return "data " + pick(["X=[[1,2],[2,3],[3,4]] y=[2,3,4]", "X=[[1,2],[3]] y=[1,2]", "X=[] y=[]", "X=[[1]] y=[0]",
                                   "X=[[1],[2]] y=[0,1]", "X=[[1,2]] y=[1,2]", "X=[[nan]] y=[1]", "X=[[1e308,-1e308],[1e-320,-0]] y=[0,1]",
                                   "X=[[1,[2]]] y=[1]", "X=[1,2] y=[1,2]", "y=[1]", "X=[[1]]", "X=[[1,2],[3,4]] y=[0,2.5]",
                                   "X=[[1,2],[3,4]] y=[\"a\",\"b\"]", "X=[[1,2],[3,4]] y=[0,7]", "X=[[1,2],[3,4]] y=[-1,0]",
                                   "X=[[1,2],[3,4]] y=[0,99999]", "X=[[]] y=[1]", "X=[[1],[2]] y=[1e308,0]", "X=[[1],[2]] y=[0,2e9]", "X=[[1],[2],[3]] y=[0,1,2] X=[[1]]"])
        case 4: return "data csv " + file() + " " + pick(["", "target=label", "target=b", "target=zz", "target=\"a\"", "target=1"])
        case 5: return "split " + pick(["0.8", "0.5", "none", "off", "0", "1", "0.999", "1e-320", n])
        case 6: return "normalize " + pick(["", "on", "off", "true", "maybe", n])
        case 7: return "batch " + pick(["1", "2", "7", "32", "full", "all", "10000000", "0", n])
        case 8, 9, 10:
            if w.layers.count >= 4 { return "layer " + pick(["pop", "clear"]) }
            return "layer " + pick(["dense " + pick(FuzzTests.units) + " " + pick(["", "tanh", "relu", "sigmoid", "softmax", "linear", "gelu",
                                                                                     "elu alpha=" + n, "leaky_relu slope=" + n, "bogus", "none"]),
                                    "dense 1 " + pick(["init=uniform low=1 high=0", "init=normal std=" + n, "init=constant value=" + n,
                                                        "bias=false", "bias=maybe", "init=he init=he", "init=zeros"]),
                                    "dropout " + pick(["0", "0.5", "1", "-0", "0.999", n]), "pop", "clear", "pop extra", "conv 3"])
        case 11: return "loss " + pick(["mse", "mae", "huber", "bce", "ce", "hinge", "huber delta=" + n, "mse delta=1", "l0"])
        case 12: return "regularize " + pick(["none", "l1 " + n, "l2 " + n, "elastic l1=" + n + " l2=0.1", "elastic", "l3 1"])
        case 13:
            return "optimizer " + pick(["sgd", "adam", "rmsprop", "adagrad", "lbfgs"]) + " " +
                pick(["", "lr=" + n, "lr=1e6", "momentum=" + n, "nesterov=true", "momentum=0.9 nesterov=true", "beta1=1", "eps=" + n, "lr=0.1 lr=0.2"])
        case 14: return "lr " + pick(["0.1", "1e6", "1e308", n])
        case 15, 16, 34, 35: return "train " + trainArgs(w)
        case 17, 36, 37: return "step" + pick(["", "", "", "", " 2"])
        case 18, 42: return "forward" + pick(["", " sample " + pick(["0", "1", "199", "200", "-1", "1e308", "0.5"]), " sample", " sample x"])
        case 19, 38, 39: return "backward" + pick(["", " step", " step", " step step", " sideways"])
        case 20, 40, 41: return pick(["update", "undo", "undo", "update now"])
        case 21: return pick(["graph", "explain " + pick(["W1", "b1", "W2", "Q"]), "explain " + index()])
        case 22: return smallModel(w) ? "gradcheck " + pick(["", "W1", "b2", "Q"]) : "gradcheck Q"
        case 23: return pick(["watch ", "unwatch "]) + (rng.int(below: 3) == 0 ? "" : index())
        case 24: return "break " + pick(["nan", "nan off", "nan on", "gradnorm > " + n, "gradnorm off", "gradnorm < 1", "off", "everything"])
        case 25: return "show " + pick(["model", "weights", "weights W1", "grads", "grads b9", "data", "history", "history " + n,
                                        "config", "Z1", "A1", "loss", "X", "nothing", "history 1e308", "confusion", "confusion W1"])
        case 26: return "set " + index() + " " + pick(["=", "<", "", "= ="]) + " " + n
        case 27:
            return "expect " + pick(["loss", "val_loss", "accuracy", "val_r2", "step", "sparsity", "batch_loss", "grad " + index(), index(), "bogus"])
                + " " + pick(["<", "<=", ">", ">=", "=", "!", ""]) + " " + n + " " + pick(["", "+- 1e308", "+- -1", "+- " + n])
        case 28: return pick(["save weights ", "save session ", "save model "]) + target()
        case 33: return "load weights " + file()
        case 29: return "replay " + file() + pick(["", "", " step", " twice"])
        case 30: return "export " + pick(["history ", "plot ", "weights "]) + target()
        case 31: return pick(["plot", "plot boundary", "plot loss", "plot everything"])
        case 32: return pick(["help", "help train", "help bogus", "help help help", "reset", "reset now", "quit"])
        case 43:
            return "predict " + pick(["[0,0]", "[[0,0],[1,-1]]", "[1]", "[[1,2],[3]]", "[[1,2,3]]", "[" + n + "," + n + "]",
                                      "[[" + n + "]]", "[]", "[[]]", "", "[1,2] [3,4]", "[1,2] x=1", "W1[0,0]", "[[1e308,-1e308]]"])
        default: return pick(["opt adam", "tr 1", "s", "st", "sho config", "LAYER DENSE 2 TANH", "Seed 5"])
        }
    }
}
