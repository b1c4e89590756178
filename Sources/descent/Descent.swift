import ArgumentParser
import DescentCore
import DescentShell
import DescentTerminal
import Foundation

/// `descent`: the interactive prompt, or scripts, `-c` commands and piped input; `descent bench` for speed.
///
/// The options of a run (`-c`, `--no-tui`) are the root command's own, so that `descent --help` lists them; the
/// scripts are taken by `Run`, the hidden default subcommand, as a positional argument on the root would read
/// `bench` as a script's name.
@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "An interactive terminal REPL for neural-network experiments.",
        usage: """
        descent [<file> ...] [-c <commands> ...] [--no-tui]
        descent bench [--scale <scale>] [<workload> ...]
        """,
        discussion: """
        With no arguments on a terminal, opens the prompt (type `help`). With FILE arguments (session scripts), \
        runs them in order and exits; -c runs the given commands after any scripts; with commands piped on \
        standard input, runs them as a script. The exit status is 1 when a command fails or an `expect` \
        does not hold. Set DESCENT_BLAS=off to use the built-in matrix kernel instead of OpenBLAS, and \
        DESCENT_THREADS=1 to train on one core.
        """,
        version: "descent \(Version.string) (\(setup))",
        subcommands: [Run.self, Bench.self],
        defaultSubcommand: Run.self)

    @Option(name: .short, parsing: .unconditionalSingleValue, help: ArgumentHelp("Commands to run, separated by ';' or newlines; repeatable (errors name the second as -c#2), and run after any scripts.", valueName: "commands"))
    var commands: [String] = []

    @Flag(name: .customLong("no-tui"), help: "Never open the full-screen view: print progress lines and text charts.")
    var noTUI = false

    /// Ignores Ctrl-\ (SIGQUIT) before anything else runs, then parses the arguments and runs the command.
    static func main() {
        QuitSignal.ignore()
        main(nil)
    }

    /// What runs the numbers: the matrix backend and the threads, e.g. "matrix backend: OpenBLAS …; 2 threads".
    static var setup: String { "matrix backend: \(GEMM.backendName); \(ThreadSetting.current.summary)" }
}
