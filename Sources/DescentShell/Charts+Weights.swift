import DescentCore
import DescentPlot

/// The weights' histogram, for `plot weights` and `export plot weights`.
extension Charts {
    /// The histogram of `parameters`' entries (`WeightStats`), titled with the model line `title` (its signs in ASCII
    /// when not `unicode`).
    static func weights(_ parameters: [Parameter], title: String, unicode: Bool) -> Histogram {
        WeightStats(parameters).histogram(title: "weights of " + (unicode ? title : title.asciiFallback), unicode: unicode)
    }

    /// The histogram as an SVG page, the x axis named `w`.
    static func weightsSVG(_ parameters: [Parameter], title: String) -> String {
        weights(parameters, title: title, unicode: true).svg(width: 800, height: 480, xName: "w")
    }
}
