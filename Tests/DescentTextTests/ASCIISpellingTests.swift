import XCTest
@testable import DescentText

/// What descent prints in a locale that is not UTF-8: its signs spelled in ASCII, a user's words left as they are.
final class ASCIISpellingTests: XCTestCase {
    func testSignsAreSpelledInASCII() {
        XCTAssertEqual("2-4-1 tanh→sigmoid · bce — done".asciiSpelled, "2-4-1 tanh->sigmoid * bce -- done")
        XCTAssertEqual("loss = mean(−y·log σ(z))".asciiSpelled, "loss = mean(-y*log sigma(z))")
        XCTAssertEqual("θ ← θ − α·m̂/(√v̂ + ε)".asciiSpelled, "theta <- theta - alpha*m^/(sqrt v^ + eps)")
        XCTAssertEqual("1 − tanh²(Z1), ŷ ≤ 1 ≥ 0 ≈ 2 × 3 …".asciiSpelled, "1 - tanh^2(Z1), y^ <= 1 >= 0 ~ 2 x 3 ...")
        XCTAssertEqual("dL/dZ1 = dL/dA1 ⊙ f'(Z1); Σⱼ ∂aᵢ/∂zⱼ ✓".asciiSpelled, "dL/dZ1 = dL/dA1 (*) f'(Z1); sum_j da_i/dz_j ok")
    }

    func testASpelledNameIsKeptApartFromALetterAfterIt() {
        // The optimizer rules and the penalty: `β₁m` is β₁ times m, `λΣw²` λ times the sum of w².
        XCTAssertEqual("m ← β₁m + (1−β₁)g".asciiSpelled, "m <- beta_1 m + (1-beta_1)g")
        XCTAssertEqual("0.01·Σw² + λΣ|w|".asciiSpelled, "0.01*sum w^2 + lambda sum|w|")
        XCTAssertEqual("b ← μb + g/(√v + ε)".asciiSpelled, "b <- mu b + g/(sqrt v + eps)")
        // ∂ is `d`, glued as maths writes it.
        XCTAssertEqual("∂aᵢ/∂zⱼ".asciiSpelled, "da_i/dz_j")
    }

    func testARunOfSubscriptsOrSuperscriptsGetsOneMark() {
        XCTAssertEqual("β₁ᵗ δᵢⱼ x¹⁰ Aᵀ".asciiSpelled, "beta_1^t delta_ij x^10 A^T")
    }

    func testAUsersWordsStayAsTheyAre() {
        XCTAssertEqual("data: café.csv — 3 classes (é, 中)".asciiSpelled, "data: café.csv -- 3 classes (é, 中)")
        XCTAssertEqual("plain ASCII stays".asciiSpelled, "plain ASCII stays")
    }

    func testPaddingAfterALongerSpellingGivesTheColumnsBack() {
        // `m̂` is one column, `m^` two: the label's padding keeps the values in line with the other rows'.
        XCTAssertEqual("  m̂      [1]\n  v       [2]".asciiSpelled, "  m^     [1]\n  v       [2]")
        // Two spaces (a separator) are not padding.
        XCTAssertEqual("θ  lr 0.1".asciiSpelled, "theta  lr 0.1")
    }

    func testABoxDrawnTableIsRedrawnWithItsColumnsWidened() {
        let table = ["┌─────┬───┐",
                     "│ row │ … │",
                     "├─────┼───┤",
                     "│   1 │ θ │",
                     "│  12 │ — │",
                     "└─────┴───┘"]
        XCTAssertEqual(ASCIITable.spelled(table), ["+-----+-------+",
                                                   "| row | ...   |",
                                                   "+-----+-------+",
                                                   "|   1 | theta |",
                                                   "|  12 | --    |",
                                                   "+-----+-------+"])
        XCTAssertTrue(ASCIITable.isTop(table[0]) && ASCIITable.isBottom(table[5]) && ASCIITable.isPart(table[3]))
        XCTAssertFalse(ASCIITable.isPart("total: 17 parameters"))
    }

    func testAnIndentedTableKeepsItsIndentAndARightAlignedColumnStaysRight() {
        let table = ["  ┌───┬──────┐",
                     "  │ a │ P(…) │",
                     "  │ x │  0.5 │",
                     "  └───┴──────┘"]
        XCTAssertEqual(ASCIITable.spelled(table), ["  +---+--------+",
                                                   "  | a | P(...) |",
                                                   "  | x |    0.5 |",
                                                   "  +---+--------+"])
    }

    func testACaretStaysUnderWhatItMarksWhenSpellingsBeforeItAreLonger() {
        // `θ` (1 column) becomes `theta` (5): the caret under `x=2` moves 4 columns right; one under `θ` widens to 5.
        let message = "t.descent:1:9: error: no\n    θ = 1; x=2\n           ^~~"
        XCTAssertEqual(message.asciiSpelledKeepingCarets, "t.descent:1:9: error: no\n    theta = 1; x=2\n               ^~~")
        XCTAssertEqual("    set θ[0,0]\n        ^".asciiSpelledKeepingCarets, "    set theta[0,0]\n        ^~~~~")
        // Lines without a caret under them are spelled as ever.
        XCTAssertEqual("a → b\nc".asciiSpelledKeepingCarets, "a -> b\nc")
    }
}
