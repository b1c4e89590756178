/// How one cell is painted: curses colour numbers (-1 is the terminal's default) and attributes.
struct CellStyle: Hashable, Sendable {
    var fg: Int16
    var bg: Int16
    var bold: Bool
    var dim: Bool

    /// The terminal's own colours, no attributes.
    static let plain = CellStyle(fg: -1, bg: -1, bold: false, dim: false)

    /// The colour pair part of the style (what needs an `init_pair`).
    var colors: ColorPairKey { ColorPairKey(fg: fg, bg: bg) }
}
