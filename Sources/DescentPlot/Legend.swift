import DescentText

/// Legend entries laid out left to right, wrapping onto further lines, two spaces apart; widths are terminal columns
/// (a CJK character takes two).
struct Legend {
    /// A run of text in one style.
    struct Part {
        var text: String
        var role: ColorRole
        var bold: Bool
        var background: ColorRole? = nil
    }

    /// The entries, each a few parts that stay together on one line.
    var entries: [[Part]]

    /// The width of all entries on one line.
    var width: Int {
        entries.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.columns } } + 2 * max(0, entries.count - 1)
    }

    /// The entries placed on lines at most `width` wide; what does not fit in `maxLines` lines is dropped,
    /// and an entry wider than a line is cut at the edge.
    func lines(width: Int, maxLines: Int) -> [[(offset: Int, parts: [Part])]] {
        var out: [[(offset: Int, parts: [Part])]] = []
        var line: [(offset: Int, parts: [Part])] = [], used = 0
        for entry in entries {
            let w = entry.reduce(0) { $0 + $1.text.columns }
            if !line.isEmpty && used + 2 + w > width {
                out.append(line); line = []; used = 0
            }
            if out.count == maxLines { break }
            let offset = line.isEmpty ? 0 : used + 2
            line.append((offset, entry)); used = offset + w
        }
        if !line.isEmpty && out.count < maxLines { out.append(line) }
        return out
    }

    /// Draws lines made by `lines(width:maxLines:)` from (x, y) downwards, clipped to `width` columns.
    static func draw(_ lines: [[(offset: Int, parts: [Part])]], into canvas: inout Canvas, x: Int, y: Int, width: Int) {
        for (row, line) in lines.enumerated() {
            for (offset, parts) in line {
                var cx = x + offset
                for part in parts {
                    let room = max(0, x + width - cx)
                    canvas.put(Legend.prefix(part.text, columns: room), x: cx, y: y + row, fg: part.role, bg: part.background, bold: part.bold)
                    cx += part.text.columns
                }
            }
        }
    }

    /// The longest start of `text` that takes at most `columns` terminal columns.
    static func prefix(_ text: String, columns: Int) -> String {
        var used = 0, end = text.startIndex
        for i in text.indices {
            let w = text[i].columns
            if used + w > columns { break }
            used += w; end = text.index(after: i)
        }
        return String(text[..<end])
    }
}
