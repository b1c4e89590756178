import Foundation

/// Reads and writes a model's parameters as JSON: `{"format": "descent-weights", "version": 1, "model": …, "params": {…}}`.
///
/// Each entry of `params` maps a name (`W1`, `b1`, …) to nested arrays in the parameter's shape; numbers are
/// written in Swift's shortest round-trip form, so loading gives back the same bits.
public enum WeightsFile {
    /// The JSON text for `model`'s parameters.
    public static func encode(_ model: Model) -> String {
        var out = "{\n  \"format\": \"descent-weights\",\n  \"version\": 1,\n"
        out += "  \"model\": \(quote(model.spec.summary)),\n  \"params\": {\n"
        let entries = model.parameters.map { p -> String in
            "    \(quote(p.name)): " + nested(p.value.array, shape: p.shape)
        }
        out += entries.joined(separator: ",\n") + "\n  }\n}\n"
        return out
    }

    /// Parameter values from JSON `text`, checked against `model`'s names and shapes; nothing is changed here.
    public static func decode(_ text: String, for model: Model) throws(WeightsError) -> [Tensor] {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
            throw WeightsError("not valid JSON (\(error.localizedDescription))")
        }
        guard let obj = root as? [String: Any], let params = obj["params"] as? [String: Any] else {
            throw WeightsError("expected an object with a \"params\" member mapping W1, b1, … to arrays")
        }
        let expected = Set(model.parameters.map(\.name)), found = Set(params.keys)
        let missing = model.parameters.map(\.name).filter { !found.contains($0) }
        let extra = found.subtracting(expected).sorted()
        if !missing.isEmpty || !extra.isEmpty {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("unexpected \(extra.joined(separator: ", "))") }
            throw WeightsError("parameters do not match the model (\(model.spec.summary)): " + parts.joined(separator: "; "))
        }
        var result: [Tensor] = []
        for p in model.parameters {
            var values: [Double] = []
            var shape: [Int] = []
            try flatten(params[p.name] as Any, depth: 0, shape: &shape, into: &values, name: p.name)
            if shape != p.shape {
                throw WeightsError("\(p.name) has shape \(Tensor.describe(shape)) in the file, the model needs \(Tensor.describe(p.shape))")
            }
            result.append(Tensor(shape: shape, data: values))
        }
        return result
    }

    /// Appends the numbers of a nested array to `values`, recording and checking the shape.
    private static func flatten(_ v: Any, depth: Int, shape: inout [Int], into values: inout [Double], name: String) throws(WeightsError) {
        if let arr = v as? [Any] {
            if shape.count == depth { shape.append(arr.count) }
            else if shape[depth] != arr.count {
                throw WeightsError("\(name) is ragged: an array at depth \(depth + 1) has \(arr.count) entries, expected \(shape[depth])")
            }
            for x in arr { try flatten(x, depth: depth + 1, shape: &shape, into: &values, name: name) }
        } else if let n = v as? NSNumber, !(v is Bool) {
            if shape.count > depth { throw WeightsError("\(name) mixes numbers and arrays at depth \(depth + 1)") }
            values.append(n.doubleValue)
        } else {
            throw WeightsError("\(name) holds a non-number (\(type(of: v))) at depth \(depth + 1)")
        }
    }

    /// Nested JSON arrays for `values` in `shape`.
    private static func nested(_ values: [Double], shape: [Int]) -> String {
        func rec(_ offset: Int, _ dim: Int) -> String {
            if dim == shape.count { return number(values[offset]) }
            let stride = shape[(dim + 1)...].reduce(1, *)
            return "[" + (0..<shape[dim]).map { rec(offset + $0 * stride, dim + 1) }.joined(separator: ", ") + "]"
        }
        return rec(0, 0)
    }

    /// A JSON number with full round-trip precision (non-finite values are written as null and rejected on load).
    private static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

    private static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

}

/// Why a weights file could not be used.
public struct WeightsError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ message: String) { description = message }
}
