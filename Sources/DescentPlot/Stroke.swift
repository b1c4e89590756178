/// Which dots of a path a line style keeps, counted along the whole path, so that a dotted pattern runs on
/// across the segments and columns a curve is drawn in rather than starting afresh in each.
///
/// Solid keeps every dot. Dotted keeps `run` dots, skips the next `run`, and so on; dashed keeps 3·`run` and skips
/// `run` (`LineStyle.pattern`); a dot that repeats the one just visited (where one segment ends and the next begins)
/// is not counted again.
struct Stroke {
    let style: LineStyle
    /// Dots in one cell-wide run of the pattern (dotted and dashed only); at least 1.
    let run: Int
    private var visited = 0
    private var last: (x: Int, y: Int)?

    /// A stroke at the start of a path.
    init(_ style: LineStyle, run: Int) {
        self.style = style; self.run = max(1, run)
    }

    /// Whether the next dot of the path, at (x, y), is drawn.
    mutating func keeps(_ x: Int, _ y: Int) -> Bool {
        guard let pattern = style.pattern else { return true }
        if let last, last.x == x && last.y == y { return false }
        last = (x, y)
        defer { visited += 1 }
        return (visited / run) % (pattern.on + pattern.off) < pattern.on
    }
}
