/// Decides from measured step times whether a halved batch (`BatchShards`) runs on the thread team or on
/// the calling thread alone. Both give the same bits, so this is a choice of speed only.
///
/// Two cores pay off only while they can trade cache lines quickly and the helper is not fighting other
/// work for its core. On the 2-core VM this was built on, most runs of digits were 25% faster on two
/// threads, but in some stretches the same binary ran at half the one-thread speed. So every `period`
/// steps the pacer runs `trial` steps each way, times all but the first `settle` of them (a switch moves
/// the optimizer state between the cores' caches), and keeps the faster way for the rest of the period.
struct TeamPacer {
    /// Steps between decisions.
    static let period = 512
    /// Steps run each way at the start of a period.
    static let trial = 32
    /// Steps at the start of each trial that are not timed.
    static let settle = 8

    /// Whether the steps now run on the team.
    private(set) var useTeam = true
    /// Steps taken in the current period.
    private var position = 0
    /// Time of the trial steps on the team and alone, this period.
    private var teamTime: Duration = .zero, aloneTime: Duration = .zero
    /// When the step under way began.
    private var started: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    /// Notes the start of a step and returns whether it runs on the team.
    mutating func begin(teamSize: Int) -> Bool {
        guard teamSize > 1 else { return false }
        switch position {
        case 0..<Self.trial: useTeam = true
        case Self.trial..<(2 * Self.trial): useTeam = false
        case 2 * Self.trial: useTeam = teamTime <= aloneTime
        default: break
        }
        started = position < 2 * Self.trial && position % Self.trial >= Self.settle ? clock.now : nil
        return useTeam
    }

    /// Notes the end of the step begun last.
    mutating func end() {
        finish(took: started.map { clock.now - $0 })
        started = nil
    }

    /// Counts the step begun last, which took `took` (nil when it was not timed).
    mutating func finish(took: Duration?) {
        if let d = took, position < 2 * Self.trial, position % Self.trial >= Self.settle {
            if position < Self.trial { teamTime += d } else { aloneTime += d }
        }
        position += 1
        if position == Self.period { position = 0; teamTime = .zero; aloneTime = .zero }
    }
}
