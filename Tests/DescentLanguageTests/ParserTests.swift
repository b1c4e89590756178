import XCTest
@testable import DescentLanguage

/// The structure the parser builds. Expected spans were counted by hand, 1-based, in Characters.
final class ParserTests: XCTestCase {
    /// Every example line from the language brief parses to one command with the right name and argument count.
    func testExampleLinesParse() throws {
        let examples: [(String, String, Int)] = [
            ("seed 42", "seed", 1),
            ("data spiral n=400 noise=0.1 classes=2", "data", 4),
            (#"data csv "Sessions/data/iris.csv" target=species"#, "data", 3),
            ("data X=[[1,2],[2,3],[3,4]] y=[2,3,4]", "data", 2),
            ("split 0.8", "split", 1),
            ("batch full", "batch", 1),
            ("layer dense 8 tanh bias=false init=he", "layer", 5),
            ("layer dropout 0.2", "layer", 2),
            ("loss huber delta=1.5", "loss", 2),
            ("regularize elastic l1=1e-3 l2=1e-4", "regularize", 3),
            ("optimizer sgd lr=0.1 momentum=0.9 nesterov=true", "optimizer", 4),
            ("train 5 epochs", "train", 2),
            ("show weights W1", "show", 2),
            ("set W1[0,1] = 0.5", "set", 3),
            (#"save session "Sessions/mine.descent""#, "save", 2),
            (#"replay "Sessions/xor.descent" step"#, "replay", 2),
            ("expect loss < 0.01", "expect", 3),
            ("expect W1[0,0] = 0.2936 +- 1e-4", "expect", 5),
            ("break gradnorm > 10", "break", 3),
            ("forward sample 3", "forward", 2),
            ("explain W1[0,1]", "explain", 1),
            ("watch W2[0,0]", "watch", 1),
        ]
        for (source, name, count) in examples {
            let commands = try Parser.parse(source)
            XCTAssertEqual(commands.count, 1, source)
            XCTAssertEqual(commands.first?.name, name, source)
            XCTAssertEqual(commands.first?.args.count, count, source)
            XCTAssertEqual(commands.first?.text, source, source)
        }
    }

    func testPositionalArguments() throws {
        let command = try XCTUnwrap(Parser.parse("layer dense 8 tanh").first)
        XCTAssertEqual(command.nameSpan, SourceSpan(line: 1, column: 1, length: 5))
        XCTAssertEqual(command.args.map(\.value), [.word("dense"), .number(8), .word("tanh")])
        XCTAssertEqual(command.args.map(\.key), [nil, nil, nil])
        XCTAssertEqual(command.args[2].span, SourceSpan(line: 1, column: 15, length: 4))
        XCTAssertEqual(command.endSpan, SourceSpan(line: 1, column: 19, length: 0))
    }

    func testOptionsWithLists() throws {
        // data(1-4) X(6) =(7) [[1,2],[2,3],[3,4]](8-26) y(28) =(29) [2,3,4](30-36)
        let command = try XCTUnwrap(Parser.parse("data X=[[1,2],[2,3],[3,4]] y=[2,3,4]").first)
        let x = command.args[0], y = command.args[1]
        XCTAssertEqual(x.key, "X")
        XCTAssertEqual(x.keySpan, SourceSpan(line: 1, column: 6, length: 1))
        XCTAssertEqual(x.valueSpan, SourceSpan(line: 1, column: 8, length: 19))
        XCTAssertEqual(x.span, SourceSpan(line: 1, column: 6, length: 21))
        XCTAssertEqual(x.value.description, "[[1,2],[2,3],[3,4]]")
        XCTAssertEqual(x.text, "X=[[1,2],[2,3],[3,4]]")
        guard case .list(let rows) = x.value else { return XCTFail("X is not a list") }
        XCTAssertEqual(rows.map(\.span), [SourceSpan(line: 1, column: 9, length: 5),
                                          SourceSpan(line: 1, column: 15, length: 5),
                                          SourceSpan(line: 1, column: 21, length: 5)])
        XCTAssertEqual(y.valueSpan, SourceSpan(line: 1, column: 30, length: 7))
        XCTAssertEqual(y.value, .list([ListElement(value: .number(2), span: SourceSpan(line: 1, column: 31, length: 1)),
                                      ListElement(value: .number(3), span: SourceSpan(line: 1, column: 33, length: 1)),
                                      ListElement(value: .number(4), span: SourceSpan(line: 1, column: 35, length: 1))]))
    }

    func testIndexedReferenceAndOperators() throws {
        // set(1-3) W1[0,1](5-11) =(13) 0.5(15-17)
        let command = try XCTUnwrap(Parser.parse("set W1[0,1] = 0.5").first)
        XCTAssertEqual(command.args.map(\.value), [.indexed(name: "W1", indices: [0, 1]), .op("="), .number(0.5)])
        XCTAssertEqual(command.args.map(\.valueSpan), [SourceSpan(line: 1, column: 5, length: 7),
                                                       SourceSpan(line: 1, column: 13, length: 1),
                                                       SourceSpan(line: 1, column: 15, length: 3)])
        let tolerance = try XCTUnwrap(Parser.parse("expect W1[1,0] == 0.7966 ± 1e-4").first)
        XCTAssertEqual(tolerance.args.map(\.value),
                       [.indexed(name: "W1", indices: [1, 0]), .op("="), .number(0.7966), .op("+-"), .number(0.0001)])
        XCTAssertEqual(tolerance.args[3].valueText, "±")
    }

    func testWordThenSpacedBracketIsAList() throws {
        let command = try XCTUnwrap(Parser.parse("show W1 [0,1]").first)
        XCTAssertEqual(command.args.map(\.value.description), ["W1", "[0,1]"])
    }

    func testIndicesAreReadExactlyFromTheirDigits() throws {
        for (text, index) in [("9223372036854775806", 9_223_372_036_854_775_806), ("9007199254740993", 9_007_199_254_740_993), ("+3", 3), ("1e3", 1000)] {
            let command = try XCTUnwrap(Parser.parse("set W1[\(text),0] = 1", line: 1).first)
            XCTAssertEqual(command.args.first?.value, .indexed(name: "W1", indices: [index, 0]), text)
        }
        XCTAssertEqual(parseError("set W1[99999999999999999999,0] = 1"),
                       Diagnostic("index 99999999999999999999 of W1 is out of range: it is larger than any shape holds (indices start at 0)",
                                  at: SourceSpan(line: 1, column: 8, length: 20)))
        XCTAssertEqual(parseError("set W1[9007199254740993.0,0] = 1"),
                       Diagnostic("expected an index of W1 (a whole number 0 or more), got '9007199254740993.0'", at: SourceSpan(line: 1, column: 8, length: 18)))
    }

    func testIndexedReferenceInsideAList() throws {
        let command = try XCTUnwrap(Parser.parse("watch [W1[0,0],W2[1,2]]").first)
        XCTAssertEqual(command.args.first?.value.description, "[W1[0,0],W2[1,2]]")
    }

    func testEmptyListIsAllowed() throws {
        let command = try XCTUnwrap(Parser.parse("x []").first)
        XCTAssertEqual(command.args.first?.value, .list([]))
    }

    func testSeveralCommandsAndTheirText() throws {
        let commands = try Parser.parse("  seed 1 ;  layer dense 8   tanh   # hidden ; not a command")
        XCTAssertEqual(commands.map(\.text), ["seed 1", "layer dense 8   tanh"])
        XCTAssertEqual(commands[1].nameSpan, SourceSpan(line: 1, column: 13, length: 5))
    }

    func testBlankAndCommentOnlyLinesGiveNoCommands() throws {
        XCTAssertEqual(try Parser.parse(""), [])
        XCTAssertEqual(try Parser.parse("   \t "), [])
        XCTAssertEqual(try Parser.parse("   # only a comment"), [])
        XCTAssertEqual(try Parser.parse(";;"), [])
    }

    func testLineNumberIsCarried() throws {
        let command = try XCTUnwrap(Parser.parse("seed 42", line: 7).first)
        XCTAssertEqual(command.nameSpan, SourceSpan(line: 7, column: 1, length: 4))
        XCTAssertEqual(command.args.first?.span, SourceSpan(line: 7, column: 6, length: 2))
    }

    func testLineBreakWithoutContinuationSeparatesCommands() throws {
        let commands = try Parser.parse("seed 1\nsplit 0.8", line: 4)
        XCTAssertEqual(commands.map(\.name), ["seed", "split"])
        XCTAssertEqual(commands[1].nameSpan, SourceSpan(line: 5, column: 1, length: 5))
    }

    func testContinuedCommandKeepsPhysicalPositionsAndCollapsesText() throws {
        let commands = try Parser.parse("layer dense 8 \\\n    tanh bias=false", line: 3)
        XCTAssertEqual(commands.count, 1)
        XCTAssertEqual(commands[0].text, "layer dense 8 tanh bias=false")
        XCTAssertEqual(commands[0].args[2].span, SourceSpan(line: 4, column: 5, length: 4))
        XCTAssertEqual(commands[0].args[3].keySpan, SourceSpan(line: 4, column: 10, length: 4))
    }

    func testListAcrossAContinuation() throws {
        // First physical line "data X=[[1,2], \" has 16 Characters; the list starts at column 8, so 9 of them are its.
        let command = try XCTUnwrap(Parser.parse("data X=[[1,2], \\\n [3,4]] y=[1,2]").first)
        XCTAssertEqual(command.args[0].value.description, "[[1,2],[3,4]]")
        XCTAssertEqual(command.args[0].valueSpan, SourceSpan(line: 1, column: 8, length: 9))
        XCTAssertEqual(command.args[0].valueText, "[[1,2], [3,4]]")
        XCTAssertEqual(command.args[1].keySpan, SourceSpan(line: 2, column: 9, length: 1))
    }

    func testStringsKeepHashAndSemicolon() throws {
        let commands = try Parser.parse(#"save "a#b;c" # real comment"#)
        XCTAssertEqual(commands.map(\.args.first?.value), [.string("a#b;c")])
        XCTAssertEqual(commands.first?.text, #"save "a#b;c""#)
    }

    func testValueDescriptions() {
        XCTAssertEqual(Value.string("a\"b\\c\n\t").description, #""a\"b\\c\n\t""#)
        XCTAssertEqual(Value.number(42).description, "42")
        XCTAssertEqual(Value.number(0.5).description, "0.5")
        XCTAssertEqual(Value.number(1e-5).description, "1e-05")
        XCTAssertEqual(Value.indexed(name: "W1", indices: [0, 12]).description, "W1[0,12]")
        XCTAssertEqual(Value.op("+-").description, "+-")
    }
}
