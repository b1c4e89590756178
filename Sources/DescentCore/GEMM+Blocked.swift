/// The cache-blocked path: pack blocks of A and B and run the microkernel over them.
extension GEMM {
    /// C[rows, cols] through the packed kernel on the calling thread, using its workspace
    /// (sized for blocks up to `GEMMBlocking.standard`).
    static func blockedBand(_ op: GEMMOperands, rows: Range<Int>, cols: Range<Int>, blocking: GEMMBlocking) {
        assert(blocking.kc <= GEMMBlocking.standard.kc && blocking.mc <= GEMMBlocking.standard.mc
               && blocking.nc <= GEMMBlocking.standard.nc, "GEMM: blocks larger than the workspace")
        let ws = GEMMWorkspace.current
        let nc = evenBlock(cols.count, limit: blocking.nc, step: nr)
        let kc = evenBlock(op.k, limit: blocking.kc, step: 1)
        let mc = evenBlock(rows.count, limit: blocking.mc, step: mr)
        for jc in stride(from: cols.lowerBound, to: cols.upperBound, by: nc) {
            let colBlock = jc..<min(jc + nc, cols.upperBound)
            for pc in stride(from: 0, to: op.k, by: kc) {
                let depth = pc..<min(pc + kc, op.k)
                packB(op, depth: depth, cols: colBlock, into: ws.packedB)
                // The first depth block applies the caller's beta; later ones add to what it wrote.
                let beta = pc == 0 ? op.beta : 1
                for ic in stride(from: rows.lowerBound, to: rows.upperBound, by: mc) {
                    let rowBlock = ic..<min(ic + mc, rows.upperBound)
                    packA(op, rows: rowBlock, depth: depth, into: ws.packedA)
                    multiplyPacked(op, rows: rowBlock, cols: colBlock, depth: depth.count, beta: beta, workspace: ws)
                }
            }
        }
    }

    /// The block size that cuts `length` into as few near-equal blocks of at most `limit` as possible,
    /// rounded up to a multiple of `step` (`limit` is a multiple of `step`).
    static func evenBlock(_ length: Int, limit: Int, step: Int) -> Int {
        let blocks = max(1, (length + limit - 1) / limit)
        return min(limit, roundUp((length + blocks - 1) / blocks, step))
    }

    /// C[rows, cols] = alpha·(packed A)·(packed B) + beta·C, tile by tile; edge tiles go through scratch.
    static func multiplyPacked(_ op: GEMMOperands, rows: Range<Int>, cols: Range<Int>, depth: Int,
                               beta: Double, workspace ws: GEMMWorkspace) {
        for j0 in stride(from: cols.lowerBound, to: cols.upperBound, by: nr) {
            let b = ws.packedB + (j0 - cols.lowerBound) * depth
            let width = min(nr, cols.upperBound - j0)
            for i0 in stride(from: rows.lowerBound, to: rows.upperBound, by: mr) {
                let a = ws.packedA + (i0 - rows.lowerBound) * depth
                let height = min(mr, rows.upperBound - i0)
                let c = op.c + i0 * op.ldc + j0
                if height == mr && width == nr {
                    microkernel(kc: depth, a: a, b: b, c: c, ldc: op.ldc, alpha: op.alpha, beta: beta)
                } else {
                    microkernel(kc: depth, a: a, b: b, c: ws.scratch, ldc: nr, alpha: op.alpha, beta: 0)
                    mergeEdge(ws.scratch, into: c, ldc: op.ldc, height: height, width: width, beta: beta)
                }
            }
        }
    }

    /// C = tile + beta·C over the live `height`×`width` corner of an edge tile; reads C only when beta ≠ 0.
    static func mergeEdge(_ tile: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>, ldc: Int,
                          height: Int, width: Int, beta: Double) {
        for i in 0..<height {
            let src = tile + i * nr, dst = c + i * ldc
            if beta == 0 {
                dst.update(from: src, count: width)
            } else {
                for j in 0..<width { dst[j] = src[j] + beta * dst[j] }
            }
        }
    }
}
