import DescentCore
import DescentLanguage

/// `schedule`: a learning rate that changes with the steps, as PyTorch's schedulers change it.
extension Commands {
    static let scheduleKinds = ["step", "exponential", "cosine", "linear", "off"]

    /// The `key=` options of each kind of schedule.
    static func scheduleOptions(_ kind: String) -> [String] {
        switch kind {
        case "step": return ["size", "gamma"]
        case "exponential": return ["gamma"]
        case "cosine": return ["steps", "min"]
        case "linear": return ["start", "end", "steps"]
        default: return []
        }
    }

    /// Sets, replaces or turns off the schedule, or alone says what it is. The schedule counts its steps from now, and
    /// its base is the `lr` set (or the optimizer's default), which `lr X` changes later without restarting the count.
    static func schedule(_ w: Workspace, _ a: inout ArgReader) throws {
        if a.isAtEnd && a.command.args.isEmpty {
            w.recordedAs = []
            return w.out.print(scheduleText(w))
        }
        let name = try a.word("schedule", oneOf: scheduleKinds)
        if let foreign = ForeignNames.scheduleOption(in: a, kind: name, allowed: scheduleOptions(name)) { throw foreign }
        let kind: LearningRateSchedule.Kind?
        let steps = 1...1_000_000_000
        /// The whole number `key=` that this kind needs, with an example of the command when it is missing.
        func required(_ key: String, example: String) throws -> Int {
            guard a.option(key) != nil else { throw a.error("schedule \(name) needs \(key)=N — e.g. \(example)") }
            return try a.intOption(key, default: 1, range: steps)
        }
        switch name {
        case "step":
            let size = try required("size", example: "schedule step size=100 gamma=0.5")
            kind = .step(size: size, gamma: try a.numberOption("gamma", default: 0.1, range: .greaterThan(0)))
        case "exponential":
            guard a.option("gamma") != nil else { throw a.error("schedule exponential needs gamma=G — e.g. schedule exponential gamma=0.99") }
            kind = .exponential(gamma: try a.numberOption("gamma", default: 1, range: .greaterThan(0)))
        case "cosine":
            let t = try required("steps", example: "schedule cosine steps=1000 min=0.0001")
            kind = .cosine(steps: t, minimum: try a.numberOption("min", default: 0, range: .atLeast(0)))
        case "linear":
            let start = try a.numberOption("start", default: 1.0 / 3, range: .greaterThan(0))
            let end = try a.numberOption("end", default: 1, range: .atLeast(0))
            kind = .linear(start: start, end: end, steps: try a.intOption("steps", default: 5, range: steps))
        default:
            kind = nil
        }
        try a.finish(options: scheduleOptions(name))
        let base = w.baseRate
        if case .cosine(_, let minimum)? = kind, minimum >= base {
            throw a.error("min=\(Format.rate(minimum)) is not below the base rate \(Format.rate(base)) (lr): the cosine goes from lr down to min",
                          options: ["min"])
        }
        w.schedule = kind
        w.scheduleStart = w.stepCount
        if let t = w.trainer {
            t.schedule = w.scheduleInForce
            if kind == nil { t.optimizer.learningRate = base }
        }
        guard let s = w.scheduleInForce else { return w.out.print("schedule off: lr \(Format.rate(base)) from the next step") }
        w.out.print("\(s.command): \(s.formula), t counting the steps from now (step \(w.scheduleStart)); base lr \(Format.rate(base)); "
                    + "the next steps at " + Format.rates((0..<3).map { s.rate(at: $0) }).joined(separator: ", ") + ", …")
    }

    /// What `schedule` alone prints: the schedule in force, where it stands and the next rate, or that there is none.
    static func scheduleText(_ w: Workspace) -> String {
        guard let s = w.scheduleInForce else { return "no schedule: every step at lr \(Format.rate(w.currentRate)) (`schedule cosine steps=N`, …, sets one)" }
        let t = max(0, w.stepCount - w.scheduleStart)
        return "\(s.command): \(s.formula); since step \(w.scheduleStart), t = \(t); base lr \(Format.rate(s.base)); next step at lr "
            + Format.rate(s.rate(at: t))
    }
}
