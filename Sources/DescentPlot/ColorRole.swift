/// What a cell's colour means; the terminal maps each role to a curses pair in one place.
public enum ColorRole: UInt8, Sendable, CaseIterable, Equatable {
    case normal, axis, label, title, status, dim, warning, progress
    case lossStep, lossTrain, lossVal
    /// Classes for decision maps and points (cycled when there are more).
    case class0, class1, class2, class3, class4, class5
    /// Five-step diverging scale for regression surfaces, low to high.
    case heat0, heat1, heat2, heat3, heat4
    /// Runs compared on one chart (`plot runs`): the one training now, and the kept ones (cycled when there are more).
    case runCurrent, run0, run1, run2, run3, run4, run5

    /// The role of class `k` (cycled over the six class colours).
    public static func forClass(_ k: Int) -> ColorRole {
        let all: [ColorRole] = [.class0, .class1, .class2, .class3, .class4, .class5]
        return all[((k % all.count) + all.count) % all.count]
    }

    /// The role of kept run `k` (cycled over the six run colours).
    public static func forRun(_ k: Int) -> ColorRole {
        let all: [ColorRole] = [.run0, .run1, .run2, .run3, .run4, .run5]
        return all[((k % all.count) + all.count) % all.count]
    }
}
