/// A seeded random number generator: xoshiro256** whose state is filled from the seed by SplitMix64.
///
/// The stream depends only on the seed, never on the machine: every draw is made of integer operations and
/// IEEE-754 basic arithmetic (`normal` uses `RNG+Math`'s own `log` and `cos`, not the platform's libm).
/// A value type, so copying it saves the state and assigning the copy back restores it (undo).
///
/// Algorithms, exactly:
/// - seeding: `x = seed`; four times `x &+= 0x9E3779B97F4A7C15`, `s[i] = mix(x)` where `mix` is the
///   SplitMix64 finaliser (`z ^= z >> 30; z &*= 0xBF58476D1CE4E5B9; z ^= z >> 27; z &*= 0x94D049BB133111EB; z ^= z >> 31`).
/// - `next`: xoshiro256** (Blackman & Vigna 2018): `rotl(s1 &* 5, 7) &* 9`, then the usual state update.
/// - `uniform`: `Double(next() >> 11) * 2^-53`, in [0, 1).
/// - `normal`: Box–Muller with `u1 = 1 - uniform()` in (0, 1] and `u2 = uniform()`, returning only
///   `sqrt(-2 ln u1) * cos(2π u2)` (the sine partner is dropped, so each call uses exactly two draws).
/// - `int(below:)`: Lemire's multiply-and-reject method (unbiased).
/// - `shuffle`: Fisher–Yates from the end: for `i` from `n-1` down to 1, swap `i` with `int(below: i+1)`.
/// - `derived(stream:)`: `h = stream`; for each state word `w`, `h = splitmix(h ^ w)` (one SplitMix64 step:
///   add the constant, then `mix`); the result is `RNG(seed: h)`.
public struct RNG: Equatable, Hashable, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The SplitMix64 increment (the golden ratio in 64 bits).
    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// A generator whose whole stream is fixed by `seed`.
    public init(seed: UInt64) {
        var x = seed
        s0 = RNG.splitMix(&x); s1 = RNG.splitMix(&x); s2 = RNG.splitMix(&x); s3 = RNG.splitMix(&x)
    }

    /// One SplitMix64 step: advances `x` and returns its mixed value.
    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= golden
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in [a, b): `a + (b - a) * uniform()`.
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }

    /// A standard normal draw by Box–Muller (two uniforms per call; see the type's notes).
    public mutating func normal() -> Double {
        let u1 = 1 - uniform()
        let u2 = uniform()
        return (-2 * RNG.log(u1)).squareRoot() * RNG.sinCos(turns: u2).cos
    }

    /// An unbiased integer in 0..<n (Lemire's method); 0 without drawing when n ≤ 1.
    public mutating func int(below n: Int) -> Int {
        guard n > 1 else { return 0 }
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Shuffles `array` in place by Fisher–Yates from the end (no allocation).
    public mutating func shuffle<T>(_ array: inout [T]) {
        // Through a buffer pointer: `Array.swapAt` allocates per call in unoptimised builds.
        array.withUnsafeMutableBufferPointer { a in
            var i = a.count - 1
            while i > 0 {
                a.swapAt(i, int(below: i + 1))
                i -= 1
            }
        }
    }

    /// An independent generator for one purpose (`stream`), fixed by this generator's state; `self` is unchanged.
    public func derived(stream: UInt64) -> RNG {
        var h = stream
        for w in [s0, s1, s2, s3] {
            var x = h ^ w
            h = RNG.splitMix(&x)
        }
        return RNG(seed: h)
    }
}

private extension UInt64 {
    /// The bits rotated left by `k` (0 < k < 64).
    func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
