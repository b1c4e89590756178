import Foundation
import XCTest

/// In a locale that does not encode UTF-8 (LANG=C), what descent prints at the prompt is ASCII: its tables ruled with
/// `+`, `-` and `|`, its arrows, dashes and signs spelled out, as its charts already are.
final class ASCIILocaleTests: XCTestCase {
    func testOutsideAUTF8LocaleTheOutputIsASCII() throws {
        let t = try Tmux(width: 200, height: 40, environment: ["LANG": "C", "LC_ALL": "C"])
        try t.wait(forText: "descent>")
        try t.type("data xor n=40; layer dense 4 tanh; layer dense 1 sigmoid; loss bce; optimizer adam")
        try t.wait(forText: "layer 2: dense 1 sigmoid  (model 2-4-1 tanh->sigmoid)")
        try t.wait(forText: "loss bce: loss = mean(-y*log sigma(z) - (1-y)*log(1-sigma(z))), from the logits z")
        try t.wait(forText: "theta <- theta - lr*(m/(1-beta_1^t)) / (sqrt (v/(1-beta_2^t)) + eps)")
        try t.send("C-l")
        try t.type("show model; show config")
        let screen = try t.wait(forText: "steps       0")
        for line in ["+---------+--------+------------+--------------------+",
                     "| layer   | output | activation |         parameters |",
                     "| dense 1 | [*, 4] | tanh       | 12  (W1 2x4, b1 4) |",
                     "total: 17 parameters in 4 tensors * model 2-4-1 tanh->sigmoid",
                     "at most once every ceil(rows / (3 x batch)) steps"] {
            XCTAssertTrue(screen.contains(line), "'\(line)' in:\n\(screen)")
        }
        let other = screen.unicodeScalars.filter { !$0.isASCII }
        XCTAssertTrue(other.isEmpty, "not ASCII: \(String(String.UnicodeScalarView(other))) in:\n\(screen)")
    }

    func testALongTableIsWrittenInChunksThatMakeOneTable() throws {
        // A table is held to be redrawn in ASCII; a long one goes out 256 lines at a time (so Ctrl-C can cut it), and
        // the chunks must still make one table: one top rule, one header, 600 rows numbered 0–599, one bottom rule.
        let rows = (0..<600).map { "[\($0 % 7),\($0 % 5)]" }.joined(separator: ",")
        let r = try Descent.run(["--no-tui", "-c", "seed 1; data xor; layer dense 8 tanh; layer dense 1 sigmoid; loss bce; predict [\(rows)]"],
                                environment: ["LANG": "C", "LC_ALL": "C"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let rules = lines.filter { $0.hasPrefix("+-") }
        XCTAssertEqual(rules.count, 3, "top, under the header, bottom:\n\(rules)")
        XCTAssertEqual(Set(rules).count, 1, "every rule as wide as the others")
        let numbered = lines.filter { $0.hasPrefix("| ") }.dropFirst().map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(numbered, (0..<600).map(String.init))
        XCTAssertTrue(r.stdout.unicodeScalars.allSatisfy(\.isASCII))
    }
}
