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
