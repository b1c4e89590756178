/// numpy-like printing: nested brackets, aligned columns, long dimensions elided with `...`.
extension Tensor: CustomStringConvertible {
    public var description: String { formatted() }

    /// The tensor as text; dimensions longer than `threshold` show their first and last `edge` entries.
    public func formatted(threshold: Int = 12, edge: Int = 3, digits: Int = 4) -> String {
        var lines: [String] = []
        _ = writeLines(threshold: threshold, edge: edge, digits: digits) { lines.append($0) }
        return lines.joined(separator: "\n")
    }

    /// The tensor as text with its own elision per dimension: `edges[d]` nil shows all of dimension d, k its first
    /// and last k entries when it has more than 2k (`[nil, 5]`: every row, the first and last 5 columns).
    public func formatted(edges: [Int?], digits: Int = 4) -> String {
        var lines: [String] = []
        _ = writeLines(kept: Tensor.kept(shape, edges: edges), digits: digits, lineWidth: nil, shouldContinue: { true }) {
            lines.append($0)
        }
        return lines.joined(separator: "\n")
    }

    /// `formatted(threshold:edge:digits:)` handed to `line` a line at a time (without its line break), each as
    /// soon as it is complete, so that a huge tensor printed in full can be stopped part-way. `shouldContinue` is
    /// asked every 4,096 numbers while the columns' width is worked out and before each row of the last
    /// dimension; when it answers false, the lines not yet handed out are dropped and the result is false.
    /// With `lineWidth`, a row wider than that breaks between numbers, numpy-style, its next lines aligned under
    /// its first number.
    public func writeLines(threshold: Int = 12, edge: Int = 3, digits: Int = 4, lineWidth: Int? = nil,
                           shouldContinue: () -> Bool = { true }, _ line: (String) -> Void) -> Bool {
        writeLines(kept: shape.map { Tensor.shown($0, threshold: threshold, edge: edge) }, digits: digits,
                   lineWidth: lineWidth, shouldContinue: shouldContinue, line)
    }

    /// Indices printed along each dimension of `shape` for `formatted(edges:)`; -1 marks the elision.
    static func kept(_ shape: [Int], edges: [Int?]) -> [[Int]] {
        shape.enumerated().map { d, n in
            guard d < edges.count, let k = edges[d], n > 2 * k else { return Array(0..<n) }
            return Array(0..<k) + [-1] + Array((n - k)..<n)
        }
    }

    /// `writeLines` showing, along each dimension d, the indices `kept[d]` (-1 for the elision).
    private func writeLines(kept: [[Int]], digits: Int, lineWidth: Int?, shouldContinue: () -> Bool,
                            _ line: (String) -> Void) -> Bool {
        if shape.isEmpty { line(data.first.map { Tensor.number($0, digits: digits) } ?? "[]"); return true }
        if data.isEmpty { line("[]"); return true }
        var numbers: [String] = []
        var width = 1
        let shownCount = kept.map { $0.filter { $0 >= 0 }.count }.reduce(1, *)
        let streamed = shownCount > Tensor.measuredLimit && shownCount == count
        if streamed {
            // Too many to render first (a node of 300,000 × 64 would take seconds and gigabytes before its first
            // row): every entry is shown, in storage order, so each is rendered as its row is printed, and the
            // columns take the width of an even sample of them (a wider number later is printed unpadded).
            let step = Swift.max(1, count / Tensor.measuredLimit)
            for i in Swift.stride(from: 0, to: count, by: step) { width = Swift.max(width, Tensor.number(data[i], digits: digits).count) }
        } else {
            // Render every shown number first, in printing order, so the columns can share one width.
            let measured = visit(dim: 0, offset: 0, kept: kept) { i in
                if numbers.count % 4096 == 4095 && !shouldContinue() { return false }
                let s = Tensor.number(data[i], digits: digits)
                width = Swift.max(width, s.count)
                numbers.append(s)
                return true
            }
            guard measured else { return false }
        }
        let number = { (k: Int) in streamed ? Tensor.number(self.data[k], digits: digits) : numbers[k] }
        var pending = ""
        var next = 0
        func emit(_ piece: String) {
            var rest = Substring(piece)
            while let end = rest.firstIndex(of: "\n") {
                line(pending + rest[..<end])
                pending = ""
                rest = rest[rest.index(after: end)...]
            }
            pending += rest
        }
        let done = render(dim: 0, indent: 1, width: width, lineWidth: lineWidth, kept: kept,
                          number: number, next: &next, shouldContinue: shouldContinue, emit)
        if done { line(pending) }
        return done
    }

    /// Calls `body` with the flat index of every entry that printing shows, in printing order, until it returns false.
    private func visit(dim: Int, offset: Int, kept: [[Int]], _ body: (Int) -> Bool) -> Bool {
        let stride = shape[(dim + 1)...].reduce(1, *)
        for i in kept[dim] where i >= 0 {
            if dim == shape.count - 1 {
                guard body(offset + i) else { return false }
            } else {
                guard visit(dim: dim + 1, offset: offset + i * stride, kept: kept, body) else { return false }
            }
        }
        return true
    }

    /// Hands the text of the next sub-tensor along `dim` to `emit` in pieces, taking its shown numbers, in printing
    /// order, from `number` at `next`; false when `shouldContinue` stopped it before a row.
    /// A row starts `indent` columns in (its own `[` and those of the dimensions around it, or the spaces under
    /// them); with `lineWidth` it breaks between numbers, leaving room for the closing brackets at its end.
    private func render(dim: Int, indent: Int, width: Int, lineWidth: Int?, kept: [[Int]], number: (Int) -> String,
                        next: inout Int, shouldContinue: () -> Bool, _ emit: (String) -> Void) -> Bool {
        let idx = kept[dim]
        if dim == shape.count - 1 {
            guard shouldContinue() else { return false }
            var text = "[", column = indent
            for (k, i) in idx.enumerated() {
                let item: String
                if i < 0 {
                    item = "..."
                } else {
                    let s = number(next)
                    next += 1
                    item = String(repeating: " ", count: max(0, width - s.count)) + s
                }
                if k > 0 {
                    let closing = k == idx.count - 1 ? shape.count : 0
                    if let limit = lineWidth, column + 1 + item.count + closing > limit {
                        text += "\n" + String(repeating: " ", count: indent)
                        column = indent
                    } else {
                        text += " "
                        column += 1
                    }
                }
                text += item
                column += item.count
            }
            emit(text + "]")
            return true
        }
        let sep = String(repeating: "\n", count: shape.count - dim - 1) + String(repeating: " ", count: indent)
        emit("[")
        for (k, i) in idx.enumerated() {
            if k > 0 { emit(sep) }
            if i < 0 { emit("..."); continue }
            guard render(dim: dim + 1, indent: indent + 1, width: width, lineWidth: lineWidth, kept: kept,
                         number: number, next: &next, shouldContinue: shouldContinue, emit) else { return false }
        }
        emit("]")
        return true
    }

    /// Beyond this many shown entries, printing streams them rather than rendering them all first.
    static let measuredLimit = 100_000

    /// Indices printed along a dimension of `n`; -1 marks the elision.
    private static func shown(_ n: Int, threshold: Int, edge: Int) -> [Int] {
        n <= threshold ? Array(0..<n) : Array(0..<edge) + [-1] + Array((n - edge)..<n)
    }

    /// A number with `digits` significant digits, numpy-style (`1.`, `-0.25`, `1.2e-05`).
    /// One entry as printed; −0 (a dropped-out negative, relu's backward at a negative input) reads 0.
    public static func number(_ x: Double, digits: Int) -> String { Format.sig(x == 0 ? 0 : x, digits) }
}
