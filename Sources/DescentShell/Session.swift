import DescentCore
import DescentLanguage

/// Runs text through the language into the workspace: a line at the prompt, or a whole script.
public struct Session {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Runs one logical line (already joined across `\` continuations); false when a command failed.
    /// `file` is nil at the prompt; `line` is the line's number in its file.
    @discardableResult
    public func run(line text: String, file: String? = nil, line: Int = 1) -> Bool {
        let commands: [Command]
        do { commands = try Parser.parse(text, line: line) } catch {
            report(error, source: text, firstLine: line, file: file)
            return false
        }
        for c in commands {
            if !run(c, source: text, firstLine: line, file: file) { return false }
            if workspace.quitRequested { return true }
        }
        return true
    }

    /// Runs a whole script; stops at the first failing command and returns false.
    @discardableResult
    public func runScript(_ text: String, file: String, stepping: Bool = false) -> Bool {
        for logical in LineJoiner.logicalLines(of: text) {
            let lineText = logical.text, number = logical.line
            if stepping {
                let trimmed = lineText.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                workspace.out.print("\(file):\(number)> \(trimmed)")
                if let ask = workspace.stepPrompt, !ask() { workspace.out.print("replay stopped by the user"); return false }
            }
            if !run(line: lineText, file: file, line: number) { return false }
            if workspace.quitRequested { return true }
        }
        return true
    }

    /// Looks up and runs one command; prints its error (with position) and returns false when it fails.
    private func run(_ c: Command, source: String, firstLine: Int, file: String?) -> Bool {
        do {
            let spec = try resolve(c)
            var reader = ArgReader(c)
            try spec.handler(workspace, &reader)
            if spec.recorded { workspace.recorded.append(c.text) }
            return true
        } catch let d as Diagnostic {
            report(d, source: source, firstLine: firstLine, file: file)
        } catch {
            report(Diagnostic("\(error)", at: c.nameSpan), source: source, firstLine: firstLine, file: file)
        }
        return false
    }

    /// The command a (possibly abbreviated) name stands for.
    private func resolve(_ c: Command) throws -> CommandSpec { try Commands.resolve(c.name, at: c.nameSpan) }

    /// Prints an error with its place: `file:line:col: error: …` and a caret under the token.
    private func report(_ error: Error, source: String, firstLine: Int, file: String?) {
        let d = (error as? Diagnostic) ?? Diagnostic("\(error)", at: nil)
        workspace.out.error(d.render(source: source, firstLine: firstLine, file: file))
    }
}
