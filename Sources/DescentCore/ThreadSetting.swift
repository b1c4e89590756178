import Foundation

/// How many threads training may use: every core this process may use, or `DESCENT_THREADS` of them.
public struct ThreadSetting: Equatable, Sendable {
    /// Threads the team runs, the caller included.
    public let threads: Int
    /// What was wrong with the `DESCENT_THREADS` value and what was done instead, when it was not taken as given.
    public let problem: String?

    /// The setting for a `DESCENT_THREADS` value (nil when unset) on a process that may use `cores` cores:
    /// a whole number from 1 to the core count; a larger one is capped at the core count; anything else is
    /// ignored for the core count. Either way `problem` says so.
    init(_ value: String?, cores: Int) {
        let all = max(1, cores)
        guard let value else { threads = all; problem = nil; return }
        guard let n = Int(value.trimmingCharacters(in: .whitespaces)), n >= 1 else {
            threads = all
            problem = "DESCENT_THREADS=\(value) ignored: give a whole number from 1 to \(all); using \(all)"
            return
        }
        threads = min(n, all)
        problem = n > all ? "DESCENT_THREADS=\(value) capped at the \(Format.counted(all, "core")) this process may use" : nil
    }

    /// The process's setting, read once: the cores are the CPUs it may use (`taskset`), else the online ones.
    public static let current = ThreadSetting(ProcessInfo.processInfo.environment["DESCENT_THREADS"],
                                              cores: CPUAffinity.allowed()?.count ?? ProcessInfo.processInfo.activeProcessorCount)

    /// "2 threads", followed by the problem in parentheses when there is one.
    public var summary: String {
        "\(threads) thread\(threads == 1 ? "" : "s")" + (problem.map { " (\($0))" } ?? "")
    }
}
