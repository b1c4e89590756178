import ArgumentParser
import DescentCore
import DescentShell
import Foundation

/// `descent`: the interactive prompt, or scripts, `-c` commands and piped input; `descent bench` for speed.
@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "An interactive terminal REPL for neural-network experiments.",
        discussion: """
        With no arguments on a terminal, opens the prompt (type `help`). With FILE arguments, runs those \
        session scripts in order and exits; -c runs the given commands (after any scripts); with commands piped on \
        standard input, runs them as a script. The exit status is 1 when a command fails or an `expect` \
        does not hold. Set DESCENT_BLAS=off to use the built-in matrix kernel instead of OpenBLAS, and \
        DESCENT_THREADS=1 to train on one core.
        """,
        version: "descent \(Version.string) (\(setup))",
        subcommands: [Run.self, Bench.self],
        defaultSubcommand: Run.self)

    /// What runs the numbers: the matrix backend and the threads, e.g. "matrix backend: OpenBLAS …; 2 threads".
    static var setup: String { "matrix backend: \(GEMM.backendName); \(ThreadSetting.current.summary)" }
}

/// Runs the prompt, scripts, `-c` commands or standard input.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run scripts, commands, or the interactive prompt (the default).")

    @Option(name: .short, help: "Commands to run, separated by ';' or newlines; repeatable, and run after any scripts.")
    var commands: [String] = []

    @Flag(name: .customLong("no-tui"), help: "Never open the full-screen view: print progress lines and text charts.")
    var noTUI = false

    @Argument(help: "Session scripts to run in order.")
    var files: [String] = []

    func run() throws {
        let status = Launcher.run(files: files, commands: commands, noTUI: noTUI)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Times the reference workloads.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Time the tiny, digits and wide training workloads (steps per second).")

    @Option(help: "Multiply each workload's timed steps by this factor (e.g. 0.1 for a quick look).")
    var scale: Double = 1

    @Argument(help: "Workloads to run (tiny, digits, wide); all when omitted.")
    var names: [String] = []

    func validate() throws {
        guard scale > 0 && scale <= 100 else { throw ValidationError("--scale must be in (0, 100]") }
        let known = Benchmark.workloads.map(\.name)
        for n in names where !known.contains(n) {
            throw ValidationError("unknown workload '\(n)' (choose from \(known.joined(separator: ", ")))")
        }
    }

    func run() throws {
        print("# descent \(Version.string), \(Descent.setup)")
        for w in Benchmark.workloads where names.isEmpty || names.contains(w.name) {
            let m = Benchmark.run(w, scale: scale)
            print("\(w.name) \(String(format: "%.1f", m.stepsPerSecond)) steps/s")
            let threads = ThreadSetting.current.threads
            print("# \(w.name): " + (threads == 1 ? "one thread"
                : "\(Int((100 * m.shareOnTeam).rounded()))% of the timed steps shared by \(threads) threads"))
        }
    }
}
