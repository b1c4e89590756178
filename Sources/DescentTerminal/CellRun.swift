import DescentPlot

/// Consecutive cells of one row that must be drawn, starting at column `x` of row `y`.
struct CellRun: Equatable, Sendable {
    let x: Int
    let y: Int
    let cells: [Cell]
}
