import XCTest
@testable import DescentCore
@testable import DescentShell

/// A workspace driven through a session with captured output: runs lines, reads parameters and gradients.
final class ShellHarness {
    let out = CapturedOutput()
    let w: Workspace
    let session: Session

    /// A workspace whose relative file names are taken from `directory` (the system's temporary directory by default).
    init(directory: String = FileManager.default.temporaryDirectory.path) {
        w = Workspace(output: out, directory: directory)
        session = Session(workspace: w)
    }

    /// Runs each line, failing the test when one fails; returns what the lines printed.
    @discardableResult
    func ok(_ lines: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        out.clear()
        for l in lines.split(separator: "\n") {
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

    /// The values of parameter `name`, row-major (empty when there is no such parameter).
    func values(_ name: String) -> [Double] { w.model?.parameter(name)?.value.array ?? [] }

    /// The gradient held by parameter `name`, row-major.
    func grads(_ name: String) -> [Double] { w.model?.parameter(name)?.grad.array ?? [] }

    /// Every parameter's gradient, in model order.
    var allGrads: [[Double]] { w.model?.parameters.map { $0.grad.array } ?? [] }

    /// The lines printed by the last `ok`/`fails` that start with `prefix`.
    func lines(startingWith prefix: String) -> [String] { out.lines.flatMap { $0.components(separatedBy: "\n") }.filter { $0.hasPrefix(prefix) } }
}
