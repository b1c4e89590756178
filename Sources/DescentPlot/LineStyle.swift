/// How a curve is drawn: unbroken, or dotted so that it reads apart from an unbroken one without colour; or its
/// points alone, unjoined (a scatter of data points).
public enum LineStyle: Sendable, Equatable {
    /// Every dot along the path.
    case solid
    /// Runs of dots one cell wide with gaps as wide between them, counted along the path (see `Stroke`);
    /// dashed in SVG.
    case dotted
    /// A dot at each point, none between them; a small filled circle in SVG.
    case points

    /// The legend's sample of the line: box-drawing dashes (heavy when bold) in Unicode, ASCII otherwise.
    func legendGlyph(bold: Bool, unicode: Bool) -> String {
        switch (self, unicode) {
        case (.solid, true): return bold ? "━" : "─"
        case (.solid, false): return bold ? "=" : "-"
        case (.dotted, true): return bold ? "┅" : "┄"
        case (.dotted, false): return bold ? ":" : "."
        case (.points, true): return "⠂"
        case (.points, false): return "."
        }
    }
}
