/// A short message a full-screen view shows for a few seconds: why a key did nothing, where a paste went.
struct Notice {
    private var shown: String?
    private var until = ContinuousClock.now
    /// Whether the message is about the terminal's size, which a resize makes stale.
    private var aboutSize = false

    /// The message while it is due; nil once its time is up or it was cleared (set to nil).
    var text: String? {
        get { ContinuousClock.now < until ? shown : nil }
        set { shown = newValue; if newValue == nil { until = .now } }
    }

    /// Shows `message` for `duration`, or until the terminal is resized when it is `aboutSize`.
    mutating func say(_ message: String, for duration: Duration = .seconds(4), aboutSize: Bool = false) {
        shown = message
        until = ContinuousClock.now + duration
        self.aboutSize = aboutSize
    }

    /// After a resize: a message about the terminal's size no longer holds and goes; others stay their time.
    mutating func resized() {
        if aboutSize { text = nil }
    }
}
