/// Copying blocks of op(A) and op(B) into the contiguous micro-panel order the microkernel streams.
extension GEMM {
    /// Packs op(A)[rows, depth] as micro-panels of `mr` rows: panel after panel, each `depth.count`
    /// steps of `mr` values; rows past the end of the block are zero.
    static func packA(_ op: GEMMOperands, rows: Range<Int>, depth: Range<Int>, into dst: UnsafeMutablePointer<Double>) {
        var panel = dst
        for i0 in stride(from: rows.lowerBound, to: rows.upperBound, by: mr) {
            let start = op.a + i0 * op.aRowStep + depth.lowerBound * op.aColStep
            packPanel(from: start, lineStep: op.aRowStep, depthStep: op.aColStep,
                      lines: min(mr, rows.upperBound - i0), width: mr, depth: depth.count, into: panel)
            panel += mr * depth.count
        }
    }

    /// Packs op(B)[depth, cols] as micro-panels of `nr` columns: panel after panel, each `depth.count`
    /// steps of `nr` values; columns past the end of the block are zero.
    static func packB(_ op: GEMMOperands, depth: Range<Int>, cols: Range<Int>, into dst: UnsafeMutablePointer<Double>) {
        var panel = dst
        for j0 in stride(from: cols.lowerBound, to: cols.upperBound, by: nr) {
            let start = op.b + depth.lowerBound * op.bRowStep + j0 * op.bColStep
            packPanel(from: start, lineStep: op.bColStep, depthStep: op.bRowStep,
                      lines: min(nr, cols.upperBound - j0), width: nr, depth: depth.count, into: panel)
            panel += nr * depth.count
        }
    }

    /// Writes `dst[p·width + l] = src[l·lineStep + p·depthStep]` for `l < lines`, zero for the rest of
    /// each `width`; walks the source along whichever of its two directions is contiguous.
    private static func packPanel(from src: UnsafePointer<Double>, lineStep: Int, depthStep: Int, lines: Int,
                                  width: Int, depth: Int, into dst: UnsafeMutablePointer<Double>) {
        if lineStep == 1 && lines == width {
            for p in 0..<depth { (dst + p * width).update(from: src + p * depthStep, count: width) }
            return
        }
        for l in 0..<lines {
            let line = src + l * lineStep
            for p in 0..<depth { dst[p * width + l] = line[p * depthStep] }
        }
        if lines < width {
            for p in 0..<depth { (dst + p * width + lines).update(repeating: 0, count: width - lines) }
        }
    }
}
