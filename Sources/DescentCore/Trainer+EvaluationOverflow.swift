/// Where an evaluation's loss stopped being finite, for the message that stops a run there.
extension Trainer {
    /// The node of evaluation graph `g` (a block whose first row is the set's row `first`) that first holds a value
    /// that is not finite, and the set's first row that made it so: ` (first produced by node loss (mse), in row 2 of
    /// the validation set: data row 7)`. For the loss node, the row is that of its first term that is not finite; when
    /// every term is finite, their sum overflowed, and the message says so.
    static func overflowSource(_ g: Graph, first: Int, in d: Dataset, validation: Bool) -> String {
        guard let i = g.nodes.indices.first(where: { !g.nodes[$0].op.isLeaf && !g.nodes[$0].value.allFinite }) else { return "" }
        let n = g.nodes[i]
        var row: Int?
        if i == g.lossIndex {
            let p = g.nodes[g.lossInputIndex], count = g.loss.termCount(rows: g.rows, cols: p.cols)
            var terms = [Double](repeating: 0, count: count)
            terms.withUnsafeMutableBufferPointer { t in
                g.loss.terms(p.value.pointer, g.target.pointer, rows: g.rows, cols: p.cols, into: t.baseAddress!)
            }
            if let k = terms.firstIndex(where: { !$0.isFinite }) { row = g.loss == .ce ? k : k / max(1, p.cols) }
        } else if n.shape.count == 2 && n.rows == g.rows {
            let v = n.value.pointer
            if let k = (0..<n.rows * n.cols).first(where: { !v[$0].isFinite }) { row = k / max(1, n.cols) }
        }
        var s = " (first produced by node \(n.name) (\(n.op.detail))"
        if let row {
            let r = first + row, dataRow = d.dataRow(r)
            s += ", in row \(r) of the \(validation ? "validation" : "training") set" + (dataRow == r ? "" : ": data row \(dataRow)")
        } else if i == g.lossIndex {
            s += ": every row's term is finite, their sum overflows"
        }
        return s + ")"
    }
}
