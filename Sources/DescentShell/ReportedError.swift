/// An error whose message is already printed: a replay stopped inside another (the innermost error shows where, the
/// outermost replay says how deep), or one the user stopped (said plainly). `Session` prints nothing more for it; the
/// command still fails, so the rest of its line does not run.
struct ReportedError: Error {}
