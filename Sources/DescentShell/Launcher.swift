import DescentCore
import DescentTerminal
import Foundation

/// Chooses how descent runs — scripts, `-c` commands, piped input or the interactive prompt — and returns the exit status.
public enum Launcher {
    public static func run(files: [String], commands: String?, noTUI: Bool) -> Int32 {
        let out = StandardOutput()
        if let problem = ThreadSetting.current.problem { out.error("descent: warning: \(problem)") }
        let cwd = FileManager.default.currentDirectoryPath
        let w = Workspace(output: out, directory: cwd)
        w.plotViewer = TextPlotViewer(unicode: TerminalInfo.isUnicodeLocale)
        if TerminalInfo.stdoutIsTerminal {
            let status = StatusLine()
            w.showProgress = { text in if let text { status.show(text) } else { status.clear() } }
        }
        let session = Session(workspace: w)
        if let commands {
            return session.runScript(commands, file: "-c") ? 0 : 1
        }
        if !files.isEmpty {
            for f in files {
                let text: String
                do { text = try AtomicFile.read(f.hasPrefix("/") ? f : cwd + "/" + f) } catch {
                    out.error("descent: \(error)")
                    return 1
                }
                if !session.runScript(text, file: f) { return 1 }
                if w.quitRequested { break }
            }
            return 0
        }
        if !TerminalInfo.stdinIsTerminal {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else { out.error("descent: standard input is not UTF-8 text"); return 1 }
            return session.runScript(text, file: "<stdin>") ? 0 : 1
        }
        // Only the interactive prompt uses the full-screen views; scripts, -c and pipes print text.
        if !noTUI && TerminalInfo.canUseFullScreen { w.useTerminalViews() }
        return Repl(session: session).run()
    }
}
