import DescentCore
import DescentText

/// The feature terms the model reads (`features`), computed from the data's columns.
extension Workspace {
    /// The model's input width for data `d`: the number of feature terms, or of `d`'s columns without them.
    func modelWidth(_ d: Dataset) -> Int { featureTerms?.count ?? d.featureCount }

    /// `d` with the feature terms as its features (its columns kept as the raw inputs), or `d` itself without terms.
    /// An error names a column the data lacks, or the first term whose value is not finite (`x1^3` of 1e200).
    func featured(_ d: Dataset) throws -> Dataset {
        guard let terms = featureTerms else { return d }
        guard let map = FeatureMap(terms: terms, inputs: d.featureNames) else {
            throw ShellError(Workspace.missingColumn(terms, in: d.featureNames) ?? "the features name columns the data lacks")
        }
        let derived = d.derived(by: map)
        if let k = derived.X.data.firstIndex(where: { !$0.isFinite }) {
            let f = terms.count, term = terms[k % f], row = d.dataRow(k / f)
            let values = term.columns.compactMap { c in d.featureNames.firstIndex(of: c).map { "\(c.shortened()) = \(Format.sig(d.X[k / f, $0], 4))" } }
            throw ShellError("feature \(term.name.shortened()) is \(Format.short(derived.X.data[k])) in row \(row) (\(values.joined(separator: ", "))): "
                             + "its value overflows a Double — rescale that column, or leave the term out")
        }
        return derived
    }

    /// Why `terms` do not fit data of the columns `columns`: the first column named that it lacks, with a "did you mean"
    /// and the columns; nil when it has them all.
    static func missingColumn(_ terms: [FeatureTerm], in columns: [String]) -> String? {
        guard let (term, column) = FeatureMap.missing(terms, in: columns) else { return nil }
        let hint = Suggest.hint(column, in: columns) ?? ""
        return "the feature \(term.name.shortened()) reads the column '\(column.shortened())', which this data lacks\(hint) "
            + "(its columns are \(DataCommand.listed(columns))) — `features off` goes back to the data's own columns"
    }

    /// The warning for `load weights` when the feature terms `saved` in the file (nil: the data's own columns) are not the
    /// ones the model reads here; nil when they agree.
    func featuresMismatch(saved: [String]?, file: String) -> String? {
        let here = featureTerms?.map(\.name)
        guard saved != here else { return nil }
        let then = saved.map { "the features \(DataCommand.listed($0))" } ?? "the data's own columns"
        let now = here.map { "the features \(DataCommand.listed($0))" } ?? "the data's own columns"
        let fix = saved.map { "`features \($0.joined(separator: " "))`" } ?? "`features off`"
        return "warning: \(file) was saved for a model reading \(then), but the model here reads \(now), so its inputs are not "
            + "what it learned from — \(fix) reads them as it was trained"
    }
}
