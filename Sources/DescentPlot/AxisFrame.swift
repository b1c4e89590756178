/// The left and bottom axes around a plot area: tick marks, tick labels and the corner.
///
/// The y axis occupies the column just left of the plot area, with labels right-aligned before it; the x
/// axis occupies the row just below, with labels centred under their ticks on the row after that.
struct AxisFrame {
    /// The plot area inside the axes.
    var plotX: Int, plotY: Int, plotWidth: Int, plotHeight: Int
    /// Columns x labels may use: from `left` up to (not including) `right`.
    var left: Int, right: Int
    var unicode: Bool

    /// Row of the x axis line.
    var axisRow: Int { plotY + plotHeight }

    /// Draws both axes, with y ticks at rows and x ticks at columns counted from the plot area's corner.
    /// A label that would overlap the previous one is left out.
    func draw(into canvas: inout Canvas, yTicks: [(row: Int, label: String)], xTicks: [(column: Int, label: String)]) {
        let vertical: Character = unicode ? "│" : "|", yTick: Character = unicode ? "┤" : "+"
        let horizontal: Character = unicode ? "─" : "-", xTick: Character = unicode ? "┬" : "+"
        for r in 0..<plotHeight { canvas[plotX - 1, plotY + r] = Cell(vertical, fg: .axis) }
        canvas[plotX - 1, axisRow] = Cell(unicode ? "└" : "+", fg: .axis)
        for c in 0..<plotWidth { canvas[plotX + c, axisRow] = Cell(horizontal, fg: .axis) }
        var usedRows = Set<Int>()
        for t in yTicks where t.row >= 0 && t.row < plotHeight && usedRows.insert(t.row).inserted {
            canvas[plotX - 1, plotY + t.row] = Cell(yTick, fg: .axis)
            canvas.put(t.label, x: plotX - 1 - t.label.count, y: plotY + t.row, fg: .label)
        }
        var free = left
        for t in xTicks where t.column >= 0 && t.column < plotWidth {
            canvas[plotX + t.column, axisRow] = Cell(xTick, fg: .axis)
            let width = t.label.count
            let start = max(left, min(plotX + t.column - (width - 1) / 2, right - width))
            guard start >= free else { continue }
            canvas.put(t.label, x: start, y: axisRow + 1, fg: .label)
            free = start + width + 1
        }
    }

    /// Puts a warning mark `!` on the x axis at `column` of the plot area.
    func mark(into canvas: inout Canvas, column: Int) {
        guard column >= 0 && column < plotWidth else { return }
        canvas[plotX + column, axisRow] = Cell("!", fg: .warning, bold: true)
    }
}
