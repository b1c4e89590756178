import DescentText

/// A grid of cells that widgets draw into; the terminal only copies cells out of it.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`; reads outside the grid give a blank, writes are dropped. A wide character's
    /// two cells go together: writing over either half blanks the other.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x, y) else { return }
            let i = y * width + x
            if cells[i].isWideTail && !newValue.isWideTail && x > 0 { cells[i - 1] = .blank }
            if x + 1 < width && cells[i + 1].isWideTail { cells[i + 1] = .blank }
            cells[i] = newValue
        }
    }

    /// True when (x, y) lies inside the grid.
    public func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y) rightwards, clipped at the edge. A wide character takes two cells (the second a
    /// `Cell.wideTail`); one that would stick out past the right edge is left out, its cell blank.
    public mutating func put(_ text: String, x: Int, y: Int, fg: ColorRole = .normal, bg: ColorRole? = nil, bold: Bool = false) {
        var cx = x
        for ch in text {
            if ch.columns == 2, let first = ch.unicodeScalars.first, first.value >= 0x1100 {
                guard cx + 1 < width else {
                    self[cx, y] = Cell(" ", fg: fg, bg: bg, bold: bold)
                    return
                }
                self[cx, y] = Cell(ch, fg: fg, bg: bg, bold: bold)
                self[cx + 1, y] = .wideTail
                cx += 2
            } else {
                self[cx, y] = Cell(ch, fg: fg, bg: bg, bold: bold)
                cx += 1
            }
        }
    }

    /// Copies `other` with its top-left corner at (x, y), clipped.
    public mutating func blit(_ other: Canvas, x: Int, y: Int) {
        for oy in 0..<other.height { for ox in 0..<other.width { self[x + ox, y + oy] = other[ox, oy] } }
    }

    /// The grid as plain text, one string per row, trailing spaces kept.
    public func lines() -> [String] {
        (0..<height).map { y in String((0..<width).map { cells[y * width + $0] }.filter { !$0.isWideTail }.map(\.char)) }
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
