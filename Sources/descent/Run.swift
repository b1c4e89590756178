import ArgumentParser
import DescentShell

/// Runs the prompt, scripts, `-c` commands or standard input: the default subcommand, not listed in the help,
/// whose options are the root command's (`descent FILE -c …` is `descent run FILE -c …`).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run scripts, commands, or the interactive prompt (the default).",
                                                    usage: "descent [<file> ...] [-c <commands> ...] [--no-tui]", shouldDisplay: false)

    /// The root command's options (parsed there; an option group, so that this command's help lists them too).
    @OptionGroup var launch: Descent

    @Argument(help: ArgumentHelp("Session scripts to run in order.", valueName: "file"))
    var files: [String] = []

    func run() throws {
        let status = Launcher.run(files: files, commands: launch.commands, noTUI: launch.noTUI)
        if status != 0 { throw ExitCode(status) }
    }
}
