/// One row of the built-in microkernel's 8×24 register tile: 24 running sums held as three SIMD8 vectors.
struct KernelTileRow {
    var v0 = SIMD8<Double>(), v1 = SIMD8<Double>(), v2 = SIMD8<Double>()

    /// Adds `a` times the 24 values `b0 ‖ b1 ‖ b2`.
    @inline(__always)
    mutating func add(_ a: Double, _ b0: SIMD8<Double>, _ b1: SIMD8<Double>, _ b2: SIMD8<Double>) {
        v0 = GEMM.multiplyAdd(v0, a, b0)
        v1 = GEMM.multiplyAdd(v1, a, b1)
        v2 = GEMM.multiplyAdd(v2, a, b2)
    }

    /// Writes `alpha·row + beta·C` over 24 values at `c`; reads `c` only when beta is not 0.
    @inline(__always)
    func store(to c: UnsafeMutablePointer<Double>, alpha: Double, beta: Double) {
        let raw = UnsafeMutableRawPointer(c)
        let stride = MemoryLayout<SIMD8<Double>>.stride
        if beta == 0 {
            raw.storeBytes(of: alpha * v0, as: SIMD8<Double>.self)
            raw.storeBytes(of: alpha * v1, toByteOffset: stride, as: SIMD8<Double>.self)
            raw.storeBytes(of: alpha * v2, toByteOffset: 2 * stride, as: SIMD8<Double>.self)
        } else {
            let c0 = raw.loadUnaligned(as: SIMD8<Double>.self)
            let c1 = raw.loadUnaligned(fromByteOffset: stride, as: SIMD8<Double>.self)
            let c2 = raw.loadUnaligned(fromByteOffset: 2 * stride, as: SIMD8<Double>.self)
            raw.storeBytes(of: alpha * v0 + beta * c0, as: SIMD8<Double>.self)
            raw.storeBytes(of: alpha * v1 + beta * c1, toByteOffset: stride, as: SIMD8<Double>.self)
            raw.storeBytes(of: alpha * v2 + beta * c2, toByteOffset: 2 * stride, as: SIMD8<Double>.self)
        }
    }
}
