/// The built-in synthetic datasets, with their defaults.
public enum Generator: String, CaseIterable, Sendable {
    case linear, xor, circles, moons, spiral, gauss, sine

    /// Samples made when none are asked for.
    public static let defaultCount = 200
    /// Largest number of samples a generator makes.
    public static let maxCount = 1_000_000
    /// Allowed numbers of classes for `spiral` and `gauss`.
    public static let classRange = 2...10

    /// Whether the number of classes can be chosen (spiral and gauss).
    public var takesClasses: Bool { self == .spiral || self == .gauss }

    /// Classes made when none are asked for: 3 for spiral and gauss, 2 for the other classifiers, nil for regression.
    public var defaultClasses: Int? {
        switch self {
        case .linear, .sine: return nil
        case .xor, .circles, .moons: return 2
        case .spiral, .gauss: return 3
        }
    }

    /// Noise used when none is asked for (its meaning is in `summary`).
    public var defaultNoise: Double {
        switch self {
        case .linear, .moons, .sine: return 0.1
        case .xor, .circles: return 0.05
        case .spiral: return 0.2
        case .gauss: return 0.5
        }
    }
}
