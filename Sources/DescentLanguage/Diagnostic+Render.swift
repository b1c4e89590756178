import DescentText

extension Diagnostic {
    /// Renders the diagnostic like a compiler: a header, then the source line and a caret line under the span.
    ///
    /// With a file the header is `file:line:column: error: message`; with `file == nil` (e.g. at the
    /// interactive prompt, where the line was just typed) it is only `error: message`, and the caret
    /// lines show the place. Without a span only the header is produced. The source line is indented by
    /// four spaces; tabs before the span are copied into the caret line, and a wide character (CJK, emoji) is
    /// padded by two spaces, a control character by the columns it is shown in (`^[`, see `String.controlsEscaped`),
    /// so the caret stays aligned; the marker covers the columns of the span. A line longer than `shownWidth` is cut to that many
    /// characters around the span, `…` marking each cut.
    public func render(sourceLine: String, file: String?) -> String {
        let header = renderHeader(file: file)
        guard let span else { return header }
        let characters = Array(sourceLine)
        let start = max(0, min(span.column - 1, characters.count))
        var lo = 0, hi = characters.count
        if characters.count > Diagnostic.shownWidth {
            lo = max(0, min(start - Diagnostic.shownWidth / 3, characters.count - Diagnostic.shownWidth))
            hi = lo + Diagnostic.shownWidth
        }
        let padding = (lo > 0 ? " " : "") + characters[lo..<start].map { $0 == "\t" ? "\t" : String(repeating: " ", count: $0.columns) }.joined()
        let visible = min(span.length, hi - start)
        let underlined = start < hi ? characters[start..<(start + max(0, visible))].reduce(0) { $0 + $1.columns } : 0
        let marker = "^" + String(repeating: "~", count: max(0, underlined - 1))
        let shown = (lo > 0 ? "…" : "") + String(characters[lo..<hi]) + (hi < characters.count ? "…" : "")
        return header + "\n    " + shown + "\n    " + padding + marker
    }

    /// The most characters of a source line shown under a message.
    static let shownWidth = 120

    /// Renders against a whole logical line (possibly several physical lines joined by continuations)
    /// whose first physical line is `firstLine`, picking the physical line the span points at.
    public func render(source: String, firstLine: Int, file: String?) -> String {
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isLineEnd)
        let index = (span?.line ?? firstLine) - firstLine
        guard lines.indices.contains(index) else { return renderHeader(file: file) }
        return render(sourceLine: String(lines[index]), file: file)
    }

    /// The first line of a rendering: location (when a file is known) and message.
    private func renderHeader(file: String?) -> String {
        switch (file, span) {
        case let (file?, span?): return "\(file):\(span.line):\(span.column): error: \(message)"
        case let (file?, nil): return "\(file): error: \(message)"
        case (nil, _): return "error: \(message)"
        }
    }
}
