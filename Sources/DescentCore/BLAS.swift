import CKernels
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A CBLAS library (normally OpenBLAS) opened at run time with `dlopen`, so building needs no BLAS.
///
/// `DESCENT_BLAS=off` (or `0`, `none`) keeps it off; `DESCENT_BLAS=/path/lib.so` picks the library;
/// otherwise the first of `defaultLibraries` that exports `cblas_dgemm` is used. Its kernels are chosen
/// from the CPU's features (`coreType`) unless `OPENBLAS_CORETYPE` is set.
struct BLAS: Sendable {
    /// The C signature of `cblas_dgemm` with 32-bit integers (OpenBLAS's default interface).
    typealias DGEMM = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Double,
                                      UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32,
                                      Double, UnsafeMutablePointer<Double>?, Int32) -> Void

    /// Libraries tried in order when `DESCENT_BLAS` names none.
    static let defaultLibraries = ["libopenblas.so.0", "libopenblas.so", "libblas.so.3"]

    /// The library's `cblas_dgemm`. The only stored property: the struct is copied into every product's
    /// plan, on both threads of a shared step, and a reference-counted one (the name, a String) would be
    /// retained and released from both cores at every product.
    private let cblasDgemm: DGEMM

    /// The library this process uses (nil: built-in kernel only) with its name ("OpenBLAS 0.3.21
    /// (libopenblas.so.0)"), or, when there is none, why (the name is then empty).
    static let loaded: (library: BLAS?, name: String, reason: String) =
        load(candidates: candidates(forSetting: ProcessInfo.processInfo.environment["DESCENT_BLAS"]))

    /// The library in use, if any.
    static var shared: BLAS? { loaded.library }

    /// Why a library `DESCENT_BLAS` names did not load (nil when it names none, or it loaded): it then has no effect.
    static var settingProblem: String? {
        let named = candidates(forSetting: ProcessInfo.processInfo.environment["DESCENT_BLAS"])
        guard named.count == 1, loaded.library == nil else { return nil }
        return "DESCENT_BLAS=\(named[0]): could not load it as a BLAS with cblas_dgemm; matrix products use the built-in kernel"
    }

    /// The library in use's name, shown to people, or nil when there is none.
    static var sharedName: String? { loaded.library == nil ? nil : loaded.name }

    /// " (why no BLAS)" to append to the built-in backend's name, or "" when a library is loaded.
    static var loadNote: String { loaded.library == nil ? " (\(loaded.reason))" : "" }

    /// Libraries to try for a `DESCENT_BLAS` value: none when it says off, the named one, or the defaults.
    static func candidates(forSetting setting: String?) -> [String] {
        let value = (setting ?? "").trimmingCharacters(in: .whitespaces)
        switch value.lowercased() {
        case "off", "0", "none": return []
        case "", "on", "1", "auto": return defaultLibraries
        default: return [value]
        }
    }

    /// The first of `candidates` that opens and exports `cblas_dgemm` with its name, or why none did.
    static func load(candidates: [String]) -> (library: BLAS?, name: String, reason: String) {
        guard !candidates.isEmpty else { return (nil, "", "DESCENT_BLAS=off") }
        for path in candidates {
            if let (library, name) = open(path) { return (library, name, "") }
        }
        return (nil, "", candidates.count == 1 ? "could not load \(candidates[0])" : "no OpenBLAS found")
    }

    /// The library at `path` with its name, if it opens and exports `cblas_dgemm`; never closed once in use.
    static func open(_ path: String) -> (BLAS, name: String)? {
        // OpenBLAS starts its thread pool when it is loaded, and an idle pool thread spins on
        // `sched_yield` for a while after each call, taking a core from the team's helpers.
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        // OpenBLAS reads its kernels' name when it is loaded, so it must be set first.
        if let core = coreType(vectorLevel: Int(cpu_vector_level()),
                               setting: ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]) {
            setenv("OPENBLAS_CORETYPE", core, 1)
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { return nil }
        guard let symbol = dlsym(handle, "cblas_dgemm") else {
            dlclose(handle)
            return nil
        }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        singleThreaded(handle)
        let kernels = coreName(handle).map { ", \($0) kernels" } ?? ""
        return (BLAS(cblasDgemm: unsafeBitCast(symbol, to: DGEMM.self)), "\(vendor(handle)) (\(file)\(kernels))")
    }

    /// The kernels to ask OpenBLAS for (its `OPENBLAS_CORETYPE`) on a CPU of `vectorLevel`
    /// (`cpu_vector_level`: 2 AVX-512, 1 AVX2 with FMA), or nil to leave the choice to OpenBLAS: below AVX2,
    /// or when `setting` (the environment's `OPENBLAS_CORETYPE`) already names one. OpenBLAS 0.3.21 picks its
    /// kernels by CPU model and takes its oldest, Prescott's (SSE3), for a model it does not know, as a
    /// 5th-generation Xeon (family 6, model 207) under a hypervisor: its products then ran 4.5 times slower
    /// than with the SkylakeX kernels, which every AVX-512 core from Skylake-X to Sapphire Rapids multiplies
    /// doubles with.
    static func coreType(vectorLevel: Int, setting: String?) -> String? {
        if let setting, !setting.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        switch vectorLevel {
        case 2...: return "SkylakeX"
        case 1: return "Haswell"
        default: return nil
        }
    }

    /// The name of the kernels an OpenBLAS library runs ("SkylakeX"), or nil for another library.
    private static func coreName(_ handle: UnsafeMutableRawPointer) -> String? {
        typealias GetCoreName = @convention(c) () -> UnsafePointer<CChar>?
        guard let symbol = dlsym(handle, "openblas_get_corename"),
              let name = unsafeBitCast(symbol, to: GetCoreName.self)() else { return nil }
        let text = String(cString: name).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// Asks an OpenBLAS library to run each call on its caller's thread alone: `GEMM` already gives each
    /// thread of the team its own band, and OpenBLAS's own threads would compete with them for the cores.
    private static func singleThreaded(_ handle: UnsafeMutableRawPointer) {
        typealias SetThreads = @convention(c) (Int32) -> Void
        guard let symbol = dlsym(handle, "openblas_set_num_threads") else { return }
        unsafeBitCast(symbol, to: SetThreads.self)(1)
    }

    /// "OpenBLAS <version>" when the library reports an OpenBLAS configuration, else "BLAS".
    private static func vendor(_ handle: UnsafeMutableRawPointer) -> String {
        typealias GetConfig = @convention(c) () -> UnsafePointer<CChar>?
        guard let symbol = dlsym(handle, "openblas_get_config"),
              let config = unsafeBitCast(symbol, to: GetConfig.self)() else { return "BLAS" }
        let words = String(cString: config).split(separator: " ")
        return words.count > 1 && words[0] == "OpenBLAS" ? "OpenBLAS \(words[1])" : "OpenBLAS"
    }

    /// C = alpha·op(A)·op(B) + beta·C through `cblas_dgemm`, row-major; false (and nothing done)
    /// when a size or stride does not fit the library's 32-bit integers.
    func dgemm(_ op: GEMMOperands) -> Bool {
        guard let m = Int32(exactly: op.m), let n = Int32(exactly: op.n), let k = Int32(exactly: op.k),
              let lda = Int32(exactly: op.lda), let ldb = Int32(exactly: op.ldb), let ldc = Int32(exactly: op.ldc)
        else { return false }
        let rowMajor: Int32 = 101, noTrans: Int32 = 111, trans: Int32 = 112
        cblasDgemm(rowMajor, op.transA ? trans : noTrans, op.transB ? trans : noTrans, m, n, k,
                   op.alpha, op.a, lda, op.b, ldb, op.beta, op.c, ldc)
        return true
    }
}
