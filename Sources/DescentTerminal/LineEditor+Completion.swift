import CReadline
#if canImport(Glibc)
import Glibc
#endif

/// Readline's completion hook: asks the provider; `.files` falls through to readline's file-name completion.
func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    guard let provider = readlineState.completionProvider else {
        shim_rl_set_attempted_completion_over(1)
        return nil
    }
    guard let text else { return nil }
    switch provider(lineBeforeCursor(end: Int(end)), String(cString: text)) {
    case .files:
        return nil
    case .paths(let paths):
        // Without their `/`: readline stats each directory and marks it itself, once, in the line and in the list.
        shim_rl_set_attempted_completion_over(1)
        shim_rl_set_filename_completion_desired(1)
        readlineState.candidates = paths.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
        readlineState.nextCandidate = 0
        return rl_completion_matches(text, nextCandidate)
    case .words(let words):
        shim_rl_set_attempted_completion_over(1)
        // No space after an option's `=` (its value follows) nor a directory's `/` (a name in it follows).
        if words.count == 1, words[0].hasSuffix("/") || words[0].hasSuffix("=") && words[0].dropLast().last.map({ $0.isLetter || $0.isNumber || $0 == "_" }) == true {
            shim_rl_set_completion_suppress_append(1)
        }
        readlineState.candidates = words
        readlineState.nextCandidate = 0
        return rl_completion_matches(text, nextCandidate)
    }
}

/// Hands readline the stored candidates one at a time (malloc'd copies it frees), then NULL.
private func nextCandidate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { readlineState.nextCandidate = 0 }
    guard readlineState.nextCandidate < readlineState.candidates.count else { return nil }
    defer { readlineState.nextCandidate += 1 }
    return strdup(readlineState.candidates[readlineState.nextCandidate])
}

/// The edited line's text before byte offset `end` (the cursor), decoded as UTF-8.
private func lineBeforeCursor(end: Int) -> String {
    guard let buffer = shim_rl_line_buffer() else { return "" }
    let length = min(max(0, end), strlen(buffer))
    return buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
