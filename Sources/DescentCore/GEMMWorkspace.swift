#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-thread scratch memory of the built-in kernel: allocated the first time a thread multiplies,
/// then reused by every later call on that thread, so no call allocates.
final class GEMMWorkspace {
    /// Doubles in `packedA`: one standard block of op(A), `mc` rows (whole micro-panels) by `kc`.
    static let packedACount = GEMM.roundUp(GEMMBlocking.standard.mc, GEMM.mr) * GEMMBlocking.standard.kc
    /// Doubles in `packedB`: one standard block of op(B), `kc` by `nc` columns (whole micro-panels).
    static let packedBCount = GEMM.roundUp(GEMMBlocking.standard.nc, GEMM.nr) * GEMMBlocking.standard.kc
    /// Doubles in `scratch`.
    static let scratchCount = 16_384

    /// Packed block of op(A) for the blocked path; the direct path's interleaved row groups of A.
    let packedA: UnsafeMutablePointer<Double>
    /// Packed block of op(B) for the blocked path.
    let packedB: UnsafeMutablePointer<Double>
    /// The blocked path's edge tile; the direct path's padded copy of op(B).
    let scratch: UnsafeMutablePointer<Double>

    /// Buffers for blocks up to `GEMMBlocking.standard`.
    private init() {
        packedA = Self.allocate(Self.packedACount)
        packedB = Self.allocate(Self.packedBCount)
        scratch = Self.allocate(Self.scratchCount)
    }

    deinit {
        packedA.deallocate()
        packedB.deallocate()
        scratch.deallocate()
    }

    /// `count` doubles on a 64-byte (cache line) boundary.
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Double> {
        UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Double>.stride, alignment: 64)
            .bindMemory(to: Double.self, capacity: count)
    }

    /// The calling thread's workspace, created on its first use and freed when the thread exits
    /// (a fresh one per call only if the system has no thread-local key to spare).
    static var current: GEMMWorkspace {
        guard let key = workspaceKey else { return GEMMWorkspace() }
        if let raw = pthread_getspecific(key) {
            return Unmanaged<GEMMWorkspace>.fromOpaque(raw).takeUnretainedValue()
        }
        let workspace = GEMMWorkspace()
        // The slot owns one reference, released by the key's destructor when the thread exits.
        let raw = Unmanaged.passRetained(workspace).toOpaque()
        if pthread_setspecific(key, raw) != 0 { Unmanaged<GEMMWorkspace>.fromOpaque(raw).release() }
        return workspace
    }
}

/// The thread-local slot holding each thread's workspace, or nil when the system has no key left.
private let workspaceKey: pthread_key_t? = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        if let raw { Unmanaged<GEMMWorkspace>.fromOpaque(raw).release() }
    }
    return status == 0 ? key : nil
}()
