/// A short message a full-screen view shows for a few seconds: why a key did nothing, where a paste went.
struct Notice {
    private var shown: String?
    private var until = ContinuousClock.now

    /// The message while it is due; nil once its time is up or it was cleared (set to nil).
    var text: String? {
        get { ContinuousClock.now < until ? shown : nil }
        set { shown = newValue; if newValue == nil { until = .now } }
    }

    /// Shows `message` for `duration`.
    mutating func say(_ message: String, for duration: Duration = .seconds(4)) {
        shown = message
        until = ContinuousClock.now + duration
    }
}
