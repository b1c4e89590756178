/// The built-in synthetic datasets, with their defaults; each case says what it makes and what `noise` means for it.
public enum Generator: String, CaseIterable, Sendable {
    /// Regression: y = 2·x1 − 3·x2 + 0.5 + noise·N(0,1), x uniform in [−1, 1]².
    case linear
    /// Binary: x uniform in [−1, 1]², class 1 when x1·x2 > 0; noise·N(0,1) then added to x.
    case xor
    /// Binary: an outer ring r = 1 (class 0) and an inner ring r = 0.5 (class 1), noise·N(0,1) added to x.
    case circles
    /// Binary: two interleaved half circles (as scikit-learn's make_moons), noise·N(0,1) added to x.
    case moons
    /// k spiral arms (one per class), each sweeping 4 radians out to r = 1; noise·N(0,1) added to the angle.
    case spiral
    /// k round blobs centred on a circle of radius 2; noise is each blob's standard deviation.
    case gauss
    /// Regression: y = sin(x) + noise·N(0,1), x uniform in [−π, π].
    case sine

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

    /// Noise used when none is asked for (what it means is said at each case).
    public var defaultNoise: Double {
        switch self {
        case .linear, .moons, .sine: return 0.1
        case .xor, .circles: return 0.05
        case .spiral: return 0.2
        case .gauss: return 0.5
        }
    }
}
