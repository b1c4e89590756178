/// The one multiply-add every kernel loop is built on.
extension GEMM {
    /// `acc + a·b`, fused into one FMA instruction when the build enables it.
    ///
    /// On x86-64, building with `-march=native` (or `-target-cpu native`) and `-D DESCENT_FMA` makes this
    /// an FMA, about a third faster on AMD Zen 4; without `DESCENT_FMA` it is a separate multiply and add,
    /// because `addingProduct` on a target without FMA becomes one libm `fma` call per lane. ARM64
    /// always has FMA.
    @inline(__always)
    static func multiplyAdd(_ acc: SIMD8<Double>, _ a: Double, _ b: SIMD8<Double>) -> SIMD8<Double> {
        #if DESCENT_FMA || arch(arm64)
        return acc.addingProduct(a, b)
        #else
        return acc + a * b
        #endif
    }

    /// `acc + a·b` lane by lane, fused like `multiplyAdd(_:_:_:)` with a scalar `a`.
    @inline(__always)
    static func multiplyAdd(_ acc: SIMD8<Double>, _ a: SIMD8<Double>, _ b: SIMD8<Double>) -> SIMD8<Double> {
        #if DESCENT_FMA || arch(arm64)
        return acc.addingProduct(a, b)
        #else
        return acc + a * b
        #endif
    }
}
