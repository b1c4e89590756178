import XCTest
@testable import DescentLanguage

/// Every parser error, message and caret checked verbatim. Columns were counted by hand.
final class ParserErrorTests: XCTestCase {
    func testCommandMustStartWithAWord() {
        XCTAssertEqual(rendered(parseError("42 seed"), "42 seed"), """
            t.descent:1:1: error: expected a command name, got '42'
                42 seed
                ^~
            """)
        XCTAssertEqual(parseError("lr=0.1"), Diagnostic("expected a command name, got 'lr='", at: SourceSpan(line: 1, column: 1, length: 3)))
        XCTAssertEqual(parseError("seed 1; 42"), Diagnostic("expected a command name, got '42'", at: SourceSpan(line: 1, column: 9, length: 2)))
        XCTAssertEqual(parseError("seed 1\n42", line: 5), Diagnostic("expected a command name, got '42'", at: SourceSpan(line: 6, column: 1, length: 2)))
    }

    func testStrayBracketAndComma() {
        XCTAssertEqual(rendered(parseError("split ]"), "split ]"), """
            t.descent:1:7: error: unexpected ']' — no '[' is open
                split ]
                      ^
            """)
        XCTAssertEqual(parseError("split 1, 2"), Diagnostic("unexpected ',' outside a list", at: SourceSpan(line: 1, column: 8, length: 1)))
    }

    func testOptionWithoutValue() {
        XCTAssertEqual(rendered(parseError("optimizer sgd lr="), "optimizer sgd lr="), """
            t.descent:1:18: error: expected a value after 'lr='
                optimizer sgd lr=
                                 ^
            """)
        XCTAssertEqual(parseError("optimizer sgd lr=; train 5"),
                       Diagnostic("expected a value after 'lr='", at: SourceSpan(line: 1, column: 18, length: 0)))
    }

    func testOptionValueMustTouchTheEquals() {
        XCTAssertEqual(rendered(parseError("optimizer sgd lr= 0.1"), "optimizer sgd lr= 0.1"), """
            t.descent:1:18: error: expected a value right after 'lr=' — remove the space
                optimizer sgd lr= 0.1
                                 ^
            """)
    }

    func testOptionValueMustBeAValue() {
        XCTAssertEqual(parseError("expect loss=<"), Diagnostic("expected a value after 'loss=', got '<'", at: SourceSpan(line: 1, column: 13, length: 1)))
        XCTAssertEqual(parseError("x a=b=1"), Diagnostic("expected a value after 'a=', got 'b='", at: SourceSpan(line: 1, column: 5, length: 2)))
    }

    func testUnclosedList() {
        XCTAssertEqual(rendered(parseError("data y=[1,2"), "data y=[1,2"), """
            t.descent:1:8: error: this '[' is never closed — add ']'
                data y=[1,2
                       ^
            """)
        XCTAssertEqual(parseError("data X=[[1,2]; seed 1"), Diagnostic("this '[' is never closed — add ']'", at: SourceSpan(line: 1, column: 8, length: 1)))
        XCTAssertEqual(parseError("data X=[[1,2],[3"), Diagnostic("this '[' is never closed — add ']'", at: SourceSpan(line: 1, column: 15, length: 1)))
        XCTAssertEqual(parseError("data X=["), Diagnostic("this '[' is never closed — add ']'", at: SourceSpan(line: 1, column: 8, length: 1)))
    }

    func testBadListSeparators() {
        XCTAssertEqual(rendered(parseError("data y=[1 2]"), "data y=[1 2]"), """
            t.descent:1:11: error: expected ',' or ']' in a list, got '2'
                data y=[1 2]
                          ^
            """)
        XCTAssertEqual(parseError("data y=[1,]"), Diagnostic("expected a value after ',' in a list, got ']'", at: SourceSpan(line: 1, column: 11, length: 1)))
        XCTAssertEqual(parseError("data y=[,1]"), Diagnostic("expected a value after '[' in a list, got ','", at: SourceSpan(line: 1, column: 9, length: 1)))
        XCTAssertEqual(parseError("data y=[1,<]"), Diagnostic("expected a value after ',' in a list, got '<'", at: SourceSpan(line: 1, column: 11, length: 1)))
    }

    func testBadIndices() {
        XCTAssertEqual(rendered(parseError("set W1[0.5,1] = 1"), "set W1[0.5,1] = 1"), """
            t.descent:1:8: error: expected an index of W1 (a whole number 0 or more), got '0.5'
                set W1[0.5,1] = 1
                       ^~~
            """)
        XCTAssertEqual(parseError("set W1[-1] = 1"),
                       Diagnostic("expected an index of W1 (a whole number 0 or more), got '-1'", at: SourceSpan(line: 1, column: 8, length: 2)))
        XCTAssertEqual(parseError("set W1[] = 1"),
                       Diagnostic("expected an index of W1 (a whole number 0 or more), got ']'", at: SourceSpan(line: 1, column: 8, length: 1)))
        XCTAssertEqual(parseError("set W1[a] = 1"),
                       Diagnostic("expected an index of W1 (a whole number 0 or more), got 'a'", at: SourceSpan(line: 1, column: 8, length: 1)))
        XCTAssertEqual(parseError("set W1[1e30] = 1"),
                       Diagnostic("expected an index of W1 (a whole number 0 or more), got '1e30'", at: SourceSpan(line: 1, column: 8, length: 4)))
        XCTAssertEqual(parseError("set W1[0 1] = 1"),
                       Diagnostic("expected ',' or ']' in the indices of W1, got '1'", at: SourceSpan(line: 1, column: 10, length: 1)))
        XCTAssertEqual(parseError("set W1[0,1"), Diagnostic("this '[' is never closed — add ']'", at: SourceSpan(line: 1, column: 7, length: 1)))
        XCTAssertEqual(parseError("set W1[0,1; x"), Diagnostic("this '[' is never closed — add ']'", at: SourceSpan(line: 1, column: 7, length: 1)))
    }
}
