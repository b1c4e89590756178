import CCurses

/// Turns a cell's character into the code points one curses cell can show, substituting what it cannot.
enum Glyph {
    /// Shown instead of characters that would break the grid (control, wide, or non-ASCII in a non-UTF-8 locale).
    static let substitute: wchar_t = 0x3F  // "?"

    /// Code points for `ch`, 0-terminated: a base character of `columns` columns (2 for a wide character the canvas
    /// gave two cells) plus at most `maxChars - 1` combining marks. `width` is the terminal column width of a code
    /// point (wcwidth).
    static func codePoints(_ ch: Character, unicode: Bool, maxChars: Int, columns: Int = 1,
                           width: (wchar_t) -> Int32 = { shim_wcwidth($0) }) -> [wchar_t] {
        let scalars = ch.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        guard let base = scalars.first, isDrawable(base, unicode: unicode, columns: columns, width: width) else { return [substitute, 0] }
        let marks = scalars.dropFirst().filter { width($0) == 0 }.prefix(max(0, maxChars - 1))
        return unicode ? [base] + marks + [0] : [base, 0]
    }

    /// True when `code` fills exactly `columns` columns and the locale can show it.
    private static func isDrawable(_ code: wchar_t, unicode: Bool, columns: Int, width: (wchar_t) -> Int32) -> Bool {
        if code < 0x20 || (0x7F..<0xA0).contains(code) { return false }
        if !unicode { return code < 0x7F && columns == 1 }
        return Int(width(code)) == columns
    }
}
