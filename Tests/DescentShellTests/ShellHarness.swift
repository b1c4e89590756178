import XCTest
@testable import DescentCore
@testable import DescentShell

/// A workspace driven through a session with captured output: runs lines, reads parameters and gradients.
final class ShellHarness {
    let out = CapturedOutput()
    let w: Workspace
    let session: Session

    /// The directory relative file names are taken from.
    let directory: String
    /// Every line `ok` has run, in order: what a fresh harness runs to be set up the same way.
    private(set) var setup: [String] = []

    /// A workspace whose relative file names are taken from `directory` (the system's temporary directory by default).
    init(directory: String = FileManager.default.temporaryDirectory.path) {
        self.directory = directory
        w = Workspace(output: out, directory: directory)
        session = Session(workspace: w)
    }

    /// A harness (in `directory`) with the lines of `setup` run.
    convenience init(running setup: String, directory: String = FileManager.default.temporaryDirectory.path,
                     file: StaticString = #filePath, line: UInt = #line) {
        self.init(directory: directory)
        ok(setup, file: file, line: line)
    }

    /// Asserts that each line suggested in backquotes in `error` (`optimizer sgd lr=0.1`) runs in a fresh harness set up as
    /// this one was (the lines `ok` ran, in the same directory), or, `inSequence`, that they run one after another in one
    /// (`train 300`, then `keep a`). Not lines, and skipped: templates (with NAME, λ, β1, α or … outside quotes), a
    /// word named alone (`regularize`, `current`), an option (`lr=[0.1,0.2]`) and a quoted name (`"b, c"`). Returns the
    /// lines run.
    @discardableResult
    func assertSuggestionsRun(_ error: String, inSequence: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let quoted = error.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let lines = quoted.filter { suggestion in
            let unquoted = suggestion.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined()
            let first = suggestion.prefix { $0 != " " }
            return suggestion.contains(" ") && !first.contains("=") && !suggestion.hasPrefix("\"") && !unquoted.contains("NAME") && !unquoted.contains { "λβα…".contains($0) }
        }
        var fresh: ShellHarness?
        for suggestion in lines {
            if fresh == nil || !inSequence {
                fresh = ShellHarness(directory: directory)
                fresh?.ok(setup.joined(separator: "\n"), file: file, line: line)
            }
            fresh?.ok(suggestion, file: file, line: line)
        }
        return lines
    }

    /// Runs each line, failing the test when one fails; returns what the lines printed.
    @discardableResult
    func ok(_ lines: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        out.clear()
        for l in lines.split(separator: "\n") {
            setup.append(String(l))
            XCTAssertTrue(session.run(line: String(l)), "\(l): \(out.errors.joined(separator: "\n"))", file: file, line: line)
        }
        return out.text
    }

    /// Runs one line that must fail; returns the error text.
    @discardableResult
    func fails(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        out.clear()
        XCTAssertFalse(session.run(line: text), "\(text) should fail", file: file, line: line)
        return out.errors.joined(separator: "\n")
    }

    /// Runs one line that must fail with a hint whose backquoted lines run (`assertSuggestionsRun`); returns the error text.
    @discardableResult
    func failsWithHint(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let error = fails(text, file: file, line: line)
        assertSuggestionsRun(error, file: file, line: line)
        return error
    }

    /// The values of parameter `name`, row-major (empty when there is no such parameter).
    func values(_ name: String) -> [Double] { w.model?.parameter(name)?.value.array ?? [] }

    /// The gradient held by parameter `name`, row-major.
    func grads(_ name: String) -> [Double] { w.model?.parameter(name)?.grad.array ?? [] }

    /// Every parameter's gradient, in model order.
    var allGrads: [[Double]] { w.model?.parameters.map { $0.grad.array } ?? [] }

    /// The lines printed by the last `ok`/`fails` that start with `prefix`.
    func lines(startingWith prefix: String) -> [String] { out.lines.flatMap { $0.components(separatedBy: "\n") }.filter { $0.hasPrefix(prefix) } }
}
