import DescentCore
import DescentLanguage
import DescentText

/// `plot boundary [UNIT] FEATURE1 FEATURE2`: which unit the map draws and which two features of the data it is drawn over.
extension Commands {
    /// The unit named first after `plot boundary` (`A1[3]`), or nil when the next argument is not an indexed name.
    static func mapUnit(_ t: Trainer, _ a: inout ArgReader) throws -> MapUnit? {
        guard case .indexed? = a.peek?.value else { return nil }
        let (name, indices) = try a.indexed("a node's unit")
        return try MapUnit.named(name, indices: indices, at: a.lastSpan, in: t)
    }

    /// The two features named after `plot boundary` (by their names in the data: words, quoted names, or numbers where a
    /// column is named by one), as a projection of `t`'s data; nil when none are named. Data of more than two features
    /// needs them; data of one feature (the fitted curve) takes none. The last `reserved` arguments are not features
    /// (`export plot boundary`'s file name).
    static func boundaryProjection(_ t: Trainer, _ a: inout ArgReader, reserved: Int = 0) throws -> BoundaryProjection? {
        let names = t.train.inputNames, f = names.count
        let example = "`plot boundary \(names[0].shortened()) \(names[min(1, f - 1)].shortened())`"
        guard a.remaining > reserved else {
            guard f <= 2 || Charts.drawsFit(t) else {
                throw ShellError("plot boundary draws two features at a time, and this data has \(f) (\(DataCommand.listed(names))): "
                                 + "name two, x then y — \(example) — and the others are held at their training means")
            }
            return nil
        }
        guard f >= 2 else {
            _ = try? a.name("a feature")
            throw a.error("this data has one feature, '\(names[0].shortened())': `plot boundary` alone draws the fitted curve over it")
        }
        var picked: [Int] = []
        for axis in ["x", "y"] {
            guard !a.isAtEnd else {
                throw Diagnostic("expected a second feature, for the y axis — plot boundary draws two: \(example)", at: a.command.endSpan)
            }
            let name = try a.name("a feature's name for the \(axis) axis (the features are \(DataCommand.listed(names)))")
            guard let j = names.firstIndex(of: name) else {
                let target = name == t.train.targetName ? " — '\(name.shortened())' is the target, which the map shows; name features" : ""
                let hint = target.isEmpty ? Suggest.hint(name, in: names) ?? "" : target
                throw a.error("no feature '\(name.shortened())'\(hint) (the features are \(DataCommand.listed(names)))")
            }
            guard !picked.contains(j) else {
                throw a.error("'\(name.shortened())' is already the x axis — name two different features, x then y")
            }
            picked.append(j)
        }
        return BoundaryProjection(x: picked[0], y: picked[1], of: t)
    }
}
