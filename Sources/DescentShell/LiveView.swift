import DescentCore
import DescentPlot
import DescentTerminal
import Foundation
import DescentText

/// The full-screen training view: live loss curves, a status area and, for 2-D data, the decision map.
///
/// Training runs on this thread; the view redraws at most ~30 times a second and never more often than
/// keeps drawing under ~2% of the time (it measures its own frames), so training does not wait for it.
final class LiveView: TrainingView {
    private let workspace: Workspace
    private var screen: Screen?
    private var total = 0
    private var startStep = 0
    private var modelLine = ""
    private let clock = ContinuousClock()
    private var began = ContinuousClock.now
    private var nextFrame = ContinuousClock.now
    private var lastMap = ContinuousClock.now
    /// Curves kept between frames and appended to, never rebuilt.
    private var curves = LossCurves()
    private var logScale = false
    private var showValidation = true
    private var showMap = true
    private var showHelp = false
    /// Whether the run is paused; every change goes through `setPaused`, which keeps the time paused.
    private var paused = false
    private var stepOnce = false
    /// Time paused in earlier pauses of this run, and when the pause under way began. `began` and `pauseBegan` are
    /// `Suspension.activeNow` readings: time stopped (Ctrl-Z) is neither the run's nor a pause's.
    private var pausedBefore: Duration = .zero
    private var pauseBegan: ContinuousClock.Instant?
    /// Time this run has spent paused, the pause under way included.
    var pausedTime: Duration { pausedBefore + pauseSoFar }
    /// The pause under way.
    private var pauseSoFar: Duration { pauseBegan.map { Suspension.activeNow(clock) - $0 } ?? .zero }
    private var mapCanvas: Canvas?
    /// A short message in the status area: why a key did nothing, where a paste went.
    private var notice = Notice()
    /// The stop asked for (a key) while the trainer evaluated inside a step, for the next `update` to return;
    /// once set, the rest of the run's evaluations are abandoned too (the one at its end included).
    private var stopAsked: StopReason?
    /// When keys are next read during an evaluation.
    private var nextKeyCheck = ContinuousClock.now
    /// What the run is doing inside a step, shown in the status area while it lasts (`evaluatingNote`, `stoppingNote`).
    private var activity: String?
    /// Progress lines, when the screen could not be opened.
    private var fallback: ProgressPrinter?
    /// The most steps a second the run goes (`train … pace=S`, `+` and `-`); nil: as fast as it can.
    private var pace: Double?
    /// Where the pace under way was set: the time and the steps done then. Steps are due at `pace` a second from it.
    private var paceOrigin = (at: ContinuousClock.now, done: 0)
    /// The paces `+` and `-` step through, in steps a second; past the last, `+` runs at full speed.
    static let paces: [Double] = [1, 3, 10, 30, 100, 300, 1000, 3000]

    init(workspace: Workspace) { self.workspace = workspace }

    func setPace(_ stepsPerSecond: Double?) -> Bool {
        pace = stepsPerSecond
        return true
    }

    func begin(trainer: Trainer, total: Int, model: String) {
        self.total = total
        startStep = trainer.stepCount
        modelLine = model
        curves.removeAll()
        curves.absorb(trainer.history)
        logScale = Charts.prefersLog(trainer.history)
        paused = false; pausedBefore = .zero; pauseBegan = nil; showHelp = false; mapCanvas = nil; fallback = nil
        notice.text = nil
        stopAsked = nil
        activity = nil
        // Lines typed ahead or pasted after this `train` would be read as keys (`q` of `quit` stopping the run,
        // a space pausing it) and lost: they wait for the prompt instead, and this run prints progress lines.
        if TerminalInfo.inputWaiting {
            workspace.out.print(LiveView.inputWaitingNote + (pace.map { "; pace=\($0.plainText) is for that view, so this run goes at full speed" } ?? ""))
            showProgressLines(trainer: trainer, total: total, model: model)
            return
        }
        let s = Screen()
        do { try s.start() } catch {
            workspace.out.error("note: no full-screen view (\(error)): progress lines instead")
            // As without a terminal (`TERM=dumb`, `--no-tui`, a pipe): the progress lines are not paced.
            if let pace { workspace.out.print(Self.paceIgnoredNote(pace)) }
            showProgressLines(trainer: trainer, total: total, model: model)
            return
        }
        screen = s
        began = Suspension.activeNow(clock)
        nextFrame = clock.now
        paceOrigin = (clock.now, 0)
        draw(trainer)
    }

    /// Runs this run as `--no-tui` does: progress lines, Ctrl-C a signal (the terminal stays in its own mode).
    private func showProgressLines(trainer: Trainer, total: Int, model: String) {
        let printer = ProgressPrinter(output: workspace.out)
        printer.begin(trainer: trainer, total: total, model: model)
        fallback = printer
    }

    /// Said when input is waiting as a run begins, so the full-screen view stays closed.
    static let inputWaitingNote = "note: input is waiting (typed ahead or pasted): progress lines, not the full-screen view"

    /// Watched entries are in the status area while the screen is up; progress lines leave them to be printed.
    var showsWatches: Bool { screen != nil }

    func update(trainer: Trainer, done: Int) -> StopReason? {
        if let fallback { return fallback.update(trainer: trainer, done: done) }
        activity = nil   // any evaluation is over
        if let stopAsked { return stopAsked }
        if let stop = waitForPace(trainer, done: done) { stopAsked = stop; return stop }
        let now = clock.now
        // A stop from outside (kill -TSTP) is acted on at once, not at the next frame.
        guard paused || stepOnce || now >= nextFrame || screen?.signalPending == true else { return nil }
        if stepOnce { stepOnce = false; setPaused(true) }
        if let stop = handleKeys(trainer, wait: 0) { stopAsked = stop; return stop }
        let wasPaused = paused
        while paused {
            draw(trainer)
            if let stop = handleKeys(trainer, wait: 100) { stopAsked = stop; return stop }
            if stepOnce { return nil }
        }
        // Resumed under a pace: the next step comes one interval after the resume, not at once (with another behind it).
        if wasPaused && pace != nil {
            paceOrigin = (clock.now, done - 1)
            if let stop = waitForPace(trainer, done: done) { stopAsked = stop; return stop }
        }
        let t0 = clock.now
        draw(trainer)
        let cost = clock.now - t0
        nextFrame = clock.now + max(.milliseconds(33), cost * 50)
        return nil
    }

    /// Under a pace, waits until step `done` is due, drawing and reading keys meanwhile; a stop key returns its reason.
    /// A pause (space) ends the wait, for `update`'s pause loop.
    private func waitForPace(_ t: Trainer, done: Int) -> StopReason? {
        while let pace, !paused, screen != nil {
            let due = paceOrigin.at + .seconds(Double(done - paceOrigin.done) / pace)
            let now = clock.now
            guard now < due else {
                // Behind by more than a moment (a pause, Ctrl-Z, steps slower than the pace): no burst to catch up.
                if now - due > .milliseconds(300) { paceOrigin = (now, done) }
                return nil
            }
            if now >= nextFrame { draw(t); nextFrame = clock.now + .milliseconds(33) }
            let left = Int(((due - now).seconds * 1000).rounded(.up))
            if let stop = handleKeys(t, wait: max(1, min(33, left))) { return stop }
        }
        return nil
    }

    /// `+` (faster) or `-` (slower): the next pace in `paces`, from the run's speed so far when it had none; past the
    /// fastest, full speed. The steps already run stay where they are: the new pace counts from now.
    private func changePace(faster: Bool, _ t: Trainer) {
        let done = t.stepCount - startStep
        let elapsed = (Suspension.activeNow(clock) - began - pausedTime).seconds
        let rate = elapsed > 0 && done > 0 ? Double(done) / elapsed : .infinity
        let (next, slowest) = LiveView.nextPace(from: pace, faster: faster, rate: rate)
        pace = next
        paceOrigin = (clock.now, done)
        let shown = pace.map { "at most \($0 == 1 ? "1 step" : $0.plainText + " steps") a second" }
        say(slowest ? "pace: already \(shown ?? "") — \(Format.short(LiveView.paces[0])) a second is the slowest - goes to (`train … pace=S` sets slower)"
            : shown.map { "pace: \($0) (+ faster, - slower)" } ?? "pace: full speed (- slows it)")
    }

    /// The pace after `+` (`faster`) or `-` from `pace` (nil: full speed), the run having gone `rate` steps a second so far:
    /// the next of `paces` above it (past the last, full speed), or the next below both it and the speed so far; and
    /// whether `-` found none slower (the pace stays).
    static func nextPace(from pace: Double?, faster: Bool, rate: Double) -> (pace: Double?, slowest: Bool) {
        if faster {
            guard let p = pace else { return (nil, false) }
            return (paces.first { $0 > p }, false)
        }
        let ceiling = min(pace ?? .infinity, rate)
        if let below = paces.last(where: { $0 < ceiling }) { return (below, false) }
        return pace.map { ($0, true) } ?? (paces[0], false)
    }

    /// Reads keys between blocks of an evaluation, and redraws the status at most 4 times a second saying that the
    /// run evaluates (the step and clock would otherwise stand still without a word), or that it stops.
    func stopRequested(trainer: Trainer) -> Bool {
        guard screen != nil, stopAsked == nil else { return stopAsked != nil }
        let now = clock.now
        guard now >= nextKeyCheck else { return false }
        nextKeyCheck = now + .milliseconds(30)
        stopAsked = handleKeys(trainer, wait: 0)
        if stopAsked != nil {
            activity = LiveView.stoppingNote
            draw(trainer)
        } else if now >= nextFrame && !paused {
            activity = LiveView.evaluatingNote(trainer)
            draw(trainer)
            nextFrame = clock.now + .milliseconds(250)
        }
        return stopAsked != nil
    }

    /// Said while the trainer evaluates the full sets inside a step.
    static func evaluatingNote(_ t: Trainer) -> String {
        let rows = t.train.count + (t.validation?.count ?? 0)
        let sets = t.validation == nil ? "the training set" : "the training and validation sets"
        return "evaluating \(sets) (\(Format.counted(rows, "row"))) at step \(t.stepCount)… (q stops it)"
    }

    /// Said once a stop key was read inside a step.
    static let stoppingNote = "stopping: the evaluation is abandoned and the run ends after this step…"

    func end(trainer: Trainer, reason: StopReason) {
        pace = nil   // a pace is the run's, not the next one's
        activity = nil
        fallback?.end(trainer: trainer, reason: reason)
        if let s = screen {
            draw(trainer)
            s.stop()
        }
        screen = nil
    }

    /// Pauses or resumes, adding a finished pause to `pausedTime`.
    private func setPaused(_ on: Bool) {
        guard on != paused else { return }
        paused = on
        if on { pauseBegan = Suspension.activeNow(clock) } else { pausedBefore += pauseSoFar; pauseBegan = nil }
    }

    /// Reads pending keys; a stop key, or the end of the terminal, returns the reason. A paste is kept for the prompt,
    /// and a key the view does not use says so, rather than being lost without a word.
    private func handleKeys(_ t: Trainer, wait: Int) -> StopReason? {
        guard let s = screen else { return nil }
        var timeout = wait
        while let key = s.readKey(timeoutMilliseconds: timeout) {
            timeout = 0
            switch key {
            case .character("q"), .escape, .ctrlC: return .requested("stopped by the user")   // Ctrl-C: Screen raised the interrupt too
            case .hangup: return .requested("stopped: the terminal is gone")   // Screen raised the interrupt too
            case .resize: mapCanvas = nil; notice.resized()
            case .paste(let text):
                LineEditor.keepPaste(text)
                say(LiveView.pasteNotice(text))
            case _ where showHelp: showHelp = false   // any other key only puts the key list away
            case .space: setPaused(!paused); stepOnce = false
            case .character("s") where paused: stepOnce = true; setPaused(false); return nil
            case .character("s"): say("s runs one step while paused (space pauses)")
            case .character("+"), .character("="): changePace(faster: true, t)
            case .character("-"): changePace(faster: false, t)
            case .character("l"): logScale.toggle()
            case .character("v") where t.validation == nil: say(LiveView.noValidationNotice)
            case .character("v"): showValidation.toggle()
            case .character("b"): toggleMap(t)
            case .character("?"): showHelp = true
            default: say(LiveView.unusedKeyNotice(key))
            }
            if !paused { draw(t) }
        }
        return nil
    }

    /// Shows `text` in the status area for a few seconds (or until a resize, when it is `aboutSize`).
    private func say(_ text: String, aboutSize: Bool = false) { notice.say(text, aboutSize: aboutSize) }

    /// Said for `v` when the run has no validation set, so there is no validation curve to show or hide.
    static let noValidationNotice = "no validation set, so no validation curve: `split 0.8` before training makes one"

    /// `b`: the map on or off where one can be drawn; otherwise the status says why there is none (until a resize,
    /// when the reason is the terminal's size).
    private func toggleMap(_ t: Trainer) {
        let (width, height) = screen?.size ?? (0, 0)
        if let why = LiveView.noMapReason(features: t.train.inputCount, fit: Charts.drawsFit(t), width: width, height: height) {
            say(why, aboutSize: Charts.drawsMap(t))
        } else {
            showMap.toggle()
            mapCanvas = nil
        }
    }

    /// The narrowest and lowest terminal that has room for the decision map beside the chart.
    static let mapMinimum = (width: 90, height: 16)

    /// Why no map can be drawn for data of `features` features (`fit`: data the fitted curve is drawn for) on a
    /// terminal of `width`×`height`; nil when one can.
    static func noMapReason(features: Int, fit: Bool = false, width: Int, height: Int) -> String? {
        if features != 2 && !fit {
            return "no map: it is drawn for data of 2 features (or 1, for regression or two classes: the fitted curve), and this data has \(features)"
        }
        if width < mapMinimum.width || height < mapMinimum.height {
            return "no room for the map: it needs a terminal of \(mapMinimum.width)×\(mapMinimum.height) or more (this one is \(width)×\(height))"
        }
        return nil
    }

    /// Said when a paste arrives: it is not read as keys, but kept for the prompt, where it runs `after` (`after the run`).
    static func pasteNotice(_ text: String, after: String = "after the run") -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        switch lines {
        case 0: return "kept the pasted text for the prompt: it waits there \(after)"
        case 1: return "kept the pasted line for the prompt: it runs \(after)"
        default: return "kept the \(lines) pasted lines for the prompt: they run \(after)"
        }
    }

    /// Said for a key the view does not use: typed commands do not reach the prompt, pasted ones do (`after` the run,
    /// or after the view).
    static func unusedKeyNotice(_ key: Key, after: String = "after the run") -> String {
        let name: String
        switch key {
        case .character(let c): name = "'\(c)'"
        case .alt(let c): name = c == " " ? "Alt+Space" : "Alt+\(c)"
        case .bytes(let bytes): name = "a non-ASCII key (bytes " + bytes.map { String(format: "%02X", $0) }.joined(separator: " ") + ")"
        case .enter: name = "Enter"
        case .backspace: name = "Backspace"
        case .up, .down, .left, .right: name = "an arrow key"
        case .function(let n): name = "F\(n)"
        case .control(let code): name = Key.controlName(code)
        default: name = "that key"
        }
        return "\(name) is not a key here (? lists them): typed commands are lost, pasted ones run \(after)"
    }

    /// Draws one frame.
    private func draw(_ t: Trainer) {
        guard let s = screen else { return }
        curves.absorb(t.history)
        let (width, height) = s.size
        let map = mapPanel(t, width: width, height: height, unicode: s.isUnicode)
        let frame = LiveView.layout(width: width, height: height, unicode: s.isUnicode,
                                    chart: chart(s.isUnicode),
                                    status: statusLines(t, width: width, map: Charts.drawsMap(t) ? map != nil : nil),
                                    map: map, help: showHelp ? LiveView.keysHelp(t.train.task, fit: Charts.drawsFit(t)) : nil)
        s.draw(frame)
    }

    private func chart(_ unicode: Bool) -> LineChart {
        curves.chart(unicode: unicode, logScale: logScale, showValidation: showValidation)
    }

    /// The decision map, recomputed at most 4 times a second.
    private func mapPanel(_ t: Trainer, width: Int, height: Int, unicode: Bool) -> Canvas? {
        guard showMap, LiveView.noMapReason(features: t.train.inputCount, fit: Charts.drawsFit(t), width: width, height: height) == nil else { return nil }
        let now = clock.now
        if let m = mapCanvas, now - lastMap < .milliseconds(250) { return m }
        let w = min(width / 2 - 1, 2 * (height - 5)), h = height - 5
        let m = Charts.boundary(t, width: w, height: h, unicode: unicode, maxPoints: 300)
        mapCanvas = m
        lastMap = now
        return m
    }

    /// The status area: numbers, speed and progress, watched values, a notice, the model and the keys (`b map`, with
    /// whether the map is shown, only for data the map can be drawn for: `map` nil otherwise).
    private func statusLines(_ t: Trainer, width: Int, map: Bool?) -> [String] {
        let done = t.stepCount - startStep
        let elapsed = (Suspension.activeNow(clock) - began - pausedTime).seconds
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let pacedRate = pace.map { rate > 0 ? min($0, rate) : $0 } ?? rate   // under a pace, the steps left go at it
        let eta = pacedRate > 0 ? Double(total - done) / pacedRate : 0
        let head = "\(Report.rate(rate)) steps/s\(pace.map { " (pace \($0.plainText))" } ?? "")  elapsed \(LiveView.clockText(elapsed))  eta \(LiveView.clockText(eta))  "
        return LiveView.status(numbers: LiveView.numbersLine(t, done: done, total: total), speed: head,
                               fraction: total > 0 ? Double(done) / Double(total) : 0, paused: paused,
                               watches: workspace.watchedValues(t.model), model: modelLine,
                               keys: LiveView.keysLine(logScale: logScale, map: map),
                               notice: notice.text, activity: activity, width: width)
    }

    /// The keys line: what each key does, the scale the chart is in now (`l` toggles it) and, for data the map can be
    /// drawn for (`map` not nil), whether the map is shown (`b` toggles it).
    static func keysLine(logScale: Bool, map: Bool?) -> String {
        "q stop · space pause · l scale: \(logScale ? "log" : "linear") · v val"
            + (map.map { " · b map: \($0 ? "on" : "off")" } ?? "") + " · ? keys"
    }

    /// The status lines for `width` columns: the numbers (wrapped between fields, so none is cut), the speed
    /// with a progress bar of 10–40 cells and PAUSED (its hint dropped when narrow), what the run is doing inside a
    /// step (`activity`: evaluating, stopping), watched values, a notice, and the model beside the keys, or above them
    /// when both do not fit.
    static func status(numbers: String, speed: String, fraction: Double, paused: Bool, watches: [String],
                       model: String, keys: String = keysLine(logScale: false, map: true), notice: String? = nil,
                       activity: String? = nil, width: Int) -> [String] {
        let percent = " \(Int(fraction * 100))%"
        var tail = percent + (paused ? "  PAUSED (space resumes, s steps)" : "")
        if paused && speed.count + tail.count + 12 > width { tail = percent + "  PAUSED" }
        var lines = wrap(numbers.components(separatedBy: "  "), width: width, separator: "  ")
        if speed.count + tail.count + 12 <= width {
            lines.append(speed + bar(fraction, width: max(10, min(40, width - speed.count - tail.count - 2))) + tail)
        } else {
            // Narrower than the speed, a 10-cell bar and PAUSED: the speed's fields wrap, the bar gets a line of its own.
            lines += wrap(speed.components(separatedBy: "  "), width: width, separator: "  ")
            lines += wrap([bar(fraction, width: max(10, min(40, width - percent.count - 2))) + percent] + (paused ? ["PAUSED"] : []),
                          width: width, separator: "  ")
        }
        if let activity { lines += activity.wrapped(width: width) }
        if let first = watches.first { lines += wrap(["watch " + first] + watches.dropFirst(), width: width, separator: "  ") }
        if let notice { lines += notice.wrapped(width: width) }   // at spaces, as help is
        if model.columns + 4 + keys.columns <= width {
            lines.append(model + "    " + keys)
        } else {
            // A field wider than the line (an optimizer with its settings) breaks between its settings, never inside one.
            let fields = model.components(separatedBy: " · ").flatMap { field in
                field.columns <= width ? [field] : wrap(settings(field), width: width, separator: " ")
            }
            lines += wrap(fields, width: width, separator: " · ")
            lines += wrap(keys.components(separatedBy: " · "), width: width, separator: " · ")
        }
        return lines
    }

    /// A field of the model line cut into its settings, each a word that begins with a letter and the values after it:
    /// `adam lr 0.01 beta1 0.8` → `adam`, `lr 0.01`, `beta1 0.8`.
    static func settings(_ field: String) -> [String] {
        var settings: [String] = []
        for word in field.split(separator: " ") {
            if let last = settings.last, !(word.first?.isLetter ?? false) { settings[settings.count - 1] = last + " " + word } else {
                settings.append(String(word))
            }
        }
        return settings
    }

    /// The key that stops a run, as the keys line begins; the status line holding it is the last to go when rows are few.
    static let stopKey = "q stop"

    /// At most `rows` of the status `lines`, in their order: when they do not all fit, the line with the stop key (the
    /// way out) first, then the first lines (where the run stands), so that a small terminal still shows how to leave.
    static func fit(_ lines: [String], rows: Int) -> [String] {
        guard lines.count > rows else { return lines }
        guard rows > 0 else { return [] }
        let stop = lines.lastIndex { $0.contains(stopKey) } ?? lines.count - 1
        let kept = Set([stop] + Array(lines.indices.filter { $0 != stop }.prefix(rows - 1)))
        return lines.indices.filter(kept.contains).map { lines[$0] }
    }

    /// `fields` joined by `separator` into lines of at most `width` terminal columns, breaking only between fields
    /// (a field wider than the line gets a line of its own).
    static func wrap(_ fields: [String], width: Int, separator: String) -> [String] {
        var lines: [String] = [], line = ""
        for field in fields where !field.isEmpty {
            if line.isEmpty { line = field } else if line.columns + separator.columns + field.columns <= width { line += separator + field } else {
                lines.append(line); line = field
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }

    /// The status area's first line: where the run stands (its steps of its total, beside the session's total
    /// step and epoch once earlier runs make them differ), the latest losses, the metric of the last full
    /// evaluation with its step when older than the last step, the learning rate.
    static func numbersLine(_ t: Trainer, done: Int, total: Int) -> String {
        var line = Report.position(t, done: done, total: total) + Report.lastLoss(t)
        if let e = t.history.lastEvaluation {
            line += "  train_loss \(Format.sig(e.trainLoss, 4))"
            if let v = e.valLoss { line += "  val_loss \(Format.sig(v, 4))" }
            let m = e.valMetric ?? e.trainMetric
            let undefined = e.valMetric == nil ? t.r2Undefined.train : t.r2Undefined.validation
            line += "  \(e.valMetric == nil ? "" : "val_")\(Metrics.name(for: t.train.task)) \(Report.metric(m, task: t.train.task, undefined: undefined))"
            if e.step != t.stepCount { line += "  (at \(Report.stepName(t, done: done)) \(e.step))" }
        }
        return line + "  lr \(Format.rate(t.optimizer.learningRate))"
    }

    /// The key list `?` shows, `b`'s map named for the task (`Charts.mapName`), or the fitted curve (`fit`).
    static func keysHelp(_ task: Task, fit: Bool = false) -> [String] {
        ["keys", "q, Esc, Ctrl-C  stop at the next step", "space  pause / resume", "s  one step (paused)",
         "- / +  slower / faster (1 to 3000 steps a second, then full speed)",
         "l  log / linear scale", "v  validation curve", fit ? "b  fitted curve (data of 1 feature)" : "b  \(Charts.mapName(task)) (data of 2 features)",
         "Ctrl-Z  suspend (fg resumes)", "?  this help; other keys only hide it",
         "a paste waits for the prompt"]
    }

    /// The key list's `lines` wrapped at spaces to `width` columns (at least 10), as help text is: what a key does
    /// goes on under itself, past the key (`q, Esc, Ctrl-C  stop at the` / `next step`), where that leaves room.
    static func wrapHelp(_ lines: [String], width: Int) -> [String] {
        let width = max(10, width)
        return lines.flatMap { line -> [String] in
            let key = line.range(of: "  ").map { String(line[..<$0.lowerBound]).columns + 2 } ?? 2
            return line.wrapped(width: width, indent: key <= width / 2 ? key : 2)
        }
    }

    /// `1:05`, `12:00:03`
    static func clockText(_ s: Double) -> String {
        guard s.isFinite, s >= 0 else { return "—" }
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }

    /// `[██████░░░░]`
    static func bar(_ f: Double, width: Int) -> String {
        let filled = Int((min(max(f, 0), 1) * Double(width)).rounded())
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
    }

    /// Puts the chart, the map, the status lines and the help box on one canvas (pure: tested as text).
    static func layout(width: Int, height: Int, unicode: Bool, chart: LineChart, status: [String],
                       map: Canvas?, help: [String]?) -> Canvas {
        var c = Canvas(width: width, height: height)
        guard width > 0, height > 0 else { return c }
        let status = fit(status, rows: max(0, height - 1))
        let statusRows = status.count
        let chartHeight = height - statusRows
        let chartWidth = map.map { width - $0.width - 1 } ?? width
        chart.draw(into: &c, x: 0, y: 0, width: max(0, chartWidth), height: max(0, chartHeight))
        if let map { c.blit(map, x: width - map.width, y: 0) }
        for (i, line) in status.enumerated() {
            let row = height - statusRows + i
            let text = unicode ? line : line.asciiFallback
            c.put(String(text.prefix(width)), x: 0, y: row, fg: i == statusRows - 1 ? .dim : .status, bold: i == 0)
        }
        if let help {
            let help = wrapHelp(help, width: width - 4)
            let w = (help.map(\.columns).max() ?? 0) + 4, h = help.count + 2
            let x0 = max(0, (width - w) / 2), y0 = max(0, (chartHeight - h) / 2)
            for y in 0..<h { c.put(String(repeating: " ", count: w), x: x0, y: y0 + y, fg: .title) }
            for (i, line) in help.enumerated() { c.put(line, x: x0 + 2, y: y0 + 1 + i, fg: i == 0 ? .title : .label, bold: i == 0) }
        }
        return c
    }
}
