import DescentCore
import DescentLanguage
import DescentText

/// `features`: the model's inputs as terms computed from the data's columns (TensorFlow Playground's feature inputs).
extension Commands {
    /// The forms a term takes, for errors.
    static let featureForms = "NAME, NAME^2, NAME^3, NAME*NAME, sin(NAME) or cos(NAME)"

    /// `features TERM…` sets the terms, `features off` goes back to the data's own columns, `features` alone prints them.
    /// Refused, changing nothing, when a term is malformed or names a column the data lacks.
    static func features(_ w: Workspace, _ a: inout ArgReader) throws {
        if a.isAtEnd && a.command.args.isEmpty {
            w.recordedAs = []
            return w.out.print(featuresText(w))
        }
        let terms: [FeatureTerm]?
        if case .word(let word)? = a.peek?.value, ["off", "none"].contains(word.lowercased()), a.command.args.count == 1 {
            _ = a.optionalWord()
            terms = nil
        } else {
            terms = try featureTerms(w, &a)
        }
        try a.finish(options: [])
        if terms == w.featureTerms {
            return unchanged(w, terms.map { "features " + $0.map(\.name).joined(separator: " ") } ?? "features off")
        }
        let before = w.featureTerms
        // Checked with the new terms in place, and put back on any error: nothing changes.
        var widthChanged = false, trainedUnder: Normalization?
        if let d = w.data {
            let oldWidth = w.modelWidth(d)
            trainedUnder = w.trainedUnderNow()?.normalization
            w.featureTerms = terms
            defer { w.featureTerms = before }
            try Commands.located(a.command.nameSpan) {
                _ = try w.featured(d)
                if w.normalize { try w.checkStandardizable(d, fraction: w.splitFraction, seed: w.seed) }
            }
            // Of the same width, a model there is was sized for these rows when it was built or the data came.
            widthChanged = w.modelWidth(d) != oldWidth
        }
        w.featureTerms = terms
        let reset = widthChanged ? w.invalidateModel() : nil
        let note = w.invalidateTrainer(keepHistory: false, kept: "the weights are kept (`reset` draws new ones)")
        w.out.print(featuresText(w) + (reset.map { " — reset \($0) (the model's input width is now \(w.data.map(w.modelWidth) ?? 0))" } ?? "") + note)
        if !widthChanged, let trainedUnder, let warning = w.standardisationChanged(from: trainedUnder) { w.out.print(warning) }
    }

    /// What `features` says: the terms and the columns they are computed from, or that the model reads the data's columns.
    static func featuresText(_ w: Workspace) -> String {
        let columns = w.data.map { " (\(DataCommand.listed($0.featureNames)))" } ?? ""
        guard let terms = w.featureTerms else {
            return "features: off — the model reads the data's own columns\(columns)"
        }
        let from = w.data == nil ? " (applies when data is loaded)" : ", computed from the data's columns\(columns)"
        return "features: \(DataCommand.listed(terms: terms)) — \(Format.counted(terms.count, "input")) of the model\(from)"
    }

    /// Reads the terms: `NAME`, `NAME^2`, `NAME^3`, `NAME*NAME`, `sin(NAME)`, `cos(NAME)`, with NAME a word, a name in double
    /// quotes or a number as written (a column headed `1990`), spaces around the signs allowed. With data, each NAME must be
    /// one of its columns (an error at it says which were meant); a term given twice is refused.
    static func featureTerms(_ w: Workspace, _ a: inout ArgReader) throws -> [FeatureTerm] {
        let columns = w.data?.featureNames
        let allowed = "a feature term is \(featureForms), NAME a column of the data"
            + (columns.map { " (\(DataCommand.listed($0)))" } ?? "")
        var terms: [FeatureTerm] = []
        while !a.isAtEnd {
            guard let first = a.peek else { break }
            let term: FeatureTerm
            if case .word(let word) = first.value, ["sin", "cos"].contains(word.lowercased()) {
                _ = a.optionalWord()
                if a.optionalOp(oneOf: ["("]) != nil {
                    let name = try featureColumn("a column's name inside \(word.lowercased())( )", columns: columns, allowed: allowed, &a)
                    guard a.optionalOp(oneOf: [")"]) != nil else {
                        throw Diagnostic("expected ')' to close \(word.lowercased())(\(name.shortened()) — \(allowed)", at: a.lastSpan.after)
                    }
                    term = word.lowercased() == "sin" ? .sine(name) : .cosine(name)
                } else {
                    // `sin` or `cos` without `(`: the name of a column.
                    try checkColumn(word, at: first.span, columns: columns, allowed: allowed, a)
                    term = try plainTerm(named: word, columns: columns, allowed: allowed, &a)
                }
            } else {
                let name = try featureColumn("a feature term", columns: columns, allowed: allowed, &a)
                term = try plainTerm(named: name, columns: columns, allowed: allowed, &a)
            }
            let span = joined(first.span, a.lastSpan)
            if let k = terms.firstIndex(of: term) {
                throw Diagnostic("\(term.name.shortened()) is already feature \(k + 1) — give each term once", at: span)
            }
            terms.append(term)
        }
        return terms
    }

    /// The term that starts with the column `name` (already read and checked): the column itself, `^2`/`^3` after it, or `*`
    /// and another column.
    private static func plainTerm(named name: String, columns: [String]?, allowed: String, _ a: inout ArgReader) throws -> FeatureTerm {
        if a.optionalOp(oneOf: ["^"]) != nil {
            guard case .number(let k)? = a.peek?.value, k == 2 || k == 3 else {
                _ = try? a.name("a power")
                throw Diagnostic("the powers of a column are \(name.shortened())^2 and \(name.shortened())^3 — \(allowed)",
                                 at: a.isAtEnd ? a.lastSpan.after : a.lastSpan)
            }
            _ = try a.number("a power")
            return .power(name, Int(k))
        }
        if a.optionalOp(oneOf: ["*"]) != nil {
            return .product(name, try featureColumn("a column's name after '*'", columns: columns, allowed: allowed, &a))
        }
        return .column(name)
    }

    /// Reads a column's name (`what`), checked against the data's `columns` when there is data: an error at it says which
    /// was meant; a sign where a name belongs is an error that gives the forms (`allowed`).
    private static func featureColumn(_ what: String, columns: [String]?, allowed: String, _ a: inout ArgReader) throws -> String {
        if case .op(let sign)? = a.peek?.value {
            _ = try? a.name(what)
            throw a.error("expected \(what), got '\(sign)' — \(allowed)")
        }
        if a.isAtEnd { throw Diagnostic("expected \(what) — \(allowed)", at: a.command.endSpan) }
        let name = try a.name(what)
        try checkColumn(name, at: a.lastSpan, columns: columns, allowed: allowed, a)
        return name
    }

    /// Refuses the column `name` (at `span`) when a `(` follows it, as no function of a term, or when there is data and it
    /// has no such column (saying which was meant).
    private static func checkColumn(_ name: String, at span: SourceSpan, columns: [String]?, allowed: String, _ a: ArgReader) throws {
        if a.peek?.value == .op("(") { throw noFunction(name, at: span, allowed: allowed) }
        if let columns, !columns.contains(name) {
            let hint = Suggest.hint(name, in: columns) ?? ""
            throw Diagnostic("no column '\(name.shortened())' in this data\(hint) (its columns are \(DataCommand.listed(columns)))", at: span)
        }
    }

    /// The error for `name(` where `name` is no function of a term.
    private static func noFunction(_ name: String, at span: SourceSpan, allowed: String) -> Diagnostic {
        let hint = Suggest.hint(name, in: ["sin", "cos"]) ?? " — the functions are sin and cos"
        return Diagnostic("no function '\(name.shortened())'\(hint) (\(allowed))", at: span)
    }

    /// The span from the start of `a` to the end of `b` (`a` alone when they are on different lines).
    private static func joined(_ a: SourceSpan, _ b: SourceSpan) -> SourceSpan {
        guard a.line == b.line, b.column + b.length >= a.column else { return a }
        return SourceSpan(line: a.line, column: a.column, length: b.column + b.length - a.column)
    }
}
