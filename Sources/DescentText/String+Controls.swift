extension String {
    /// The text with control characters made visible as `cat -v` shows them, so that text from a file or a file name
    /// cannot move the cursor, clear the screen or change colours: C0 controls but line feed and tab in caret
    /// notation (ESC as `^[`, NUL as `^@`), DEL as `^?`, C1 controls (U+0080–U+009F) as `M-` and the caret form of
    /// the C0 control 0x80 below (U+009B as `M-^[`). Text without them is returned as it is.
    public var controlsEscaped: String {
        guard unicodeScalars.contains(where: { String.controlEscape($0) != nil }) else { return self }
        var out = ""
        out.unicodeScalars.reserveCapacity(unicodeScalars.count + 8)
        for scalar in unicodeScalars {
            if let escape = String.controlEscape(scalar) { out += escape } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// How `controlsEscaped` shows `scalar`; nil when it is shown as it is.
    static func controlEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A, 0x09: return nil
        case 0x00..<0x20: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        case 0x80..<0xA0: return "M-^" + String(Unicode.Scalar(UInt8(scalar.value - 0x40)))
        default: return nil
        }
    }
}
