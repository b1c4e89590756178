import ArgumentParser
import DescentCore
import DescentShell
import DescentTerminal
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

    /// Ignores Ctrl-\ (SIGQUIT) before anything else runs, then parses the arguments and runs the command.
    static func main() {
        QuitSignal.ignore()
        main(nil)
    }

    /// What runs the numbers: the matrix backend and the threads, e.g. "matrix backend: OpenBLAS …; 2 threads".
    static var setup: String { "matrix backend: \(GEMM.backendName); \(ThreadSetting.current.summary)" }
}
