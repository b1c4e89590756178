import Foundation
import DescentLanguage
import DescentText

/// A fraction typed where a command takes a whole number (`train 1/2`), whose decimal the lexer's hint would give.
extension Session {
    /// Options that take a whole number, in any command: `data … n=N`, `digits=N`, `every=K`, `patience=P`,
    /// `schedule step size=N`, `schedule cosine steps=N`.
    static let wholeNumberOptions: Set<String> = ["n", "digits", "every", "patience", "size", "steps"]

    /// Whether the last argument of `c` (its full name `name`) sits where a whole number goes: `train N`, `seed N`,
    /// `batch N`, `layer dense UNITS`, `show data N`, `show history N`, or one of `wholeNumberOptions`.
    static func takesWholeNumber(_ c: Command, name: String) -> Bool {
        guard let last = c.args.last else { return false }
        if let key = last.key { return wholeNumberOptions.contains(key) }
        let positional = c.args.filter { $0.key == nil }
        let first = positional.first?.text.lowercased()
        switch name {
        case "train", "seed", "batch": return positional.count == 1
        case "layer": return positional.count == 2 && first == "dense"
        case "show": return positional.count == 2 && (first == "data" || first == "history")
        default: return false
        }
    }

    /// The lexer's fraction `error` (`write the fraction as a decimal: `train 0.5``) in `text` (a line starting at
    /// `line`) when the decimal is not whole and goes where a whole number does: that a whole number is needed, with
    /// what the fraction is; nil otherwise.
    static func wholeNumber(_ error: Diagnostic, in text: String, line: Int) -> Diagnostic? {
        let marker = " — write the fraction as a decimal: `"
        guard let span = error.span, let range = error.message.range(of: marker), error.message.hasSuffix("`"),
              let commands = try? Parser.parse(String(error.message[range.upperBound...].dropLast())), commands.count == 1,
              let value = commands[0].args.last?.value, case .number(let x) = value, x != x.rounded() else { return nil }
        let matches = Commands.matching(commands[0].name)
        guard matches.count == 1, takesWholeNumber(commands[0], name: matches[0].name),
              let (physical, _, at, _) = commandAround(span, in: text, line: line) else { return nil }
        // The fraction as typed: the run of text around the `/`, after any `key=`.
        var first = at, last = at
        while first > 0 && physical[first - 1] != " " && physical[first - 1] != "\t" && physical[first - 1] != ";" && physical[first - 1] != "=" { first -= 1 }
        while last < physical.count && physical[last] != " " && physical[last] != "\t" && physical[last] != ";" { last += 1 }
        let fraction = String(physical[first..<last])
        // `n=`, or the command's words before the number (`layer dense`).
        let slot = commands[0].args.last?.key.map { "\($0)=" }
            ?? ([matches[0].name] + commands[0].args.dropLast().filter { $0.key == nil }.map(\.text)).joined(separator: " ")
        return Diagnostic(error.message[..<range.lowerBound] + " — `\(slot)` takes a whole number, and \(fraction.shortened()) is \(x.plainText)",
                          at: span)
    }
}
