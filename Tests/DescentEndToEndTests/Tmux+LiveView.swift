import Foundation

/// What the live-view tests share: a model to train, and the step counter the view shows.
extension Tmux {
    /// Sets up a 2-D classification model at the prompt.
    func prepareMoons() throws {
        try wait(forText: "descent>")
        try type("seed 3; data moons n=200 noise=0.2; split 0.8; layer dense 8 tanh; layer dense 1 sigmoid; loss bce; optimizer adam lr=0.01")
        try wait(forText: "optimizer adam lr=0.01")
    }

    /// Sets up the moons model (`prepareMoons`) and starts `train 2000000`, returning once the live view shows its step.
    func startLongRun() throws {
        try prepareMoons()
        try type("train 2000000")
        try wait(for: "the live view") { Tmux.liveStep($0) != nil }
    }

    /// Stops the live view's run with `q` and waits for its summary.
    func stopRun() throws {
        try send("q")
        // Read with the pane's line breaks taken out: on a narrow pane the summary may wrap inside the words.
        try wait(for: "'stopped by the user'") { $0.replacingOccurrences(of: "\n", with: "").contains("stopped by the user") }
    }

    /// The step counter `step N/2000000` shown in the live view's status area, if any.
    static func liveStep(_ screen: String) -> Int? {
        guard let r = screen.range(of: #"step (\d+)/2000000"#, options: .regularExpression) else { return nil }
        return Int(screen[r].dropFirst(5).prefix { $0.isNumber })
    }
}
