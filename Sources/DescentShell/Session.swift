import DescentCore
import DescentLanguage
import DescentTerminal

/// Runs text through the language into the workspace: a line at the prompt, or a whole script.
public struct Session {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Runs one logical line (already joined across `\` continuations); false when a command failed or Ctrl-C
    /// stopped the line. `file` is nil at the prompt; `line` is the line's number in its file.
    ///
    /// Ctrl-C is caught while the line runs: the command under way stops where it can (training at a step,
    /// gradcheck at an entry, a replay at its next line), and the line's later commands do not run.
    @discardableResult
    public func run(line text: String, file: String? = nil, line: Int = 1) -> Bool {
        defer { workspace.out.flush() }
        return Interrupt.during { runCommands(text, file: file, line: line) }
    }

    /// The work of `run(line:file:line:)`, with the interrupt handler installed.
    private func runCommands(_ text: String, file: String?, line: Int) -> Bool {
        guard !Session.isTooLong(text) else {
            let bytes = text.utf8.count
            // Lexing and parsing take some hundred bytes of memory per byte of a line; the message shows its start.
            let d = Diagnostic("this line is \(bytes) bytes long; a line (with its continuations) may hold at most \(Session.maxLineBytes) bytes (1 MiB) — put large data in a CSV file and load it with `data csv`, or split the commands over several lines", at: SourceSpan(line: line, column: 1, length: 1))
            report(d, source: String(text.prefix(200)), firstLine: line, file: file)
            return false
        }
        let commands: [Command]
        do { commands = try Parser.parse(text, line: line) } catch {
            report(Session.keyedCommand(error, in: text, line: line) ?? Session.gradientName(error, in: text, line: line)
                       ?? Session.callForm(error, in: text, line: line) ?? Session.pythonCall(error, in: text, line: line)
                       ?? Session.runName(error, in: text, line: line) ?? Session.wholeNumber(error, in: text, line: line) ?? error,
                   source: text, firstLine: line, file: file)
            return false
        }
        let comment = LineJoiner.comment(in: text)
        for (k, c) in commands.enumerated() {
            let logged = workspace.log.count
            if !run(c, source: text, firstLine: line, file: file) { return false }
            // The line's comment goes with its last command, once that has run: after the text `save session` keeps.
            if k + 1 == commands.count, let comment { keep(comment, after: c, logged: logged) }
            if workspace.quitRequested { return true }
            if Interrupt.requested {
                if k + 1 < commands.count { workspace.out.print("interrupted: the rest of the line was not run") }
                return false
            }
        }
        if commands.isEmpty, let comment { keep(comment, after: nil, logged: workspace.log.count) }
        return true
    }

    /// Keeps a line's `comment` for `save session` at its place: after the text of the line's last command `c` when
    /// `save session` keeps that command (`train 100  # note`; the log held `logged` entries before it ran); else as a line
    /// of its own — for a line of nothing else (`c` nil), and before what a command that is left out (`show`, `plot`,
    /// `replay`, `save weights`) logged, so that `replay "base.descent"  # the base` comes before the commands replayed.
    /// A line of the header `save session` writes is not kept.
    private func keep(_ comment: String, after c: Command?, logged: Int) {
        // A saved session's header, replayed: the next save writes its own.
        if Workspace.isSessionHeader(comment) { return }
        let recorded = c.flatMap { try? Commands.resolve($0.name, at: $0.nameSpan) }?.recorded ?? false
        if recorded, let k = workspace.log.indices.last(where: { $0 >= logged && workspace.log[$0].kept && workspace.log[$0].file == nil }) {
            workspace.log[k].text += "  " + comment
        } else {
            workspace.log.insert(RecordedCommand(text: comment, kept: true), at: min(logged, workspace.log.count))
        }
    }

    /// The longest line `run(line:)` takes, in bytes of UTF-8 (1 MiB): a 21 MB line of commands took 2 GB.
    static let maxLineBytes = 1 << 20

    /// Whether `text` (a line with its continuations) is longer than `maxLineBytes`, which `run(line:)` refuses.
    static func isTooLong(_ text: String) -> Bool { text.utf8.count > maxLineBytes }

    /// Runs a whole script; stops at the first failing command, at Ctrl-C, when the user declines a step, or at
    /// `quit` (leaving `workspace.quitRequested` set: the caller decides whether it ends the program or a replay).
    /// `stepping` shows each line before it runs (`file:N> line`) and asks `stepPrompt` first; comment lines
    /// are shown (`file:N  # …`) without asking.
    /// A UTF-8 byte-order mark (U+FEFF, as Notepad and PowerShell write) at the very start is skipped: columns count from
    /// after it.
    public func runScript(_ text: String, file: String, stepping: Bool = false) -> ScriptEnd {
        let text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        return Interrupt.during {
            for logical in LineJoiner.logicalLines(of: text) {
                let lineText = logical.text, number = logical.line
                if stepping {
                    // A lesson's comment lines are shown as they come (without a stop), as its commands are: beside
                    // the step prompt, on the terminal (`say`), also when standard output goes to a file.
                    let show = workspace.say ?? workspace.out.print
                    let trimmed = lineText.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty { continue }
                    if trimmed.hasPrefix("#") {
                        // Shown without a stop, and run, which keeps it for `save session` as a comment typed is kept.
                        show("\(file):\(number)  \(trimmed)")
                    } else {
                        show("\(file):\(number)> \(trimmed)")
                        if let ask = workspace.stepPrompt, !ask() {
                            return Interrupt.requested ? .interrupted(line: number) : .declined(line: number)
                        }
                    }
                }
                let ok = run(line: lineText, file: file, line: number)
                if Interrupt.requested { return .interrupted(line: number) }
                if !ok { return .failed }
                if workspace.quitRequested { return .quit(line: number) }
            }
            return .completed
        }
    }

    /// Looks up and runs one command; prints its error (with position) and returns false when it fails. A command
    /// that fails leaves no trace: the model or trainer it built on demand is dropped again, and what it replaced
    /// put back (a replay's commands are commands of their own: those that succeeded keep what they built).
    private func run(_ c: Command, source: String, firstLine: Int, file: String?) -> Bool {
        let outer = workspace.beforeBuilding
        workspace.beforeBuilding = nil
        defer { workspace.beforeBuilding = outer }
        let ok = runBuilding(c, source: source, firstLine: firstLine, file: file)
        if !ok, let before = workspace.beforeBuilding { before.restore(into: workspace) }
        return ok
    }

    /// The work of `run(_:source:firstLine:file:)`, which puts back what a failed command built.
    private func runBuilding(_ c: Command, source: String, firstLine: Int, file: String?) -> Bool {
        do {
            let spec = try resolve(c)
            if !spec.comparisons, let equals = Session.equalsAfterName(c, name: spec.name) { throw equals }
            if let call = Session.callForm(c, name: spec.name) { throw call }
            let keys = spec.optionKeys(first: c.args.first.map(\.text))
            var reader = ArgReader(c, optionKeys: keys)
            if !spec.comparisons { try reader.rejectSpacedOptions(options: keys) }
            workspace.recordedAs = nil
            try spec.handler(workspace, &reader)
            if spec.recorded {
                let texts = workspace.recordedAs ?? [Session.recordable(c, as: spec)]
                workspace.log += texts.map { RecordedCommand(text: $0, kept: true) }
            }
            return true
        } catch let d as Diagnostic {
            report(Session.readAs(d, c), source: source, firstLine: firstLine, file: file)
        } catch is ReportedError {
            return false
        } catch {
            report(Diagnostic("\(error)", at: c.nameSpan), source: source, firstLine: firstLine, file: file)
        }
        return false
    }

    /// `d`, an error of `c`, saying which command `c`'s name was read as when that is a prefix of it (`norm W1`:
    /// "(`norm` is `normalize`, which takes `normalize [on|off]`)"); `d` itself for a name written out, an alias, or a
    /// name that is no command.
    static func readAs(_ d: Diagnostic, _ c: Command) -> Diagnostic {
        let matches = Commands.matching(c.name)
        guard Commands.named(c.name) == nil, matches.count == 1 else { return d }
        let spec = matches[0], typed = c.name.shortened()
        let forms = spec.usage.count == 1 ? "which takes `\(spec.usage[0])`" : "`help \(spec.name)` shows its forms"
        return Diagnostic(d.message + " (`\(typed)` is `\(spec.name)`, \(forms))", at: d.span)
    }

    /// The command's text as a saved session keeps it: under its full name, so that an abbreviation
    /// (`tr 20`) still means the same command when later commands share its prefix.
    static func recordable(_ c: Command, as spec: CommandSpec) -> String { recordable(c, name: spec.name) }

    /// The command's text under the full name `name` (see `recordable(_:as:)`).
    static func recordable(_ c: Command, name: String) -> String {
        guard c.name != name, c.text.hasPrefix(c.name) else { return c.text }
        return name + c.text.dropFirst(c.name.count)
    }

    /// The command a (possibly abbreviated) name stands for. A penalty's name typed as a command (`l2 0.01`) is pointed
    /// to `regularize`, not to the nearest name (`lr`, which would change the learning rate).
    private func resolve(_ c: Command) throws -> CommandSpec {
        if Commands.matching(c.name).isEmpty, let hint = ForeignNames.penaltyCommandHint(c) {
            throw Diagnostic("unknown command '\(c.name.shortened())'" + hint, at: c.nameSpan)
        }
        return try Commands.resolve(c.name, at: c.nameSpan)
    }

    /// Prints an error with its place: `file:line:col: error: …` and a caret under the token.
    private func report(_ error: Error, source: String, firstLine: Int, file: String?) {
        let d = (error as? Diagnostic) ?? Diagnostic("\(error)", at: nil)
        workspace.out.error(d.render(source: source, firstLine: firstLine, file: file))
    }
}
