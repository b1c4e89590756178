import XCTest
@testable import DescentCore

/// The weights file: hand-written JSON texts whose values, shapes and error positions are read off by hand.
final class WeightsFileTests: XCTestCase {
    /// A 2-3-1 model: W1 [2, 3], b1 [3], W2 [3, 1], b2 [1].
    private func model() -> Model {
        var rng = RNG(seed: 1)
        return Model(spec: ModelSpec(inputSize: 2, layers: [.dense(units: 3, activation: .tanh, bias: true, initializer: nil),
                                                            .dense(units: 1, activation: .sigmoid, bias: true, initializer: nil)]),
                     rng: &rng)
    }

    /// A version-1 file for the 2-3-1 model with the given parameter texts.
    private func file(W1: String = "[[1, 2, 3], [4, 5, 6]]", b1: String = "[0, 0, 0]", W2: String = "[[1], [2], [3]]",
                      b2: String = "[0]") -> String {
        #"{"format": "descent-weights", "version": 1, "params": {"W1": \#(W1), "b1": \#(b1), "W2": \#(W2), "b2": \#(b2)}}"#
    }

    private func message(_ text: String) -> String {
        do { _ = try WeightsFile.decode(text, for: model()); return "no error" } catch { return error.description }
    }

    func testWholeNumbersLoadAsNumbers() throws {
        // 0 and 1 (and 0.0) are what Linux Foundation's JSONSerialization mistook for booleans.
        let t = try WeightsFile.decode(file(W1: "[[0, 1, -3], [0.0, 1e-300, 12345678901234567890]]", b1: "[0, 1, 1.0]",
                                            W2: "[[-0], [2E2], [-1.5e+1]]", b2: "[1]"), for: model())
        XCTAssertEqual(t.map(\.shape), [[2, 3], [3], [3, 1], [1]])
        // 12345678901234567890 is not a Double; the nearest is 2^63 + 2^63·(0.338…) = 12345678901234567168.
        XCTAssertEqual(t[0].data, [0, 1, -3, 0, 1e-300, 12345678901234567168])
        XCTAssertEqual(t[1].data, [0, 1, 1])
        XCTAssertEqual(t[2].data, [0, 200, -15])
        XCTAssertEqual(t[2].data[0].sign, .minus, "-0 keeps its sign")
        XCTAssertEqual(t[3].data, [1])
    }

    func testSavedZeroBiasesLoadBack() throws {
        let m = model()  // biases start at zero: the case the tester hit
        XCTAssertEqual(m.parameter("b1")?.value.array, [0, 0, 0])
        let values = try WeightsFile.decode(WeightsFile.encode(m), for: m)
        XCTAssertEqual(values.map(\.data), m.parameters.map(\.value.array))
    }

    func testEveryBitSurvivesSaveAndLoad() throws {
        let m = model()
        let special: [Double] = [0, -0.0, 1, 0.1, 1.0 / 3, .leastNonzeroMagnitude, -2.2250738585072014e-308, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, 1e16, 123456.789e-20, -7]
        var k = 0
        for p in m.parameters { for i in 0..<p.count { p.value[i] = special[k % special.count]; k += 1 } }
        let values = try WeightsFile.decode(WeightsFile.encode(m), for: m)
        for (p, t) in zip(m.parameters, values) {
            XCTAssertEqual(t.data.map(\.bitPattern), p.value.array.map(\.bitPattern), p.name)
        }
    }

    func testNonFiniteWeightsAreNotSaved() {
        func saveMessage(_ m: Model) -> String {
            do { _ = try WeightsFile.encode(m); return "no error" } catch { return error.description }
        }
        let m = model()
        m.parameter("W2")!.value[2] = -.infinity  // W2 is [3, 1]: flat entry 2 is W2[2,0]
        XCTAssertEqual(saveMessage(m), "W2[2,0] is -inf; JSON has no infinity or NaN")
        m.parameter("W1")!.value[5] = .nan  // W1 is [2, 3]: flat entry 5 is W1[1,2]
        XCTAssertEqual(saveMessage(m), "W1[1,2] is nan, and 1 other entry is not finite either; JSON has no infinity or NaN")
        m.parameter("b1")!.value[0] = .infinity
        XCTAssertEqual(saveMessage(m), "W1[1,2] is nan, and 2 other entries are not finite either; JSON has no infinity or NaN")
    }

    func testBooleansAndOtherNonNumbersAreRejected() {
        XCTAssertEqual(message(file(b1: "[0, true, 0]")), "b1[1] is true, not a number")
        XCTAssertEqual(message(file(W1: "[[1, 2, 3], [4, false, 6]]")), "W1[1,1] is false, not a number")
        XCTAssertEqual(message(file(b2: #"["1"]"#)), "b2[0] is a string, not a number")
        XCTAssertEqual(message(file(W2: "[[1], [{}], [3]]")), "W2[1,0] is an object, not a number")
        XCTAssertEqual(message(file(b1: "[0, 0, null]")),
                       "b1[2] is null, not a number (JSON has no infinity or NaN; older versions of Descent wrote them as null)")
    }

    func testNumberBeyondADoubleNamesTheEntryAndWhereItIs() {
        // `{"format": … "W1": [[1, 2, 3], [4, ` is 77 characters, so 1e999 starts in column 78.
        XCTAssertEqual(message(file(W1: "[[1, 2, 3], [4, 1e999, 6]]")),
                       "W1[1,1] at line 1, column 78 is beyond the range of a Double (±1.8e308)")
        XCTAssertEqual(message("{\"format\": \"descent-weights\", \"version\": 1, \"params\": {\n\"W1\": [[1, 2, 3], [4, 5, 6]],\n"
                               + "\"b1\": [0, -1e400, 0], \"W2\": [[1], [2], [3]], \"b2\": [0]}}"),
                       "b1[1] at line 3, column 11 is beyond the range of a Double (±1.8e308)")
    }

    func testShapeMistakesNameTheEntry() {
        // W1 is [2, 3] in the 2-3-1 model: the row that is not 3 long is the one named, whichever comes first.
        XCTAssertEqual(message(file(W1: "[[1, 2, 3], [4, 5]]")),
                       "W1 is ragged: W1[1] has 2 entries, the model needs 3 as W1[0] has (W1 is [2, 3] in the model)")
        XCTAssertEqual(message(file(W1: "[[1, 2], [4, 5, 6]]")),
                       "W1 is ragged: W1[0] has 2 entries, the model needs 3 as W1[1] has (W1 is [2, 3] in the model)")
        XCTAssertEqual(message(file(W1: "[[1], [4, 5, 6, 7]]")),
                       "W1 is ragged: W1[0] has 1 entry and W1[1] has 4 entries, the model needs 3 (W1 is [2, 3] in the model)")
        // Deeper than the model's shape goes (b1 is [3]): both lengths, and the shape it should have.
        XCTAssertEqual(message(file(b1: "[[1], [2, 3], [4]]")), "b1 is ragged: b1[0] has 1 entry and b1[1] has 2 entries (b1 is [3] in the model)")
        XCTAssertEqual(message(file(b1: "[1, [2], 3]")), "b1[1] is an array where a number was expected (b1 mixes numbers and arrays)")
        XCTAssertEqual(message(file(W1: "[[1, 2, 3], 4]")), "W1[1] is a number where an array was expected (W1 mixes numbers and arrays)")
        XCTAssertEqual(message(file(b1: "[[], 1]")), "b1[1] is a number where an array was expected (b1 mixes numbers and arrays)")
        XCTAssertEqual(message(file(b2: "[[0]]")), "b2 has shape [1, 1] in the file, the model needs [1]")
    }

    func testOnlyTheKnownFormatAndVersionLoad() throws {
        let params = #""params": {"W1": [[1, 2, 3], [4, 5, 6]], "b1": [0, 0, 0], "W2": [[1], [2], [3]], "b2": [0]}"#
        XCTAssertEqual(try WeightsFile.decode(#"{"version": 1.0, "format": "descent-weights", \#(params)}"#, for: model())[0].data,
                       [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(message(#"{"format": "descent-weights", "version": 2, \#(params)}"#),
                       "version 2 is not supported (saved by a newer Descent?): this build reads version 1 only")
        XCTAssertEqual(message(#"{"format": "descent-weights", "version": 0, \#(params)}"#),
                       "version 0 is not supported: this build reads version 1 only")
        XCTAssertEqual(message(#"{"format": "descent-weights", "version": "1", \#(params)}"#),
                       "\"version\" is a string, expected the number 1")
        // The issue's own description of the file asks only for `params`: without format and version it loads.
        XCTAssertEqual(try WeightsFile.decode(#"{"format": "descent-weights", \#(params)}"#, for: model())[2].data, [1, 2, 3])
        XCTAssertEqual(try WeightsFile.decode("{\(params)}", for: model())[1].data, [0, 0, 0])
        XCTAssertEqual(message(#"{"format": "keras-weights", "version": 1, \#(params)}"#),
                       "the format is \"keras-weights\", not \"descent-weights\": this is not a Descent weights file")
        XCTAssertEqual(message(#"{"format": true, "version": 1, \#(params)}"#), "\"format\" is true, expected the string \"descent-weights\"")
        XCTAssertEqual(message("[1, 2, 3]"),
                       "expected an object {\"format\": \"descent-weights\", \"version\": 1, \"params\": {…}}, found an array")
        XCTAssertEqual(message(#"{"format": "descent-weights", "version": 1, "params": [1]}"#),
                       "expected a \"params\" member mapping W1, b1, … to arrays")
    }

    func testTheWriterNamesTheFormatAndVersion() throws {
        let text = try WeightsFile.encode(model())
        XCTAssertTrue(text.hasPrefix("{\n  \"format\": \"descent-weights\",\n  \"version\": 1,\n  \"model\": \"2-3-1 tanh\u{2192}sigmoid\",\n"), text)
    }

    func testTheModelMemberNamesDropoutAndIsNotReadBack() throws {
        // The `model` member describes the model (dropout too); loading checks the parameters' names and shapes, not it.
        var rng = RNG(seed: 1)
        let dropped = Model(spec: ModelSpec(inputSize: 2, layers: [.dense(units: 3, activation: .tanh, bias: true, initializer: nil), .dropout(p: 0.5),
                                                                   .dense(units: 1, activation: .sigmoid, bias: true, initializer: nil)]), rng: &rng)
        let text = try WeightsFile.encode(dropped)
        XCTAssertTrue(text.contains("\n  \"model\": \"2-3-drop0.5-1 tanh\u{2192}sigmoid\",\n"), text)
        XCTAssertEqual(try WeightsFile.decode(text, for: model()).map(\.data), dropped.parameters.map(\.value.array))
    }

    func testSyntaxErrorsSayWhereAndWhatWasExpected() {
        // Positions counted by hand (Python's json module agrees on the first four).
        XCTAssertEqual(message(#"{"params": {"W1": [[1, 2,]]}}"#),
                       "line 1, column 26: expected a value (a number, string, array, object, true, false or null), found ']'")
        XCTAssertEqual(message("{\"model\": \"2-3-1 tanh\u{2192}sigmoid\", \"params\" {}}"),
                       "line 1, column 42: expected ':' after the member name \"params\", found '{'")
        XCTAssertEqual(message(#"{"a": 1 "b": 2}"#), "line 1, column 9: expected ',' or '}' after the value of \"a\", found '\"'")
        XCTAssertEqual(message(#"{"params": {"b1": [1, 2]}} x"#),
                       "line 1, column 28: expected the end of the file after the top-level value, found 'x'")
        XCTAssertEqual(message("{\n  \"params\": {\n    \"b1\": [1, 2.]\n}}"), "line 3, column 17: expected a digit after '.', found ']'")
        XCTAssertEqual(message(#"{"params": {"b1": [01]}}"#),
                       "line 1, column 21: expected '.', 'e' or the end of the number after a leading 0 (JSON numbers have no leading zeros), found '1'")
        XCTAssertEqual(message("{\"params\": {\"W1\": [[1, 2, 3]\n"), "line 2, column 1: expected ',' or ']' after an array entry, found the end of the file")
        XCTAssertEqual(message(#"{"model": "2-3-1"#), "line 1, column 11: this string has no closing '\"' before the end of the file")
        XCTAssertEqual(message(#"{"params": {"b1": [1, Infinity]}}"#),
                       "line 1, column 23: expected a value (a number, string, array, object, true, false or null), "
                       + "found 'Infinity' (JSON has no infinity or NaN)")
        XCTAssertEqual(message(#"{"params": {}, "params": {}}"#), "line 1, column 16: the member \"params\" appears twice in one object")
        XCTAssertEqual(message(""), "line 1, column 1: expected a value (a number, string, array, object, true, false or null), found the end of the file")
    }

    func testStringEscapesAndAByteOrderMark() throws {
        let root = try JSONReader.parse("\u{FEFF}[\"a\\\"b\\\\c\\/\\n\\t\\u00e9\\ud83d\\ude00\", \"\u{2192}\"]")
        XCTAssertEqual(root, .array([.string("a\"b\\c/\n\té\u{1F600}"), .string("\u{2192}")]))
        XCTAssertEqual(message(#"{"model": "\ud83d x"}"#), "line 1, column 12: a \\u escape holds an unpaired surrogate")
        XCTAssertEqual(message(#"{"model": "\q"}"#),
                       #"line 1, column 13: expected an escape (\" \\ \/ \b \f \n \r \t \uXXXX), found 'q'"#)
    }

    func testDeepNestingIsRefusedWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertEqual(message(deep), "line 1, column 65: nested more than 64 levels deep")
    }

    func testContentQuotedFromTheFileIsCutToFortyCharacters() {
        // A name or string from the file is quoted with at most 39 of its characters and `…`.
        let long = String(repeating: "W", count: 5_000_000), cut = String(repeating: "W", count: 26) + "…" + String(repeating: "W", count: 13)
        let hostile = file().replacingOccurrences(of: #""W1":"#, with: "\"\(long)\":")
        XCTAssertEqual(message(hostile), "parameters do not match the model (2-3-1 tanh→sigmoid): missing W1; unexpected \(cut)")
        let format = String(repeating: "f", count: 100)
        XCTAssertEqual(message(#"{"format": "\#(format)", "params": {}}"#),
                       "the format is \"\(String(repeating: "f", count: 26))…\(String(repeating: "f", count: 13))\", not \"descent-weights\": this is not a Descent weights file")
        let key = String(repeating: "k", count: 100), shownKey = String(repeating: "k", count: 26) + "…" + String(repeating: "k", count: 13)
        XCTAssertEqual(message(#"{"\#(key)": 1, "\#(key)": 2}"#), "line 1, column 109: the member \"\(shownKey)\" appears twice in one object")
        XCTAssertEqual(message(#"{"\#(key)" 1}"#), "line 1, column 105: expected ':' after the member name \"\(shownKey)\", found '1'")
        XCTAssertEqual(message(#"{"\#(key)": 1 2}"#), "line 1, column 108: expected ',' or '}' after the value of \"\(shownKey)\", found '2'")
    }

    func testManyUnexpectedNamesAreCountedBeyondTheFirstTen() {
        // 30 extra names k00…k29 (sorted): the first ten named, the other twenty counted.
        let extra = (0..<30).map { String(format: "\"k%02d\": [0]", $0) }.joined(separator: ", ")
        let text = file().replacingOccurrences(of: #""b2": [0]"#, with: #""b2": [0], "# + extra)
        XCTAssertEqual(message(text), "parameters do not match the model (2-3-1 tanh→sigmoid): unexpected "
                       + (0..<10).map { String(format: "k%02d", $0) }.joined(separator: ", ") + ", … 20 more")
    }
}

/// The layers a weights file describes (`WeightsFile.layers(in:)`, for `load weights` before a model): a `model` line
/// with values no command takes describes nothing, and the layers fall back to the shapes alone.
final class WeightsFileLayersTests: XCTestCase {
    /// A 2-4-2 file whose model line is `model`.
    private func file(model: String) -> String {
        "{\"model\": \"\(model)\", \"params\": {\"W1\": [[1,2,3,4],[5,6,7,8]], \"b1\": [0,0,0,0], \"W2\": [[1,2],[3,4],[5,6],[7,8]], \"b2\": [0,0]}}"
    }

    func testAModelLineWithinTheCommandsRangesGivesItsLayers() throws {
        let read = try XCTUnwrap(WeightsFile.layers(in: file(model: "2-drop0.5-4-2 leaky_relu(0.2)→linear")))
        XCTAssertTrue(read.activationsKnown)
        XCTAssertEqual(read.layers, [.dropout(p: 0.5), .dense(units: 4, activation: .leakyRelu(slope: 0.2), bias: true, initializer: nil),
                                     .dense(units: 2, activation: .linear, bias: true, initializer: nil)])
    }

    func testValuesNoCommandTakesDescribeNoLayers() throws {
        // layer dropout takes P in [0, 1); slope= and alpha= 0 to 1e6: a fuzzer's files suggested `layer dropout inf`,
        // `layer dropout nan` and `leaky_relu slope=inf`, each a line that fails.
        for model in ["2-drop1e999-4-2 tanh→linear", "2-dropnan-4-2 tanh→linear", "2-drop1-4-2 tanh→linear",
                      "2-4-2 leaky_relu(1e999)→linear", "2-4-2 elu(nan)→linear", "2-4-2 elu(-1)→linear"] {
            let read = try XCTUnwrap(WeightsFile.layers(in: file(model: model)), model)
            XCTAssertFalse(read.activationsKnown, model)
            XCTAssertEqual(read.layers, [.dense(units: 4, activation: .linear, bias: true, initializer: nil),
                                         .dense(units: 2, activation: .linear, bias: true, initializer: nil)], model)
        }
    }
}
