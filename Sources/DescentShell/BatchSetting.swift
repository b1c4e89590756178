/// What `batch` set: a number of rows, the whole training set, or nothing yet — the default, which is the whole
/// set for a small one and minibatches for a large one, where a step over every row costs as much as an epoch.
enum BatchSetting: Equatable {
    case rows(Int)
    case full
    case automatic

    /// The most training rows whose default batch is all of them.
    static let fullBatchLimit = 4096
    /// The default batch, in rows, of a training set of more than `fullBatchLimit` rows (Keras's default).
    static let defaultRows = 32

    /// Rows per batch for a training set of `count` rows; nil for all of them.
    func rows(training count: Int) -> Int? {
        switch self {
        case .rows(let n): return n
        case .full: return nil
        case .automatic: return count > BatchSetting.fullBatchLimit ? BatchSetting.defaultRows : nil
        }
    }

    /// For `show config`: `32`, `full`, or the default for `count` training rows (the rule when no data is loaded).
    func description(training count: Int?) -> String {
        switch self {
        case .rows(let n): return String(n)
        case .full: return "full"
        case .automatic:
            let rule = "default: full up to \(BatchSetting.fullBatchLimit) training rows, else \(BatchSetting.defaultRows)"
            guard let count else { return "full or \(BatchSetting.defaultRows) (\(rule))" }
            return (rows(training: count).map(String.init) ?? "full") + " (\(rule))"
        }
    }
}
