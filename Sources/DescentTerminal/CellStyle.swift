/// How one cell is painted: curses colour numbers (-1 is the terminal's default) and attributes.
struct CellStyle: Hashable, Sendable {
    var fg: Int16
    var bg: Int16
    var bold: Bool
    var dim: Bool

    /// The colour pair part of the style (what needs an `init_pair`).
    var colors: ColorPairKey { ColorPairKey(fg: fg, bg: bg) }
}
