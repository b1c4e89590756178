/// Decides from measured step times whether a shared step (`BandedStep`, `BatchShards`) runs on the thread
/// team or on the calling thread alone. Both give the same bits, so this is a choice of speed only.
///
/// Two cores pay off only while they can trade cache lines quickly and the helper is not fighting other
/// work for its core. On the 2-core VM this was built on, most runs of digits were 20–25% faster on two
/// threads, but in some stretches the same binary ran at half the one-thread speed. So at the start of
/// every `period` steps the pacer tries the team, then the caller alone: each trial skips `settle` steps
/// (a switch moves the optimizer state between the cores' caches), then times steps until they add up
/// to `trialTime` (at least `minimumSteps`, at most `maximumSteps`); the way with the shorter median step
/// is kept for the rest of the period (a median, as one step held up by the system for a millisecond would
/// swing a mean of 20 steps of 50 µs the wrong way). A period whose trial the team wins clearly (by
/// `clearMargin`) lasts twice as long as the one before, up to `longestPeriod`; one it does not win clearly
/// lasts `period` steps again.
/// (A trial of the caller alone costs a few percent of a 512-step period when the team is much faster.)
/// While the team runs by choice its steps stay timed, `watchSteps` at a time: when their median is slower
/// than the caller alone's in the trial, the VM has moved the cores apart (measured: a cache line takes
/// ~350 ns to cross instead of ~55, for seconds at a time, and team steps take twice as long), and a new
/// period starts at once instead of at the end of one that may be 8,192 steps long.
///
/// A class, not a struct: it changes on every step, and kept inside the object that owns it, its writes
/// would take that object's cache lines away from the helper thread that reads them.
final class TeamPacer {
    /// Steps from the start of one trial to the next, at first and after any trial the team did not win clearly.
    static let period = 512
    /// The longest period.
    static let longestPeriod = 8192
    /// The team wins clearly when the caller alone takes this many times as long per step.
    static let clearMargin = 1.25
    /// Steps at the start of each trial that are not timed.
    static let settle = 2
    /// Timed steps per trial: at least, and at most.
    static let minimumSteps = 4, maximumSteps = 24
    /// Timed steps in a trial stop once they took this long (and `minimumSteps` have run).
    static let trialTime: Duration = .milliseconds(2)
    /// Team steps whose median is compared with the caller alone's while the team runs by choice.
    static let watchSteps = 16

    /// Where the period stands: timing the team, timing the caller alone, or running the choice.
    private enum Stage { case team, alone, chosen }
    private var stage = Stage.team
    /// Whether the steps now run on the team.
    private(set) var useTeam = true
    /// Steps in the period under way.
    private(set) var periodLength = TeamPacer.period
    /// Steps since the period began, and since the stage began.
    private var position = 0, stepsInStage = 0
    /// The stage's timed steps and their time.
    private var timedSteps = 0, timed: Duration = .zero
    /// The stage's step times (room for `maximumSteps`, made once).
    private var samples: [Duration]
    /// The team's and the caller alone's median steps in this period's trial.
    private var teamMedian: Duration = .zero, aloneMedian: Duration = .zero

    init() {
        samples = []
        samples.reserveCapacity(Self.maximumSteps)
    }
    /// When the step under way began, if it is timed.
    private var started: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    /// Notes the start of a step and returns whether it runs on the team.
    func begin(teamSize: Int) -> Bool {
        guard teamSize > 1 else { return false }
        switch stage {
        case .team: useTeam = true
        case .alone: useTeam = false
        case .chosen: break
        }
        started = stage == .chosen ? (useTeam ? clock.now : nil) : (stepsInStage >= Self.settle ? clock.now : nil)
        return useTeam
    }

    /// Notes the end of the step begun last.
    func end() {
        finish(took: started.map { clock.now - $0 })
        started = nil
    }

    /// Counts the step begun last, which took `took` (nil when it was not timed).
    func finish(took: Duration?) {
        position += 1
        if stage != .chosen {
            if stepsInStage >= Self.settle, let d = took { timed += d; timedSteps += 1; samples.append(d) }
            stepsInStage += 1
            if timedSteps >= Self.maximumSteps || (timedSteps >= Self.minimumSteps && timed >= Self.trialTime) {
                let median = medianSample()
                if stage == .team {
                    teamMedian = median; stage = .alone
                } else {
                    aloneMedian = median
                    useTeam = teamMedian <= median; stage = .chosen
                    let clear = teamMedian * Self.clearMargin < median
                    periodLength = clear ? min(2 * periodLength, Self.longestPeriod) : Self.period
                }
                restartStage()
            }
        } else if useTeam, let d = took {
            samples.append(d)
            if samples.count == Self.watchSteps {
                if medianSample() > aloneMedian { periodLength = Self.period; position = periodLength }
                restartStage()
            }
        }
        if position >= periodLength { position = 0; stage = .team; restartStage() }
    }

    /// Forgets the stage's timings.
    private func restartStage() {
        stepsInStage = 0; timedSteps = 0; timed = .zero
        samples.removeAll(keepingCapacity: true)
    }

    /// The middle of the stage's step times (the lower middle of an even count), sorted in place by
    /// insertion: a handful of values, and no buffer to allocate.
    private func medianSample() -> Duration {
        for i in 1..<max(1, samples.count) {
            let x = samples[i]
            var j = i
            while j > 0 && samples[j - 1] > x { samples[j] = samples[j - 1]; j -= 1 }
            samples[j] = x
        }
        return samples.isEmpty ? .zero : samples[(samples.count - 1) / 2]
    }
}
