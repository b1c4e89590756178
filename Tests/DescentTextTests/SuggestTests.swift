import XCTest
@testable import DescentText

/// Edit distances were worked out by hand (and match the textbook OSA examples).
final class SuggestTests: XCTestCase {
    func testDistance() {
        XCTAssertEqual(Suggest.distance("tahn", "tanh"), 1)
        XCTAssertEqual(Suggest.distance("kitten", "sitting"), 3)
        // OSA cannot edit a transposed pair again: "ca" → "abc" costs 3 (true Damerau–Levenshtein gives 2).
        XCTAssertEqual(Suggest.distance("ca", "abc"), 3)
        XCTAssertEqual(Suggest.distance("", "abc"), 3)
        XCTAssertEqual(Suggest.distance("abc", ""), 3)
        XCTAssertEqual(Suggest.distance("λx", "xλ"), 1)
    }

    func testNearest() {
        let activations = ["relu", "tanh", "sigmoid", "softmax", "linear"]
        XCTAssertEqual(Suggest.nearest("tahn", in: activations), "tanh")
        XCTAssertEqual(Suggest.nearest("TAHN", in: activations), "tanh")
        XCTAssertEqual(Suggest.nearest("sigmod", in: activations), "sigmoid")
        XCTAssertEqual(Suggest.nearest("softmx", in: activations), "softmax")
        XCTAssertEqual(Suggest.nearest("lrr", in: ["lr", "momentum"]), "lr")
        XCTAssertNil(Suggest.nearest("xyz", in: activations))
        XCTAssertNil(Suggest.nearest("", in: activations))
    }

    func testThresholdIsAThirdOfTheLength() {
        // "abcdef" has 6 Characters, so up to 2 edits are accepted: "abcxyf" (2) is, "abxyzf" (3) is not.
        XCTAssertEqual(Suggest.nearest("abcdef", in: ["abcxyf"]), "abcxyf")
        XCTAssertNil(Suggest.nearest("abcdef", in: ["abxyzf"]))
        // Short words still allow one edit.
        XCTAssertEqual(Suggest.nearest("lx", in: ["x"]), "x")
        XCTAssertEqual(Suggest.nearest("ab", in: ["ac"]), "ac")
    }

    func testAnotherLetterIsNoTypoOfALetter() {
        // "z" is 1 edit from "X", but that edit replaces all of it: nothing typed is kept.
        XCTAssertNil(Suggest.nearest("z", in: ["X", "y"]))
        XCTAssertNil(Suggest.hint("l", in: ["x"]))
        XCTAssertEqual(Suggest.nearest("x", in: ["X", "y"]), "X")   // the same letter, in the other case
        XCTAssertEqual(Suggest.nearest("n", in: ["noise", "classes"]), "noise")   // a prefix
    }

    func testPrefixMatches() {
        XCTAssertEqual(Suggest.nearest("mom", in: ["lr", "momentum"]), "momentum")
        XCTAssertEqual(Suggest.nearest("Nest", in: ["lr", "nesterov"]), "nesterov")
    }

    func testSmallestDistanceWinsThenFirstCandidate() {
        XCTAssertEqual(Suggest.nearest("relu", in: ["relu6", "relu"]), "relu")
        XCTAssertEqual(Suggest.nearest("bat", in: ["cat", "hat"]), "cat")
        XCTAssertEqual(Suggest.nearest("bat", in: ["hat", "cat"]), "hat")
    }

    func testHintPrefersWhatTheWordBeginsAndNamesEveryOneItBegins() {
        // "of" is 1 edit from both "on" and "off", but begins only "off".
        XCTAssertEqual(Suggest.hint("of", in: ["on", "off"]), " — did you mean 'off'?")
        XCTAssertEqual(Suggest.hint("conf", in: ["model", "config", "confusion"]), " — did you mean 'config' or 'confusion'?")
        XCTAssertEqual(Suggest.hint("c", in: ["a", "cx", "cy", "cz"]), " — did you mean 'cx', 'cy' or 'cz'?")
        XCTAssertEqual(Suggest.hint("tahn", in: ["relu", "tanh"]), " — did you mean 'tanh'?")
        XCTAssertNil(Suggest.hint("zzz", in: ["relu", "tanh"]))
    }

    func testLongWordsAreComparedAsPrefixesOnlyAndQuotedCut() {
        // Measuring two 20,000-character words would take a table of 400 million entries: they are not measured.
        let a = String(repeating: "a", count: 20_000), b = String(repeating: "b", count: 20_000)
        XCTAssertNil(Suggest.nearest(a, in: [b]))
        XCTAssertEqual(Suggest.nearest(a, in: [b, a + "z"]), a + "z")   // a prefix: one deletion away
        XCTAssertEqual(Suggest.hint("q", in: [String(repeating: "q", count: 100)]), " — did you mean '\(String(repeating: "q", count: 26))…\(String(repeating: "q", count: 13))'?")
        // Many candidates that the word begins: the first ten, then how many more.
        XCTAssertEqual(Suggest.hint("c", in: (0..<12).map { "c\($0)" }),
                       " — did you mean 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8' or 'c9' (or 2 more)?")
    }
}
