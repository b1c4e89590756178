import DescentCore
import DescentText

/// Two features of the data that `plot boundary FEATURE1 FEATURE2` draws the map over, every other feature held at its
/// training mean in the data's raw units (which the training part's standardisation, under `normalize`, turns into 0).
struct BoundaryProjection: Equatable, Sendable {
    /// The features across (x) and up (y), by their column in the data.
    let x: Int
    let y: Int
    /// Every feature's name, and its mean on the training part in raw units: the value a grid point holds for it.
    let names: [String]
    let means: [Double]

    /// The projection of `t`'s data onto features `x` and `y`: the training part's means are those its standardisation
    /// subtracts (under `normalize`), else those of its raw features.
    init(x: Int, y: Int, of t: Trainer) {
        self.x = x
        self.y = y
        names = t.train.inputNames
        // Under `features` the grid is in the data's own columns, which the terms are computed from.
        if let raw = t.train.rawInputs { means = Standardizer(fitting: raw).mean; return }
        means = t.train.standardization?.mean ?? Standardizer(fitting: t.train.X).mean
    }

    /// Whether features other than the two drawn are held at their means.
    var holdsOthers: Bool { names.count > 2 }

    /// A grid point's input row in raw units: `xv` and `yv` for the two features drawn, each other one's mean.
    func input(_ xv: Double, _ yv: Double) -> [Double] {
        var row = means
        row[x] = xv
        row[y] = yv
        return row
    }

    /// The map's title: which feature runs across and which up.
    var title: String { "x: \(names[x].shortened())   y: \(names[y].shortened())" }

    /// What the map holds fixed and what its points are, for a line under it (nil for data of two features).
    var note: String? {
        guard holdsOthers else { return nil }
        let others = names.indices.filter { $0 != x && $0 != y }
        let listed = others.prefix(10).map { "\(names[$0].shortened()) \(Format.sig(means[$0], 4))" }.joined(separator: ", ")
            + (others.count > 10 ? ", … \(others.count - 10) more" : "")
        return "other features at their training means (raw units): \(listed); the points are the rows projected onto "
            + "\(names[x].shortened()) and \(names[y].shortened()) (their other features are not at the means, so a point need not "
            + "agree with the map under it)"
    }
}
