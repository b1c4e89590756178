/// A grid of cells that widgets draw into; the terminal only copies cells out of it.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`; reads outside the grid give a blank, writes are dropped.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * width + x] : .blank }
        set { if contains(x, y) { cells[y * width + x] = newValue } }
    }

    /// True when (x, y) lies inside the grid.
    public func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y) rightwards, clipped at the edge.
    public mutating func put(_ text: String, x: Int, y: Int, fg: ColorRole = .normal, bg: ColorRole? = nil, bold: Bool = false) {
        var cx = x
        for ch in text {
            self[cx, y] = Cell(ch, fg: fg, bg: bg, bold: bold)
            cx += 1
        }
    }

    /// Copies `other` with its top-left corner at (x, y), clipped.
    public mutating func blit(_ other: Canvas, x: Int, y: Int) {
        for oy in 0..<other.height { for ox in 0..<other.width { self[x + ox, y + oy] = other[ox, oy] } }
    }

    /// The grid as plain text, one string per row, trailing spaces kept.
    public func lines() -> [String] {
        (0..<height).map { y in String((0..<width).map { cells[y * width + $0].char }) }
    }

    /// The grid as plain text with trailing spaces trimmed, rows joined by newlines.
    public func text() -> String {
        lines().map { line in
            var s = Substring(line)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }.joined(separator: "\n")
    }
}
