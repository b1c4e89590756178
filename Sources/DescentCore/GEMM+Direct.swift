/// The direct path for small products: no packing of A, small register tiles, nothing to amortise.
extension GEMM {
    /// Four rows of op(A) for one register tile: op(A)(r, p) is `rows.r[p·colStep]`.
    private typealias RowGroup = (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>,
                                  UnsafePointer<Double>, colStep: Int)

    /// Whether the copies the direct path may make (op(B) padded to whole vectors, four rows of A) fit
    /// in the workspace.
    static func directFits(_ op: GEMMOperands) -> Bool {
        op.k * roundUp(op.n, 8) <= GEMMWorkspace.scratchCount && 4 * op.k <= GEMMWorkspace.packedACount
    }

    /// C = alpha·op(A)·op(B) + beta·C for a small product: a matrix-vector loop when C has one column,
    /// else 4×8 register tiles over op(B) rows that are read in place when they are contiguous whole
    /// vectors, otherwise from a zero-padded k×⌈n⌉₈ copy in the workspace.
    static func direct(_ op: GEMMOperands) {
        if op.n == 1 {
            directColumn(op)
            return
        }
        let width = roundUp(op.n, 8)
        if !op.transB && op.n == width {
            directTiles(op, b: op.b, ldb: op.ldb)
            return
        }
        let copy = GEMMWorkspace.current.scratch
        let rowStep = op.bRowStep, colStep = op.bColStep
        for p in 0..<op.k {
            let src = op.b + p &* rowStep, dst = copy + p &* width
            for j in 0..<op.n { dst[j] = src[j &* colStep] }
            (dst + op.n).update(repeating: 0, count: width &- op.n)
        }
        directTiles(op, b: copy, ldb: width)
    }

    /// C by 4×8 tiles; `b` holds op(B) with rows of whole 8-wide vectors, `ldb` apart.
    private static func directTiles(_ op: GEMMOperands, b: UnsafePointer<Double>, ldb: Int) {
        // A transposed and read once per 8 columns: copy each row group side by side first, so its
        // reads stay in a few cache lines whatever A's row stride.
        let stripe = op.transA && op.n > 8 ? GEMMWorkspace.current.packedA : nil
        var i = 0
        while i < op.m {
            let live = min(4, op.m &- i)
            let rows = rowGroup(op, from: i, live: live, stripe: stripe)
            let c = op.c + i &* op.ldc
            var j = 0
            while j < op.n {
                let sums = sums4x8(rows, b: b + j, ldb: ldb, k: op.k)
                let width = min(8, op.n &- j)
                storeRow(sums.0, to: c + j, width: width, alpha: op.alpha, beta: op.beta)
                if live > 1 { storeRow(sums.1, to: c + (op.ldc &+ j), width: width, alpha: op.alpha, beta: op.beta) }
                if live > 2 { storeRow(sums.2, to: c + (2 &* op.ldc &+ j), width: width, alpha: op.alpha, beta: op.beta) }
                if live > 3 { storeRow(sums.3, to: c + (3 &* op.ldc &+ j), width: width, alpha: op.alpha, beta: op.beta) }
                j &+= 8
            }
            i &+= 4
        }
    }

    /// Rows `first ..< first+live` of op(A), the last repeated to make four; read in place, or copied
    /// interleaved into `stripe` (k×4) when one is given.
    @inline(__always)
    private static func rowGroup(_ op: GEMMOperands, from first: Int, live: Int,
                                 stripe: UnsafeMutablePointer<Double>?) -> RowGroup {
        let last = live &- 1
        guard let stripe else {
            let a = op.a, step = op.aRowStep
            return (a + first &* step, a + (first &+ min(1, last)) &* step,
                    a + (first &+ min(2, last)) &* step, a + (first &+ min(3, last)) &* step, op.aColStep)
        }
        for p in 0..<op.k {
            let src = op.a + (p &* op.aColStep &+ first &* op.aRowStep)
            for r in 0..<4 { stripe[p &* 4 &+ r] = src[min(r, last) &* op.aRowStep] }
        }
        let s = UnsafePointer(stripe)
        return (s, s + 1, s + 2, s + 3, 4)
    }

    /// The four 8-wide sums Σₚ op(A)(r, p)·op(B)(p, j ..< j+8) of one tile (`b` points at column j).
    /// Depth steps alternate between two sets of sums to halve the add chain's latency.
    @inline(__always)
    private static func sums4x8(_ rows: RowGroup, b: UnsafePointer<Double>, ldb: Int, k: Int)
        -> (SIMD8<Double>, SIMD8<Double>, SIMD8<Double>, SIMD8<Double>) {
        let (a0, a1, a2, a3, step) = rows
        var s0 = SIMD8<Double>(), s1 = s0, s2 = s0, s3 = s0
        var t0 = s0, t1 = s0, t2 = s0, t3 = s0
        var p = 0, pa = 0
        var pb = UnsafeRawPointer(b)
        let bStep = ldb &* MemoryLayout<Double>.stride
        while p &+ 1 < k {
            let u = pb.loadUnaligned(as: SIMD8<Double>.self)
            let v = pb.loadUnaligned(fromByteOffset: bStep, as: SIMD8<Double>.self)
            s0 = multiplyAdd(s0, a0[pa], u); t0 = multiplyAdd(t0, a0[pa &+ step], v)
            s1 = multiplyAdd(s1, a1[pa], u); t1 = multiplyAdd(t1, a1[pa &+ step], v)
            s2 = multiplyAdd(s2, a2[pa], u); t2 = multiplyAdd(t2, a2[pa &+ step], v)
            s3 = multiplyAdd(s3, a3[pa], u); t3 = multiplyAdd(t3, a3[pa &+ step], v)
            p &+= 2; pa &+= 2 &* step; pb += 2 &* bStep
        }
        if p < k {
            let u = pb.loadUnaligned(as: SIMD8<Double>.self)
            s0 = multiplyAdd(s0, a0[pa], u); s1 = multiplyAdd(s1, a1[pa], u)
            s2 = multiplyAdd(s2, a2[pa], u); s3 = multiplyAdd(s3, a3[pa], u)
        }
        return (s0 + t0, s1 + t1, s2 + t2, s3 + t3)
    }

    /// C with a single column (a matrix-vector product): eight rows per vector when op(A)'s columns are
    /// contiguous (A transposed), the rest as dot products along op(A)'s rows.
    private static func directColumn(_ op: GEMMOperands) {
        var i = 0
        if op.aRowStep == 1 {
            while i &+ 8 <= op.m {
                let sum = op.alpha * columnSums8(op, from: i)
                for r in 0..<8 { storeScalar(sum[r], to: op.c + (i &+ r) &* op.ldc, beta: op.beta) }
                i &+= 8
            }
        }
        while i < op.m {
            storeScalar(op.alpha * rowDot(op, row: i), to: op.c + i &* op.ldc, beta: op.beta)
            i &+= 1
        }
    }

    /// Σₚ op(A)(first ..< first+8, p)·op(B)(p, 0) for A transposed (rows contiguous down a column),
    /// alternating two sets of sums.
    @inline(__always)
    private static func columnSums8(_ op: GEMMOperands, from first: Int) -> SIMD8<Double> {
        let step = op.aColStep &* MemoryLayout<Double>.stride, x = op.b, xStep = op.bRowStep
        var s = SIMD8<Double>(), t = s
        var pa = UnsafeRawPointer(op.a + first)
        var p = 0
        while p &+ 1 < op.k {
            s = multiplyAdd(s, x[p &* xStep], pa.loadUnaligned(as: SIMD8<Double>.self))
            t = multiplyAdd(t, x[(p &+ 1) &* xStep], pa.loadUnaligned(fromByteOffset: step, as: SIMD8<Double>.self))
            p &+= 2; pa += 2 &* step
        }
        if p < op.k { s = multiplyAdd(s, x[p &* xStep], pa.loadUnaligned(as: SIMD8<Double>.self)) }
        return s + t
    }

    /// Σₚ op(A)(row, p)·op(B)(p, 0), eight at a time when both run contiguously.
    @inline(__always)
    private static func rowDot(_ op: GEMMOperands, row: Int) -> Double {
        let a = op.a + row &* op.aRowStep, aStep = op.aColStep, x = op.b, xStep = op.bRowStep
        var s = SIMD8<Double>()
        var p = 0
        if aStep == 1 && xStep == 1 {
            while p &+ 8 <= op.k {
                s = multiplyAdd(s, UnsafeRawPointer(a + p).loadUnaligned(as: SIMD8<Double>.self),
                                UnsafeRawPointer(x + p).loadUnaligned(as: SIMD8<Double>.self))
                p &+= 8
            }
        }
        var sum = s.sum()
        while p < op.k {
            sum += a[p &* aStep] * x[p &* xStep]
            p &+= 1
        }
        return sum
    }

    /// Writes `value + beta·c`; reads `c` only when beta ≠ 0.
    @inline(__always)
    private static func storeScalar(_ value: Double, to c: UnsafeMutablePointer<Double>, beta: Double) {
        c.pointee = beta == 0 ? value : value + beta * c.pointee
    }

    /// Writes `alpha·sum + beta·C` over the first `width` (≤ 8) values at `c`; reads C only when beta ≠ 0.
    @inline(__always)
    private static func storeRow(_ sum: SIMD8<Double>, to c: UnsafeMutablePointer<Double>, width: Int,
                                 alpha: Double, beta: Double) {
        let scaled = alpha * sum
        if width == 8 {
            let raw = UnsafeMutableRawPointer(c)
            if beta == 0 {
                raw.storeBytes(of: scaled, as: SIMD8<Double>.self)
            } else {
                raw.storeBytes(of: scaled + beta * raw.loadUnaligned(as: SIMD8<Double>.self), as: SIMD8<Double>.self)
            }
        } else if beta == 0 {
            for j in 0..<width { c[j] = scaled[j] }
        } else {
            for j in 0..<width { c[j] = scaled[j] + beta * c[j] }
        }
    }
}
