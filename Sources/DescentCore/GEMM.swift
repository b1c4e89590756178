/// Row-major `Double` matrix product `C = alpha·op(A)·op(B) + beta·C`, the one kernel every dense layer runs on.
///
/// Small products take a direct register-tiled path; larger ones go to OpenBLAS when it could be loaded at
/// run time (see `BLAS`), otherwise to the built-in kernel: the direct path while op(B) fits in cache and
/// one thread suffices, else a cache-blocked, packed SIMD kernel that splits big products across cores.
/// No path allocates on the heap per call.
public enum GEMM {
    /// Multiply-adds (`m·n·k`) above which OpenBLAS, when loaded, is at least as fast as the direct path.
    static let blasLimit = 65_536

    /// C = alpha·op(A)·op(B) + beta·C, row-major; op = transpose when transA/transB.
    ///
    /// op(A) is m×k, op(B) is k×n, C is m×n; `lda`, `ldb`, `ldc` are the row strides of the stored
    /// matrices. When `beta` is 0, C is only written, never read, so it may hold garbage such as NaN.
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        if work(m, n, k) > blasLimit, let blas = BLAS.shared,
           blas.dgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                      b: b, ldb: ldb, beta: beta, c: c, ldc: ldc) {
            return
        }
        builtIn(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// What computes the large products: the OpenBLAS library in use, or the built-in kernel.
    public static var backendName: String { BLAS.shared?.name ?? "built-in SIMD" + BLAS.loadNote }

    /// The built-in kernel alone (never BLAS): the direct path for small products, the blocked one otherwise.
    static func builtIn(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        assert(m >= 0 && n >= 0 && k >= 0, "GEMM: negative size")
        assert(ldc >= n && lda >= (transA ? m : k) && ldb >= (transB ? k : n), "GEMM: row stride too small")
        guard m > 0 && n > 0 else { return }
        guard k > 0 && alpha != 0 else { scale(c, rows: m, cols: n, ldc: ldc, by: beta); return }
        let operands = GEMMOperands(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                                a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        let threads = threadCount(for: operands)
        if threads == 1 && directFits(operands) {
            direct(operands)
        } else {
            blocked(operands, blocking: .standard, threads: threads)
        }
    }

    /// Multiply-adds of an m×n×k product, saturating instead of overflowing.
    static func work(_ m: Int, _ n: Int, _ k: Int) -> Int {
        let (mn, o1) = m.multipliedReportingOverflow(by: n)
        let (mnk, o2) = mn.multipliedReportingOverflow(by: k)
        return o1 || o2 ? .max : mnk
    }

    /// `value` rounded up to a multiple of `step`.
    static func roundUp(_ value: Int, _ step: Int) -> Int { (value + step - 1) / step * step }

    /// C = beta·C over an m×n block; beta 0 writes zeros without reading.
    static func scale(_ c: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ldc: Int, by beta: Double) {
        guard beta != 1 else { return }
        for i in 0..<rows {
            let row = c + i * ldc
            if beta == 0 {
                row.update(repeating: 0, count: cols)
            } else {
                for j in 0..<cols { row[j] *= beta }
            }
        }
    }
}
