import XCTest
@testable import DescentCore

/// A model's size is known from its description before anything is allocated.
final class ModelSpecTests: XCTestCase {
    func testParameterCountFromTheSpecMatchesTheBuiltModel() {
        // Counts by hand: in·out + out per dense layer with a bias, in·out without one; dropout adds nothing.
        let digits = ModelSpec(inputSize: 64, layers: [
            .dense(units: 128, activation: .relu, bias: true, initializer: nil),
            .dense(units: 64, activation: .relu, bias: true, initializer: nil),
            .dense(units: 10, activation: .linear, bias: true, initializer: nil)])
        let wide = ModelSpec(inputSize: 784, layers: [
            .dense(units: 512, activation: .relu, bias: true, initializer: nil),
            .dense(units: 512, activation: .relu, bias: true, initializer: nil),
            .dense(units: 10, activation: .linear, bias: true, initializer: nil)])
        let mixed = ModelSpec(inputSize: 2, layers: [
            .dense(units: 8, activation: .tanh, bias: false, initializer: nil),
            .dropout(p: 0.5),
            .dense(units: 1, activation: .sigmoid, bias: true, initializer: nil)])
        XCTAssertEqual(digits.parameterCount, 8_192 + 128 + 8_192 + 64 + 640 + 10)   // 17,226
        XCTAssertEqual(wide.parameterCount, 401_408 + 512 + 262_144 + 512 + 5_120 + 10)   // 669,706
        XCTAssertEqual(mixed.parameterCount, 16 + 8 + 1)
        var rng = RNG(seed: 1)
        for spec in [digits, mixed] { XCTAssertEqual(Model(spec: spec, rng: &rng).parameterCount, spec.parameterCount) }
    }
}
