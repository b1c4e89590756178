import DescentText
import Foundation

/// Reads and writes a model's parameters as JSON: `{"format": "descent-weights", "version": 1, "model": …,
/// "normalization": {…}, "params": {…}}`.
///
/// Each entry of `params` maps a name (`W1`, `b1`, …) to nested arrays in the parameter's shape; numbers are
/// written in Swift's shortest round-trip form, so loading gives back the same bits. `normalization`, there when the
/// model was trained on standardised features, holds their names, means and stds (`{"features": […], "mean": […],
/// "std": […]}`); a file without it (saved without normalisation, or by an earlier build) reads as before. `classes`,
/// there for a classifier, lists the class names its outputs stand for, output k for the k-th (`["setosa", …]`); a file
/// without it (a regression model, or an earlier build) reads as before.
public enum WeightsFile {
    /// The `format` member every weights file has.
    static let formatName = "descent-weights"
    /// The only `version` this build writes and reads.
    static let version = 1

    /// The JSON text for `model`'s parameters, with the standardisation its inputs go through when there is one and the
    /// class names its outputs stand for when it is a classifier (`classes`, empty for none); throws, naming the first,
    /// when entries (of the parameters or the standardisation) are infinite or NaN. `features` names the feature terms the
    /// model's inputs are (`features x1^2 x2^2`), nil for the data's own columns.
    public static func encode(_ model: Model, normalization: Normalization? = nil, classes: [String] = [],
                              features: [String]? = nil) throws(WeightsError) -> String {
        var first: (entry: String, value: Double)?, count = 0
        for p in model.parameters {
            for (k, x) in p.value.array.enumerated() where !x.isFinite {
                count += 1
                if first == nil { first = (Format.entry(p.name, Tensor.index(ofOffset: k, in: p.shape)), x) }
            }
        }
        for (name, values) in [("mean", normalization?.mean ?? []), ("std", normalization?.std ?? [])] {
            for (k, x) in values.enumerated() where !x.isFinite {
                count += 1
                if first == nil { first = ("normalization.\(name)[\(k)]", x) }
            }
        }
        if let first {
            let others = count == 1 ? "" : ", and \(count - 1) other entr\(count == 2 ? "y is" : "ies are") not finite either"
            throw WeightsError("\(first.entry) is \(Format.short(first.value))\(others); JSON has no infinity or NaN")
        }
        var out = "{\n  \"format\": \(quote(formatName)),\n  \"version\": \(version),\n"
        out += "  \"model\": \(quote(model.spec.summary)),\n"
        if let n = normalization {
            out += "  \"normalization\": {\n    \"features\": [" + n.features.map(quote).joined(separator: ", ") + "],\n"
            out += "    \"mean\": " + nested(n.mean, shape: [n.mean.count]) + ",\n"
            out += "    \"std\": " + nested(n.std, shape: [n.std.count]) + "\n  },\n"
        }
        if !classes.isEmpty { out += "  \"classes\": [" + classes.map(quote).joined(separator: ", ") + "],\n" }
        if let features { out += "  \"features\": [" + features.map(quote).joined(separator: ", ") + "],\n" }
        out += "  \"params\": {\n"
        let entries = model.parameters.map { p -> String in
            "    \(quote(p.name)): " + nested(p.value.array, shape: p.shape)
        }
        out += entries.joined(separator: ",\n") + "\n  }\n}\n"
        return out
    }

    /// Parameter values from JSON `text`, checked for format, version and `model`'s names and shapes; changes nothing.
    public static func decode(_ text: String, for model: Model) throws(WeightsError) -> [Tensor] {
        try read(text, for: model).params
    }

    /// `decode`'s parameter values, the file's `normalization` when it has one (checked: a feature name, mean and
    /// std for each of the model's inputs, each std finite and above 0), and its `classes` (empty when it has none;
    /// checked: a name for each of the model's outputs, or two names for one output, a binary classifier's), and its
    /// `features` (nil when it has none: the data's own columns; checked: a term's name for each of the model's inputs).
    public static func read(_ text: String, for model: Model) throws(WeightsError)
        -> (params: [Tensor], normalization: Normalization?, classes: [String], features: [String]?) {
        let root = try JSONReader.parse(text)
        guard case .object(let obj) = root else {
            throw WeightsError("expected an object {\"format\": \"\(formatName)\", \"version\": \(version), \"params\": {…}}, found \(root.kind)")
        }
        try checkFormat(obj)
        guard case .object(let params)? = obj["params"] else {
            throw WeightsError("expected a \"params\" member mapping W1, b1, … to arrays")
        }
        let expected = Set(model.parameters.map(\.name)), found = Set(params.keys)
        let missing = model.parameters.map(\.name).filter { !found.contains($0) }
        let extra = found.subtracting(expected).sorted()
        if !missing.isEmpty || !extra.isEmpty {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("unexpected \(String.shortList(extra))") }
            throw WeightsError("parameters do not match the model (\(model.spec.summary)): " + parts.joined(separator: "; "))
        }
        var result: [Tensor] = []
        for p in model.parameters {
            var values: [Double] = [], shape: [Int] = [], firstAt: [[Int]] = [], leafDepth: Int?
            try flatten(params[p.name] ?? .null, name: p.name, index: [], shape: &shape, firstAt: &firstAt, leafDepth: &leafDepth,
                        into: &values, text: text, model: p.shape)
            if shape != p.shape {
                throw WeightsError("\(p.name) has shape \(Tensor.describe(shape)) in the file, the model needs \(Tensor.describe(p.shape))")
            }
            result.append(Tensor(shape: shape, data: values))
        }
        return (result, try obj["normalization"].map { v throws(WeightsError) in try normalization(v, inputs: model.spec.inputSize) },
                try obj["classes"].map { v throws(WeightsError) in try classes(v, outputs: model.spec.outputSize) } ?? [],
                try obj["features"].map { v throws(WeightsError) in try features(v, inputs: model.spec.inputSize) })
    }

    /// The strings of the array `member` holds (`v`), or an error saying it is not an array of `expected`, or which of
    /// its items is not `each`.
    private static func strings(_ v: JSONValue, member: String, expected: String, each: String) throws(WeightsError) -> [String] {
        guard case .array(let items) = v else { throw WeightsError("\"\(member)\" is \(v.kind), expected an array of \(expected)") }
        var names: [String] = []
        for (j, item) in items.enumerated() {
            guard case .string(let s) = item else { throw WeightsError("\(member)[\(j)] is \(item.kind), not \(each)") }
            names.append(s)
        }
        return names
    }

    /// The `features` member `v`, checked against a model of `inputs` inputs: a term's name for each.
    private static func features(_ v: JSONValue, inputs: Int) throws(WeightsError) -> [String] {
        let names = try strings(v, member: "features", expected: "the feature terms the model's inputs are", each: "a feature term")
        guard names.count == inputs else {
            throw WeightsError("\"features\" has \(Format.counted(names.count, "term")); the model has \(Format.counted(inputs, "input"))")
        }
        return names
    }

    /// The `classes` member `v`, checked against a model of `outputs` outputs: a name for each, or two for one output
    /// (a binary classifier's probability of the second).
    private static func classes(_ v: JSONValue, outputs: Int) throws(WeightsError) -> [String] {
        let needed = max(outputs, 2)
        let names = try strings(v, member: "classes", expected: "the class names the model's outputs stand for", each: "a class name")
        guard names.count == needed else {
            let why = outputs == 1 ? "1 output, a binary classifier's, so it needs 2 (the class that output is the probability of second)"
                : "\(outputs) outputs, so it needs \(needed), one for each"
            throw WeightsError("\"classes\" has \(Format.counted(names.count, "name")); the model has \(why)")
        }
        return names
    }

    /// The `normalization` member `v`, checked against a model of `inputs` inputs.
    private static func normalization(_ v: JSONValue, inputs: Int) throws(WeightsError) -> Normalization {
        let shape = "{\"features\": [names], \"mean\": [numbers], \"std\": [numbers]}"
        guard case .object(let members) = v else { throw WeightsError("\"normalization\" is \(v.kind), expected \(shape)") }
        func array(_ key: String) throws(WeightsError) -> [JSONValue] {
            guard case .array(let items)? = members[key] else {
                throw WeightsError("\"normalization\" needs \"\(key)\", an array with an entry for each of the model's \(inputs) inputs (\(shape))")
            }
            guard items.count == inputs else {
                throw WeightsError("normalization.\(key) has \(items.count) entr\(items.count == 1 ? "y" : "ies"); the model has \(inputs) input\(inputs == 1 ? "" : "s")")
            }
            return items
        }
        var features: [String] = []
        for (j, item) in try array("features").enumerated() {
            guard case .string(let s) = item else { throw WeightsError("normalization.features[\(j)] is \(item.kind), not a feature name") }
            features.append(s)
        }
        func numbers(_ key: String) throws(WeightsError) -> [Double] {
            var out: [Double] = []
            for (j, item) in try array(key).enumerated() {
                guard case .number(let x, _) = item else { throw WeightsError("normalization.\(key)[\(j)] is \(item.kind), not a number") }
                guard x.isFinite else { throw WeightsError("normalization.\(key)[\(j)] is beyond the range of a Double (±1.8e308)") }
                guard key == "mean" || x > 0 else { throw WeightsError("normalization.std[\(j)] is \(Format.short(x)); a std is above 0") }
                out.append(x)
            }
            return out
        }
        return Normalization(features: features, mean: try numbers("mean"), std: try numbers("std"))
    }

    /// Throws when the file names a `format` or `version` other than the ones this build writes and reads.
    /// A file without them is read as version 1: the format asks only for `params` (a file written by hand or
    /// by another tool).
    private static func checkFormat(_ root: [String: JSONValue]) throws(WeightsError) {
        switch root["format"] {
        case .string(formatName)?, nil: break
        case .string(let other)?: throw WeightsError("the format is \"\(other.shortened())\", not \"\(formatName)\": this is not a Descent weights file")
        case let v?: throw WeightsError("\"format\" is \(v.kind), expected the string \"\(formatName)\"")
        }
        switch root["version"] {
        case .number(let v, _)? where v == Double(version): break
        case nil: break
        case .number(let v, _)?:
            let newer = v > Double(version) ? " (saved by a newer Descent?)" : ""
            throw WeightsError("version \(Format.short(v)) is not supported\(newer): this build reads version \(version) only")
        case let v?: throw WeightsError("\"version\" is \(v.kind), expected the number \(version)")
        }
    }

    /// Appends the numbers of a nested array to `values`, recording and checking the shape; `index` is where `v`
    /// sits in parameter `name` (whose shape in the model is `model`), `firstAt` the index of the first array seen at
    /// each depth (which set `shape` there), and `leafDepth` how deep its numbers are once one has been seen.
    private static func flatten(_ v: JSONValue, name: String, index: [Int], shape: inout [Int], firstAt: inout [[Int]],
                                leafDepth: inout Int?, into values: inout [Double], text: String, model: [Int]) throws(WeightsError) {
        let depth = index.count
        switch v {
        case .array(let items):
            if let leaf = leafDepth, depth >= leaf {
                throw WeightsError("\(Format.entry(name, index)) is an array where a number was expected (\(name) mixes numbers and arrays)")
            }
            if shape.count == depth { shape.append(items.count); firstAt.append(index) }
            else if shape[depth] != items.count {
                throw ragged(name, (firstAt[depth], shape[depth]), (index, items.count), needed: depth < model.count ? model[depth] : nil,
                             model: model)
            }
            for (k, item) in items.enumerated() {
                try flatten(item, name: name, index: index + [k], shape: &shape, firstAt: &firstAt, leafDepth: &leafDepth,
                            into: &values, text: text, model: model)
            }
        case .number(let x, let offset):
            if leafDepth == nil { leafDepth = depth }
            if depth != leafDepth || shape.count > depth {
                throw WeightsError("\(Format.entry(name, index)) is a number where an array was expected (\(name) mixes numbers and arrays)")
            }
            guard x.isFinite else {
                throw WeightsError("\(Format.entry(name, index)) at \(JSONReader.location(of: offset, in: text)) is beyond the range of a Double (±1.8e308)")
            }
            values.append(x)
        default:
            let hint = v == .null ? " (JSON has no infinity or NaN; older versions of Descent wrote them as null)" : ""
            throw WeightsError("\(Format.entry(name, index)) is \(v.kind), not a number\(hint)")
        }
    }

    /// The error for arrays of parameter `name` (`model` its shape in the model) that differ in length, `first` and
    /// `other` (their index and length): it names the one that differs from the `needed` length when only one does.
    private static func ragged(_ name: String, _ first: (index: [Int], count: Int), _ other: (index: [Int], count: Int),
                               needed: Int?, model: [Int]) -> WeightsError {
        func has(_ row: (index: [Int], count: Int)) -> String {
            "\(Format.entry(name, row.index)) has \(row.count) entr\(row.count == 1 ? "y" : "ies")"
        }
        let shape = "\(name) is \(Tensor.describe(model)) in the model"
        guard let needed else { return WeightsError("\(name) is ragged: \(has(first)) and \(has(other)) (\(shape))") }
        if first.count != needed && other.count == needed || other.count != needed && first.count == needed {
            let (wrong, right) = first.count != needed ? (first, other) : (other, first)
            return WeightsError("\(name) is ragged: \(has(wrong)), the model needs \(needed) as \(Format.entry(name, right.index)) has (\(shape))")
        }
        return WeightsError("\(name) is ragged: \(has(first)) and \(has(other)), the model needs \(needed) (\(shape))")
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

    /// A JSON number with full round-trip precision (`encode` has made sure `x` is finite).
    private static func number(_ x: Double) -> String { "\(x)" }

    /// `s` as a JSON string: quotes and backslashes escaped, and control characters (a CSV header may hold them).
    private static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where u.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
