/// Text for a terminal or locale without UTF-8.
extension String {
    /// This text with the signs the views and titles use spelled in ASCII: `→` as `->`, `←` as `<-`, `·` as `|`,
    /// `–` and `—` as `-`, and the progress bar's `█` and `░` as `#` and `.`. Other characters stay as they are.
    var asciiFallback: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in self {
            switch ch {
            case "→": out += "->"
            case "←": out += "<-"
            case "·": out += "|"
            case "–", "—": out += "-"
            case "█": out += "#"
            case "░": out += "."
            default: out.append(ch)
            }
        }
        return out
    }
}
