/// The register-tiled inner loop of the blocked kernel.
extension GEMM {
    /// Rows of the register tile: values of packed A broadcast per step.
    static let mr = 8
    /// Columns of the register tile: values of packed B (three SIMD8 vectors) per step.
    static let nr = 24

    /// One 8×24 tile: `acc = Σₚ a[8p ..< 8p+8] ⊗ b[24p ..< 24p+24]`, then `C = alpha·acc + beta·C`.
    ///
    /// `a` and `b` are packed micro-panels; C is written with row stride `ldc` and read only when beta ≠ 0.
    @inline(never)
    static func microkernel(kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                            c: UnsafeMutablePointer<Double>, ldc: Int, alpha: Double, beta: Double) {
        var r0 = KernelTileRow(), r1 = KernelTileRow(), r2 = KernelTileRow(), r3 = KernelTileRow()
        var r4 = KernelTileRow(), r5 = KernelTileRow(), r6 = KernelTileRow(), r7 = KernelTileRow()
        var pa = a
        var pb = UnsafeRawPointer(b)
        let stride = MemoryLayout<SIMD8<Double>>.stride
        for _ in 0..<kc {
            let b0 = pb.loadUnaligned(as: SIMD8<Double>.self)
            let b1 = pb.loadUnaligned(fromByteOffset: stride, as: SIMD8<Double>.self)
            let b2 = pb.loadUnaligned(fromByteOffset: 2 * stride, as: SIMD8<Double>.self)
            r0.add(pa[0], b0, b1, b2)
            r1.add(pa[1], b0, b1, b2)
            r2.add(pa[2], b0, b1, b2)
            r3.add(pa[3], b0, b1, b2)
            r4.add(pa[4], b0, b1, b2)
            r5.add(pa[5], b0, b1, b2)
            r6.add(pa[6], b0, b1, b2)
            r7.add(pa[7], b0, b1, b2)
            pa += mr
            pb += 3 * stride
        }
        r0.store(to: c, alpha: alpha, beta: beta)
        r1.store(to: c + ldc, alpha: alpha, beta: beta)
        r2.store(to: c + 2 * ldc, alpha: alpha, beta: beta)
        r3.store(to: c + 3 * ldc, alpha: alpha, beta: beta)
        r4.store(to: c + 4 * ldc, alpha: alpha, beta: beta)
        r5.store(to: c + 5 * ldc, alpha: alpha, beta: beta)
        r6.store(to: c + 6 * ldc, alpha: alpha, beta: beta)
        r7.store(to: c + 7 * ldc, alpha: alpha, beta: beta)
    }
}
