/// Where a byte that is not UTF-8 lies in a CSV file, named as the other CSV errors name a place.
extension Dataset {
    /// `x.csv:3, column 2 'b'` for byte `offset` of CSV `bytes`: the line it is on (lines end at LF, CRLF or CR, as
    /// the reader counts them) and the column of its field, with the column's name when the byte is past the header.
    /// Just `x.csv:3` when the structure before it cannot be read (an unterminated quote, a NUL).
    public static func csvLocation(ofByte offset: Int, in bytes: [UInt8], file: String) -> String {
        let line = csvLine(ofByte: offset, in: bytes)
        let found = bytes.withUnsafeBufferPointer { buffer -> (column: Int, name: String?)? in
            var reader = CSVReader(buffer, file: file)
            var start = reader.position, names: [String]?
            while true {
                guard (try? reader.next()) != nil else { return nil }
                if reader.position > offset { break }
                names = reader.header
                start = reader.position
            }
            let column = csvColumn(ofByte: offset, in: bytes, from: start)
            return (column, names.flatMap { column <= $0.count ? $0[column - 1] : nil })
        }
        guard let found else { return "\(file):\(line)" }
        return CSVReader.location(file, line: line, column: found.column, name: found.name)
    }

    /// The line (from 1) of byte `offset`, counting LF, CRLF and a lone CR as line breaks.
    static func csvLine(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var line = 1
        for k in 0..<offset where bytes[k] == lf || (bytes[k] == cr && (k + 1 == bytes.count || bytes[k + 1] != lf)) { line += 1 }
        return line
    }

    /// The column (from 1) of the field holding byte `offset` in the record starting at byte `start`: commas
    /// before it, outside quoted fields (a field is quoted when a quote starts it, after blanks).
    static func csvColumn(ofByte offset: Int, in bytes: [UInt8], from start: Int) -> Int {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var column = 1, k = start, quoted = false, fieldStart = true
        while k < offset {
            let b = bytes[k]
            if quoted {
                if b == quote { if k + 1 < offset && bytes[k + 1] == quote { k += 1 } else { quoted = false } }
            } else if b == comma {
                column += 1
                fieldStart = true
            } else if fieldStart && b == quote {
                quoted = true
                fieldStart = false
            } else if !" \t\r\n".utf8.contains(b) {
                fieldStart = false
            }
            k += 1
        }
        return column
    }
}
