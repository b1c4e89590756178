import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// Saves and exports refuse a file name whose extension names another known format than the one they write
/// (`save weights "w.csv"` would write JSON), at the name, with nothing written; the right extension, none, or an
/// unknown one is written as before. Expected messages are written out by hand.
final class FileExtensionTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws { dir = try ScratchDirectory.make("descent-extensions") }

    override func tearDown() { ScratchDirectory.remove(dir) }

    /// A trained classifier of two features with a kept run, so that every save and export has something to write.
    private func trained() -> ShellHarness {
        let h = ShellHarness(directory: dir)
        h.ok("seed 1\ndata xor n=20\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer sgd lr=0.1\ntrain 3\nkeep a")
        return h
    }

    private var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    func testEachSaveAndExportRefusesAnotherFormatsExtensionAtTheName() {
        let h = trained()
        // (line, what the error says after the name, the line it offers)
        let cases: [(String, String, String)] = [
            ("save weights \"w.csv\"", "names a CSV file, but `save weights` writes JSON", "save weights \"w.json\""),
            // The stem has the right extension already: it is the name to write, not w.json.json.
            ("save weights \"w.json.csv\"", "names a CSV file, but `save weights` writes JSON", "save weights \"w.json\""),
            ("save session \"s.json\"", "names a JSON file, but `save session` writes a session script", "save session \"s.descent\""),
            ("export plot weights \"w.png\"", "names a PNG image, but `export plot weights` writes SVG", "export plot weights \"w.svg\""),
            ("export history \"h.json\"", "names a JSON file, but `export history` writes CSV", "export history \"h.csv\""),
            ("export history a \"h.xlsx\"", "names an Excel workbook, but `export history` writes CSV", "export history a \"h.csv\""),
            ("export runs a \"r.tsv\"", "names a TSV (tab-separated) file, but `export runs` writes CSV", "export runs a \"r.csv\""),
            ("export data \"d.npy\"", "names a NumPy array, but `export data` writes CSV", "export data \"d.csv\""),
            ("export plot \"l.jpg\"", "names a JPEG image, but `export plot` writes SVG", "export plot \"l.svg\""),
            ("export plot runs train_loss \"r.pdf\"", "names a PDF, but `export plot runs` writes SVG", "export plot runs train_loss \"r.svg\""),
            ("export plot boundary \"m.h5\"", "names an HDF5 file, but `export plot boundary` writes SVG", "export plot boundary \"m.svg\""),
            // Ignoring case, under an abbreviated command name (written in full in the line offered), in a directory.
            ("expo history \"sub/H.PT\"", "names a PyTorch file, but `export history` writes CSV", "export history \"sub/H.csv\""),
        ]
        for (line, says, offered) in cases {
            let name = line[line.firstIndex(of: "\"")!...]
            let e = h.fails(line)
            XCTAssertTrue(e.hasPrefix("error: \(name) \(says) — write `\(offered)`"), e)
            // The caret under the file name, quotes included.
            let column = line.distance(from: line.startIndex, to: name.startIndex)
            XCTAssertTrue(e.hasSuffix("\n    \(line)\n" + String(repeating: " ", count: 4 + column) + "^" + String(repeating: "~", count: name.count - 1)), e)
        }
        XCTAssertEqual(files, [])
        XCTAssertFalse(h.w.recorded.contains { $0.hasPrefix("save") || $0.hasPrefix("export") })
    }

    func testPNGAndPDFSayHowToTurnTheSVGIntoThem() {
        let h = trained()
        XCTAssertTrue(h.fails("export plot runs \"r.png\"").hasPrefix("error: \"r.png\" names a PNG image, but `export plot runs` writes SVG — write "
                                                                     + "`export plot runs \"r.svg\"` (Descent writes SVG, which `rsvg-convert` or a browser can turn into PNG)\n"))
        XCTAssertTrue(h.fails("export plot \"l.pdf\"").hasSuffix("(Descent writes SVG, which `rsvg-convert` or a browser can turn into PDF)\n    export plot \"l.pdf\"\n                ^~~~~~~"))
        // Not for a CSV export, which has no picture to turn into one.
        XCTAssertFalse(h.fails("export history \"h.png\"").contains("rsvg-convert"))
        XCTAssertEqual(files, [])
    }

    func testTheRightExtensionNoneOrAnUnknownOneIsWritten() {
        let h = trained()
        for line in ["save weights \"w.json\"", "save weights \"w\"", "save weights \"w.bak\"", "save weights \"W.JSON\"", "save session \"s.descent\"",
                     "save session \"s\"", "save session \"s.txt\"", "export history \"h.csv\"", "export history a \"a.CSV\"", "export runs \"r.csv\"", "export data \"d.csv\"",
                     "export data \"d.dat\"", "export plot \"l.svg\"", "export plot runs \"r.svg\"", "export plot boundary \"m.svg\"",
                     "export history \".csv.json.d\"", "export history \".json\"", "export plot weights \"p.svg\""] {
            h.ok(line)
        }
        XCTAssertEqual(files, [".csv.json.d", ".json", "W.JSON", "a.CSV", "d.csv", "d.dat", "h.csv", "l.svg", "m.svg", "p.svg", "r.csv", "r.svg",
                               "s", "s.descent", "s.txt", "w", "w.bak", "w.json"])
    }

    func testAFileNamesExtensionIsAfterTheLastDotOfItsLastComponent() {
        XCTAssertEqual(Commands.fileExtension("a/b.c/w.CSV"), "csv")
        XCTAssertEqual(Commands.fileExtension("a.json/w"), nil)
        XCTAssertEqual(Commands.fileExtension(".csv"), nil)      // a hidden file's name, as Python's splitext reads it
        XCTAssertEqual(Commands.fileExtension("w."), nil)
        XCTAssertEqual(Commands.fileExtension("w.tar.gz"), "gz")
    }
}
