import ArgumentParser
import DescentShell

/// Runs the prompt, scripts, `-c` commands or standard input.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run scripts, commands, or the interactive prompt (the default).")

    @Option(name: .short, help: "Commands to run, separated by ';' or newlines; repeatable (errors name the second as -c#2), and run after any scripts.")
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
