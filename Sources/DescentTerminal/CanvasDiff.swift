import DescentPlot

/// Finds what changed between two frames, so the screen redraws only those cells.
enum CanvasDiff {
    /// The runs of cells of `new` that differ from `old`; every row in full when there is no comparable old frame.
    static func changedRuns(from old: Canvas?, to new: Canvas) -> [CellRun] {
        guard let old, old.width == new.width, old.height == new.height else { return fullRuns(new) }
        var runs: [CellRun] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                guard old[x, y] != new[x, y] else { x += 1; continue }
                let start = x
                while x < new.width && old[x, y] != new[x, y] { x += 1 }
                runs.append(CellRun(x: start, y: y, cells: (start..<x).map { new[$0, y] }))
            }
        }
        return runs
    }

    /// One run per row covering the whole canvas.
    static func fullRuns(_ canvas: Canvas) -> [CellRun] {
        (0..<canvas.height).map { y in CellRun(x: 0, y: y, cells: (0..<canvas.width).map { canvas[$0, y] }) }
    }
}
