/// An error whose message is already printed: a replay that failed inside another, whose innermost error shows where
/// and whose outermost replay says how deep. `Session` prints nothing more for it; the command still fails.
struct ReportedError: Error {}
