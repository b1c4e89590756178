extension String {
    /// Terminal columns the string takes: two for each wide East Asian or emoji character, those of its shown form
    /// for a control character (see `controlsEscaped`), one for any other (a combining mark belongs to the Character
    /// before it, so it adds nothing).
    public var columns: Int { reduce(0) { $0 + $1.columns } }
}

extension Character {
    /// Terminal columns the character takes: 2 when its first scalar is wide (`String.isWide`); for a control
    /// character, the columns of how `String.controlsEscaped` shows it (`^[`: 2); else 1.
    public var columns: Int {
        guard let first = unicodeScalars.first else { return 1 }
        if let escape = String.controlEscape(first) { return escape.count }
        return String.isWide(first) ? 2 : 1
    }
}

extension String {
    /// Whether `scalar` is drawn two columns wide: Unicode's East Asian Wide and Fullwidth blocks, and emoji.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
