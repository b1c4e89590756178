import DescentCore
import DescentLanguage
import DescentTerminal

/// `predict`: the current model's outputs for inputs a person types.
extension Commands {
    /// Runs the model in evaluation mode on typed rows in the data's raw units (standardised as the training
    /// part was, under `normalize`) and prints a table of inputs and outputs. Changes nothing: the step under
    /// way, the gradients, the sampler, the dropout stream and undo are as they were.
    static func predict(_ w: Workspace, _ a: inout ArgReader) throws {
        try checkPredictForm(a)
        let rows = try a.rows("inputs"), at = a.lastSpan
        let single = rows.count == 1 && rows[0].span == at   // `predict [1,2]`, not `predict [[1,2]]`
        try a.finish(options: [])
        let spec = try located(at) { try w.modelSpec() }
        // Rows are in the data's own columns: under `features` the model's inputs are computed from them.
        let names = w.data?.featureNames ?? [], width = w.data?.featureCount ?? spec.inputSize
        for (k, row) in rows.enumerated() where row.numbers.count != width {
            let which = single ? "the input" : "inputs[\(k)]"
            throw Diagnostic("\(which) has \(Format.counted(row.numbers.count, "value")); the data has "
                             + "\(Format.counted(width, "feature")) (\(DataCommand.listed(names)))", at: row.span)
        }
        let t = try located(at) { try w.ensureTrainer() }
        let inputs = Tensor(shape: [rows.count, width], data: rows.flatMap(\.numbers))
        try checkStandardizable(inputs, rows: rows, single: single, by: t)
        let g = t.predict(raw: inputs)
        var head = "predict: \(spec.summary) at step \(t.stepCount)"
        if t.train.standardization != nil { head += "; inputs standardised with the training part's mean and std" }
        if spec.hasDropout { head += "; dropout off" }
        w.out.print(head)
        // Thousands of rows take a while to lay out and to print: Ctrl-C stops either between rows, as `show` stops.
        let stopped = { (printed: Int) in
            w.out.pastEcho()   // past the terminal's echoed ^C
            return ShellError("predict interrupted after \(printed) of \(rows.count) rows")
        }
        guard let lines = Printer.predictions(g, inputs: rows.map(\.numbers), data: t.train, width: Printer.tableWidth(w),
                                              shouldContinue: { !Interrupt.requested }) else { throw stopped(0) }
        for (k, line) in lines.enumerated() {
            // The table's rule, headings and rule come before its rows.
            if Interrupt.requested { throw stopped(min(rows.count, max(0, k - 3))) }
            w.out.print(line)
        }
    }

    /// Refuses the forms of another library's predict before the rows are read: inputs given as an option (`X=[[1,2]]`,
    /// `inputs=[1,2]`: the rows are written on their own) and a file (`predict "test.csv"`: `evaluate` reads one).
    private static func checkPredictForm(_ a: ArgReader) throws {
        guard let first = a.command.args.first else { return }
        if let key = first.key, a.command.args.allSatisfy({ $0.key != nil }) {
            let rows: String
            switch first.value {
            case .list: rows = first.valueText.shortened()
            case .number: rows = "[\(first.valueText.shortened())]"
            default: rows = "[[1,2],[3,4]]"
            }
            throw Diagnostic("predict takes the inputs on their own, not as an option '\(key.shortened())=' — write `predict \(rows)`",
                             at: first.span)
        }
        if first.key == nil, case .string(let file) = first.value {
            throw Diagnostic("predict takes typed rows like [[1,2],[3,4]]; for the rows of a CSV file, `evaluate \"\(file.shortened())\"` "
                             + "scores the model on them", at: first.valueSpan)
        }
    }

    /// Refuses typed inputs that standardising with the training part's mean and std (under `normalize`) would make
    /// infinite or NaN ((x − mean) / std overflows), naming the row and the feature, as `normalize` refuses such data.
    private static func checkStandardizable(_ inputs: Tensor, rows: [(numbers: [Double], span: SourceSpan)], single: Bool, by t: Trainer) throws {
        let features = t.train.features(fromInputs: inputs), width = features.shape[1]
        if t.train.featureMap != nil, let k = features.data.firstIndex(where: { !$0.isFinite }) {
            let which = single ? "the input" : "inputs[\(k / width)]"
            throw Diagnostic("\(which) gives feature \(t.train.featureNames[k % width].shortened()) the value \(Format.short(features.data[k])), "
                             + "which the model cannot read — give values nearer the data's range", at: rows[k / width].span)
        }
        guard let std = t.train.standardization,
              let k = std.apply(features).data.firstIndex(where: { !$0.isFinite }) else { return }
        let row = k / width
        let which = single ? "the input" : "inputs[\(row)]"
        throw Diagnostic("\(which) cannot be standardised: its value \(Format.sig(features.data[k], 4)) of feature "
                         + "'\(t.train.featureNames[k % width].shortened())' is so far from the training part's mean that "
                         + "(x − mean) / std overflows — give a value nearer the data's range, or `normalize off`", at: rows[row].span)
    }
}
