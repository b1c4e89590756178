import Foundation

/// The CPUs this process may run on (`taskset`, cgroup cpusets), and keeping a thread on one of them.
///
/// `sched_getaffinity` and `sched_setaffinity` are GNU extensions that the C library module does not export
/// to Swift, so they are looked up by name; without them nothing is known and nothing is pinned.
enum CPUAffinity {
    private typealias Call = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32

    /// Bytes of a CPU mask: 1,024 CPUs, as glibc's `cpu_set_t`.
    private static let maskBytes = 128

    /// The C library's function called `name`, or nil.
    private static func function(_ name: String) -> Call? {
        guard let process = dlopen(nil, RTLD_NOW), let f = dlsym(process, name) else { return nil }
        return unsafeBitCast(f, to: Call.self)
    }

    /// The CPUs the calling thread may use, in increasing order; nil when the system does not say.
    static func allowed() -> [Int]? {
        guard let get = function("sched_getaffinity") else { return nil }
        var mask = [UInt8](repeating: 0, count: maskBytes)
        guard mask.withUnsafeMutableBytes({ get(0, $0.count, $0.baseAddress!) }) == 0 else { return nil }
        var cpus: [Int] = []
        for byte in mask.indices where mask[byte] != 0 {
            for bit in 0..<8 where mask[byte] & (1 << bit) != 0 { cpus.append(byte * 8 + bit) }
        }
        return cpus.isEmpty ? nil : cpus
    }

    /// Keeps the calling thread on `cpu`; does nothing when that cannot be done.
    static func pin(to cpu: Int) {
        guard let set = function("sched_setaffinity"), cpu >= 0, cpu < maskBytes * 8 else { return }
        var one = [UInt8](repeating: 0, count: maskBytes)
        one[cpu / 8] = UInt8(1 << (cpu % 8))
        _ = one.withUnsafeMutableBytes { set(0, $0.count, $0.baseAddress!) }
    }
}
