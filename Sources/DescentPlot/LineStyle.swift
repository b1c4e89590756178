/// How a curve is drawn: unbroken, or dotted so that it reads apart from an unbroken one without colour; or its
/// points alone, unjoined (a scatter of data points), each a filled or a hollow marker.
public enum LineStyle: Sendable, Equatable {
    /// Every dot along the path.
    case solid
    /// Runs of dots one cell wide with gaps as wide between them, counted along the path (see `Stroke`);
    /// dashed in SVG.
    case dotted
    /// Runs of dots three cells long with gaps one cell wide, counted along the path, so that a third curve reads apart
    /// from solid and dotted ones without colour; longer dashes in SVG.
    case dashed
    /// A filled marker in the cell of each point (`●`, ASCII `o`), none between them; a small filled circle in SVG.
    case points
    /// A hollow marker in the cell of each point (`○`, ASCII `+`), so that a second set of points (validation rows
    /// beside training rows) reads apart from `points` without colour; a ring in SVG.
    case hollowPoints

    /// Dots kept, then dots skipped, along a path, in runs of one cell (nil: every dot).
    var pattern: (on: Int, off: Int)? {
        switch self {
        case .dotted: return (1, 1)
        case .dashed: return (3, 1)
        default: return nil
        }
    }

    /// True for the styles that mark points rather than join them.
    var isPoints: Bool { self == .points || self == .hollowPoints }

    /// The character a point is marked with in a cell, or nil for a line style.
    func marker(unicode: Bool) -> Character? {
        switch self {
        case .solid, .dotted, .dashed: return nil
        case .points: return unicode ? "●" : "o"
        case .hollowPoints: return unicode ? "○" : "+"
        }
    }

    /// The legend's sample of the line: box-drawing dashes (heavy when bold) in Unicode, ASCII otherwise; the
    /// marker itself for points.
    func legendGlyph(bold: Bool, unicode: Bool) -> String {
        if let marker = marker(unicode: unicode) { return String(marker) }
        switch (self, unicode) {
        case (.solid, true): return bold ? "━" : "─"
        case (.solid, false): return bold ? "=" : "-"
        case (.dotted, true): return bold ? "┅" : "┄"
        case (.dashed, true): return bold ? "╍" : "╌"
        case (.dashed, false): return "~"
        default: return bold ? ":" : "."
        }
    }
}
