import DescentCore

/// Whether the layers, the loss and the data set so far fit together, said before training refuses them.
extension Workspace {
    /// What `Fit.check` would refuse in the layers, loss and data as they stand (the data as the loss reads it), with
    /// what would fit; nil when they fit, or while one of them is missing or has no dense layer yet.
    func misfit() -> String? {
        guard let d = data, let loss, Commands.denseCount(layers) > 0,
              let read = try? asRead(d) else { return nil }
        do { try Fit.check(spec: ModelSpec(inputSize: d.featureCount, layers: layers), loss: loss, data: read) } catch {
            return "\(error)"
        }
        return nil
    }

    /// The note `loss`, `layer` and `data` add when the model (ending in what reads as its output layer, not a hidden
    /// layer still to be followed by one) and the loss do not fit the data: they are taken, since any of them may be
    /// changed next, but training would refuse them as they stand.
    func misfitNote() -> String? {
        guard Fit.endsInOutputLayer(ModelSpec(inputSize: data?.featureCount ?? 0, layers: layers)), let misfit = misfit() else { return nil }
        return "note: training would refuse this model and loss as they stand: " + misfit
    }
}
