import DescentCore
import DescentLanguage
import DescentText

/// `show history`: the last N steps, or the steps from A to B, every K-th of them if asked.
extension Commands {
    /// The steps `show history` shows when not told: the last 10.
    static let historyDefaultRows = 10

    /// `show history [N] [every=K]` (the last N steps, 10 by default) or `show history [from=A] [to=B] [every=K]` (steps
    /// A to B, both included, from the first step recorded to the last by default): with `every=K`, only the steps
    /// numbered a multiple of K. At most `Printer.historyRows` rows: the last of N, the first of a range, with a line
    /// saying how to see the rest. Steps are found by halving, so a long history costs no walk through it.
    static func showHistory(_ w: Workspace, _ a: inout ArgReader) throws {
        let n = a.isAtEnd ? nil : try a.int("the number of rows to show", range: 1...Int.max)
        let nSpan = a.lastSpan
        let from = try a.optionalIntOption("from", range: 1...Int.max)
        let to = try a.optionalIntOption("to", range: 1...Int.max)
        let every = try a.optionalIntOption("every", range: 1...Int.max)
        try a.finish(options: ["from", "to", "every"])
        if n != nil && (from != nil || to != nil) {
            throw Diagnostic("give the number of rows (the last N steps) or from=/to= (the steps from A to B), not both — "
                             + "`show history from=A to=B` shows each step between", at: nSpan)
        }
        if let from, let to, from > to {
            throw a.error("from=\(from) is after to=\(to) — a range runs from its first step to its last: `show history from=\(to) to=\(from)`",
                          options: ["from", "to"])
        }
        guard let t = w.trainer ?? w.carryOver, let first = t.history.steps.first?.step, let last = t.history.steps.last?.step else {
            w.out.print("history: empty (nothing trained yet)")
            return
        }
        let h = t.history, held = "the history holds steps \(first)–\(last)\(h.dropped.steps > 0 ? " (the first \(h.dropped.steps) were dropped)" : "")"
        if let from, from > last {
            throw a.error("from=\(from) is past the last step recorded — \(held)", options: ["from"])
        }
        if let to, to < first {
            throw a.error("to=\(to) is before the first step recorded — \(held)", options: ["to"])
        }
        let lo = max(from ?? first, first), hi = min(to ?? last, last)
        let ranged = from != nil || to != nil || (every != nil && n == nil)
        let limit = ranged ? Printer.historyRows : min(n ?? historyDefaultRows, Printer.historyRows)
        let (steps, more) = h.steps(from: lo, through: hi, every: every ?? 1, limit: limit, last: !ranged)
        guard let shownFirst = steps.first?.step, let shownLast = steps.last?.step else {
            let multiples = every.map { k in
                let (twice, overflow) = k.multipliedReportingOverflow(by: 2)
                return overflow ? "\(k), …" : "\(k), \(twice), …"
            } ?? ""
            throw a.error("no step from \(lo) to \(hi) is a multiple of \(every ?? 1) (every=K shows the steps numbered \(multiples)) — \(held)",
                          options: ["every"])
        }
        w.out.print(Printer.history(of: t, steps: steps, width: Printer.tableWidth(w), noteWidth: w.outputWidth()))
        var notes: [String] = []
        if let every { notes.append("every=\(every): the steps numbered a multiple of \(every) (\(steps.count) of them shown)") }
        if (from ?? first) < first || (to ?? last) > last {
            notes.append("\(held), so this shows steps \(shownFirst)–\(shownLast) of the \(from ?? first)–\(to ?? last) asked for")
        }
        if more {
            if ranged {
                notes.append("show history prints at most \(Printer.historyRows) rows: these end at step \(shownLast); "
                             + "`show history from=\(shownLast + 1) to=\(hi)\(every.map { " every=\($0)" } ?? "")` shows the next, "
                             + "`export history \"FILE.csv\"` writes every step")
            } else if let n, n > Printer.historyRows {
                notes.append(every == nil
                    ? "show history prints at most the last \(Printer.historyRows) steps; `export history \"FILE.csv\"` writes all \(h.steps.count)"
                    : "show history prints at most the last \(Printer.historyRows) rows; `export history \"FILE.csv\"` writes every step")
            }
        }
        for note in notes { w.out.print("(\(note))".wrapped(width: w.outputWidth()).joined(separator: "\n")) }
    }
}
