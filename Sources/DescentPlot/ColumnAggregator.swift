/// Reduces a series to per-column summaries so drawing costs O(columns) however many points there are.
///
/// Points map to columns by `fx = (x - origin) * scale`, rounded. Points left of column 0 share one bucket,
/// points right of the last column another; their summaries are not drawn but the line into and out of the
/// visible columns still is, from the bucket's real position. A point whose x is not finite, or whose y is
/// not finite (or not positive on a log scale), breaks the line: no join is drawn across it.
struct ColumnAggregator {
    /// What the aggregator reports, in the order the series visits it.
    enum Event {
        /// A straight line from the last point of one column to the first point of the next.
        case join(from: Position, to: Position)
        /// All points that fell in one visible column.
        case column(Summary)
    }

    /// A point in column units across and raw data units up.
    struct Position { var x: Double; var y: Double }

    /// The points of one visible column: first, last, lowest and highest y, and which extreme came first.
    struct Summary { var column: Int; var first: Double; var last: Double; var low: Double; var high: Double; var lowFirst: Bool }

    /// x at column 0, columns per x unit, number of visible columns, and whether y must be positive.
    let origin: Double
    let scale: Double
    let columns: Int
    let log: Bool

    /// Walks the points once, in order, and reports joins and column summaries to `emit`.
    func run(xs: [Double], ys: [Double], emit: (Event) -> Void) {
        xs.withUnsafeBufferPointer { xp in
            ys.withUnsafeBufferPointer { yp in walk(xp, yp, emit) }
        }
    }

    /// The single pass behind `run`.
    private func walk(_ xs: UnsafeBufferPointer<Double>, _ ys: UnsafeBufferPointer<Double>, _ emit: (Event) -> Void) {
        let leftEdge = -0.5, rightEdge = Double(columns) - 0.5
        var g = Gathering(columns: columns)
        for i in 0..<min(xs.count, ys.count) {
            let x = xs[i], y = ys[i]
            guard x.isFinite, y.isFinite, !log || y > 0 else {
                g.flush(emit)
                g.hasPrevious = false
                continue
            }
            let fx = (x - origin) * scale
            let c = fx >= rightEdge ? columns : (fx >= leftEdge ? Int(fx + 0.5) : -1)  // NaN falls in the left bucket
            if g.open && c == g.column {
                if y < g.low { g.low = y; g.lowAt = i }
                if y > g.high { g.high = y; g.highAt = i }
                g.last = y; g.xLast = fx
            } else {
                g.flush(emit)
                g.start(column: c, index: i, x: fx, y: y)
            }
        }
        g.flush(emit)
    }

    /// The column being gathered and the end of the line drawn so far.
    private struct Gathering {
        let columns: Int
        var open = false, joined = false, hasPrevious = false
        var column = 0, xFirst = 0.0, xLast = 0.0
        var first = 0.0, last = 0.0, low = 0.0, high = 0.0, lowAt = 0, highAt = 0
        var previous = Position(x: 0, y: 0)

        init(columns: Int) { self.columns = columns }

        /// Begins a column with its first point.
        mutating func start(column c: Int, index i: Int, x fx: Double, y: Double) {
            open = true; joined = hasPrevious; column = c
            first = y; last = y; low = y; high = y; lowAt = i; highAt = i; xFirst = fx; xLast = fx
        }

        /// Reports the open column (its join from the previous one, then its summary when visible).
        mutating func flush(_ emit: (Event) -> Void) {
            guard open else { return }
            open = false
            let inView = column >= 0 && column < columns
            if joined { emit(.join(from: previous, to: Position(x: inView ? Double(column) : xFirst, y: first))) }
            if inView {
                emit(.column(Summary(column: column, first: first, last: last, low: low, high: high, lowFirst: lowAt <= highAt)))
            }
            previous = Position(x: inView ? Double(column) : xLast, y: last)
            hasPrevious = true
        }
    }
}
