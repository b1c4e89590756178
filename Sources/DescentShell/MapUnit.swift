import DescentCore
import DescentLanguage
import DescentText

/// One unit of a node of the forward pass (`A1[3]`: column 3 of layer 1's activations), whose value `plot boundary
/// A1[3]` draws over the data's plane, as TensorFlow Playground draws each neuron.
struct MapUnit: Equatable, Sendable {
    /// The node's name (`X`, `Z1`, `A1`, `D1`, …) and the unit's column in it, from 0.
    let node: String
    let column: Int

    /// The unit as typed: `A1[3]`.
    var name: String { "\(node)[\(column)]" }

    /// The nodes of `t`'s forward pass that hold one value per sample, up to the output, with their widths: the units
    /// a map can draw (not parameters, targets or the loss), read off the one-sample graph, whose shapes are set when
    /// it is built.
    static func nodes(of t: Trainer) -> [(name: String, width: Int)] {
        let g = t.sampleGraph()
        return g.nodes.indices.compactMap { i -> (name: String, width: Int)? in
            let node = g.nodes[i]
            if case .parameter = node.op { return nil }
            guard i <= g.outputIndex, i != g.targetIndex, node.shape.count == 2, node.shape[0] == 1 else { return nil }
            return (node.name, node.cols)
        }
    }

    /// The unit `name[indices]` of `t`'s model, or an error at `span` that says which nodes and units there are.
    static func named(_ name: String, indices: [Int], at span: SourceSpan, in t: Trainer) throws -> MapUnit {
        let nodes = nodes(of: t)
        let listed = nodes.map { "\($0.name) (\(Format.counted($0.width, "unit")))" }.joined(separator: ", ")
        guard let node = nodes.first(where: { $0.name == name }) ?? nodes.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw Diagnostic("no node '\(name.shortened())' to draw — the forward pass's nodes are \(listed); "
                             + "`plot boundary A1[0]` draws unit 0 of A1", at: span)
        }
        guard indices.count == 1, let j = indices.first, j >= 0, j < node.width else {
            let range = node.width == 1 ? "\(node.name)[0]" : "\(node.name)[0] to \(node.name)[\(node.width - 1)]"
            throw Diagnostic("\(node.name) has \(Format.counted(node.width, "unit")), one index each: \(range)", at: span)
        }
        return MapUnit(node: node.name, column: j)
    }
}
