import DescentCore
import DescentTerminal
import DescentText
import Foundation

/// Chooses how descent runs — scripts, `-c` commands, piped input or the interactive prompt — and returns the exit status.
public enum Launcher {
    /// Runs the scripts `files` in order, then each `-c` text in order (named `-c`, or `-c#1`, `-c#2`, … when there
    /// are several); with neither, piped input or the prompt.
    public static func run(files: [String], commands: [String], noTUI: Bool) -> Int32 {
        // Outside a UTF-8 locale the signs descent prints are spelled in ASCII (the charts and views choose ASCII too).
        let ascii = !TerminalInfo.isUnicodeLocale
        let out = StandardOutput(ascii: ascii)
        if let problem = ThreadSetting.current.problem { out.error("descent: warning: \(problem)") }
        if let problem = GEMM.backendProblem { out.error("descent: warning: \(problem)") }
        let cwd = FileManager.default.currentDirectoryPath
        let w = Workspace(output: out, directory: cwd)
        w.plotViewer = TextPlotViewer(unicode: TerminalInfo.isUnicodeLocale)
        w.executablePath = Bundle.main.executablePath
        if TerminalInfo.stdoutIsTerminal {
            let status = StatusLine()
            w.showProgress = { text in if let text { status.show(ascii ? text.asciiSpelled : text) } else { status.clear() } }
            w.outputWidth = { TerminalInfo.outputColumns }
        }
        let session = Session(workspace: w)
        if !files.isEmpty || !commands.isEmpty {
            for f in files {
                guard !f.isEmpty else {
                    out.error("descent: empty script file name — give a script's path, like descent Sessions/xor.descent")
                    return 1
                }
                let path = f.hasPrefix("/") ? f : cwd + "/" + f
                guard let text = readScript(path, named: f, out) else { return 1 }
                // As a replayed script is, it may not replay itself, nor have the session saved over it; it is not a
                // replay, so the replays it runs nest as deep as from -c or the prompt.
                // `quit` in the program's own scripts and -c ends the program (in a replayed script, only the replay).
                w.programScript = Commands.canonical(path)
                let end = session.runScript(text, file: f)
                w.programScript = nil
                if end != .completed { return exitStatus(end, file: f, out) }
            }
            for (k, c) in commands.enumerated() {
                // Messages name a -c as the file it stands for: `-c:1:13`, or `-c#2:1:13` for the second of several.
                let name = commands.count == 1 ? "-c" : "-c#\(k + 1)"
                let end = session.runScript(c, file: name)
                if end != .completed { return exitStatus(end, file: name, out) }
            }
            return 0
        }
        if !TerminalInfo.stdinIsTerminal {
            // Through the file reader, so that piped input has the same 1 GiB cap and UTF-8 check as a script file.
            guard let text = readScript("/dev/stdin", named: "<stdin>", out) else { return 1 }
            return exitStatus(session.runScript(text, file: "<stdin>"), file: "<stdin>", out)
        }
        // Only the interactive prompt uses the full-screen views; scripts, -c and pipes print text.
        if !noTUI && TerminalInfo.canUseFullScreen { w.useTerminalViews() }
        return Repl(session: session).run()
    }

    /// The exit status for how a script ended (130 for Ctrl-C, as a shell reports it), saying where Ctrl-C stopped it.
    private static func exitStatus(_ end: ScriptEnd, file: String, _ out: Output) -> Int32 {
        switch end {
        case .completed, .quit: return 0
        case .failed, .declined: return 1
        case .interrupted(let line):
            out.error("descent: interrupted at \(file):\(line); the rest was not run")
            return 130
        }
    }

    /// The text of the script at `path`, named `name` in messages, or nil after printing why it cannot be read: where
    /// it is not UTF-8 (`FILE:L:C: error:` with the line and a caret), else the reader's reason.
    private static func readScript(_ path: String, named name: String, _ out: Output) -> String? {
        do { return try AtomicFile.read(path, advice: AtomicFile.scriptAdvice) } catch let e as EncodingError {
            out.error(e.rendered(file: name))
        } catch {
            out.error("descent: " + (name == "<stdin>" ? "standard input: " : "") + "\(error)")
        }
        return nil
    }
}
