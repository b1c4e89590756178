/// Row-major `Double` matrix product `C = alpha·op(A)·op(B) + beta·C`, the one kernel every dense layer runs on.
///
/// Products of at least `splitWork` multiply-adds are cut into bands of C, one per thread of the
/// `ThreadTeam`. Each band (or a whole smaller product) goes to OpenBLAS when the product is large and
/// the library could be loaded at run time (see `BLAS`), otherwise to the built-in kernel: a direct
/// register-tiled path while op(B) fits in cache, else a cache-blocked, packed SIMD kernel.
/// Bands never cut the depth, so every element of C is summed in the same order whatever the split.
/// No path allocates on the heap per call.
public enum GEMM {
    /// Multiply-adds (`m·n·k`) above which OpenBLAS, when loaded, takes a product: measured one product at a
    /// time on the 2-core build machine, it was at least as fast as the direct path from ~10k multiply-adds
    /// (digits' 32×10×32 Aᵀ·B: 0.41 µs against 1.14; tiny's 200×8×8 A·B: 0.58 against 0.73)…
    static let blasLimit = 8_192
    /// …except A·Bᵀ, whose small kernel is slower than its A·B (digits' 32×64×64: 6.7 µs against 4.6): up to
    /// `blasLimitTransposedB` multiply-adds, and when C's width is whole vectors and Bᵀ fits the workspace,
    /// B is transposed there and the library multiplies A·(Bᵀ) (5.45 µs in all against the built-in
    /// kernel's 5.8; 32×128×64: 11.3 against 14.4); such products of other widths stay built in.
    static let blasLimitTransposedB = 1 << 20
    /// Multiply-adds up to which OpenBLAS 0.3.21 multiplies A·B with a small-matrix kernel that allocates on
    /// every call when C's width is not a multiple of 8 (1,000 products of 32×10×32: 1,000 `malloc`s), so
    /// such products stay on the built-in kernel: training allocates nothing per step.
    static let blasSmallKernelLimit = 1_000_000

    /// Whether OpenBLAS (when loaded) takes an m×n×k product of this kind.
    static func prefersBLAS(transA: Bool, transB: Bool, n: Int, k: Int, multiplyAdds: Int) -> Bool {
        if transB && !transA && multiplyAdds <= blasLimitTransposedB {
            return multiplyAdds > blasLimit && transposesB(n: n, k: k, multiplyAdds: multiplyAdds)
        }
        if blasAllocates(transA: transA, transB: transB, n: n, multiplyAdds: multiplyAdds) { return false }
        return multiplyAdds > blasLimit
    }

    /// Whether an A·Bᵀ product of this size goes to the library as A·(Bᵀ) with Bᵀ copied into the workspace.
    static func transposesB(n: Int, k: Int, multiplyAdds: Int) -> Bool {
        multiplyAdds <= blasLimitTransposedB && n % 8 == 0 && n * k <= GEMMWorkspace.scratchCount
    }

    /// Whether OpenBLAS would multiply such a product (or a band of one) with its allocating small kernel.
    static func blasAllocates(transA: Bool, transB: Bool, n: Int, multiplyAdds: Int) -> Bool {
        !transA && !transB && n % 8 != 0 && multiplyAdds <= blasSmallKernelLimit
    }
    /// Multiply-adds from which a product is shared among the team's threads. Sharing smaller ones lost
    /// time on the 2-core build machine (digits' 262k-multiply-add products: 7.2–9.1k steps/s shared vs
    /// 10.1–10.4k not): the halves of C each thread writes must move to the core that reads them next.
    static let splitWork = 1 << 20

    /// C = alpha·op(A)·op(B) + beta·C, row-major; op = transpose when transA/transB.
    ///
    /// op(A) is m×k, op(B) is k×n, C is m×n; `lda`, `ldb`, `ldc` are the row strides of the stored
    /// matrices. When `beta` is 0, C is only written, never read, so it may hold garbage such as NaN.
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        let op = GEMMOperands(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                              a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        let product = plan(op)
        guard work(m, n, k) >= splitWork else {
            multiply(product, op)
            return
        }
        split(product, team: ThreadTeam.shared)
    }

    /// How `op` is multiplied, whole or in bands: through OpenBLAS (`prefersBLAS`), B transposed first or
    /// not, or by the built-in kernel's direct or blocked path.
    static func plan(_ op: GEMMOperands) -> SplitProduct {
        let multiplyAdds = work(op.m, op.n, op.k)
        let blas = prefersBLAS(transA: op.transA, transB: op.transB, n: op.n, k: op.k, multiplyAdds: multiplyAdds)
            ? BLAS.shared : nil
        let transposeB = blas != nil && op.transB && !op.transA && transposesB(n: op.n, k: op.k, multiplyAdds: multiplyAdds)
        return SplitProduct(op: op, blas: blas, direct: directFits(op), transposeB: transposeB)
    }

    /// One band `op` (or the whole) of `product` on the calling thread, the way `product` says: through its
    /// BLAS library when it has one (with B transposed first when it says so), else the built-in kernel.
    private static func multiply(_ product: SplitProduct, _ op: GEMMOperands) {
        if let blas = product.blas {
            if product.transposeB {
                let bt = GEMMWorkspace.current.scratch
                transpose(op.b, ld: op.ldb, rows: op.n, cols: op.k, into: bt, ldd: op.n)
                if blas.dgemm(op.withB(bt, ldb: op.n, transposed: false)) { return }
            } else if !blasAllocates(transA: op.transA, transB: op.transB, n: op.n, multiplyAdds: work(op.m, op.n, op.k)),
                      blas.dgemm(op) {
                return
            }
        }
        builtIn(op, direct: product.direct)
    }

    /// What computes the large products: the OpenBLAS library in use, or the built-in kernel.
    public static var backendName: String { BLAS.sharedName ?? "built-in SIMD" + BLAS.loadNote }

    /// A warning when `DESCENT_BLAS` names a library that did not load (`BLAS.settingProblem`).
    public static var backendProblem: String? { BLAS.settingProblem }

    /// A product to be cut into bands, with how each band is multiplied (chosen on the whole product, so
    /// that a band takes the path the whole would), for the team's threads to read.
    struct SplitProduct {
        let op: GEMMOperands
        let blas: BLAS?
        let direct: Bool
        /// Whether `blas` multiplies A·(Bᵀ) from a transposed copy of B (`transposesB`).
        let transposeB: Bool
    }

    /// Multiplies one band of C per thread of `team` (the whole product without one): rows when C is taller
    /// than wide, else columns, cut at whole 8-wide vectors.
    static func split(_ product: SplitProduct, team: ThreadTeam?) {
        guard let team, team.size > 1 else { multiply(product, product.op); return }
        withUnsafePointer(to: product) { team.run(context: UnsafeRawPointer($0), entry: splitEntry) }
    }

    /// Thread `part`'s band of the product the context points to.
    private static let splitEntry: ThreadTeam.Entry = { context, part, parts in
        let product = context.assumingMemoryBound(to: SplitProduct.self).pointee
        if let band = band(of: product.op, part: part, of: parts) {
            multiply(product, band)
        }
    }

    /// Runs `multiply` on each thread's band, as `split(_:team:)` does (allocating once per call: for tests,
    /// which multiply bands their own way).
    static func split(_ op: GEMMOperands, team: ThreadTeam?, _ multiply: (GEMMOperands) -> Void) {
        guard let team, team.size > 1 else { multiply(op); return }
        team.run { part, parts in
            if let band = band(of: op, part: part, of: parts) { multiply(band) }
        }
    }

    /// Band `part` of `parts` of C: rows when C is taller than wide, else columns, cut at whole 8-wide
    /// vectors; nil when it is empty.
    private static func band(of op: GEMMOperands, part: Int, of parts: Int) -> GEMMOperands? {
        if op.m > op.n {
            let rows = ThreadTeam.slice(op.m, part: part, of: parts, align: 8)
            return rows.isEmpty ? nil : op.band(rows: rows)
        }
        let cols = ThreadTeam.slice(op.n, part: part, of: parts, align: 8)
        return cols.isEmpty ? nil : op.band(cols: cols)
    }

    /// The built-in kernel alone on the calling thread: the direct path when `direct` (small products, chosen
    /// by `directFits` on the whole product, so that a band takes the same path as the whole would), the
    /// blocked one otherwise.
    static func builtIn(_ op: GEMMOperands, direct useDirect: Bool) {
        assert(op.m >= 0 && op.n >= 0 && op.k >= 0, "GEMM: negative size")
        assert(op.ldc >= op.n && op.lda >= (op.transA ? op.m : op.k) && op.ldb >= (op.transB ? op.k : op.n),
               "GEMM: row stride too small")
        guard op.m > 0 && op.n > 0 else { return }
        guard op.k > 0 && op.alpha != 0 else { scale(op.c, rows: op.m, cols: op.n, ldc: op.ldc, by: op.beta); return }
        if useDirect {
            direct(op)
        } else {
            blockedBand(op, rows: 0..<op.m, cols: 0..<op.n, blocking: .standard)
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
