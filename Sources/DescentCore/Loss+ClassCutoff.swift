/// Where one output's score is cut into two classes.
extension Loss {
    /// The value above which a single output means class 1: 0 under hinge, which maps the targets 0/1 to −1/+1,
    /// else 0.5, midway between the targets 0 and 1 the other losses fit (bce's sigmoid probability, and mse, mae
    /// or huber on the class ids whatever the output layer, tanh and linear included).
    public var classCutoff: Double { self == .hinge ? 0 : 0.5 }
}
