/// Transposed copies, for handing A·Bᵀ to a library that multiplies A·B faster.
extension GEMM {
    /// Writes the transpose of the `rows`×`cols` matrix at `src` (row stride `ld`) to `dst` (row stride `ldd`):
    /// dst[c·ldd + r] = src[r·ld + c]. Whole 8×8 blocks go through registers, the edges one value at a time.
    static func transpose(_ src: UnsafePointer<Double>, ld: Int, rows: Int, cols: Int,
                          into dst: UnsafeMutablePointer<Double>, ldd: Int) {
        let fullRows = rows & ~7, fullCols = cols & ~7
        var r = 0
        while r < fullRows {
            var c = 0
            while c < fullCols {
                transpose8x8(src + (r &* ld &+ c), ld: ld, into: dst + (c &* ldd &+ r), ldd: ldd)
                c &+= 8
            }
            for i in r..<(r &+ 8) { for j in fullCols..<cols { dst[j &* ldd &+ i] = src[i &* ld &+ j] } }
            r &+= 8
        }
        for i in fullRows..<rows { for j in 0..<cols { dst[j &* ldd &+ i] = src[i &* ld &+ j] } }
    }

    /// One 8×8 block: three rounds of splitting each pair of rows into its even- and odd-indexed values
    /// (each round rotates the bits of an element's index r·8 + c by one, so three give c·8 + r).
    @inline(__always)
    private static func transpose8x8(_ src: UnsafePointer<Double>, ld: Int, into dst: UnsafeMutablePointer<Double>,
                                     ldd: Int) {
        let s = UnsafeRawPointer(src), step = ld &* MemoryLayout<Double>.stride
        var m = (s.loadUnaligned(as: SIMD8<Double>.self),
                 s.loadUnaligned(fromByteOffset: step, as: SIMD8<Double>.self),
                 s.loadUnaligned(fromByteOffset: 2 &* step, as: SIMD8<Double>.self),
                 s.loadUnaligned(fromByteOffset: 3 &* step, as: SIMD8<Double>.self),
                 s.loadUnaligned(fromByteOffset: 4 &* step, as: SIMD8<Double>.self),
                 s.loadUnaligned(fromByteOffset: 5 &* step, as: SIMD8<Double>.self),
                 s.loadUnaligned(fromByteOffset: 6 &* step, as: SIMD8<Double>.self),
                 s.loadUnaligned(fromByteOffset: 7 &* step, as: SIMD8<Double>.self))
        for _ in 0..<3 {
            let p0 = SIMD16(lowHalf: m.0, highHalf: m.1), p1 = SIMD16(lowHalf: m.2, highHalf: m.3)
            let p2 = SIMD16(lowHalf: m.4, highHalf: m.5), p3 = SIMD16(lowHalf: m.6, highHalf: m.7)
            m = (p0.evenHalf, p1.evenHalf, p2.evenHalf, p3.evenHalf, p0.oddHalf, p1.oddHalf, p2.oddHalf, p3.oddHalf)
        }
        let d = UnsafeMutableRawPointer(dst), dstep = ldd &* MemoryLayout<Double>.stride
        d.storeBytes(of: m.0, as: SIMD8<Double>.self)
        (d + dstep).storeBytes(of: m.1, as: SIMD8<Double>.self)
        (d + 2 &* dstep).storeBytes(of: m.2, as: SIMD8<Double>.self)
        (d + 3 &* dstep).storeBytes(of: m.3, as: SIMD8<Double>.self)
        (d + 4 &* dstep).storeBytes(of: m.4, as: SIMD8<Double>.self)
        (d + 5 &* dstep).storeBytes(of: m.5, as: SIMD8<Double>.self)
        (d + 6 &* dstep).storeBytes(of: m.6, as: SIMD8<Double>.self)
        (d + 7 &* dstep).storeBytes(of: m.7, as: SIMD8<Double>.self)
    }
}
