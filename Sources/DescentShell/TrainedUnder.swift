import DescentCore

/// What weights were trained under: the standardisation of their training part (nil without `normalize`) and the
/// classes their outputs stand for (empty for regression), for the warning when new data keeps them.
struct TrainedUnder {
    var normalization: Normalization?
    var classes: [String]
}
