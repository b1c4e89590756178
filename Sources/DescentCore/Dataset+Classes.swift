/// How the samples fall into the classes.
extension Dataset {
    /// The samples of each class, by class id (empty for a regression target).
    public func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classNames.count)
        for v in y.data { if let k = Int(exactly: v), counts.indices.contains(k) { counts[k] += 1 } }
        return counts
    }

    /// Whether every target is −1 or 1 (and both occur): the other convention for two classes, which hinge and
    /// bce here take as 0 and 1.
    public var targetsArePlusMinusOne: Bool {
        y.data.allSatisfy { $0 == -1 || $0 == 1 } && y.data.contains(-1) && y.data.contains(1)
    }
}

extension Dataset {
    /// For class labels read from a column that is mostly numbers (`3.5, 6.25, NA, 2.5`): the first label that is not
    /// a number and the first row holding it. A missing-value mark among numbers makes the whole column labels, which
    /// a regression loss then refuses as "4 classes"; this finds the cell to fix. Nil when most labels are not numbers.
    public func textAmongNumbers() -> (label: String, row: Int)? {
        guard task != .regression else { return nil }
        let isNumber = classNames.map { Dataset.number($0).map(\.isFinite) ?? false }
        let numbers = isNumber.filter { $0 }.count
        guard numbers > classNames.count - numbers, let k = isNumber.firstIndex(of: false),
              let row = y.data.firstIndex(of: Double(k)) else { return nil }
        return (classNames[k], row)
    }
}
