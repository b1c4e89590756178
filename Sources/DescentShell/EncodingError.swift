import DescentLanguage

/// A file that is not UTF-8 text, with its bytes and where the first bad one is, so that a message can name the file
/// as it was typed and show the line with a caret under that byte (or, for a CSV file, name the row's column).
struct EncodingError: Error, CustomStringConvertible {
    /// The path the file was read from.
    let path: String
    /// Everything the file holds.
    let bytes: [UInt8]
    /// Whether the file starts with a UTF-16 byte-order mark.
    let utf16: Bool
    /// The offset of the first byte that is not part of a UTF-8 character; nil for UTF-16 text.
    let offset: Int?

    /// The error for `bytes`, read from `path`, that do not decode as UTF-8.
    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        offset = utf16 ? nil : EncodingError.firstInvalidByte(bytes)
    }

    /// What is wrong and what would be right, without the place.
    var problem: String {
        utf16 ? "UTF-16 text (it starts with a UTF-16 byte-order mark) — save the file as UTF-8"
            : "not UTF-8 text (a byte there is not part of a UTF-8 character) — save the file as UTF-8"
    }

    /// `path:line:column: problem`, or `path: problem` for UTF-16.
    var description: String { message(file: path) }

    /// `file:line:column: problem`, or `file: problem` for UTF-16, naming the file `file`.
    func message(file: String) -> String {
        guard let place else { return "\(file): \(problem)" }
        return "\(file):\(place.line):\(place.column): \(problem)"
    }

    /// As every other error in a script: `file:line:column: error: problem`, then the line (each bad byte shown as
    /// U+FFFD) and a caret under the first bad byte; `file: error: problem` for UTF-16.
    func rendered(file: String) -> String {
        guard let place else { return Diagnostic(problem, at: nil).render(sourceLine: "", file: file) }
        let span = SourceSpan(line: place.line, column: place.column, length: 1)
        return Diagnostic(problem, at: span).render(sourceLine: place.text, file: file)
    }

    /// The first bad byte's line (from 1, lines split as a script's are: at LF and CRLF),
    /// that line's text with each bad byte as U+FFFD, and the byte's column in Characters of that text (from 1);
    /// nil for UTF-16.
    var place: (line: Int, text: String, column: Int)? {
        guard let offset else { return nil }
        let lines = String(decoding: bytes[..<offset], as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isLineEnd)
        let head = lines.last ?? ""
        let rest = String(decoding: bytes[offset...], as: UTF8.self).prefix { !$0.isLineEnd }
        return (lines.count, String(head + rest), head.count + 1)
    }

    /// The offset of the first byte of `bytes` that is not part of a UTF-8 character, if any.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator(), parser = Unicode.UTF8.ForwardParser(), offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
