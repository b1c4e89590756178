/// Descent's version, printed by `--version` and written into saved sessions.
public enum Version {
    public static let string = "0.1.0"
}
