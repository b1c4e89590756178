import CReadline
#if canImport(Glibc)
import Glibc
#endif

/// A bracketed paste (readline asks the terminal to mark pasted text with `ESC [200~` … `ESC [201~`) behaves as a
/// paste without the marks: each pasted line break is Enter. Readline alone would put all the pasted lines in one
/// line, run together only on Enter: into one history entry, and with nothing waiting to keep `train` and `plot`
/// out of the full-screen view, which then read the keys meant for the prompt. The pasted text is still inserted
/// as text, not read as editing keys (a pasted Tab does not complete).
extension LineEditor {
    /// What the terminal sends before pasted text.
    static let pasteStart = "\u{1B}[200~"

    /// Binds the start of a bracketed paste to `insertPaste` where readline binds its own: the emacs and vi insertion keymaps.
    static func bindPaste() {
        for name in ["emacs", "vi-insert"] {
            guard let keymap = rl_get_keymap_by_name(name) else { continue }
            rl_bind_keyseq_in_map(pasteStart, insertPaste, keymap)
        }
    }

    /// True while lines of a paste wait to be read (see `TerminalInfo.inputWaiting`).
    static var pasteWaiting: Bool { readlineState.pasteWaiting }

    /// Drops what is left of a paste; after Ctrl-C stopped a command, as the terminal drops the input waiting for it.
    /// Returns how many lines were dropped (the text after the last line break, not yet entered, counting as one).
    @discardableResult
    public func dropPaste() -> Int {
        let dropped = readlineState.pastedLines.count + (readlineState.pastedRest.isEmpty ? 0 : 1)
        readlineState.pastedLines = []
        readlineState.pastedRest = ""
        return dropped
    }

    /// Keeps `text`, pasted while a full-screen view had the terminal (line breaks as `\n`), for the prompt: after the
    /// view, its lines run one by one as those of a paste at the prompt do, and the text after its last line break
    /// waits in the prompt's line for Enter. It follows what an earlier paste left.
    public static func keepPaste(_ text: String) {
        guard !text.isEmpty else { return }
        var pieces = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        pieces[0] = readlineState.pastedRest + pieces[0]
        readlineState.pastedRest = pieces.removeLast()
        readlineState.pastedLines += pieces
    }

    /// The next complete line a paste left, shown after `prompt` as if it had been typed there; nil when there is none.
    static func takePastedLine(prompt: String) -> String? {
        guard !readlineState.pastedLines.isEmpty else { return nil }
        let line = readlineState.pastedLines.removeFirst()
        StatusLine.write(prompt + line + "\n", to: readlineState.output)
        return line
    }

    /// Puts the text after a paste's last line break into the line being edited, where Enter runs it.
    static func insertPastedRest() {
        guard !readlineState.pastedRest.isEmpty else { return }
        rl_insert_text(readlineState.pastedRest)
        readlineState.pastedRest = ""
        rl_redisplay()
    }
}

/// Readline's command for a bracketed paste: inserts the pasted text as readline's own does; when it holds line
/// breaks, the line as it stands at the first one is entered, and the rest waits to be read as the next lines.
private func insertPaste(_ count: Int32, _ key: Int32) -> Int32 {
    let start = Int(shim_rl_point())
    let status = rl_bracketed_paste_begin(count, key)
    let end = Int(shim_rl_point()), length = Int(shim_rl_end())
    guard let buffer = shim_rl_line_buffer(), start <= end, end <= length else { return status }
    let bytes = buffer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    let newline = UInt8(ascii: "\n")
    guard bytes[start..<end].contains(newline) else { return status }
    let pasted = bytes[start..<end], lineEnd = pasted.firstIndex(of: newline) ?? end
    // As typed: the text before the paste, its first line and the text after the cursor make the line Enter takes;
    // the rest waits as a paste a full-screen view kept does (`keepPaste`).
    let first = String(decoding: bytes[..<start], as: UTF8.self) + String(decoding: bytes[start..<lineEnd], as: UTF8.self)
        + String(decoding: bytes[end...], as: UTF8.self)
    readlineState.pastedLines = []
    readlineState.pastedRest = ""
    LineEditor.keepPaste(String(decoding: bytes[(lineEnd + 1)..<end], as: UTF8.self))
    rl_replace_line(first, 0)
    shim_rl_set_point(shim_rl_end())
    rl_redisplay()
    return rl_newline(1, key)
}
