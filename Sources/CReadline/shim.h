// The only C that Descent's Swift code sees of GNU readline. Readline's
// configuration lives in mutable C globals (rl_*), which Swift 6 refuses to
// touch; each one used is reached through a `static inline` function here.
#ifndef DESCENT_CREADLINE_SHIM_H
#define DESCENT_CREADLINE_SHIM_H

#include <stdio.h>  // readline.h uses FILE without including stdio.h
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

// MARK: configuration

/// Sets rl_readline_name (the `$if NAME` tested in ~/.inputrc); readline keeps the pointer.
static inline void shim_rl_set_readline_name(const char *name) { rl_readline_name = name; }

/// Tells readline not to install handlers for SIGINT & co. (the caller handles them).
static inline void shim_rl_set_catch_signals(int on) { rl_catch_signals = on; }

/// Tells readline not to install a SIGWINCH handler (the caller reports resizes).
static inline void shim_rl_set_catch_sigwinch(int on) { rl_catch_sigwinch = on; }

/// Whether readline may export LINES and COLUMNS (which would pin curses to a stale size); set to 0.
static inline void shim_rl_set_change_environment(int on) { rl_change_environment = on; }

/// Installs the function readline calls to give the terminal back after a line (rl_deprep_term_function).
static inline void shim_rl_set_deprep_term_function(rl_voidfunc_t *function) { rl_deprep_term_function = function; }

/// Sets or clears rl_eof_found, which readline 8.2 sets on Ctrl-D and (in callback mode) never clears: while it is
/// set, each later rl_deprep_terminal writes a line feed, one blank line after every command. Older readlines have
/// neither the flag nor the line feed: there it does nothing.
static inline void shim_rl_set_eof_found(int found) {
#if defined(RL_READLINE_VERSION) && RL_READLINE_VERSION >= 0x0802
    rl_eof_found = found;
#else
    (void)found;
#endif
}

/// Sends readline's prompt and echo to `fd` (rl_outstream): standard error, or a stream opened on `fd` (the
/// terminal, /dev/tty); 0 when no stream can be opened on it (readline then keeps standard output).
static inline int shim_rl_set_output(int fd) {
    FILE *stream = fd == STDERR_FILENO ? stderr : fdopen(fd, "w");
    if (stream == NULL) return 0;
    rl_outstream = stream;
    return 1;
}

/// Sets the characters that separate words for completion; readline keeps the pointer.
static inline void shim_rl_set_word_break_characters(const char *chars) { rl_basic_word_break_characters = chars; }

/// Sets the characters that open and close quoted words for completion; readline keeps the pointer.
static inline void shim_rl_set_completer_quote_characters(const char *chars) { rl_completer_quote_characters = chars; }

/// Installs the function asked first for completions.
static inline void shim_rl_set_attempted_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

// MARK: state read or set while completing

/// The line being edited (rl_line_buffer).
static inline const char *shim_rl_line_buffer(void) { return rl_line_buffer; }

/// When set from the completion function, readline does not fall back to file-name completion.
static inline void shim_rl_set_attempted_completion_over(int over) { rl_attempted_completion_over = over; }

/// When set from the completion function, no space (or closing quote) follows a unique match.
static inline void shim_rl_set_completion_suppress_append(int suppress) { rl_completion_suppress_append = suppress; }

/// When set from the completion function, the matches are file names: readline marks a unique directory with `/`
/// (and closes no quote after it) and lists only their last components.
static inline void shim_rl_set_filename_completion_desired(int desired) { rl_filename_completion_desired = desired; }

// MARK: the line being edited

/// The cursor's byte offset in the line (rl_point).
static inline int shim_rl_point(void) { return rl_point; }

/// Moves the cursor to byte offset `point` (rl_point).
static inline void shim_rl_set_point(int point) { rl_point = point; }

/// The line's length in bytes (rl_end).
static inline int shim_rl_end(void) { return rl_end; }

// MARK: history

/// The most recent history line, or NULL when the history is empty.
static inline const char *shim_last_history_line(void) {
    if (history_length <= 0) return NULL;
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry != NULL ? entry->line : NULL;
}

#endif
