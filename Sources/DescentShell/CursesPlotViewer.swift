import DescentCore
import DescentPlot
import DescentTerminal
import DescentText

/// `plot` on a terminal: the chart full-screen until a key; `+`/`-` zoom the step range, arrows scroll it. A paste is not
/// read as keys: it is kept for the prompt, which runs it after the view.
/// While input is waiting (lines typed ahead or pasted), the chart is printed as text instead, as `--no-tui` does,
/// so that the view does not read those lines as keys.
final class CursesPlotViewer: PlotViewer {
    /// Prints the charts when input is waiting.
    private var text: TextPlotViewer { TextPlotViewer(unicode: TerminalInfo.isUnicodeLocale) }

    /// True when input is waiting; says so.
    private func inputWaiting(_ w: Workspace) -> Bool {
        guard TerminalInfo.inputWaiting else { return false }
        w.out.print("note: input is waiting (typed ahead or pasted): the chart as text, not the full-screen view")
        return true
    }

    /// When the screen cannot start (an unknown TERM): says why, and prints the chart as text instead.
    private func textInstead(_ w: Workspace, _ error: Error, _ print: () throws -> Void) throws {
        w.out.error("note: no full-screen view (\(error)): the chart as text instead")
        try print()
    }

    func showLoss(_ w: Workspace, _ t: Trainer) throws {
        if inputWaiting(w) { return try text.showLoss(w, t) }
        let s = Screen()
        do { try s.start() } catch { return try textInstead(w, error) { try text.showLoss(w, t) } }
        defer { s.stop() }
        view(Charts.lossChart(t.history, unicode: s.isUnicode, logScale: Charts.prefersLog(t.history), title: w.modelLine()), on: s)
    }

    func showRuns(_ w: Workspace, _ chart: (Bool) -> LineChart) throws {
        if inputWaiting(w) { return try text.showRuns(w, chart) }
        let s = Screen()
        do { try s.start() } catch { return try textInstead(w, error) { try text.showRuns(w, chart) } }
        defer { s.stop() }
        view(chart(s.isUnicode), on: s)
    }

    /// Shows `chart`, whose x is the step, on the started screen `s` until a key that goes back.
    private func view(_ chart: LineChart, on s: Screen) {
        var chart = chart
        let full = chart.xExtent ?? (0...1)
        var window = full
        var showHelp = false
        var notice = Notice()
        while true {
            chart.xRange = window == full ? nil : window
            var (width, height) = s.size
            height = max(1, height - 1)
            var canvas = Canvas(width: width, height: height + 1)
            chart.draw(into: &canvas, x: 0, y: 0, width: width, height: height)
            let hint = notice.text.map { CursesPlotViewer.withWayOut($0, back: "q back", width: width, unicode: s.isUnicode) }
                ?? CursesPlotViewer.lossHint(window, help: showHelp, unicode: s.isUnicode, width: width)
            canvas.put(String(hint.prefix(width)), x: 0, y: height, fg: .dim)
            s.draw(canvas)
            guard let key = s.readKey(timeoutMilliseconds: 1000) else { continue }
            let span = window.upperBound - window.lowerBound
            switch key {
            case .character("q"), .escape, .enter, .ctrlC, .hangup: return   // Ctrl-C, hang-up: Screen raised the interrupt, so the line stops
            case .paste(let text):
                LineEditor.keepPaste(text)
                notice.say(LiveView.pasteNotice(text, after: "after this view"))
                continue
            case .resize: continue
            case _ where showHelp: showHelp = false   // any other key puts the key list away
            case .character("+"), .character("="): window = CursesPlotViewer.clamp(window.lowerBound + span / 4, window.upperBound - span / 4, in: full)
            case .character("-"): window = CursesPlotViewer.clamp(window.lowerBound - span / 2, window.upperBound + span / 2, in: full)
            case .left: window = CursesPlotViewer.clamp(window.lowerBound - span / 5, window.upperBound - span / 5, in: full)
            case .right: window = CursesPlotViewer.clamp(window.lowerBound + span / 5, window.upperBound + span / 5, in: full)
            case .character("l"): chart.yScale = chart.yScale == .log ? .linear : .log
            case .character("?"): showHelp = true
            default:
                // Not lost without a word, as in the live view.
                notice.say(LiveView.unusedKeyNotice(key, after: "after this view"))
                continue
            }
            notice.text = nil
        }
    }

    /// The loss chart's bottom line for `width` columns: the steps shown and the keys, or (`?`) what each key does; in
    /// ASCII outside a UTF-8 locale. When it does not all fit, the way back comes first and the fields that do not fit
    /// are left out, so that a narrow terminal still shows how to leave.
    static func lossHint(_ window: ClosedRange<Double>, help: Bool, unicode: Bool, width: Int = .max) -> String {
        let fields = help ? ["+ zoom in", "- zoom out", "←/→ scroll", "l log scale", "q/Esc/Enter back", "other keys hide this"]
                          : ["steps \(Int(window.lowerBound.rounded()))–\(Int(window.upperBound.rounded()))", "+ - zoom", "← → scroll",
                             "l log", "? keys", "q back"]
        let shown = fields.map { unicode ? $0 : $0.asciiFallback }
        // When narrow: the way back first, then how to see the keys (or how their list goes away).
        return fitted(shown, first: help ? [4, 5] : [5, 4], width: width, separator: unicode ? " · " : " | ")
    }

    /// The map's bottom line for `width` columns, the map named as `mapName` names it (`decision map`, `output surface`);
    /// in ASCII outside a UTF-8 locale. When it does not fit, the way back comes first (and the model is cut at the edge).
    static func boundaryHint(model: String, mapName: String, unicode: Bool, width: Int = .max) -> String {
        let fields = ["\(mapName) of \(model)", "any key returns"].map { unicode ? $0 : $0.asciiFallback }
        let separator = unicode ? " · " : " | "
        let line = fields.joined(separator: separator)
        return line.count <= width ? line : fields[1] + separator + fields[0]
    }

    /// `notice` with the way back (`back`) after it, or before it when both do not fit in `width` columns.
    static func withWayOut(_ notice: String, back: String, width: Int, unicode: Bool) -> String {
        let separator = unicode ? " · " : " | "
        let text = unicode ? notice : notice.asciiFallback
        return text.count + separator.count + back.count <= width ? text + separator + back : back + separator + text
    }

    /// `fields` joined by `separator` when they fit in `width` columns; otherwise the fields at `first` (in that order)
    /// and then the others, in order, while they fit.
    static func fitted(_ fields: [String], first: [Int], width: Int, separator: String) -> String {
        let all = fields.joined(separator: separator)
        guard all.count > width else { return all }
        var line = ""
        for index in first + fields.indices.filter({ !first.contains($0) }) {
            let next = line.isEmpty ? fields[index] : line + separator + fields[index]
            if next.count <= width || line.isEmpty { line = next }
        }
        return line
    }

    /// A window of the same width as [lo, hi] (at least `narrowest` steps, so ticks stay on whole steps, widened
    /// about its centre, so that `+` at the limit does not move it) moved inside `full`.
    static func clamp(_ lo: Double, _ hi: Double, in full: ClosedRange<Double>) -> ClosedRange<Double> {
        let width = min(max(hi - lo, narrowest), full.upperBound - full.lowerBound)
        let start = min(max((lo + hi) / 2 - width / 2, full.lowerBound), full.upperBound - width)
        return start...(start + width)
    }

    /// The narrowest window `+` zooms to, in steps.
    static let narrowest = 10.0

    func showHistogram(_ w: Workspace, _ chart: (Bool) -> Histogram) throws {
        if inputWaiting(w) { return try text.showHistogram(w, chart) }
        let s = Screen()
        do { try s.start() } catch { return try textInstead(w, error) { try text.showHistogram(w, chart) } }
        defer { s.stop() }
        let histogram = chart(s.isUnicode)
        untilKey(on: s) { width, height in
            var canvas = Canvas(width: width, height: height)
            let least = histogram.minimumSize
            if width < least.width || height - 1 < least.height {
                // As the live view's map: what size it needs, until the terminal is resized.
                let text = "the terminal is too small for the histogram: it needs \(least.width)×\(least.height + 1) or more (this one is \(width)×\(height))"
                for (k, line) in (s.isUnicode ? text : text.asciiFallback).wrapped(width: width).prefix(max(0, height - 1)).enumerated() {
                    canvas.put(line, x: 0, y: k, fg: .label)
                }
            } else {
                histogram.draw(into: &canvas, x: 0, y: 0, width: width, height: max(1, height - 1))
            }
            return (canvas, CursesPlotViewer.withWayOut("histogram of the weights", back: "any key returns", width: width, unicode: s.isUnicode))
        }
    }

    func showBoundary(_ w: Workspace, _ t: Trainer, projection: BoundaryProjection?, unit: MapUnit?) throws {
        if inputWaiting(w) { return try text.showBoundary(w, t, projection: projection, unit: unit) }
        let s = Screen()
        do { try s.start() } catch { return try textInstead(w, error) { try text.showBoundary(w, t, projection: projection, unit: unit) } }
        defer { s.stop() }
        untilKey(on: s) { width, height in
            // A projection's note (the means held, what the points are) above the bottom line, on at most a third of the rows.
            let note = projection?.note.map { (s.isUnicode ? $0 : $0.asciiFallback).wrapped(width: width) } ?? []
            let noteRows = Array(note.prefix(max(0, (height - 1) / 3)))
            let map = Charts.boundary(t, width: width, height: max(1, height - 1 - noteRows.count), unicode: s.isUnicode,
                                      projection: projection, unit: unit)
            var canvas = Canvas(width: width, height: height)
            canvas.blit(map, x: 0, y: 0)
            for (k, line) in noteRows.enumerated() { canvas.put(line, x: 0, y: height - 1 - noteRows.count + k, fg: .dim) }
            let hint = CursesPlotViewer.boundaryHint(model: w.modelLine(), mapName: unit.map { "map of \($0.name)" } ?? Charts.mapName(t),
                                                     unicode: s.isUnicode, width: width)
            return (canvas, hint)
        }
    }

    /// Shows what `frame` draws for the screen's width and height (a canvas, and the bottom line's hint, which a notice
    /// replaces) on the started screen `s` until a key; a paste is kept for the prompt and said, and the view stays.
    private func untilKey(on s: Screen, _ frame: (_ width: Int, _ height: Int) -> (Canvas, String)) {
        var notice = Notice()
        while true {
            let (width, height) = s.size
            var (canvas, hint) = frame(width, height)
            if let text = notice.text { hint = CursesPlotViewer.withWayOut(text, back: "any key returns", width: width, unicode: s.isUnicode) }
            canvas.put(String(hint.prefix(width)), x: 0, y: height - 1, fg: .dim)
            s.draw(canvas)
            switch s.readKey(timeoutMilliseconds: 1000) {
            case nil, .resize?: continue
            case .paste(let text)?:
                // A paste is not a key: it waits for the prompt, and the view stays.
                LineEditor.keepPaste(text)
                notice.say(LiveView.pasteNotice(text, after: "after this view"))
            default: return   // Ctrl-C, hang-up: Screen raised the interrupt
            }
        }
    }
}
