import DescentText

/// A strict JSON parser (RFC 8259) whose errors give the line and column and say what was expected there.
///
/// Written for weights files: Foundation's `JSONSerialization` on Linux reports no position, cannot tell `0` from
/// `false`, and rejects a whole file for one number beyond a Double's range. Here such a number is kept as ±infinity
/// with its offset, for the caller to name the entry it belongs to.
struct JSONReader {
    /// Deeper nesting is refused rather than risking the stack (weights need 3 levels).
    static let maxDepth = 64

    private let bytes: [UInt8]
    private var i = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// The value `text` holds; throws at the first syntax error.
    static func parse(_ text: String) throws(WeightsError) -> JSONValue {
        var r = JSONReader(text)
        if r.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { r.i = 3 }  // a byte order mark
        r.skipSpace()
        let v = try r.value(depth: 1)
        r.skipSpace()
        guard r.i == r.bytes.count else { throw r.error("expected the end of the file after the top-level value") }
        return v
    }

    /// `line L, column C` (both from 1, columns counted in characters) of the byte at `offset` in `text`.
    static func location(of offset: Int, in text: String) -> String {
        var line = 1, column = 1, k = 0
        for b in text.utf8 {
            if k == offset { break }
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return "line \(line), column \(column)"
    }

    private func location(_ offset: Int) -> String {
        JSONReader.location(of: offset, in: String(decoding: bytes, as: UTF8.self))
    }

    /// An error at the current position (or `offset`) that also says what is there.
    private func error(_ expected: String, at offset: Int? = nil) -> WeightsError {
        let at = offset ?? i
        return WeightsError("\(location(at)): \(expected), found \(found(at))")
    }

    /// What the text holds at `offset`: `the end of the file`, a word (`'NaN'`) or one character (`'}'`).
    private func found(_ offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        var end = offset
        while end < bytes.count, end - offset < 20, isLetter(bytes[end]) { end += 1 }
        if end > offset {
            let word = String(decoding: bytes[offset..<end], as: UTF8.self)
            let nonFinite = ["nan", "inf", "infinity"].contains(word.lowercased())
            return "'\(word)'" + (nonFinite ? " (JSON has no infinity or NaN)" : "")
        }
        end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let ch = String(decoding: bytes[offset..<end], as: UTF8.self)
        switch ch {
        case "\n": return "the end of the line"
        case "\t": return "a tab"
        default: return "'\(ch)'"
        }
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private static let valueHint = "expected a value (a number, string, array, object, true, false or null)"

    private mutating func value(depth: Int) throws(WeightsError) -> JSONValue {
        guard i < bytes.count else { throw error(JSONReader.valueHint) }
        switch bytes[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth <= JSONReader.maxDepth else {
                throw WeightsError("\(location(i)): nested more than \(JSONReader.maxDepth) levels deep")
            }
            return bytes[i] == UInt8(ascii: "{") ? try object(depth: depth) : try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t") where literal("true"): return .bool(true)
        case UInt8(ascii: "f") where literal("false"): return .bool(false)
        case UInt8(ascii: "n") where literal("null"): return .null
        default: throw error(JSONReader.valueHint)
        }
    }

    /// Consumes `word` if the text continues with it.
    private mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard bytes[i...].starts(with: w) else { return false }
        i += w.count
        return true
    }

    private mutating func object(depth: Int) throws(WeightsError) -> JSONValue {
        i += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error(members.isEmpty ? "expected a member name in double quotes or '}'" : "expected a member name in double quotes after ','")
            }
            let keyOffset = i
            let key = try string()
            if members[key] != nil {
                throw WeightsError("\(location(keyOffset)): the member \"\(key.shortened())\" appears twice in one object")
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the member name \"\(key.shortened())\"") }
            i += 1
            skipSpace()
            members[key] = try value(depth: depth + 1)
            if try closes("}", after: "the value of \"\(key.shortened())\"") { return .object(members) }
        }
    }

    private mutating func array(depth: Int) throws(WeightsError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth + 1))
            if try closes("]", after: "an array entry") { return .array(items) }
        }
    }

    /// After an object's or array's entry (`what`): true at `close`, false at a comma (and the space after it),
    /// each consumed; anything else is an error.
    private mutating func closes(_ close: Unicode.Scalar, after what: String) throws(WeightsError) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: close) || bytes[i] == UInt8(ascii: ",") else {
            throw error("expected ',' or '\(close)' after \(what)")
        }
        i += 1
        if bytes[i - 1] == UInt8(ascii: close) { return true }
        skipSpace()
        return false
    }

    /// What `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r` and `\t` stand for.
    private static let escapes: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]

    /// A quoted string starting at the current `"`, with its escapes resolved.
    private mutating func string() throws(WeightsError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else {
                throw WeightsError("\(location(start)): this string has no closing '\"' before the end of the file")
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw error("expected '\"' to close the string (control characters must be escaped, e.g. \\n)") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)") }
            if let c = JSONReader.escapes[bytes[i]] { out.append(c); i += 1; continue }
            guard bytes[i] == UInt8(ascii: "u") else { throw error("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)") }
            let escape = i - 1
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), bytes[i...].starts(with: Array("\\u".utf8)) {
                i += 1
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw WeightsError("\(location(escape)): a \\u escape holds an unpaired surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let u = Unicode.Scalar(scalar) else { throw WeightsError("\(location(escape)): a \\u escape holds an unpaired surrogate") }
            out.append(contentsOf: Array(String(Character(u)).utf8))
        }
    }

    /// The four hex digits after a `u` at the current position.
    private mutating func hex4() throws(WeightsError) -> UInt32 {
        i += 1
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count, let d = Self.hexDigit(bytes[i]) else { throw error("expected 4 hex digits after \\u") }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?, correctly rounded to a Double.
    private mutating func number() throws(WeightsError) -> JSONValue {
        let start = i
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9") }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { throw error("expected a digit after '-'") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw error("expected '.', 'e' or the end of the number after a leading 0 (JSON numbers have no leading zeros)") }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { throw error("expected a digit after '.'") }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { throw error("expected a digit in the exponent") }
            while isDigit(i) { i += 1 }
        }
        guard let x = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
            throw WeightsError("\(location(start)): cannot read this number")
        }
        return .number(x, offset: start)
    }
}
