/// A raster of sub-cell dots over a block of cells, drawn as braille or as ASCII.
///
/// With `unicode` each cell holds 2×4 dots shown as a braille character (U+2800 plus the dot bits, dots
/// numbered 1 2 3 7 down the left column and 4 5 6 8 down the right, as Unicode specifies). Without it each
/// cell holds 1×2 dots: `'` for the upper dot, `.` for the lower, `:` for both. Dot (0, 0) is top-left.
/// Every cell takes the colour role and weight of the last dot set in it.
public struct DotGrid: Sendable {
    /// Width and height in cells.
    public let columns: Int
    public let rows: Int
    /// Braille (true) or ASCII (false) dots.
    public let unicode: Bool
    /// Dots per cell across and down.
    public var dotsPerColumn: Int { unicode ? 2 : 1 }
    public var dotsPerRow: Int { unicode ? 4 : 2 }
    /// Width and height in dots.
    public var dotsWide: Int { columns * dotsPerColumn }
    public var dotsHigh: Int { rows * dotsPerRow }

    private var bits: [UInt8]
    private var pens: [Pen]

    /// The colour role and weight a dot is set with.
    private struct Pen: Sendable { var role: ColorRole; var bold: Bool }

    /// Braille bit of the dot at (column sx, row sy) inside a cell.
    private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    /// ASCII glyphs indexed by the two dot bits (1 = upper, 2 = lower).
    private static let asciiGlyphs: [Character] = [" ", "'", ".", ":"]

    /// An empty grid of `columns` × `rows` cells (negative sizes count as 0).
    public init(columns: Int, rows: Int, unicode: Bool) {
        self.columns = max(0, columns); self.rows = max(0, rows); self.unicode = unicode
        bits = Array(repeating: 0, count: self.columns * self.rows)
        pens = Array(repeating: Pen(role: .normal, bold: false), count: self.columns * self.rows)
    }

    /// Sets the dot at (x, y); dots outside the grid are ignored.
    public mutating func set(_ x: Int, _ y: Int, role: ColorRole, bold: Bool = false) {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
        let cx = x / dotsPerColumn, cy = y / dotsPerRow
        let sx = x - cx * dotsPerColumn, sy = y - cy * dotsPerRow
        let i = cy * columns + cx
        bits[i] |= unicode ? Self.brailleBits[sx][sy] : UInt8(1 << sy)
        pens[i] = Pen(role: role, bold: bold)
    }

    /// True when the dot at (x, y) is set.
    public func isSet(_ x: Int, _ y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return false }
        let cx = x / dotsPerColumn, cy = y / dotsPerRow
        let mask = unicode ? Self.brailleBits[x - cx * dotsPerColumn][y - cy * dotsPerRow] : UInt8(1 << (y - cy * dotsPerRow))
        return bits[cy * columns + cx] & mask != 0
    }

    /// Draws a straight line of dots (Bresenham) between two dot positions; the endpoints may lie outside
    /// the grid or be fractional: the line is clipped first and its ends rounded.
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), role: ColorRole, bold: Bool = false) {
        var solid = stroke(.solid)
        line(from: a, to: b, role: role, bold: bold, stroke: &solid)
    }

    /// Draws a line like `line(from:to:role:bold:)`, setting only the dots `stroke` keeps, in order from `a` to `b`.
    mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), role: ColorRole, bold: Bool,
                       stroke: inout Stroke) {
        guard dotsWide > 0, dotsHigh > 0,
              let s = Segment(x0: a.x, y0: a.y, x1: b.x, y1: b.y)
                .clipped(minX: -0.5, maxX: Double(dotsWide) - 0.5, minY: -0.5, maxY: Double(dotsHigh) - 0.5)
        else { return }
        var x = clampedIndex(s.x0, dotsWide), y = clampedIndex(s.y0, dotsHigh)
        let x1 = clampedIndex(s.x1, dotsWide), y1 = clampedIndex(s.y1, dotsHigh)
        let dx = abs(x1 - x), dy = -abs(y1 - y)
        let stepX = x < x1 ? 1 : -1, stepY = y < y1 ? 1 : -1
        var err = dx + dy
        while true {
            if stroke.keeps(x, y) { set(x, y, role: role, bold: bold) }
            if x == x1 && y == y1 { return }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += stepX }
            if e2 <= dx { err += dx; y += stepY }
        }
    }

    /// Sets the dots of column `x` between fractional rows `y0` and `y1` (either order), clipped.
    public mutating func vertical(x: Int, from y0: Double, to y1: Double, role: ColorRole, bold: Bool = false) {
        var solid = stroke(.solid)
        vertical(x: x, from: y0, to: y1, role: role, bold: bold, stroke: &solid)
    }

    /// Sets dots of column `x` like `vertical(x:from:to:role:bold:)`, only those `stroke` keeps, from the top down.
    mutating func vertical(x: Int, from y0: Double, to y1: Double, role: ColorRole, bold: Bool, stroke: inout Stroke) {
        guard x >= 0, x < dotsWide, dotsHigh > 0, y0.isFinite, y1.isFinite else { return }
        let top = min(y0, y1), bottom = max(y0, y1)
        guard bottom >= -0.5, top <= Double(dotsHigh) - 0.5 else { return }
        for y in clampedIndex(top, dotsHigh)...clampedIndex(bottom, dotsHigh) {
            if stroke.keeps(x, y) { set(x, y, role: role, bold: bold) }
        }
    }

    /// A stroke in `style` for paths on this grid: dotted runs are one cell wide (2 braille dots, 1 ASCII dot).
    func stroke(_ style: LineStyle) -> Stroke { Stroke(style, run: dotsPerColumn) }

    /// Copies the non-empty cells into `canvas` with the grid's top-left cell at (x, y); empty cells leave
    /// the canvas as it was.
    public func draw(into canvas: inout Canvas, x: Int, y: Int) {
        for r in 0..<rows {
            for c in 0..<columns where bits[r * columns + c] != 0 {
                let i = r * columns + c
                canvas[x + c, y + r] = Cell(glyph(bits[i]), fg: pens[i].role, bold: pens[i].bold)
            }
        }
    }

    /// The character for a cell's dot bits.
    private func glyph(_ b: UInt8) -> Character {
        guard unicode else { return Self.asciiGlyphs[Int(b & 3)] }
        return Character(Unicode.Scalar(0x2800 + UInt32(b)) ?? " ")
    }

    /// `v` rounded to the nearest index in 0..<count (NaN gives 0).
    private func clampedIndex(_ v: Double, _ count: Int) -> Int {
        guard v.isFinite else { return 0 }
        return Int(min(max(v.rounded(), 0), Double(count - 1)))
    }
}
