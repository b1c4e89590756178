import Foundation
import DescentLanguage
import DescentText

/// An `optimizer`, `regularize` or `schedule` command written as PyTorch's constructor (`optimizer SGD(lr=0.1,
/// momentum=0.9)`, `optimizer torch.optim.Adam(lr=0.01)`, `schedule StepLR(step_size=10)`), which the language
/// refuses at a parenthesis, a comma or a `.`: the error says so with the line to type (`ForeignNames.plainLine`).
extension Session {
    /// The commands whose PyTorch constructors are written here as `plainLine` writes them.
    static let callFormCommands = ["optimizer", "regularize", "schedule"]

    /// The lexer's or parser's `error` with the line to type, when it is at a comma between options or inside
    /// parentheses, at `betas=(`, or at the `.` of a module path (`torch.optim.SGD`), in one of `callFormCommands` in
    /// `text` (a line starting at `line`); nil otherwise.
    static func callForm(_ error: Diagnostic, in text: String, line: Int) -> Diagnostic? {
        guard let span = error.span, let (physical, start, at, end) = commandAround(span, in: text, line: line) else { return nil }
        let segment = String(physical[start..<end])
        // Whether the error is inside a call's parentheses.
        let before = physical[start..<at], open = before.filter { $0 == "(" }.count > before.filter { $0 == ")" }.count
        let reason: String
        if error.message.hasPrefix("unexpected ','") {
            // Only a comma inside parentheses or before an option: `drop=a,b` keeps its hint of a list.
            let after = physical[min(at + 1, end)..<end].drop { $0 == " " || $0 == "\t" }
            let isWordPart = { (ch: Character) in ch.isLetter || ch.isNumber || ch == "_" }
            let option = after.prefix(while: isWordPart).count > 0 && after.drop(while: isWordPart).first == "="
            guard open || option else { return nil }
            reason = "options are separated by spaces here, not commas"
        } else if error.message.hasPrefix("expected a value after 'betas=', got '('") {
            reason = "PyTorch's betas=(β1, β2) are two options here"
        } else if error.message.hasPrefix("unexpected character '.'"), ForeignNames.modulePaths.contains(where: segment.contains) {
            reason = "a command here names no module"
        } else if error.message.hasPrefix("unexpected character '.'"), open {
            // `SGD(model.parameters(), …)`: PyTorch's first argument, which a command here leaves out.
            reason = "PyTorch's first argument (the parameters, or the optimizer) is not passed here"
        } else {
            return nil
        }
        guard let name = segment.split(separator: " ").first, case let matches = Commands.matching(String(name)), matches.count == 1,
              callFormCommands.contains(matches[0].name), let plain = ForeignNames.plainLine(segment) else { return nil }
        let head = error.message.components(separatedBy: " — ")[0].replacingOccurrences(of: " outside a list", with: "")
        return Diagnostic(head + " — \(reason): `\(plain.shortened(to: 100))`" + ForeignNames.decayNote(plain, for: segment), at: span)
    }

    /// The command `span` is in, in `text` (a line starting at `line`): the Characters of its physical line, and the
    /// offsets there of the command's start (after the `;` before `span`), of `span` and of the command's end (the next
    /// `;`); nil when `span` is not in `text`.
    static func commandAround(_ span: SourceSpan, in text: String, line: Int) -> ([Character], Int, Int, Int)? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineEnd)
        let k = span.line - line
        guard k >= 0, k < lines.count else { return nil }
        let physical = Array(lines[k]), at = min(max(span.column - 1, 0), physical.count)
        let start = physical[..<at].lastIndex(of: ";").map { $0 + 1 } ?? 0
        let end = physical[at...].firstIndex(of: ";") ?? physical.count
        return (physical, start, at, end)
    }

    /// The error for `c`, one of `callFormCommands` (its full name `name`), written with parentheses (`regularize
    /// l2(0.01)`, `optimizer sgd(0.1)`): at the `(`, with the line to type (`regularize l2 0.01`, `optimizer sgd lr=0.1`);
    /// nil for any other command.
    static func callForm(_ c: Command, name: String) -> Diagnostic? {
        guard callFormCommands.contains(name), let k = c.args.firstIndex(where: { $0.key == nil && $0.value == .op("(") }),
              let plain = ForeignNames.plainLine(c.text) else { return nil }
        let before = k > 0 ? c.args[k - 1].text : c.name
        return Diagnostic("unexpected '(' after '\(before.shortened())' — commands take no parentheses: write `\(plain.shortened(to: 100))`"
                          + ForeignNames.decayNote(plain, for: c.text), at: c.args[k].span)
    }
}
