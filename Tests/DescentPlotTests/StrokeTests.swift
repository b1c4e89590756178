import XCTest
@testable import DescentPlot

/// Which dots a line style keeps along a path; the expected sequences are counted by hand.
final class StrokeTests: XCTestCase {
    func testSolidKeepsEveryDotRepeatsIncluded() {
        var s = Stroke(.solid, run: 2)
        XCTAssertEqual([(0, 0), (1, 0), (1, 0), (2, 0), (3, 0)].map { s.keeps($0.0, $0.1) }, [true, true, true, true, true])
    }

    func testDottedKeepsRunsAndSkipsAsManyNotCountingARepeatedDot() {
        // Run 2: dots 0 1 kept, 2 3 skipped, 4 5 kept; (1, 0) visited twice in a row is neither drawn again nor
        // counted, so (2, 0) is still dot 2.
        var s = Stroke(.dotted, run: 2)
        let path = [(0, 0), (1, 0), (1, 0), (2, 0), (3, 1), (4, 1), (5, 2), (6, 2)]
        XCTAssertEqual(path.map { s.keeps($0.0, $0.1) }, [true, true, false, false, false, true, true, false])
        // Run 1 alternates; a run below 1 is taken as 1.
        var one = Stroke(.dotted, run: 0)
        XCTAssertEqual(one.run, 1)
        XCTAssertEqual((0..<5).map { one.keeps($0, 0) }, [true, false, true, false, true])
    }

    func testDashedKeepsThreeRunsAndSkipsOne() {
        var one = Stroke(.dashed, run: 1)
        XCTAssertEqual((0..<9).map { one.keeps($0, 0) }, [true, true, true, false, true, true, true, false, true])
        // Runs of 2 (a braille cell): 6 dots on, 2 off.
        var two = Stroke(.dashed, run: 2)
        XCTAssertEqual((0..<9).map { two.keeps($0, 0) }, [true, true, true, true, true, true, false, false, true])
    }

    func testARepeatAfterAnotherDotCountsAgain() {
        // Only a dot equal to the one just visited is skipped uncounted; coming back to (0, 0) later is a new dot.
        var s = Stroke(.dotted, run: 1)
        XCTAssertEqual([(0, 0), (1, 0), (0, 0)].map { s.keeps($0.0, $0.1) }, [true, false, true])
    }
}
