extension String {
    /// This text without leading and trailing spaces (only spaces: a table cell's margins and padding).
    public var withoutOuterSpaces: String {
        var t = Substring(self)
        while t.first == " " { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
