import XCTest
@testable import DescentCore

/// The matrix product against a plain triple loop, on every path: the public entry point, the built-in
/// kernel (direct and blocked, one and two threads), and OpenBLAS when it can be loaded.
final class GEMMTests: XCTestCase {
    /// One way of computing the product.
    private enum Path {
        case auto, builtIn, direct, blocked(GEMMBlocking, threads: Int), blas(BLAS)
    }

    /// (m, n, k) shapes: single element, odd edges, one-column C (matrix-vector), narrow C, empty depth, and
    /// A·Bᵀ products that OpenBLAS takes as A·(Bᵀ) from a transposed copy (whole 8×8 blocks and edges).
    private let shapes = [(1, 1, 1), (7, 13, 5), (33, 65, 17), (4, 5, 0), (19, 1, 11), (16, 1, 9),
                          (5, 3, 4), (2, 8, 40), (9, 24, 2), (32, 64, 64), (9, 24, 45), (13, 16, 77)]
    /// (alpha, beta) pairs; beta 0 runs with NaN in C, which must not leak into the result.
    private let scalings: [(Double, Double)] = [(1, 0), (0.5, 1), (-2, 0.25), (0, 0.5)]
    /// A two-thread team whatever the machine's core count, for the split paths.
    private static let team = ThreadTeam(threads: 2)
    /// Blocks far smaller than the real ones, so small matrices cross every block and edge-tile boundary.
    private let smallBlocking = GEMMBlocking(kc: 16, mc: 16, nc: 48)

    func testHandComputedProduct() {
        // [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]] (by hand); C = 2·AB + 1·[[1,1],[1,1]].
        let a: [Double] = [1, 2, 3, 4], b: [Double] = [5, 6, 7, 8]
        var c: [Double] = [1, 1, 1, 1]
        GEMM.gemm(transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 2, a: a, lda: 2, b: b, ldb: 2,
                  beta: 1, c: &c, ldc: 2)
        XCTAssertEqual(c, [39, 45, 87, 101])
        // Aᵀ·Bᵀ = [[1,3],[2,4]]·[[5,7],[6,8]] = [[23,31],[34,46]] (by hand); beta 0 ignores the NaN.
        var d = [Double](repeating: .nan, count: 4)
        GEMM.gemm(transA: true, transB: true, m: 2, n: 2, k: 2, alpha: 1, a: a, lda: 2, b: b, ldb: 2,
                  beta: 0, c: &d, ldc: 2)
        XCTAssertEqual(d, [23, 31, 34, 46])
    }

    func testPublicEntryPoint() {
        checkAll(.auto)
    }

    func testBuiltInKernel() {
        checkAll(.builtIn)
    }

    func testDirectPath() {
        checkAll(.direct)
    }

    func testBlockedPathOneThread() {
        checkAll(.blocked(smallBlocking, threads: 1))
        checkAll(.blocked(.standard, threads: 1))
    }

    func testBlockedPathTwoThreads() {
        checkAll(.blocked(smallBlocking, threads: 2))
    }

    func testSplitDirectPathIsBitForBitTheWhole() {
        // Two threads, each a band of C (rows when taller, else columns): every element must be summed
        // in the same order as on one thread, so the results are identical, not just close.
        checkSplitMatchesWhole([(32, 128, 64, false, false), (128, 64, 32, true, false), (33, 70, 19, false, true),
                                (90, 17, 5, true, true)], seed: 7) { op, team in
            GEMM.split(op, team: team) { GEMM.direct($0) }
        }
    }

    func testSplitProductIsBitForBitTheWhole() {
        // The entry point's plan for products big enough to be cut into bands, whatever backend it picks:
        // each band must take the path the whole takes (checked to fail when bands are sent to the built-in
        // kernel while the whole goes to OpenBLAS; 64×128×160 A·Bᵀ has bands of 64 columns small enough for
        // the A·(Bᵀ) route, which the whole does not take — OpenBLAS gave those the same bits here).
        checkSplitMatchesWhole([(64, 128, 160, false, true), (160, 64, 128, false, false), (64, 128, 160, true, false)],
                               seed: 11) { op, team in
            XCTAssertGreaterThanOrEqual(op.m * op.n * op.k, GEMM.splitWork)
            GEMM.split(GEMM.plan(op), team: team)
        }
    }

    func testBlockedPathAcrossRealBlocks() {
        // Deeper than one standard depth block, wider than one column block, split across two threads.
        let blocking = GEMMBlocking.standard
        for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
            check(.blocked(blocking, threads: 2), transA: transA, transB: transB,
                  m: 21, n: blocking.nc + 29, k: blocking.kc + 37, alpha: 1, beta: 0)
        }
    }

    func testLargeProductThroughEntryPoint() {
        // Big enough for OpenBLAS (when loaded) or the threaded built-in kernel.
        check(.auto, transA: false, transB: true, m: 96, n: 80, k: 300, alpha: 1, beta: 1)
        check(.auto, transA: true, transB: false, m: 80, n: 96, k: 300, alpha: 1, beta: 0)
    }

    func testOpenBLAS() throws {
        guard let blas = BLAS.shared else { throw XCTSkip("no CBLAS library could be loaded: \(GEMM.backendName)") }
        checkAll(.blas(blas))
        XCTAssertTrue(GEMM.backendName.contains("BLAS"), GEMM.backendName)
    }

    func testTransposedCopy() {
        // Whole 8×8 blocks, edges of every width, and strides wider than the rows; each value's position by hand.
        for (rows, cols) in [(8, 8), (16, 24), (13, 9), (5, 19), (64, 64), (1, 1), (0, 3)] {
            let ld = cols + 3, ldd = rows + 5
            let src = (0..<(rows * ld)).map { Double($0) }
            var dst = [Double](repeating: -1, count: max(1, cols * ldd))
            src.withUnsafeBufferPointer { s in
                dst.withUnsafeMutableBufferPointer { d in
                    GEMM.transpose(s.baseAddress!, ld: ld, rows: rows, cols: cols, into: d.baseAddress!, ldd: ldd)
                }
            }
            for c in 0..<cols {
                for r in 0..<ldd {
                    let want = r < rows ? Double(r * ld + c) : -1   // past the rows: untouched
                    XCTAssertEqual(dst[c * ldd + r], want, "\(rows)×\(cols) at (\(c), \(r))")
                }
            }
        }
    }

    func testPlansHoldNothingReferenceCounted() {
        // Both threads of a shared step copy a plan at every product; a reference-counted member (the
        // library's name was a String) had them retain and release one object from two cores each time.
        XCTAssertTrue(_isPOD(BLAS.self))
        XCTAssertTrue(_isPOD(GEMM.SplitProduct.self))
    }

    func testBackendSettingIsParsed() {
        XCTAssertEqual(BLAS.candidates(forSetting: nil), BLAS.defaultLibraries)
        XCTAssertEqual(BLAS.candidates(forSetting: ""), BLAS.defaultLibraries)
        for off in ["off", "0", "none", " OFF ", "None"] {
            XCTAssertEqual(BLAS.candidates(forSetting: off), [], off)
        }
        XCTAssertEqual(BLAS.candidates(forSetting: "/opt/lib/libopenblas.so"), ["/opt/lib/libopenblas.so"])
    }

    func testUnloadableLibraryFallsBackWithReason() {
        let missing = BLAS.load(candidates: ["/nonexistent/libnothing.so"])
        XCTAssertNil(missing.library)
        XCTAssertEqual(missing.reason, "could not load /nonexistent/libnothing.so")
        let off = BLAS.load(candidates: [])
        XCTAssertNil(off.library)
        XCTAssertEqual(off.reason, "DESCENT_BLAS=off")
    }

    // MARK: - Helpers

    /// Runs `multiply(op, team)` for each (m, n, k, transA, transB) product with no team and with the
    /// two-thread one, and requires the same bits.
    private func checkSplitMatchesWhole(_ products: [(Int, Int, Int, Bool, Bool)], seed start: UInt64,
                                        multiply: (GEMMOperands, ThreadTeam?) -> Void, line: UInt = #line) {
        var seed = start
        for (m, n, k, transA, transB) in products {
            let a = values(m * k, seed: &seed), b = values(k * n, seed: &seed)
            let initial = values(m * n, seed: &seed)
            func product(team: ThreadTeam?) -> [Double] {
                var c = initial
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            multiply(GEMMOperands(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5,
                                                  a: pa.baseAddress!, lda: transA ? m : k, b: pb.baseAddress!,
                                                  ldb: transB ? k : n, beta: 0.25, c: pc.baseAddress!, ldc: n), team)
                        }
                    }
                }
                return c
            }
            XCTAssertEqual(product(team: nil), product(team: Self.team), "\(m)x\(n)x\(k) \(GEMM.backendName)", line: line)
        }
    }

    /// Every transpose combination × shape × scaling on `path`.
    private func checkAll(_ path: Path, line: UInt = #line) {
        for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
            for (m, n, k) in shapes {
                for (alpha, beta) in scalings {
                    check(path, transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, beta: beta, line: line)
                }
            }
        }
    }

    /// Runs one product on `path` with padded row strides and compares it to `reference`; the padding
    /// columns of C must come back untouched.
    private func check(_ path: Path, transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                       alpha: Double, beta: Double, line: UInt = #line) {
        let aRows = transA ? k : m, aCols = transA ? m : k
        let bRows = transB ? n : k, bCols = transB ? k : n
        let lda = aCols + 3, ldb = bCols + 2, ldc = n + 1
        var seed: UInt64 = UInt64(m * 10_007 + n * 101 + k)
        let a = values(max(aRows * lda, 1), seed: &seed), b = values(max(bRows * ldb, 1), seed: &seed)
        let sentinel = 12345.0
        var c = values(max(m * ldc, 1), seed: &seed)
        for i in 0..<m {
            c[i * ldc + n] = sentinel
            if beta == 0 { for j in 0..<n { c[i * ldc + j] = .nan } }
        }
        let expected = reference(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                                 a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        run(path, transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
            a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: &c, ldc: ldc)
        let what = "\(path) \(transA ? "T" : "N")\(transB ? "T" : "N") \(m)×\(n)×\(k) α=\(alpha) β=\(beta)"
        let tolerance = 1e-12 * Double(k + 2)
        for i in 0..<m {
            XCTAssertEqual(c[i * ldc + n], sentinel, "\(what): padding of row \(i) overwritten", line: line)
            // Report only the first wrong element of a product.
            if let j = (0..<n).first(where: { !(abs(c[i * ldc + $0] - expected[i * ldc + $0]) <= tolerance) }) {
                XCTFail("\(what) at (\(i), \(j)): got \(c[i * ldc + j]), expected \(expected[i * ldc + j])", line: line)
                return
            }
        }
    }

    /// Calls the product on `path`.
    private func run(_ path: Path, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                     a: [Double], lda: Int, b: [Double], ldb: Int, beta: Double, c: inout [Double], ldc: Int) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else { return }
                    let op = GEMMOperands(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                                          a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
                    switch path {
                    case .auto:
                        GEMM.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                                  b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
                    case .builtIn:
                        GEMM.builtIn(op, direct: GEMM.directFits(op))
                    case .direct:
                        if k == 0 || alpha == 0 {
                            GEMM.scale(c, rows: m, cols: n, ldc: ldc, by: beta)
                        } else {
                            GEMM.direct(op)
                        }
                    case let .blocked(blocking, threads):
                        if k == 0 || alpha == 0 {
                            GEMM.scale(c, rows: m, cols: n, ldc: ldc, by: beta)
                        } else {
                            GEMM.split(op, team: threads > 1 ? Self.team : nil) { band in
                                GEMM.blockedBand(band, rows: 0..<band.m, cols: 0..<band.n, blocking: blocking)
                            }
                        }
                    case let .blas(blas):
                        XCTAssertTrue(blas.dgemm(op))
                    }
                }
            }
        }
    }

    /// The textbook definition, element by element: alpha·Σₚ op(A)ᵢₚ·op(B)ₚⱼ + beta·Cᵢⱼ (C unread when beta is 0).
    private func reference(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                           a: [Double], lda: Int, b: [Double], ldb: Int,
                           beta: Double, c: [Double], ldc: Int) -> [Double] {
        var out = c
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    sum += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j])
                }
                out[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j])
            }
        }
        return out
    }

    /// `count` deterministic values in [-1, 1) from a linear congruential sequence.
    private func values(_ count: Int, seed: inout UInt64) -> [Double] {
        (0..<count).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 52) - 1
        }
    }
}
