import CCurses

/// Ctrl-\ (SIGQUIT) is ignored for the whole run, as bash ignores it: neither the key nor `kill -QUIT` ends descent
/// (with the Swift runtime's crash report, or a core dump while a command runs). In the full-screen views the key is
/// an ordinary key, which they do not use.
public enum QuitSignal {
    /// Ignores SIGQUIT from now on; called first thing, before readline starts (which leaves an ignored signal ignored).
    public static func ignore() { _ = shim_ignore_signal(shim_sigquit()) }
}
