import Foundation

/// Helper threads for the blocked kernel, started once and then reused, so that splitting a product
/// across cores allocates nothing per call. One product uses them at a time; a product that finds them
/// busy runs on its caller's thread alone.
final class GEMMHelpers: @unchecked Sendable {
    /// One band of C for one thread: the product and the rows and columns of C it computes.
    typealias Band = (op: GEMMOperands, rows: Range<Int>, cols: Range<Int>, blocking: GEMMBlocking)

    /// One helper per core beyond the caller's.
    static let shared = GEMMHelpers(count: GEMM.cores - 1)

    /// Number of helper threads.
    let count: Int
    private let busy = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private let starts: [DispatchSemaphore]
    /// Helper h's band, written by the caller before it signals `starts[h]`.
    private let bands: UnsafeMutablePointer<Band?>

    /// Starts `count` helper threads, each waiting for work.
    private init(count: Int) {
        self.count = max(0, count)
        starts = (0..<self.count).map { _ in DispatchSemaphore(value: 0) }
        bands = .allocate(capacity: max(1, self.count))
        bands.initialize(repeating: nil, count: max(1, self.count))
        for h in 0..<self.count {
            let thread = Thread { [self] in serve(h) }
            thread.name = "descent-gemm-\(h + 1)"
            thread.start()
        }
    }

    /// Runs `band(0)` on the calling thread and `band(1) ..< band(parts)` on helpers, returning when all
    /// are done; false (nothing run) when helpers are too few or busy with another product.
    func run(parts: Int, band: (Int) -> Band) -> Bool {
        guard parts - 1 <= count, busy.try() else { return false }
        defer { busy.unlock() }
        for h in 0..<(parts - 1) {
            bands[h] = band(h + 1)
            starts[h].signal()
        }
        Self.compute(band(0))
        for _ in 0..<(parts - 1) { finished.wait() }
        return true
    }

    /// Helper `h`'s life: wait for a band, compute it, report, forever.
    private func serve(_ h: Int) {
        while true {
            starts[h].wait()
            if let band = bands[h] { Self.compute(band) }
            finished.signal()
        }
    }

    /// Computes one band with the packed kernel.
    private static func compute(_ band: Band) {
        GEMM.blockedBand(band.op, rows: band.rows, cols: band.cols, blocking: band.blocking)
    }
}
