import Testing
@testable import DescentText

/// `Double.plainText`, against forms written out by hand.
struct PlainTextTests {
    @Test func wholeNumbersKeepAllTheirDigits() {
        #expect(1_700_000_099.0.plainText == "1700000099")
        #expect((-42.0).plainText == "-42")
        #expect((-0.0).plainText == "0")
        #expect(9_999_999_999_999_998.0.plainText == "9999999999999998")
    }

    @Test func othersUseTheShortestFormThatReadsBack() {
        #expect(0.1.plainText == "0.1")
        #expect((0.1 + 0.2).plainText == "0.30000000000000004")
        #expect(1e-7.plainText == "1e-07")
        #expect(1e16.plainText == "1e+16")
        #expect(Double.nan.plainText == "nan")
        #expect((-Double.infinity).plainText == "-inf")
    }
}
