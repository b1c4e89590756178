import Foundation

/// Maps data coordinates to a drawing surface `columns` × `rows` units big, with (0, 0) top-left:
/// x linearly, y linearly or by log10.
struct Plane {
    let xLo: Double, xHi: Double
    let yLo: Double, yHi: Double
    let log: Bool
    let columns: Int
    let rows: Int

    /// Columns per x unit, so that `xLo` maps to 0 and `xHi` to `columns - 1`.
    var xScale: Double { Double(max(columns - 1, 0)) / (xHi - xLo) }

    /// The surface column of `x`, fractional.
    func column(_ x: Double) -> Double { (x - xLo) * xScale }

    /// The surface row of `y`, fractional: `yHi` maps to 0 and `yLo` to `rows - 1`.
    func row(_ y: Double) -> Double {
        let top = transformed(yHi), bottom = transformed(yLo)
        // Divided before multiplied: spans up to the ticks' 8e307 times a few hundred rows would overflow.
        return (top - transformed(y)) / (top - bottom) * Double(max(rows - 1, 0))
    }

    /// y in axis units: log10(y) on a log axis.
    private func transformed(_ y: Double) -> Double { log ? Foundation.log10(y) : y }
}
