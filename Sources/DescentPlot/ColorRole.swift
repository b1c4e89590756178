/// What a cell's colour means; the terminal maps each role to a curses pair in one place.
public enum ColorRole: UInt8, Sendable, CaseIterable, Equatable {
    case normal, axis, label, title, status, dim, warning, progress
    case lossStep, lossTrain, lossVal
    /// Classes for decision maps and points (cycled when there are more).
    case class0, class1, class2, class3, class4, class5
    /// Five-step diverging scale for regression surfaces, low to high.
    case heat0, heat1, heat2, heat3, heat4

    /// The role of class `k` (cycled over the six class colours).
    public static func forClass(_ k: Int) -> ColorRole {
        let all: [ColorRole] = [.class0, .class1, .class2, .class3, .class4, .class5]
        return all[((k % all.count) + all.count) % all.count]
    }
}
