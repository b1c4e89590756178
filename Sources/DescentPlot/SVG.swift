import Foundation

/// Small helpers for writing SVG text: escaping, numbers, colours and paths.
enum SVG {
    /// `s` made safe inside XML text and quoted attributes; characters XML forbids become U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                let v = u.value
                let allowed = v >= 0x20 && !(0xFFFE...0xFFFF).contains(v)
                out.unicodeScalars.append(allowed ? u : "\u{FFFD}")
            }
        }
        return out
    }

    /// A coordinate with one decimal, without a trailing `.0`.
    static func number(_ v: Double) -> String {
        let s = String(format: "%.1f", v)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : (s == "-0" ? "0" : s)
    }

    /// The colour a role is drawn with on a white page.
    static func color(_ role: ColorRole) -> String {
        switch role {
        case .normal, .label, .title, .status: return "#222222"
        case .axis: return "#555555"
        case .dim: return "#999999"
        case .warning: return "#c62828"
        case .progress: return "#2e7d32"
        case .lossStep: return "#90a4ae"
        case .lossTrain: return "#1565c0"
        case .lossVal: return "#ef6c00"
        case .class0: return "#1f77b4"
        case .class1: return "#ff7f0e"
        case .class2: return "#2ca02c"
        case .class3: return "#d62728"
        case .class4: return "#9467bd"
        case .class5: return "#8c564b"
        case .heat0: return "#2166ac"
        case .heat1: return "#92c5de"
        case .heat2: return "#f7f7f7"
        case .heat3: return "#f4a582"
        case .heat4: return "#b2182b"
        case .runCurrent: return "#222222"
        case .run0: return "#1f77b4"
        case .run1: return "#ff7f0e"
        case .run2: return "#2ca02c"
        case .run3: return "#d62728"
        case .run4: return "#9467bd"
        case .run5: return "#17becf"
        }
    }

    /// The start of a standalone page `w` × `h` pixels: the document's head, a white background, the clip path `clip`
    /// over the plotting area at (x, y) of `width` × `height`, and the bold `title` above it at `x`, when there is one.
    static func page(width w: Int, height h: Int, clip: String, x: Int, y: Int, width: Double, height: Double, title: String?) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
        font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect width="\(w)" height="\(h)" fill="white"/>
        <clipPath id="\(clip)"><rect x="\(x)" y="\(y)" width="\(number(width))" height="\(number(height))"/></clipPath>

        """
        if let title, !title.isEmpty {
            out += "<text class=\"title\" x=\"\(x)\" y=\"24\" font-size=\"15\" font-weight=\"bold\">\(escape(title))</text>\n"
        }
        return out
    }

    /// The colour `#rrggbb` mixed with white: `share` of it (0…1) and the rest white, as `#rrggbb`.
    static func tint(_ color: String, _ share: Double) -> String {
        guard color.count == 7, color.hasPrefix("#"), let rgb = Int(color.dropFirst(), radix: 16) else { return color }
        let t = min(1, max(0, share))
        let mixed = [16, 8, 0].map { shift -> Int in
            let c = Double((rgb >> shift) & 0xFF)
            return Int((c * t + 255 * (1 - t)).rounded())
        }
        return "#" + mixed.map { String(format: "%02x", $0) }.joined()
    }

    /// Builds path data (`M`/`L` commands) for a polyline with gaps, skipping repeated points.
    struct Path {
        private var drawn = ""
        private var pen: (x: String, y: String)?
        /// Whether the current run is a single point so far.
        private var lone = false

        /// The path data; a run of a single point is drawn as a zero-length line (`h0`), a dot under round caps.
        var data: String { drawn + (lone ? " h0" : "") }

        /// Ends the current run: the next point starts a new one.
        mutating func lift() {
            if lone { drawn += " h0"; lone = false }
            pen = nil
        }

        /// Continues the current run to (x, y), or starts a new run there after `lift()`.
        mutating func add(_ x: Double, _ y: Double) {
            let p = (x: SVG.number(x), y: SVG.number(y))
            if let pen, pen == p { return }
            lone = pen == nil
            drawn += (pen == nil ? (drawn.isEmpty ? "M" : " M") : " L") + p.x + " " + p.y
            pen = p
        }

        /// True when (x, y) is where the current run ends.
        func isAt(_ x: Double, _ y: Double) -> Bool {
            guard let pen else { return false }
            return pen == (SVG.number(x), SVG.number(y))
        }
    }
}
