/// Synthetic datasets (each `Generator` case says what it makes), deterministic for a given generator state.
///
/// Class generators interleave the classes: row i has class `i % k` and is point `j = i / k` of that class,
/// whose size is ⌊n/k⌋ or ⌊n/k⌋+1. The random draws are the same whatever the noise level (noise 0 still
/// draws its normals), so changing only the noise moves the same points.
extension Dataset {
    /// `n` samples of `generator` drawn from `rng`; `noise` and `classes` default to the generator's.
    public static func generate(_ generator: Generator, n: Int = Generator.defaultCount, noise: Double? = nil,
                                classes: Int? = nil, rng: inout RNG) throws(DataError) -> Dataset {
        let noise = noise ?? generator.defaultNoise
        let k = try checkedClasses(generator, classes)
        try checkCount(generator, n: n, classes: k)
        guard noise.isFinite && noise >= 0 else {
            throw DataError("noise must be a number ≥ 0, got \(Format.short(noise))", option: "noise")
        }
        var x = [Double](), y = [Double]()
        x.reserveCapacity(2 * n); y.reserveCapacity(n)
        for i in 0..<n {
            let (features, target) = sample(generator, i: i, n: n, k: k ?? 1, noise: noise, rng: &rng)
            x.append(contentsOf: features); y.append(target)
        }
        let f = generator == .sine ? 1 : 2
        let task: Task = k == nil ? .regression : (k == 2 ? .binary : .multiclass)
        var name = "\(generator.rawValue) n=\(n) noise=\(Format.short(noise))"
        if generator.takesClasses, let k { name += " classes=\(k)" }
        return Dataset(name: name, X: Tensor(shape: [n, f], data: x), y: Tensor(shape: [n, 1], data: y), task: task,
                       featureNames: f == 1 ? ["x"] : ["x1", "x2"], targetName: k == nil ? "y" : "class",
                       classNames: k.map { classNames(generator, $0) } ?? [])
    }

    /// The number of classes to make (nil for regression), after checking a requested count.
    private static func checkedClasses(_ g: Generator, _ requested: Int?) throws(DataError) -> Int? {
        guard let requested else { return g.defaultClasses }
        guard g.takesClasses else {
            let has = g.defaultClasses.map { "always has \($0) classes" } ?? "is a regression task"
            throw DataError("\(g.rawValue) \(has); classes applies only to spiral and gauss", option: "classes")
        }
        guard Generator.classRange.contains(requested) else {
            throw DataError("classes must be between \(Generator.classRange.lowerBound) and \(Generator.classRange.upperBound), got \(requested)",
                            option: "classes")
        }
        return requested
    }

    /// Checks that `n` is in range and gives every class at least one sample.
    private static func checkCount(_ g: Generator, n: Int, classes k: Int?) throws(DataError) {
        let least = k ?? 1
        guard n >= least else {
            let why = k.map { " (\(g.rawValue) makes \($0) classes, at least one sample each)" } ?? ""
            throw DataError("n must be at least \(least)\(why), got \(n)", option: "n")
        }
        guard n <= Generator.maxCount else {
            throw DataError("n must be at most \(Generator.maxCount), got \(n)", option: "n")
        }
    }

    /// Class names by id: descriptive for the fixed two-class generators, numbered for spiral arms and blobs.
    private static func classNames(_ g: Generator, _ k: Int) -> [String] {
        switch g {
        case .xor: return ["different signs", "same sign"]
        case .circles: return ["outer", "inner"]
        case .moons: return ["upper", "lower"]
        case .spiral: return (0..<k).map { "arm \($0)" }
        default: return (0..<k).map { "blob \($0)" }
        }
    }

    /// Row `i` of `n`: its features and target. `k` is the class count (1 for regression).
    private static func sample(_ g: Generator, i: Int, n: Int, k: Int, noise: Double,
                               rng: inout RNG) -> (features: [Double], target: Double) {
        let c = i % k, j = i / k
        let m = n / k + (c < n % k ? 1 : 0)
        // Position of the point along its class: 0 at the first, 1 at the last.
        let along = m > 1 ? Double(j) / Double(m - 1) : 0
        switch g {
        case .linear:
            let x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1)
            return ([x1, x2], 2 * x1 - 3 * x2 + 0.5 + noise * rng.normal())
        case .sine:
            let x = rng.uniform(-Double.pi, Double.pi)
            return ([x], RNG.sinCos(turns: x / (2 * Double.pi)).sin + noise * rng.normal())
        case .xor:
            let x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1)
            return (noisy(x1, x2, noise, &rng), x1 * x2 > 0 ? 1 : 0)
        case .circles:
            let r = c == 0 ? 1.0 : 0.5
            let a = RNG.sinCos(turns: Double(j) / Double(m))
            return (noisy(r * a.cos, r * a.sin, noise, &rng), Double(c))
        case .moons:
            let a = RNG.sinCos(turns: 0.5 * along)
            let p = c == 0 ? (a.cos, a.sin) : (1 - a.cos, 0.5 - a.sin)
            return (noisy(p.0, p.1, noise, &rng), Double(c))
        case .spiral:
            let radians = 4 * along + noise * rng.normal()
            let a = RNG.sinCos(turns: Double(c) / Double(k) + radians / (2 * Double.pi))
            return ([along * a.cos, along * a.sin], Double(c))
        case .gauss:
            let a = RNG.sinCos(turns: Double(c) / Double(k))
            return (noisy(2 * a.cos, 2 * a.sin, noise, &rng), Double(c))
        }
    }

    /// The point (x1, x2) moved by noise·N(0,1) in each coordinate (x1's draw first).
    private static func noisy(_ x1: Double, _ x2: Double, _ noise: Double, _ rng: inout RNG) -> [Double] {
        let d1 = noise * rng.normal()
        let d2 = noise * rng.normal()
        return [x1 + d1, x2 + d2]
    }
}
