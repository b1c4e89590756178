import DescentText

/// Splits comma-separated text into records of fields, remembering the file line each record starts on.
///
/// Quoting as RFC 4180: a field may be wrapped in double quotes, inside which commas and line breaks are
/// text and `""` stands for one quote. Lines end with LF, CRLF or CR; blank lines are skipped; spaces and tabs
/// around unquoted fields are dropped; a UTF-8 byte-order mark at the start is ignored. A NUL character (U+0000)
/// anywhere is an error: no text holds one, and number parsing would stop at it.
struct CSVReader {
    /// One row of the file.
    struct Record: Equatable {
        /// 1-based line number in the file where the record starts.
        let line: Int
        let fields: [String]
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"),
                       cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), nul = UInt8(0)

    /// What is wrong with a NUL character, and what would be right.
    static let nulMessage = "a NUL character (U+0000) — a CSV file holds text (was it saved as UTF-16, or is it binary?); save it as UTF-8 text"

    private let bytes: [UInt8]
    private let file: String
    private var i = 0
    private var line = 1
    private var records: [Record] = []
    private var fields: [String] = []

    private init(text: String, file: String) {
        var b = Array(text.utf8)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        self.file = file
    }

    /// The records of `text`; `file` names it in errors (unterminated quote, text after a closing quote).
    static func records(_ text: String, file: String) throws(DataError) -> [Record] {
        var reader = CSVReader(text: text, file: file)
        try reader.run()
        return reader.records
    }

    /// `iris.csv:7, column 2 'sepal_width'` (the name only when known, cut to 40 characters).
    static func location(_ file: String, line: Int, column: Int, name: String?) -> String {
        "\(file):\(line), column \(column)" + (name.map { " '\($0.shortened())'" } ?? "")
    }

    /// Reads all records.
    private mutating func run() throws(DataError) {
        var recordLine = line
        while i < bytes.count {
            while i < bytes.count, bytes[i] == CSVReader.space || bytes[i] == CSVReader.tab { i += 1 }
            let field = i < bytes.count && bytes[i] == CSVReader.quote ? try quotedField() : try unquotedField()
            fields.append(field)
            if i < bytes.count, bytes[i] == CSVReader.comma {
                i += 1
                if i == bytes.count { fields.append("") }
                continue
            }
            endRecord(at: recordLine)
            skipLineBreak()
            recordLine = line
        }
        if !fields.isEmpty { endRecord(at: recordLine) }
    }

    /// An unquoted field up to the next comma or line break, without surrounding blanks.
    private mutating func unquotedField() throws(DataError) -> String {
        let start = i
        while i < bytes.count, bytes[i] != CSVReader.comma, bytes[i] != CSVReader.lf, bytes[i] != CSVReader.cr {
            if bytes[i] == CSVReader.nul { throw error(line, CSVReader.nulMessage) }
            i += 1
        }
        var end = i
        while end > start, bytes[end - 1] == CSVReader.space || bytes[end - 1] == CSVReader.tab { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A quoted field starting at the opening quote; only blanks may follow the closing quote before the separator.
    private mutating func quotedField() throws(DataError) -> String {
        let openLine = line
        var text: [UInt8] = []
        i += 1
        while true {
            guard i < bytes.count else {
                throw error(openLine, "unterminated quote — the field opened with \" on this line never closes")
            }
            let b = bytes[i]
            if b == CSVReader.nul { throw error(line, CSVReader.nulMessage) }
            i += 1
            if b == CSVReader.quote {
                guard i < bytes.count, bytes[i] == CSVReader.quote else { break }
                i += 1
            } else if b == CSVReader.lf || (b == CSVReader.cr && (i == bytes.count || bytes[i] != CSVReader.lf)) {
                line += 1
            }
            text.append(b)
        }
        while i < bytes.count, bytes[i] == CSVReader.space || bytes[i] == CSVReader.tab { i += 1 }
        if i < bytes.count, bytes[i] == CSVReader.nul { throw error(line, CSVReader.nulMessage) }
        if i < bytes.count, bytes[i] != CSVReader.comma, bytes[i] != CSVReader.lf, bytes[i] != CSVReader.cr {
            throw error(line, "text after the closing quote — inside a quoted field write a quote as \"\"")
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Stores the fields read so far as a record, unless the line was blank.
    private mutating func endRecord(at recordLine: Int) {
        if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
        fields = []
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
        let column = fields.count + 1
        let name = records.first.flatMap { column <= $0.fields.count ? $0.fields[column - 1] : nil }
        return DataError(CSVReader.location(file, line: line, column: column, name: name) + ": " + message)
    }
}
