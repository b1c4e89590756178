extension String {
    /// The most characters of text from a file or a command that a message quotes.
    public static let quotedLength = 40

    /// The string cut to at most `length` characters when it was longer — its start, `…`, and its last third
    /// (`class_with_a_really_quit…name_number_12`), so that names that differ only at their ends (numbered classes,
    /// files in one folder) stay apart — so that a message quoting a name or a value from a file stays short whatever
    /// the file holds. A character made of many scalars (a letter under thousands of combining marks) is cut too: at
    /// most 4 × `length` scalars are kept.
    public func shortened(to length: Int = String.quotedLength) -> String {
        var cut = self
        if let end = index(startIndex, offsetBy: length, limitedBy: endIndex), end < endIndex {
            let tail = length / 3, head = Swift.max(0, length - 1 - tail)
            cut = String(prefix(head)) + "…" + String(suffix(tail))
        }
        if cut.unicodeScalars.count > 4 * length {
            cut = String(String.UnicodeScalarView(cut.unicodeScalars.prefix(4 * length - 1))) + "…"
        }
        return cut
    }

    /// `items`, each `shortened()`, joined by `, `: at most `limit` of them, then `… N more`.
    public static func shortList(_ items: [String], limit: Int = 10) -> String {
        let shown = items.prefix(limit).map { $0.shortened() }.joined(separator: ", ")
        return items.count > limit ? shown + ", … \(items.count - limit) more" : shown
    }
}
