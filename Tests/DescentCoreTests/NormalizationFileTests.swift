import XCTest
@testable import DescentCore

/// The weights file's `normalization` member: written with every bit and any name, read back, checked; and when two
/// normalisations count as the same.
final class NormalizationFileTests: XCTestCase {
    /// A 2-1 model: W1 [2, 1], b1 [1].
    private func model() -> Model {
        var rng = RNG(seed: 1)
        return Model(spec: ModelSpec(inputSize: 2, layers: [.dense(units: 1, activation: .linear, bias: true, initializer: nil)]), rng: &rng)
    }

    /// A file for the 2-1 model with `normalization` as the member's text.
    private func file(_ normalization: String) -> String {
        #"{"format": "descent-weights", "version": 1, "normalization": \#(normalization), "params": {"W1": [[1], [2]], "b1": [0]}}"#
    }

    private func message(_ text: String) -> String {
        do { _ = try WeightsFile.read(text, for: model()); return "no error" } catch { return error.description }
    }

    func testTheStatisticsAndNamesSurviveSaveAndLoadBitForBit() throws {
        // Names a CSV header may hold (quotes, backslashes, a tab, a control character, accents, an emoji), and numbers
        // that need all 17 digits or sit at the ends of a Double's range.
        let names = ["a \"quoted\" \\ name\twith\u{1}", "épaisseur 😀"]
        let n = Normalization(features: names, mean: [1.0 / 3, -2.2250738585072014e-308], std: [0.1 + 0.2, .greatestFiniteMagnitude])
        let m = model()
        let text = try WeightsFile.encode(m, normalization: n)
        XCTAssertTrue(text.contains("\"a \\\"quoted\\\" \\\\ name\\twith\\u0001\""), text)
        let read = try WeightsFile.read(text, for: m)
        let back = try XCTUnwrap(read.normalization)
        XCTAssertEqual(back.features, names)
        XCTAssertEqual(back.mean.map(\.bitPattern), n.mean.map(\.bitPattern))
        XCTAssertEqual(back.std.map(\.bitPattern), n.std.map(\.bitPattern))
        XCTAssertEqual(read.params.map(\.data), m.parameters.map(\.value.array))
        // Without one, the file has no such member and reads back none, as files saved before it existed do.
        let plain = try WeightsFile.encode(m)
        XCTAssertFalse(plain.contains("normalization"))
        XCTAssertNil(try WeightsFile.read(plain, for: m).normalization)
        XCTAssertNil(try WeightsFile.read(#"{"params": {"W1": [[1], [2]], "b1": [0]}}"#, for: m).normalization)
    }

    func testNonFiniteStatisticsAreNotWritten() {
        let m = model()
        let n = Normalization(features: ["a", "b"], mean: [0, .nan], std: [.infinity, 1])
        XCTAssertThrowsError(try WeightsFile.encode(m, normalization: n)) { e in
            XCTAssertEqual("\(e)", "normalization.mean[1] is nan, and 1 other entry is not finite either; JSON has no infinity or NaN")
        }
    }

    func testAMalformedNormalizationSaysWhatIsWrong() {
        XCTAssertEqual(message(file("[1]")), "\"normalization\" is an array, expected {\"features\": [names], \"mean\": [numbers], \"std\": [numbers]}")
        XCTAssertEqual(message(file(#"{"features": ["a", "b"], "mean": [0, 0]}"#)),
                       "\"normalization\" needs \"std\", an array with an entry for each of the model's 2 inputs (" +
                       "{\"features\": [names], \"mean\": [numbers], \"std\": [numbers]})")
        XCTAssertEqual(message(file(#"{"features": ["a", "b", "c"], "mean": [0, 0], "std": [1, 1]}"#)),
                       "normalization.features has 3 entries; the model has 2 inputs")
        XCTAssertEqual(message(file(#"{"features": ["a", 2], "mean": [0, 0], "std": [1, 1]}"#)), "normalization.features[1] is a number, not a feature name")
        XCTAssertEqual(message(file(#"{"features": ["a", "b"], "mean": [0, null], "std": [1, 1]}"#)), "normalization.mean[1] is null, not a number")
        XCTAssertEqual(message(file(#"{"features": ["a", "b"], "mean": [1e999, 0], "std": [1, 1]}"#)),
                       "normalization.mean[0] is beyond the range of a Double (±1.8e308)")
        XCTAssertEqual(message(file(#"{"features": ["a", "b"], "mean": [0, 0], "std": [1, 0]}"#)), "normalization.std[1] is 0; a std is above 0")
        XCTAssertEqual(message(file(#"{"features": ["a", "b"], "mean": [0, 0], "std": [-2, 1]}"#)), "normalization.std[0] is -2; a std is above 0")
        XCTAssertEqual(message(file(#"{"features": ["a", "b"], "mean": [-1, 0.5], "std": [1, 3]}"#)), "no error")
    }

    func testStatisticsDifferBeyondOnePartInATrillion() {
        let a = Normalization(features: ["x", "y", "z"], mean: [100, 2e-17, -5], std: [10, 0.05, 2])
        XCTAssertEqual(a.differingColumns(from: a), [])
        // 100 and 100·(1 + 5e-13) are the same; 100·(1 + 2e-12) is not. A mean near 0 (centred data) is compared on the
        // std's scale: 2e-17 against −3e-17 differ by 5e-17, under 1e-12 × 0.05. −5 against −5 − 3e-12 (relative to the
        // larger of |mean| and std, 5: 6e-13) holds; the std 2 against 2 + 1e-11 (5e-12) does not.
        let close = Normalization(features: ["x", "y", "z"], mean: [100 * (1 + 5e-13), -3e-17, -5 - 3e-12], std: [10, 0.05, 2])
        XCTAssertEqual(a.differingColumns(from: close), [])
        let apart = Normalization(features: ["x", "y", "z"], mean: [100 * (1 + 2e-12), 1e-13, -5], std: [10, 0.05, 2 + 1e-11])
        XCTAssertEqual(a.differingColumns(from: apart), [0, 1, 2])
    }
}

/// The weights file's `classes` member: written with any name, read back, checked against the model's outputs.
final class ClassesFileTests: XCTestCase {
    /// A 1-3 model: W1 [1, 3], b1 [3].
    private func model(outputs: Int = 3) -> Model {
        var rng = RNG(seed: 1)
        return Model(spec: ModelSpec(inputSize: 1, layers: [.dense(units: outputs, activation: .linear, bias: true, initializer: nil)]), rng: &rng)
    }

    private func message(_ classes: String, outputs: Int = 3) -> String {
        let zeros = Array(repeating: "0", count: outputs).joined(separator: ", ")
        let text = #"{"classes": \#(classes), "params": {"W1": [[\#(zeros)]], "b1": [\#(zeros)]}}"#
        do { return try WeightsFile.read(text, for: model(outputs: outputs)).classes.joined(separator: "|") } catch { return error.description }
    }

    func testTheNamesSurviveSaveAndLoad() throws {
        let names = ["setosa", "a \"quoted\" \\ name", "épaisseur 😀"], m = model()
        let text = try WeightsFile.encode(m, classes: names)
        XCTAssertTrue(text.contains(#"  "classes": ["setosa", "a \"quoted\" \\ name", "épaisseur 😀"],"#), text)
        XCTAssertEqual(try WeightsFile.read(text, for: m).classes, names)
        XCTAssertFalse(try WeightsFile.encode(m).contains("classes"))
        XCTAssertEqual(try WeightsFile.read(WeightsFile.encode(m), for: m).classes, [])
    }

    func testTheMemberIsChecked() {
        XCTAssertEqual(message(#"["a", "b", "c"]"#), "a|b|c")
        XCTAssertEqual(message(#"["a", "b"]"#, outputs: 1), "a|b")
        XCTAssertEqual(message(#""abc""#), #""classes" is a string, expected an array of the class names the model's outputs stand for"#)
        XCTAssertEqual(message(#"["a", 2, "c"]"#), "classes[1] is a number, not a class name")
        XCTAssertEqual(message(#"["a", "b"]"#), #""classes" has 2 names; the model has 3 outputs, so it needs 3, one for each"#)
        XCTAssertEqual(message(#"["a"]"#, outputs: 1),
                       #""classes" has 1 name; the model has 1 output, a binary classifier's, so it needs 2 (the class that output is the "#
                       + "probability of second)")
    }
}
