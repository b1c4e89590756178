import DescentText

/// Splits comma-separated text into records of fields, one record at a time, remembering the file line each
/// record starts on.
///
/// Quoting as RFC 4180: a field may be wrapped in double quotes, inside which commas and line breaks are
/// text and `""` stands for one quote. Lines end with LF, CRLF or CR; blank lines are skipped; spaces and tabs
/// around unquoted fields are dropped; a UTF-8 byte-order mark at the start is ignored.
///
/// The reader works on the text's UTF-8 bytes and makes no String unless asked (`string(_:)`): a field is a
/// range of bytes, of the text or, for a quoted field, of a buffer holding it unescaped. Reading a record
/// allocates nothing once the buffers have grown to the widest record. A NUL character (U+0000) anywhere is
/// an error: no text holds one, and number parsing would stop at it.
struct CSVReader {
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"),
                       cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), nul = UInt8(0)

    /// What is wrong with a NUL character, and what would be right.
    static let nulMessage = "a NUL character (U+0000) — a CSV file holds text (was it saved as UTF-16, or is it binary?); save it as UTF-8 text"

    /// Where one field of the current record lies: `start..<end` of the text, or of `unescaped` when `quoted`.
    private struct Span {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private var i = 0
    private var line = 1
    /// The first record's fields, which name the columns in errors once read.
    private(set) var header: [String]?
    private var spans: [Span] = []
    private var unescaped: [UInt8] = []

    /// A reader of `bytes` (UTF-8, which must stay valid while the reader is used); `file` names it in errors
    /// (unterminated quote, text after a closing quote).
    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The number of fields in the current record.
    var count: Int { spans.count }

    /// The offset of the next byte to read: past the current record and its line break.
    var position: Int { i }

    /// `iris.csv:7, column 2 'sepal_width'` (the name only when known, cut to 40 characters).
    static func location(_ file: String, line: Int, column: Int, name: String?) -> String {
        "\(file):\(line), column \(column)" + (name.map { " '\($0.shortened())'" } ?? "")
    }

    /// Reads the next record and returns the line it starts on, or nil at the end of the text.
    mutating func next() throws(DataError) -> Int? {
        let n = bytes.count
        while i < n {
            spans.removeAll(keepingCapacity: true)
            unescaped.removeAll(keepingCapacity: true)
            let recordLine = line
            while true {
                while i < n, bytes[i] == CSVReader.space || bytes[i] == CSVReader.tab { i += 1 }
                if i < n && bytes[i] == CSVReader.quote { try quotedField() } else { try unquotedField() }
                guard i < n, bytes[i] == CSVReader.comma else { break }
                i += 1
                if i == n { spans.append(Span(start: i, end: i, quoted: false)); break }
            }
            skipLineBreak()
            if spans.count == 1 && spans[0].start == spans[0].end { continue }   // a blank line
            if header == nil { header = (0..<spans.count).map(string) }
            return recordLine
        }
        spans.removeAll(keepingCapacity: true)
        return nil
    }

    /// True when field `k` of the current record holds no text.
    func isEmpty(_ k: Int) -> Bool { spans[k].start == spans[k].end }

    /// Field `k` of the current record as a String.
    func string(_ k: Int) -> String { withField(k) { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the bytes of field `k` of the current record (valid only during the call).
    @inline(__always)
    func withField<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let s = spans[k]
        if !s.quoted { return body(UnsafeBufferPointer(rebasing: bytes[s.start..<s.end])) }
        return unescaped.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s.start..<s.end])) }
    }

    /// An unquoted field up to the next comma or line break, without surrounding blanks.
    private mutating func unquotedField() throws(DataError) {
        let start = i, n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == CSVReader.comma || b == CSVReader.lf || b == CSVReader.cr { break }
            if b == CSVReader.nul { throw error(line, CSVReader.nulMessage) }
            i += 1
        }
        var end = i
        while end > start, bytes[end - 1] == CSVReader.space || bytes[end - 1] == CSVReader.tab { end -= 1 }
        spans.append(Span(start: start, end: end, quoted: false))
    }

    /// A quoted field starting at the opening quote; only blanks may follow the closing quote before the separator.
    private mutating func quotedField() throws(DataError) {
        let openLine = line, start = unescaped.count, n = bytes.count
        i += 1
        while true {
            guard i < n else {
                throw error(openLine, "unterminated quote — the field opened with \" on this line never closes")
            }
            let b = bytes[i]
            if b == CSVReader.nul { throw error(line, CSVReader.nulMessage) }
            i += 1
            if b == CSVReader.quote {
                guard i < n, bytes[i] == CSVReader.quote else { break }
                i += 1
            } else if b == CSVReader.lf || (b == CSVReader.cr && (i == n || bytes[i] != CSVReader.lf)) {
                line += 1
            }
            unescaped.append(b)
        }
        while i < n, bytes[i] == CSVReader.space || bytes[i] == CSVReader.tab { i += 1 }
        if i < n, bytes[i] == CSVReader.nul { throw error(line, CSVReader.nulMessage) }
        if i < n, bytes[i] != CSVReader.comma, bytes[i] != CSVReader.lf, bytes[i] != CSVReader.cr {
            throw error(line, "text after the closing quote — inside a quoted field write a quote as \"\"")
        }
        spans.append(Span(start: start, end: unescaped.count, quoted: true))
    }

    /// Steps over one LF, CRLF or CR, counting the line.
    private mutating func skipLineBreak() {
        guard i < bytes.count else { return }
        if bytes[i] == CSVReader.cr, i + 1 < bytes.count, bytes[i + 1] == CSVReader.lf { i += 1 }
        i += 1
        line += 1
    }

    /// An error at `line` in the field being read, named by the header when the header is already read.
    private func error(_ line: Int, _ message: String) -> DataError {
        let column = spans.count + 1
        let name = header.flatMap { column <= $0.count ? $0[column - 1] : nil }
        return DataError(CSVReader.location(file, line: line, column: column, name: name) + ": " + message)
    }
}
