import CCurses
import DescentPlot
#if canImport(Glibc)
import Glibc
#endif

/// The full-screen view over ncurses: copies canvases to the terminal, reads keys, follows resizes.
/// One view is up at a time; `stop()` (also run on exit and on fatal signals) gives the terminal back.
///
/// While the view is up the terminal marks pasted text (bracketed paste), which `readKey` returns whole as
/// `Key.paste`, never as keys; and the end of the terminal (a hang-up, end of input) is `Key.hangup`.
public final class Screen {
    /// The curses screen, made once per process and resumed by later `start()` calls. Curses is not
    /// thread-safe and only the thread that drives the view touches it.
    nonisolated(unsafe) private static var terminal: OpaquePointer?
    /// Whether `start_color` ran for `terminal` and whether -1 ("the terminal's own colour") is allowed.
    nonisolated(unsafe) private static var colorsStarted = false
    nonisolated(unsafe) private static var defaultColorsAllowed = false

    /// The key codes the keypad decoder gives the bracketed paste's marks (`ESC[200~`, `ESC[201~`): far above curses's
    /// own codes and those it numbers for a terminal's extra keys.
    static let pasteStartCode: UInt32 = 0x7A00
    static let pasteEndCode: UInt32 = 0x7A01
    /// How long a paste may wait for its end mark before what came is taken as the whole paste.
    static let pasteTimeout: Duration = .seconds(1)

    private var isUp = false
    private var palette = Palette(depth: .none)
    private var pairs: [ColorPairKey: Int16] = [:]
    private var previous: Canvas?
    private var unicode = false
    /// The SIGTSTP and SIGCONT handlers installed while the view is up.
    private var signalTraps: [SignalTrap] = []
    /// The text of a bracketed paste under way as UTF-8 bytes (nil: none), whether its last character was a carriage
    /// return (a CR LF is one line break), and when its last input came.
    private var pasteText: [UInt8]?
    private var pasteAfterReturn = false
    private var pasteLastInput = ContinuousClock.now
    /// Set once the terminal is gone: every later `readKey` says so at once.
    private var hungUp = false

    public init() {}

    deinit { stop() }

    /// Takes over the terminal: raw keys (Ctrl-C and Ctrl-Z arrive as keys), no echo, hidden cursor, colours unless
    /// NO_COLOR. Until `stop()`, SIGTSTP and SIGCONT are caught, so that a stop from outside (`kill -TSTP`) gives the
    /// terminal back first and the view comes back whole after `fg`, as Ctrl-Z does (see `readKey`).
    public func start() throws {
        guard !isUp else { return }
        TerminalInfo.adoptUserLocale()
        TerminalGuard.arm()
        if Screen.terminal == nil {
            guard let made = Screen.makeTerminal() else {
                TerminalGuard.disarm()
                let term = TerminalInfo.environment("TERM") ?? "(unset)"
                throw ScreenError(description: "the terminal type TERM=\(term) is unknown here")
            }
            Screen.terminal = made
        } else {
            Screen.followTerminalSize()
        }
        TerminalGuard.take(.fullScreen)
        isUp = true
        configureInput()
        configureColors()
        unicode = shim_locale_is_utf8() != 0
        previous = nil
        clearok(shim_curscr(), true)
        pasteText = nil
        hungUp = false
        signalTraps = Suspension.trapForView()
    }

    /// Gives the terminal back to the shell (endwin, bracketed paste off); safe to call any number of times. Without an
    /// alternate screen the terminal is cleared too, so that what follows is not printed under the view's last frame.
    public func stop() {
        guard isUp else { return }
        isUp = false
        previous = nil
        curs_set(1)
        Screen.giveTerminalBack()
        TerminalGuard.disarm()
        signalTraps.reversed().forEach { $0.restore() }
        signalTraps = []
    }

    /// True when a stop (`kill -TSTP`) or a continue after one arrived as a signal and `readKey` should run now to act
    /// on it; cheap enough to ask after every training step.
    public var signalPending: Bool { isUp && Suspension.viewSignalPending }

    /// Columns and rows of the view (they change when the terminal is resized; see `Key.resize`).
    public var size: (width: Int, height: Int) {
        if isUp { return (Int(shim_columns()), Int(shim_rows())) }
        var rows: Int32 = 0, columns: Int32 = 0
        if shim_terminal_size(1, &rows, &columns) != 0 { return (Int(columns), Int(rows)) }
        return (80, 24)
    }

    /// True when the locale is UTF-8, so braille and box-drawing characters can be shown.
    public var isUnicode: Bool { isUp ? unicode : TerminalInfo.isUnicodeLocale }

    /// Shows `canvas` (clipped to the view), writing only the cells that changed since the last frame.
    public func draw(_ canvas: Canvas) {
        guard isUp else { return }
        let comparable = previous.map { $0.width == canvas.width && $0.height == canvas.height } ?? false
        if !comparable { werase(shim_stdscr()) }
        let rows = Int(shim_rows()), columns = Int(shim_columns())
        for run in CanvasDiff.changedRuns(from: comparable ? previous : nil, to: canvas) where run.y < rows {
            for (offset, cell) in run.cells.enumerated() where run.x + offset < columns && !cell.isWideTail {
                // The right half of a wide character is drawn with it (a tail whose character changed is in the run).
                let x = run.x + offset
                put(cell, x: x, y: run.y, wide: x + 1 < columns && canvas[x + 1, run.y].isWideTail)
            }
        }
        wrefresh(shim_stdscr())
        previous = canvas
    }

    /// The next key, waiting at most `timeoutMilliseconds` (0: do not wait; negative: wait for a key); nil when none came.
    ///
    /// Ctrl-Z, or SIGTSTP from outside, suspends the view as a curses program does: the terminal is given back as
    /// `stop()` gives it (normal screen, cursor shown, the modes from before the view), the process stops as SIGTSTP's
    /// default action stops it, and after `fg` the view takes the terminal back; this then returns `.resize`, so that
    /// the caller draws the view again, in full. A continue after a stop the view did not make (`kill -STOP`) takes the
    /// terminal back from the shell the same way.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isUp else { return nil }
        if let key = nextKey() { return key }
        guard timeoutMilliseconds != 0 else { return nil }
        Screen.waitForInput(timeoutMilliseconds: timeoutMilliseconds)
        return nextKey()
    }

    /// A stop or continue to act on, else the key curses has ready, without waiting (beyond the Escape delay): a whole
    /// paste once its end mark came, or `.hangup` when the terminal is gone.
    private func nextKey() -> Key? {
        if hungUp { return .hangup }
        if Suspension.takeStopRequest() { return suspend() }
        if Suspension.takeContinued() { return takeBack(leaving: true) }
        wtimeout(shim_stdscr(), 0)
        while true {
            guard let (code, isKeyCode) = readCode() else { return nothingRead() }
            if isKeyCode && code == Screen.pasteStartCode {
                beginPaste()
                continue
            }
            if pasteText != nil {
                if let whole = takePasted(code, isKeyCode: isKeyCode) { return whole }
                continue
            }
            var key = Key(code: code, isKeyCode: isKeyCode)
            if !unicode && !isKeyCode && code >= 0x80 { key = .bytes(readBytes(after: code)) }
            // Only a lone Esc is the Esc key: with a character or a sequence after it, it is another key.
            if key == .escape { key = escaped() }
            if key == .suspend { return suspend() }
            // Raw keys send no SIGQUIT: Ctrl-\ is ignored here as the signal is, in every view.
            if key == .ctrlBackslash { continue }
            // Raw keys send no SIGINT: Ctrl-C raises the interrupt the signal would (an enclosing replay, the rest of a
            // line learn of it), and the view sees the key too.
            if key == .ctrlC { Interrupt.request() }
            if key == .resize {
                // Curses takes the size from LINES and COLUMNS when they are in the environment (as some shells
                // export them), whatever the terminal says after a resize: the terminal's own size wins.
                Screen.followTerminalSize()
                previous = nil
            }
            return key
        }
    }

    /// One code from curses without waiting (the window's timeout is 0): a character — a byte outside a UTF-8
    /// locale, where curses cannot decode the terminal's UTF-8 — or a key code; nil when nothing is ready.
    private func readCode() -> (code: UInt32, isKeyCode: Bool)? {
        var code: UInt32 = 0
        let status = unicode ? shim_get_wch(&code) : shim_get_byte(&code)
        guard status != shim_err() else { return nil }
        return (code, status == shim_key_code_yes())
    }

    /// Starts gathering a bracketed paste (its start mark came).
    private func beginPaste() {
        if pasteText == nil { pasteText = []; pasteAfterReturn = false }
        pasteLastInput = ContinuousClock.now
    }

    /// What an Esc that curses returned was (its keypad decoder matched no key it knows): the Esc key when nothing
    /// came with it; Alt with a character when one did (the terminal sends Alt+x as Esc x); else another key, an
    /// escape sequence the decoder does not know, read to its end so that its bytes are not taken for keys. Ctrl-C,
    /// Ctrl-Z and a second Esc right after an Esc are themselves.
    private func escaped() -> Key {
        guard let (code, isKeyCode) = readCode() else { return .escape }
        if isKeyCode {
            if code == Screen.pasteStartCode { beginPaste(); return .escape }
            return .other
        }
        switch code {
        case 0x5B, 0x4F:   // `[` (CSI: parameters, then a final byte) or `O` (SS3: one more byte); alone, Alt with it
            var rest = 0
            while let (next, isKey) = readCode() {
                rest += 1
                if isKey || code == 0x4F || (0x40...0x7E).contains(next) { break }
            }
            return rest > 0 ? .other : .alt(code == 0x5B ? "[" : "O")
        case 0x80... where !unicode:
            _ = readBytes(after: code)
            return .other
        default:
            switch Key(code: code, isKeyCode: false) {
            case .character(let c): return .alt(c)
            case .space: return .alt(" ")
            case .ctrlC: return .ctrlC
            case .suspend: return .suspend
            case .escape: return .escape   // Esc pressed twice quickly stops, as once does
            default: return .other
            }
        }
    }

    /// A non-ASCII key's bytes outside a UTF-8 locale: `first` and the UTF-8 continuation bytes that came with it
    /// (a byte that is not one is left for the next read).
    private func readBytes(after first: UInt32) -> [UInt8] {
        var bytes = [UInt8(truncatingIfNeeded: first)]
        let expected = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0
        while bytes.count <= expected, let (code, isKeyCode) = readCode() {
            guard !isKeyCode, (0x80...0xBF).contains(code) else {
                ungetch(Int32(truncatingIfNeeded: code))
                break
            }
            bytes.append(UInt8(code))
        }
        return bytes
    }

    /// What curses's "nothing to read" means: the terminal is gone (a hang-up or end of input, after which a read
    /// returns at once with nothing, so a view waiting for a key would spin) — `.hangup`, which also raises the
    /// interrupt, so that the line and a replay stop as after Ctrl-C; a paste whose end mark is overdue, taken whole;
    /// or no key yet.
    private func nothingRead() -> Key? {
        if shim_input_ended(STDIN_FILENO) != 0 {
            hungUp = true
            pasteText = nil
            Interrupt.request()
            return .hangup
        }
        if let bytes = pasteText, ContinuousClock.now - pasteLastInput > Screen.pasteTimeout {
            pasteText = nil
            return .paste(String(decoding: bytes, as: UTF8.self))
        }
        return nil
    }

    /// Adds what curses read inside a paste to its text (carriage returns, and CR LF, as `\n`; keys the decoder made of
    /// pasted escape sequences are left out); returns the paste at its end mark, or a resize to act on meanwhile.
    private func takePasted(_ code: UInt32, isKeyCode: Bool) -> Key? {
        pasteLastInput = ContinuousClock.now
        let afterReturn = pasteAfterReturn
        pasteAfterReturn = false
        if isKeyCode {
            if code == Screen.pasteEndCode, let bytes = pasteText {
                pasteText = nil
                return .paste(String(decoding: bytes, as: UTF8.self))
            }
            if Int32(truncatingIfNeeded: code) == shim_key_resize() {
                previous = nil
                return .resize
            }
            return nil
        }
        switch code {
        case 13: pasteText?.append(10); pasteAfterReturn = true
        case 10: if !afterReturn { pasteText?.append(10) }
        // Outside a UTF-8 locale curses gives the bytes: the text is decoded as UTF-8 when the paste ends.
        case _ where !unicode: pasteText?.append(UInt8(truncatingIfNeeded: code))
        default: if let scalar = Unicode.Scalar(code) { pasteText?.append(contentsOf: String(Character(scalar)).utf8) }
        }
        return nil
    }

    /// Gives the terminal back as `stop()` does (endwin, bracketed paste off, the screen cleared where there is no
    /// alternate screen, as on every way out: see `TerminalGuard.restore`).
    private static func giveTerminalBack() {
        TerminalGuard.restore()
    }

    /// Gives the terminal back, stops the process until `fg`, then takes the terminal back.
    private func suspend() -> Key {
        Screen.giveTerminalBack()
        Suspension.stopProcess()
        _ = Suspension.takeContinued()   // this stop's own continue
        return takeBack(leaving: false)
    }

    /// Takes the terminal back after a stop: the view's modes and screen again (ncurses sets them all when it
    /// refreshes after `endwin`, so a terminal the view did not leave is left first) and every cell redrawn.
    private func takeBack(leaving: Bool) -> Key {
        if leaving { TerminalGuard.restore() }
        TerminalGuard.take(.fullScreen)
        Screen.followTerminalSize()
        configureInput()
        clearok(shim_curscr(), true)
        wrefresh(shim_stdscr())
        previous = nil
        return .resize
    }

    /// Waits until standard input has a byte or a signal wakes the view (the self-pipe), at most `timeoutMilliseconds`
    /// (negative: no limit). Signals that only wake are drained: their handlers left flags.
    private static func waitForInput(timeoutMilliseconds: Int) {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: SignalWake.readEnd, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, nfds_t(fds.count), Int32(clamping: max(-1, timeoutMilliseconds)))
        if fds[1].revents != 0 { _ = SignalWake.drain() }
    }

    /// Draws one cell with its palette style; `wide`: a wide character over this cell and the next, which gets a
    /// blank beside the substitute when the character cannot be shown.
    private func put(_ cell: Cell, x: Int, y: Int, wide: Bool = false) {
        let style = palette.style(for: cell)
        var attributes = shim_a_normal()
        if style.bold { attributes |= shim_a_bold() }
        if style.dim { attributes |= shim_a_dim() }
        let pair = pairNumber(style.colors)
        let codes = Glyph.codePoints(cell.char, unicode: unicode, maxChars: Int(shim_cell_max_chars()), columns: wide ? 2 : 1)
        codes.withUnsafeBufferPointer { buffer in
            _ = shim_draw_char(Int32(y), Int32(x), buffer.baseAddress, attributes, pair)
        }
        if wide && codes.first == Glyph.substitute { put(Cell(" ", fg: cell.fg, bg: cell.bg), x: x + 1, y: y) }
    }

    /// The curses pair showing `colors`, made on first use; pair 0 (default colours) when colours are off or pairs ran out.
    private func pairNumber(_ colors: ColorPairKey) -> Int16 {
        if palette.depth == .none || colors.isDefault { return 0 }
        if let known = pairs[colors] { return known }
        let next = pairs.count + 1
        guard next < min(Int(shim_color_pairs()), Int(Int16.max)) else { return 0 }
        let fg = colors.fg == -1 && !Screen.defaultColorsAllowed ? 7 : colors.fg
        let bg = colors.bg == -1 && !Screen.defaultColorsAllowed ? 0 : colors.bg
        init_pair(Int16(next), fg, bg)
        pairs[colors] = Int16(next)
        return Int16(next)
    }

    /// Raw keys without echo, keypad decoding, a short Escape delay, hidden cursor, pastes marked (bracketed paste;
    /// `TerminalGuard.restore` turns it off).
    private func configureInput() {
        raw()
        noecho()
        nonl()
        keypad(shim_stdscr(), true)
        leaveok(shim_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        shim_bracketed_paste(1)
    }

    /// Starts curses colours the first time they are wanted (COLORS is known only after that), then picks the palette.
    private func configureColors() {
        if has_colors() && TerminalInfo.colorsWanted && !Screen.colorsStarted {
            start_color()
            Screen.defaultColorsAllowed = use_default_colors() == shim_ok()
            Screen.colorsStarted = true
        }
        palette = Palette.choose(hasColors: has_colors() && Screen.colorsStarted, colorCount: Int(shim_colors()),
                                 noColor: TerminalInfo.environment("NO_COLOR"))
        pairs = [:]
    }

    /// Creates the curses screen, sized from the terminal itself rather than LINES/COLUMNS variables.
    /// SIGINT and SIGTSTP are trapped meanwhile so that ncurses installs no handlers for them: they would
    /// outlive the view, exiting the process on Ctrl-C at the prompt or repainting the view after `fg`.
    private static func makeTerminal() -> OpaquePointer? {
        let traps = [shim_sigint(), shim_sigtstp()].map { SignalTrap(signal: $0, handler: { _ in }) }
        defer { traps.forEach { $0.restore() } }
        use_tioctl(true)
        guard let made = shim_newterm_stdio() else { return nil }
        TerminalGuard.noteAlternateScreen(shim_has_alternate_screen() != 0)
        _ = shim_define_key("\u{1B}[200~", Int32(pasteStartCode))
        _ = shim_define_key("\u{1B}[201~", Int32(pasteEndCode))
        return made
    }

    /// Tells curses the terminal's current size if it changed while the view was down (no SIGWINCH reached it).
    private static func followTerminalSize() {
        var rows: Int32 = 0, columns: Int32 = 0
        guard shim_terminal_size(1, &rows, &columns) != 0 else { return }
        if rows != shim_rows() || columns != shim_columns() { resizeterm(rows, columns) }
    }
}
