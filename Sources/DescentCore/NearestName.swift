/// Finds the name a person probably meant (for "did you mean" hints), by Levenshtein distance ignoring case.
enum NearestName {
    /// The closest of `names` to `word`, if within a third of the word's length (at least 1 edit); ties go to the first.
    static func suggestion(for word: String, in names: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for name in names {
            let d = distance(word.lowercased(), name.lowercased())
            if d <= limit && d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        return best?.name
    }

    /// Edits (insert, delete, replace one character) that turn `a` into `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        var previous = Array(0...t.count)
        var current = previous
        for (i, si) in s.enumerated() {
            current[0] = i + 1
            for (j, tj) in t.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (si == tj ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }
}
