import XCTest
@testable import DescentLanguage

/// The diagnostic thrown while parsing `source`, or nil when it parses.
func parseError(_ source: String, line: Int = 1) -> Diagnostic? {
    do {
        _ = try Parser.parse(source, line: line)
        return nil
    } catch {
        return error
    }
}

/// The diagnostic thrown by `body`, or nil when it succeeds (any other error fails the test).
func diagnostic(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
    do {
        try body()
        return nil
    } catch let error as Diagnostic {
        return error
    } catch {
        XCTFail("threw \(error), not a Diagnostic", file: file, line: line)
        return nil
    }
}

/// `diagnostic` rendered against `source` as if it came from `t.descent`.
func rendered(_ diagnostic: Diagnostic?, _ source: String) -> String? {
    diagnostic?.render(sourceLine: source, file: "t.descent")
}

/// A reader over the single command in `source`.
func reader(_ source: String) throws -> ArgReader {
    let commands = try Parser.parse(source)
    XCTAssertEqual(commands.count, 1, "expected one command in \(source)")
    return ArgReader(try XCTUnwrap(commands.first))
}

/// The token kinds of `source`, `.end` included.
func kinds(_ source: String) throws -> [TokenKind] {
    var lexer = Lexer(source)
    return try lexer.tokenize().map(\.kind)
}
