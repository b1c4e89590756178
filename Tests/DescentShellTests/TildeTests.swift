import Foundation
import XCTest
@testable import DescentShell

/// `~` in file names: $HOME as shells read it, the account's home only when HOME is unset or empty. Expected
/// paths are built from the HOME given here and, for the fallback, the password database's entry.
final class TildeTests: XCTestCase {
    /// The account's home directory from the password database.
    private var accountHome: String { getpwuid(getuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } } ?? "" }

    func testATildeIsHomeFromTheEnvironment() {
        let home = ["HOME": "/tmp/ex"]
        XCTAssertEqual(Commands.expandingTilde("~/tilde.json", environment: home), "/tmp/ex/tilde.json")
        XCTAssertEqual(Commands.expandingTilde("~", environment: home), "/tmp/ex")
        XCTAssertEqual(Commands.expandingTilde("~/", environment: home), "/tmp/ex/")
        XCTAssertEqual(Commands.expandingTilde("~/a/b.csv", environment: ["HOME": "/tmp/ex/"]), "/tmp/ex/a/b.csv")
        XCTAssertEqual(Commands.expandingTilde("~/x", environment: ["HOME": "/"]), "/x")
    }

    func testWithoutHomeTheAccountsHomeIsUsed() {
        XCTAssertFalse(accountHome.isEmpty)
        XCTAssertEqual(Commands.expandingTilde("~/w.json", environment: [:]), accountHome + "/w.json")
        XCTAssertEqual(Commands.expandingTilde("~/w.json", environment: ["HOME": ""]), accountHome + "/w.json")
    }

    func testOtherNamesAreLeftAsTheyAre() {
        let home = ["HOME": "/tmp/ex"]
        XCTAssertEqual(Commands.expandingTilde("a/~/b", environment: home), "a/~/b")
        XCTAssertEqual(Commands.expandingTilde("~~", environment: home), "~~")
        XCTAssertEqual(Commands.expandingTilde("~no-such-user-descent/x", environment: home), "~no-such-user-descent/x")
        XCTAssertEqual(Commands.expandingTilde("/abs/~x", environment: home), "/abs/~x")
        // ~user is that user's home, whatever HOME says (root's is /root in the password database here).
        if let root = getpwnam("root").flatMap({ $0.pointee.pw_dir.map { String(cString: $0) } }) {
            XCTAssertEqual(Commands.expandingTilde("~root/x", environment: home), root + "/x")
        }
    }
}
