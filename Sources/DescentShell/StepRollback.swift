import DescentCore

/// What a failed `step` or `train` puts back beside the trainer's snapshot (parameters, optimizer state, history,
/// sampler and dropout stream): the gradients held and whether they were current, the graph under inspection, and a
/// pass by hand that was under way, run again as it stood.
struct StepRollback {
    private let grads: [[Double]], stale: Bool, inspected: Graph?
    /// Where backward stood in the pass by hand under way (`.some(nil)`: not started); nil when none was.
    let handPass: Int??

    /// Notes what `t` and `w` hold before a step drops the pass by hand and computes new gradients.
    init(_ w: Workspace, _ t: Trainer) {
        grads = t.model.parameters.map { $0.grad.array }
        stale = t.gradientsStale
        inspected = w.inspected
        handPass = t.phase == .idle ? nil : (t.currentGraph?.backwardDone).map { Optional($0) } ?? .some(nil)
    }

    /// Puts them back, after `t.restore` put back its snapshot.
    func restore(_ w: Workspace, _ t: Trainer) {
        for (p, g) in zip(t.model.parameters, grads) { p.grad.load(g) }
        t.gradientsStale = stale
        w.inspected = inspected
        if let done = handPass { Commands.redoHandPass(w, t, backwardDone: done) }
    }
}
