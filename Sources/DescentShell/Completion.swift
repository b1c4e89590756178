import DescentCore

/// Tab completion from the command table: command names, their keywords, option names, parameter names.
enum Completion {
    /// Candidates for `word`, the text being completed, given the whole line up to the cursor.
    static func candidates(line: String, word: String, workspace w: Workspace) -> [String] {
        let before = String(line.prefix(while: { _ in true }))
        let tokens = before.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let atStart = tokens.isEmpty || (tokens.count == 1 && !before.hasSuffix(" "))
        let pool: [String]
        if atStart {
            pool = Commands.names
        } else if let c = Commands.named(tokens[0]) ?? Commands.all.first(where: { $0.name.hasPrefix(tokens[0].lowercased()) }) {
            let takesParameters = ["show", "set", "explain", "gradcheck", "watch", "unwatch", "expect"].contains(c.name)
            pool = c.keywords + options(for: c.name, tokens: tokens) + (takesParameters ? w.parameterNames() : [])
                + context(c.name, tokens: tokens)
        } else {
            pool = []
        }
        var seen = Set<String>()
        return pool.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
    }

    /// `key=` option names a command takes (for optimizer, per rule).
    static func options(for command: String, tokens: [String]) -> [String] {
        switch command {
        case "layer": return ["bias=", "init=", "slope=", "alpha="]
        case "loss": return ["delta="]
        case "regularize": return ["l1=", "l2="]
        case "optimizer":
            switch tokens.count > 1 ? tokens[1] : "" {
            case "sgd": return ["lr=", "momentum=", "nesterov="]
            case "adam": return ["lr=", "beta1=", "beta2=", "eps="]
            case "rmsprop": return ["lr=", "alpha=", "eps=", "momentum="]
            case "adagrad": return ["lr=", "eps="]
            default: return []
            }
        case "data": return ["n=", "noise=", "classes=", "target=", "X=", "y="]
        case "train": return ["every="]
        default: return []
        }
    }

    /// Values that make sense after particular words.
    static func context(_ command: String, tokens: [String]) -> [String] {
        switch command {
        case "layer": return Activation.names + Initializer.names.map { "init=" + $0 }
        case "show": return ["model", "weights", "grads", "data", "history", "config"]
        case "expect": return Expectation.metrics
        default: return []
        }
    }

    /// True when the cursor sits inside an open double-quoted string (complete a file path there).
    static func insideString(_ line: String) -> Bool {
        var inside = false, escaped = false
        for ch in line {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "\"" { inside.toggle() }
        }
        return inside
    }
}
