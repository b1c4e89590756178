import CCurses

/// A key read from the full-screen view, reduced to what Descent's views react to.
public enum Key: Equatable, Sendable {
    case character(Character)
    case escape, ctrlC, enter, space
    case up, down, left, right
    /// Function key Fn.
    case function(Int)
    /// The terminal was resized, or the view came back after a stop and must be drawn again in full.
    case resize
    case backspace
    /// Ctrl-Z, which `Screen.readKey` acts on itself (the view steps aside and the process stops); never returned.
    case suspend
    /// Ctrl-\ (the terminal's quit key), which `Screen.readKey` drops, as descent ignores SIGQUIT; never returned.
    case ctrlBackslash
    /// Esc and a character arriving together, as a terminal sends Alt with that character (Alt+x is Esc x).
    case alt(Character)
    /// A non-ASCII key in a locale that is not UTF-8, which cannot name it: the bytes the terminal sent.
    case bytes([UInt8])
    /// A control character Descent gives no meaning of its own (Ctrl-A is 1, Tab 9, Ctrl-_ 31), by its code.
    case control(UInt8)
    /// Any other key (function keys and escape sequences it does not know, C1 control characters).
    case other
    /// Text the terminal marked as pasted (bracketed paste), line breaks as `\n`: not keys.
    case paste(String)
    /// The terminal is gone (hang-up, end of input): nothing more will come.
    case hangup

    /// Decodes what `wget_wch` returned: `code` is a curses key code when `isKeyCode`, else a character code point.
    init(code: UInt32, isKeyCode: Bool) {
        self = isKeyCode ? Key.fromKeyCode(Int32(truncatingIfNeeded: code)) : Key.fromCharacter(code)
    }

    /// Maps a curses function-key code (KEY_UP, KEY_RESIZE, …).
    private static func fromKeyCode(_ code: Int32) -> Key {
        switch code {
        case shim_key_up(): return .up
        case shim_key_down(): return .down
        case shim_key_left(): return .left
        case shim_key_right(): return .right
        case shim_key_resize(): return .resize
        case shim_key_backspace(): return .backspace
        case shim_key_enter(): return .enter
        case shim_key_f0() + 1 ... shim_key_f0() + 63: return .function(Int(code - shim_key_f0()))
        default: return .other
        }
    }

    /// Maps a typed character; control characters become named keys or `.other`.
    private static func fromCharacter(_ code: UInt32) -> Key {
        switch code {
        case 3: return .ctrlC
        case 26: return .suspend
        case 27: return .escape
        case 28: return .ctrlBackslash
        case 10, 13: return .enter
        case 32: return .space
        case 8, 127: return .backspace
        case 0..<32: return .control(UInt8(code))
        case 128..<160: return .other
        default:
            guard let scalar = Unicode.Scalar(code) else { return .other }
            return .character(Character(scalar))
        }
    }

    /// How a person names control character `code` (0–31): "Tab", "Ctrl-D", "Ctrl-Space" for 0.
    public static func controlName(_ code: UInt8) -> String {
        switch code {
        case 0: return "Ctrl-Space"
        case 9: return "Tab"
        case 1...31: return "Ctrl-" + String(UnicodeScalar(code + 64))
        default: return "that key"
        }
    }
}
