extension String {
    /// The most characters of text from a file or a command that a message quotes.
    public static let quotedLength = 40

    /// The string cut to at most `length` characters, the last of them `…` when it was longer, so that a message
    /// quoting a name or a value from a file stays short whatever the file holds. A character made of many scalars
    /// (a letter under thousands of combining marks) is cut too: at most 4 × `length` scalars are kept.
    public func shortened(to length: Int = String.quotedLength) -> String {
        var cut = self
        if let end = index(startIndex, offsetBy: length, limitedBy: endIndex), end < endIndex {
            cut = String(prefix(Swift.max(0, length - 1))) + "…"
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
