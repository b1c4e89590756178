/// One character cell: a glyph, its foreground role, optional background role, and weight.
public struct Cell: Equatable, Sendable {
    public var char: Character
    public var fg: ColorRole
    public var bg: ColorRole?
    public var bold: Bool

    public init(_ char: Character = " ", fg: ColorRole = .normal, bg: ColorRole? = nil, bold: Bool = false) {
        self.char = char; self.fg = fg; self.bg = bg; self.bold = bold
    }
    public static let blank = Cell()

    /// The cell right of a wide character (one that takes two terminal columns, as `中` or `😀`): covered by that
    /// character, drawing nothing of its own.
    public static let wideTail = Cell("\u{0}")

    /// True for the right half of a wide character (`wideTail`).
    public var isWideTail: Bool { char == "\u{0}" }
}
