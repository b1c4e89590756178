import Foundation
import XCTest

/// A tmux session running descent at a fixed size: type keys, read the screen as a person sees it.
final class Tmux {
    let name: String
    let home: URL

    /// Starts `descent` (with `arguments`) in a detached tmux session of `width`×`height` cells; `fromShell` types the
    /// command at a bash prompt instead, as a person does, so that Ctrl-Z stops descent and `fg` brings it back;
    /// `ignoringHangUp` starts it with SIGHUP ignored (from `bash -c 'trap "" HUP; descent'`), as `nohup` would, so
    /// that closing the terminal does not end it by the signal, and writes its exit status to `exitStatusFile`;
    /// `redirection` follows descent on the shell's command line (`> out.txt`, `| tee log`; with `fromShell`).
    init(width: Int = 100, height: Int = 30, arguments: [String] = [], environment: [String: String] = [:],
         fromShell: Bool = false, redirection: String = "", ignoringHangUp: Bool = false) throws {
        guard Tmux.available else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: Descent.binary.path) else {
            throw XCTSkip("descent binary not built at \(Descent.binary.path); run `swift build` first")
        }
        name = "descent-test-\(UUID().uuidString.prefix(8))"
        home = try Descent.temporaryDirectory()
        var env = ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state", "TERM": "xterm-256color",
                   "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "INPUTRC": "/dev/null"]
        for (k, v) in environment { env[k] = v }
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let descent = "'\(Descent.binary.path)' " + arguments.map { "'\($0)'" }.joined(separator: " ")
        let status = home.appendingPathComponent("exit-status").path
        let run = ignoringHangUp ? "bash -c 'trap \"\" HUP; \"$0\" \"$@\"; echo $? > \"\(status)\"' " + descent : descent
        let command = "cd '\(Descent.root.path)' && env \(exports) " + (fromShell ? "PS1='$ ' bash --norc --noprofile" : run)
        // The server exits with its last session (the previous test's): a session asked for just then can meet a
        // server on its way out, so it is asked for again.
        for attempt in 1...5 {
            do {
                try Tmux.run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
                break
            } catch where attempt < 5 {
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        try Tmux.run(["set-option", "-t", name, "remain-on-exit", "on"])
        if fromShell { try type(descent + redirection) }
    }

    deinit { _ = try? Tmux.run(["kill-session", "-t", name]) }

    /// Where a descent started `ignoringHangUp` leaves its exit status.
    var exitStatusFile: URL { home.appendingPathComponent("exit-status") }

    static var available: Bool { (try? run(["-V"])) != nil }

    /// The tests' own tmux server (`tmux -L`), one per test process: nothing they do touches a person's sessions or
    /// another run's, and no one else's server settings reach them.
    static let socket = "descent-tests-\(getpid())"

    /// Runs tmux with `args` (on the tests' own server, `socket`) and returns its standard output.
    ///
    /// tmux is started with posix_spawn and reaped with waitpid, and its output goes to a temporary file:
    /// the first command starts the tmux server, a daemon that would keep a pipe open forever, and
    /// Foundation's `Process` was seen to wait for ever on the client once the daemon had forked.
    @discardableResult
    static func run(_ args: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { unlink(path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw NSError(domain: "tmux", code: Int(status)) }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Types `keys` (tmux key names like `Enter`, `C-c`, `Up`, `Tab`, or literal text with `literal`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try Tmux.run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// Types a line of text and Enter.
    func type(_ line: String) throws {
        try send(line, literal: true)
        try send("Enter")
    }

    /// The screen's text now.
    func screen() throws -> String { try Tmux.run(["capture-pane", "-p", "-t", name]) }

    /// The screen's text with up to 1,000 lines scrolled off above it.
    func scrollback() throws -> String { try Tmux.run(["capture-pane", "-p", "-S", "-1000", "-t", name]) }

    /// Pastes `text` as a terminal paste (tmux sends each newline as Enter): without bracketing marks, or
    /// `bracketed` as a terminal does when the program asked for them (`ESC [200~` … `ESC [201~`).
    func paste(_ text: String, bracketed: Bool = false) throws {
        let file = home.appendingPathComponent("paste-\(UUID().uuidString.prefix(8)).txt").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try Tmux.run(["load-buffer", "-b", name, file])
        try Tmux.run(["paste-buffer", "-d", "-b", name, "-t", name] + (bracketed ? ["-p"] : []))
    }

    /// Waits until the screen satisfies `test` (up to `timeout` seconds) and returns it; fails with the screen otherwise.
    @discardableResult
    func wait(for what: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line,
              _ test: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if test(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out waiting for \(what); the screen was:\n\(last)", file: file, line: line)
        return last
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func wait(forText text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try wait(for: "'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try Tmux.run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The process id of descent: the pane's process, or the last of its line of children (descent starts none) when
    /// it was started from a shell or a wrapper.
    func descentPID() throws -> pid_t {
        var pid = try Tmux.run(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        while let child = ((try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? "")
            .split(separator: " ").first {
            pid = String(child)
        }
        return try XCTUnwrap(pid_t(pid), "no process id in '\(pid)'")
    }

    /// Sends `signal` to descent, as `kill -SIGNAL PID` from another terminal does.
    func signal(_ signal: Int32) throws {
        XCTAssertEqual(kill(try descentPID(), signal), 0, "kill \(signal)")
    }

    /// Whether the pane shows the alternate screen (a full-screen program's) rather than the normal one.
    func alternateScreen() throws -> Bool { try flag("alternate_on") }

    /// Whether the pane's cursor is visible.
    func cursorVisible() throws -> Bool { try flag("cursor_flag") }

    /// A tmux pane flag, `#{NAME}`, as a Bool.
    private func flag(_ name: String) throws -> Bool {
        try Tmux.run(["display-message", "-p", "-t", self.name, "#{\(name)}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Closes the pane, as closing a terminal window does: the terminal is gone (descent gets SIGHUP, and reading
    /// the terminal then finds its end).
    func killPane() throws { try Tmux.run(["kill-pane", "-t", name]) }

    /// Whether process `pid` has ended (a zombie that no one reaped has ended too).
    static func processEnded(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // The state follows the command name in parentheses: `123 (descent) Z …`.
        guard let close = stat.range(of: ") ", options: .backwards) else { return stat.isEmpty }
        return stat[close.upperBound...].hasPrefix("Z") || stat[close.upperBound...].hasPrefix("X")
    }

    /// Whether the program in the pane has exited.
    func exited() throws -> Bool {
        try Tmux.run(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }
}
