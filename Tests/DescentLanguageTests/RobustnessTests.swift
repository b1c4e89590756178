import XCTest
@testable import DescentLanguage

/// Random input never traps: every line either parses or throws a Diagnostic, and binding never traps either.
final class RobustnessTests: XCTestCase {
    private let pieces = ["a", "W1", "x", "=", "==", "<", ">=", "+-", "±", "[", "]", ",", ";", "#", "\"", "\\", "\\n", "\n",
                          " ", " ", "\t", "1", "-", "+", ".", "e", "0.5", "1e-3", "λ", "@", "lr=", "[[1,2],[3]]", "\r\n"]

    func testRandomLinesNeverTrap() {
        var random = SplitMix(seed: 42)
        var parsed = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...12, using: &random)
            let line = (0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            guard let commands = try? Parser.parse(line) else { continue }
            parsed += 1
            for command in commands { bindEverything(command, rendering: line) }
        }
        XCTAssertGreaterThan(parsed, 0)
    }

    /// Calls every binder on a fresh reader, rendering any diagnostic against the line.
    private func bindEverything(_ command: Command, rendering line: String) {
        let binders: [(inout ArgReader) throws -> Void] = [
            { _ = try $0.word("thing", oneOf: ["a", "x"]) }, { _ = try $0.word("thing") },
            { _ = try $0.number("n", range: .open(0, 1)) }, { _ = try $0.int("n", range: 0...Int.max) },
            { _ = try $0.string("file", example: "w.json") }, { _ = try $0.indexed("weight") },
            { _ = try $0.op("comparison", oneOf: ["<", "="]) }, { _ = try $0.rows("inputs") }, { _ = try $0.vectorOption("y") },
            { _ = try $0.numberOption("lr", default: 1) }, { _ = try $0.matrixOption("lr") }, { _ = try $0.boolOption("lr", default: true) },
            { try $0.finish(options: ["lr"]) },
        ]
        for bind in binders {
            var reader = ArgReader(command)
            do {
                _ = reader.optionalWord()
                try bind(&reader)
            } catch let error as Diagnostic {
                XCTAssertFalse(error.render(source: line, firstLine: 1, file: nil).isEmpty)
            } catch {
                XCTFail("threw \(error), not a Diagnostic")
            }
        }
    }
}
