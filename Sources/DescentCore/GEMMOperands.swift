/// The arguments of one `GEMM.gemm` call, with strides that hide the transposes: op(A)(i, p) is
/// `a[i·aRowStep + p·aColStep]` and op(B)(p, j) is `b[p·bRowStep + j·bColStep]`.
///
/// The threads of one product share it: they only read A and B and write disjoint bands of C.
struct GEMMOperands {
    let transA: Bool, transB: Bool
    let m: Int, n: Int, k: Int
    let alpha: Double
    let a: UnsafePointer<Double>, lda: Int
    let b: UnsafePointer<Double>, ldb: Int
    let beta: Double
    let c: UnsafeMutablePointer<Double>, ldc: Int

    /// Distance in A's storage between op(A)(i, p) and op(A)(i + 1, p).
    var aRowStep: Int { transA ? 1 : lda }
    /// Distance in A's storage between op(A)(i, p) and op(A)(i, p + 1).
    var aColStep: Int { transA ? lda : 1 }
    /// Distance in B's storage between op(B)(p, j) and op(B)(p + 1, j).
    var bRowStep: Int { transB ? 1 : ldb }
    /// Distance in B's storage between op(B)(p, j) and op(B)(p, j + 1).
    var bColStep: Int { transB ? ldb : 1 }
}

extension GEMMOperands {
    /// The same product restricted to `rows` of C (and of op(A)).
    func band(rows: Range<Int>) -> GEMMOperands {
        GEMMOperands(transA: transA, transB: transB, m: rows.count, n: n, k: k, alpha: alpha,
                     a: a + rows.lowerBound * aRowStep, lda: lda, b: b, ldb: ldb, beta: beta,
                     c: c + rows.lowerBound * ldc, ldc: ldc)
    }

    /// The same product restricted to `cols` of C (and of op(B)).
    func band(cols: Range<Int>) -> GEMMOperands {
        GEMMOperands(transA: transA, transB: transB, m: m, n: cols.count, k: k, alpha: alpha,
                     a: a, lda: lda, b: b + cols.lowerBound * bColStep, ldb: ldb, beta: beta,
                     c: c + cols.lowerBound, ldc: ldc)
    }

    /// The same product with B read from `b` (row stride `ldb`, transposed or not) instead.
    func withB(_ b: UnsafePointer<Double>, ldb: Int, transposed: Bool) -> GEMMOperands {
        GEMMOperands(transA: transA, transB: transposed, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                     b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}
