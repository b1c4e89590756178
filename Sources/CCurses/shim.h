// The only C that Descent's Swift code sees of ncurses (and of the few libc
// facilities that are macros, variadic or unions). Every entry point is a
// `static inline` function so that Swift never touches a C global or macro.
#ifndef DESCENT_CCURSES_SHIM_H
#define DESCENT_CCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <time.h>
#include <wchar.h>

// MARK: screen lifetime

/// Creates the curses screen on stdout/stdin; NULL when TERM is unknown (unlike initscr, never exits).
static inline SCREEN *shim_newterm_stdio(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen != NULL) set_term(screen);
    return screen;
}

/// The standard screen window.
static inline WINDOW *shim_stdscr(void) { return stdscr; }

/// The window curses believes is on the terminal (clearok(curscr) forces a full repaint).
static inline WINDOW *shim_curscr(void) { return curscr; }

/// Rows of the standard screen (getmaxy(stdscr)).
static inline int shim_rows(void) { return getmaxy(stdscr); }

/// Columns of the standard screen (getmaxx(stdscr)).
static inline int shim_columns(void) { return getmaxx(stdscr); }

/// The size the terminal reports right now (TIOCGWINSZ); 0 when it cannot be asked.
static inline int shim_terminal_size(int fd, int *rows, int *columns) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    *rows = ws.ws_row;
    *columns = ws.ws_col;
    return 1;
}

/// 1 when the terminal has an alternate screen (terminfo's smcup), which keeps what was on the screen before the view;
/// call after shim_newterm_stdio.
static inline int shim_has_alternate_screen(void) {
    const char *enter = tigetstr("smcup");
    return enter != NULL && enter != (const char *)-1 && enter[0] != '\0';
}

/// Writes into `bytes` (at most `capacity`) what clears the terminal and homes the cursor (terminfo's clear, its
/// $<…> padding left out), for after endwin where no alternate screen hides the view's last frame; returns how many
/// bytes, 0 when the terminal cannot clear. Call after shim_newterm_stdio; the bytes are then written with write(2),
/// which a signal handler may do.
static inline int shim_clear_sequence(char *bytes, int capacity) {
    const char *clear = tigetstr("clear");
    if (clear == NULL || clear == (const char *)-1) return 0;
    int count = 0;
    for (const char *p = clear; *p != '\0' && count < capacity; p++) {
        if (p[0] == '$' && p[1] == '<' && strchr(p, '>') != NULL) { p = strchr(p, '>'); continue; }
        bytes[count++] = *p;
    }
    return count;
}

/// Writes `count` bytes to `fd` with write(2), going on after EINTR and short writes; async-signal-safe.
static inline void shim_write_all(int fd, const char *bytes, int count) {
    int done = 0;
    while (done < count) {
        ssize_t n = write(fd, bytes + done, (size_t)(count - done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += (int)n;
    }
}

/// Asks the terminal to mark pasted text with ESC[200~ … ESC[201~ (bracketed paste, `on`) or to stop; one write(2),
/// so async-signal-safe (the fatal-signal path turns it off).
static inline void shim_bracketed_paste(int on) {
    const char *sequence = on ? "\033[?2004h" : "\033[?2004l";
    ssize_t written;
    do { written = write(STDOUT_FILENO, sequence, 8); } while (written < 0 && errno == EINTR);
}

/// Adds a key sequence to the keypad decoder, reported as key code `code` (define_key); ERR when it cannot.
static inline int shim_define_key(const char *sequence, int code) { return define_key(sequence, code); }

/// 1 when `fd` will give no more input: a hang-up or an error reported by poll, a closed descriptor, or "readable"
/// with no byte waiting (end of file). A byte typed meanwhile is waiting, so it never reads as the end.
static inline int shim_input_ended(int fd) {
    struct pollfd entry;
    entry.fd = fd;
    entry.events = POLLIN;
    entry.revents = 0;
    int ready;
    do { ready = poll(&entry, 1, 0); } while (ready < 0 && errno == EINTR);
    if (ready <= 0) return 0;
    if (entry.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
    int waiting = 0;
    if (ioctl(fd, FIONREAD, &waiting) != 0) return errno == EIO || errno == EBADF;
    return waiting == 0;
}

// MARK: colours and attributes

/// Number of colours the terminal has (the COLORS global).
static inline int shim_colors(void) { return COLORS; }

/// Number of colour pairs the terminal has (the COLOR_PAIRS global).
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }

/// Draws one (possibly combining) wide character at (y, x) with attributes and a colour pair.
/// `wch` is a 0-terminated array of at most CCHARW_MAX code points.
static inline int shim_draw_char(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Columns a code point takes on the terminal (wcwidth; glibc declares it only for X/Open builds).
extern int wcwidth(wchar_t c);
static inline int shim_wcwidth(wchar_t c) { return wcwidth(c); }

/// The most code points one cell holds (CCHARW_MAX).
static inline int shim_cell_max_chars(void) { return CCHARW_MAX; }

// MARK: keys

static inline int shim_ok(void) { return OK; }
static inline int shim_err(void) { return ERR; }
static inline int shim_key_code_yes(void) { return KEY_CODE_YES; }
static inline int shim_key_up(void) { return KEY_UP; }
static inline int shim_key_down(void) { return KEY_DOWN; }
static inline int shim_key_left(void) { return KEY_LEFT; }
static inline int shim_key_right(void) { return KEY_RIGHT; }
static inline int shim_key_resize(void) { return KEY_RESIZE; }
static inline int shim_key_backspace(void) { return KEY_BACKSPACE; }
static inline int shim_key_enter(void) { return KEY_ENTER; }
/// KEY_F(0): function key n is this plus n (KEY_F is a macro, not imported).
static inline int shim_key_f0(void) { return KEY_F0; }

/// Reads one key from the standard screen: returns OK (a character), KEY_CODE_YES (a function key) or ERR.
static inline int shim_get_wch(unsigned int *code) {
    wint_t value = 0;
    int status = wget_wch(stdscr, &value);
    *code = (unsigned int)value;
    return status;
}

/// Reads one byte or function key from the standard screen, as shim_get_wch does but without decoding characters
/// (wgetch): outside a UTF-8 locale wget_wch cannot decode a UTF-8 key and drops its bytes without a word.
static inline int shim_get_byte(unsigned int *code) {
    int value = wgetch(stdscr);
    if (value == ERR) return ERR;
    *code = (unsigned int)value;
    return value >= KEY_MIN ? KEY_CODE_YES : OK;
}

// MARK: locale

/// True when the current LC_CTYPE encodes text as UTF-8.
static inline int shim_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/// Adopts the user's locale for characters and messages, but keeps "C" number formatting.
static inline void shim_adopt_user_locale(void) {
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
}

// MARK: signals

/// Installs `handler` for `sig` and stores the previous action. No SA_RESTART, so a blocking call returns
/// EINTR; SA_ONSTACK, so a crash handler still runs on a stack overflow when an alternate stack exists.
static inline int shim_install_handler(int sig, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    return sigaction(sig, &action, previous);
}

/// 1 when an action saved by shim_install_handler ignored its signal (SIG_IGN).
static inline int shim_action_ignores(const struct sigaction *action) { return action->sa_handler == SIG_IGN; }

/// Puts back an action saved by shim_install_handler.
static inline int shim_restore_handler(int sig, const struct sigaction *previous) {
    return sigaction(sig, previous, NULL);
}

/// Signal numbers (some are macros that Swift may not import on every libc).
static inline int shim_sigint(void) { return SIGINT; }
static inline int shim_sigterm(void) { return SIGTERM; }
static inline int shim_sighup(void) { return SIGHUP; }
static inline int shim_sigsegv(void) { return SIGSEGV; }
static inline int shim_sigabrt(void) { return SIGABRT; }
static inline int shim_sigbus(void) { return SIGBUS; }
static inline int shim_sigill(void) { return SIGILL; }
static inline int shim_sigfpe(void) { return SIGFPE; }
static inline int shim_sigwinch(void) { return SIGWINCH; }
static inline int shim_sigtstp(void) { return SIGTSTP; }
static inline int shim_sigcont(void) { return SIGCONT; }
static inline int shim_sigquit(void) { return SIGQUIT; }

/// Sets `sig` to be ignored (SIG_IGN), as bash ignores SIGQUIT; an ignored signal stays ignored across exec too.
static inline int shim_ignore_signal(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, NULL);
}

/// Stops the process as Ctrl-Z would (default SIGTSTP action), returning after SIGCONT with the
/// previous SIGTSTP action back in place. SIGTSTP is unblocked meanwhile, so that this works inside a
/// SIGTSTP handler too (which runs with its signal blocked); only async-signal-safe calls.
static inline void shim_suspend_self(void) {
    struct sigaction standard, previous;
    sigset_t tstp, mask;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    sigaction(SIGTSTP, &standard, &previous);
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &mask);
    raise(SIGTSTP);
    sigprocmask(SIG_SETMASK, &mask, NULL);
    sigaction(SIGTSTP, &previous, NULL);
}

/// The monotonic clock in nanoseconds (clock_gettime, async-signal-safe: a signal handler may time a stop).
static inline long long shim_monotonic_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/// Creates a non-blocking, close-on-exec pipe (the self-pipe that wakes poll() from a signal handler).
static inline int shim_make_wake_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

#endif
