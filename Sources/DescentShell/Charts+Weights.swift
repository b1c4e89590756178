import DescentCore
import DescentPlot

/// The weights' histogram, for `plot weights` and `export plot weights`.
extension Charts {
    /// The histogram of the entries `stats` describes, titled with the model line `title` (its signs in ASCII when not
    /// `unicode`).
    static func weights(_ stats: WeightStats, title: String, unicode: Bool) -> Histogram {
        stats.histogram(title: "weights of " + (unicode ? title : title.asciiFallback), unicode: unicode)
    }

    /// The histogram as an SVG page, the x axis named `w`.
    static func weightsSVG(_ stats: WeightStats, title: String) -> String {
        weights(stats, title: title, unicode: true).svg(width: 800, height: 480, xName: "w")
    }
}
