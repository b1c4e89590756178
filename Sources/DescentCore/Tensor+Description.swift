/// numpy-like printing: nested brackets, aligned columns, long dimensions elided with `...`.
extension Tensor: CustomStringConvertible {
    public var description: String { formatted() }

    /// The tensor as text; dimensions longer than `threshold` show their first and last `edge` entries.
    public func formatted(threshold: Int = 12, edge: Int = 3, digits: Int = 4) -> String {
        if shape.isEmpty { return data.first.map { Tensor.number($0, digits: digits) } ?? "[]" }
        if data.isEmpty { return "[]" }
        // Render every shown number first so the columns can share one width.
        var width = 1
        visit(dim: 0, offset: 0, threshold: threshold, edge: edge) { i in
            width = max(width, Tensor.number(data[i], digits: digits).count)
        }
        return render(dim: 0, offset: 0, indent: 1, width: width, threshold: threshold, edge: edge, digits: digits)
    }

    /// Calls `body` with the flat index of every entry that printing shows.
    private func visit(dim: Int, offset: Int, threshold: Int, edge: Int, _ body: (Int) -> Void) {
        let stride = shape[(dim + 1)...].reduce(1, *)
        for i in Tensor.shown(shape[dim], threshold: threshold, edge: edge) where i >= 0 {
            if dim == shape.count - 1 { body(offset + i) } else {
                visit(dim: dim + 1, offset: offset + i * stride, threshold: threshold, edge: edge, body)
            }
        }
    }

    private func render(dim: Int, offset: Int, indent: Int, width: Int, threshold: Int, edge: Int, digits: Int) -> String {
        let stride = shape[(dim + 1)...].reduce(1, *)
        let idx = Tensor.shown(shape[dim], threshold: threshold, edge: edge)
        if dim == shape.count - 1 {
            let items = idx.map { i -> String in
                guard i >= 0 else { return "..." }
                let s = Tensor.number(data[offset + i], digits: digits)
                return String(repeating: " ", count: max(0, width - s.count)) + s
            }
            return "[" + items.joined(separator: " ") + "]"
        }
        let sep = String(repeating: "\n", count: shape.count - dim - 1) + String(repeating: " ", count: indent)
        let parts = idx.map { i -> String in
            i < 0 ? "..." : render(dim: dim + 1, offset: offset + i * stride, indent: indent + 1, width: width,
                                   threshold: threshold, edge: edge, digits: digits)
        }
        return "[" + parts.joined(separator: sep) + "]"
    }

    /// Indices printed along a dimension of `n`; -1 marks the elision.
    private static func shown(_ n: Int, threshold: Int, edge: Int) -> [Int] {
        n <= threshold ? Array(0..<n) : Array(0..<edge) + [-1] + Array((n - edge)..<n)
    }

    /// A number with `digits` significant digits, numpy-style (`1.`, `-0.25`, `1.2e-05`).
    /// One entry as printed; −0 (a dropped-out negative, relu's backward at a negative input) reads 0.
    static func number(_ x: Double, digits: Int) -> String { Format.sig(x == 0 ? 0 : x, digits) }
}
