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

    func testTheSummaryShowsDropoutAmongTheWidths() {
        // `1-64-64-1 tanh` left the dropout layer out: the model read as one without it.
        let tanh = { (units: Int) in LayerSpec.dense(units: units, activation: .tanh, bias: true, initializer: nil) }
        let linear = LayerSpec.dense(units: 1, activation: .linear, bias: true, initializer: nil)
        XCTAssertEqual(ModelSpec(inputSize: 1, layers: [tanh(64), .dropout(p: 0.3), tanh(64), linear]).summary, "1-64-drop0.3-64-1 tanh→linear")
        XCTAssertEqual(ModelSpec(inputSize: 1, layers: [tanh(64), tanh(64), linear]).summary, "1-64-64-1 tanh→linear")
        // On the inputs, and after the last hidden layer, with the activations as before.
        let sigmoid = LayerSpec.dense(units: 1, activation: .sigmoid, bias: true, initializer: nil)
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [.dropout(p: 0.2), tanh(8), .dropout(p: 0.5), sigmoid]).summary,
                       "2-drop0.2-8-drop0.5-1 tanh→sigmoid")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [.dropout(p: 0.25)]).summary, "2-drop0.25")
    }

    func testTheSummaryNamesTheLastLayersActivationWheneverItDiffers() throws {
        // `2-4-1 tanh` stood for both of the first two models: a tanh output and a linear one.
        let dense = { (units: Int, act: Activation) in LayerSpec.dense(units: units, activation: act, bias: true, initializer: nil) }
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(4, .tanh), dense(1, .tanh)]).summary, "2-4-1 tanh")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(4, .tanh), dense(1, .linear)]).summary, "2-4-1 tanh→linear")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(4, .linear), dense(1, .linear)]).summary, "2-4-1 linear")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(4, .linear), dense(1, .sigmoid)]).summary, "2-4-1 linear→sigmoid")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(4, .tanh), dense(4, .relu), dense(1, .linear)]).summary, "2-4-4-1 tanh,relu→linear")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(4, .tanh), dense(4, .relu), dense(1, .relu)]).summary, "2-4-4-1 tanh,relu→relu")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(1, .linear)]).summary, "2-1")
        XCTAssertEqual(ModelSpec(inputSize: 2, layers: [dense(1, .tanh)]).summary, "2-1 tanh")
        // The file's `model` is for a person to read: one an earlier build wrote as `2-4-1 tanh` for the linear output loads.
        var rng = RNG(seed: 3)
        let model = Model(spec: ModelSpec(inputSize: 2, layers: [dense(4, .tanh), dense(1, .linear)]), rng: &rng)
        let old = try WeightsFile.encode(model).replacingOccurrences(of: "2-4-1 tanh→linear", with: "2-4-1 tanh")
        XCTAssertTrue(old.contains("\"model\": \"2-4-1 tanh\","), old)
        XCTAssertEqual(try WeightsFile.decode(old, for: model).map(\.data), model.parameters.map(\.value.array))
    }
}
