extension Duration {
    /// The duration in seconds, as a Double (for rates and estimates of time left).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
