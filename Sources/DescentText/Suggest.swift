/// "Did you mean …?" suggestions by edit distance.
public enum Suggest {
    /// The candidate closest to `word`, ignoring case, if close enough: Damerau–Levenshtein (optimal string
    /// alignment) distance at most `max(1, word.count / 3)` and short of replacing every Character (a one-letter
    /// word is no typo of another letter: `z` for `X`), or `word` a prefix of the candidate.
    /// The smallest distance wins; ties go to the earlier candidate.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let typed = word.lowercased()
        guard !typed.isEmpty else { return nil }
        let limit = max(1, typed.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            // The distance is at least the difference in length; measuring it costs their product, so words
            // longer than `measuredLength` (from a hostile file, say) are only compared as prefixes.
            let far = abs(typed.count - lowered.count) > limit || max(typed.count, lowered.count) > measuredLength
            if far && !lowered.hasPrefix(typed) { continue }
            let d = far ? lowered.count - typed.count : distance(typed, lowered)   // a prefix: delete the rest
            let plausible = d <= limit && d < max(typed.count, lowered.count)
            guard plausible || lowered.hasPrefix(typed) else { continue }
            if best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// " — did you mean 'x'?" for the one candidate `word` begins, else the nearest (`nearest`); " — did you
    /// mean 'x' or 'y'?" when `word` begins several (`show conf`: config, confusion; the first 10, then how many
    /// more); nil when none is near. Candidates are quoted cut to 40 characters (`String.shortened`).
    public static func hint(_ word: String, in candidates: [String]) -> String? {
        let typed = word.lowercased()
        var prefixed: [String] = []
        for c in candidates where c.lowercased().hasPrefix(typed) && !prefixed.contains(c) { prefixed.append(c) }
        if prefixed.count == 1 && !typed.isEmpty { return " — did you mean '\(prefixed[0].shortened())'?" }
        if !typed.isEmpty && prefixed.count > 1 {
            let quoted = prefixed.prefix(10).map { "'\($0.shortened())'" }
            let more = prefixed.count > 10 ? " (or \(prefixed.count - 10) more)" : ""
            return " — did you mean \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last ?? "")\(more)?"
        }
        return nearest(word, in: candidates).map { " — did you mean '\($0.shortened())'?" }
    }

    /// The longest word `nearest` measures distances for.
    static let measuredLength = 200

    /// The optimal-string-alignment distance between `a` and `b`: insertions, deletions, substitutions and
    /// transpositions of adjacent Characters each cost 1, and no substring is edited twice.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        guard !s.isEmpty else { return t.count }
        guard !t.isEmpty else { return s.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }
}
