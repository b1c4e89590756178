/// A foreground/background pair of curses colour numbers, the key of the screen's pair table.
struct ColorPairKey: Hashable, Sendable {
    var fg: Int16
    var bg: Int16

    /// True for the terminal's default pair (pair 0 draws it without `init_pair`).
    var isDefault: Bool { fg == -1 && bg == -1 }
}
