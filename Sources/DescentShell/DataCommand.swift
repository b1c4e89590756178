import DescentCore
import DescentLanguage
import DescentTerminal
import Foundation
import DescentText

/// `data`: generate a dataset, read a CSV file, or take X and y inline.
enum DataCommand {
    static let generators = Generator.allCases.map(\.rawValue)

    /// `help data`'s forms for the generators: `classes=K` only on those that take it (spiral and gauss).
    static var generatorForms: [String] {
        let fixed = Generator.allCases.filter { !$0.takesClasses }.map(\.rawValue)
        let chosen = Generator.allCases.filter(\.takesClasses).map(\.rawValue)
        let range = Generator.classRange
        return ["data GENERATOR [n=N] [noise=X]   (\(fixed.joined(separator: " ")))",
                "data \(chosen.joined(separator: "|")) [n=N] [noise=X] [classes=K]   (K classes, \(range.lowerBound)–\(range.upperBound))"]
    }

    /// The `key=` options `data SOURCE` takes: a generator's, csv's, or (inline, the source `X` or `y`) X and y.
    static func options(source: String) -> [String] {
        let s = source.lowercased()
        if s == "csv" { return ["target", "drop", "classes"] }
        if let generator = Generator(rawValue: s) { return ["n", "noise"] + (generator.takesClasses ? ["classes"] : []) }
        return s.hasPrefix("x") || s.hasPrefix("y") ? ["X", "y"] : []
    }

    static func run(_ w: Workspace, _ a: inout ArgReader) throws {
        let d: Dataset
        var inline = false, csv = false
        var fileRead: (path: String, name: String, text: String)?
        var dropped: [String] = []
        if a.option("X") != nil || a.option("y") != nil {
            guard let rows = try a.matrixOption("X") else { throw a.error("inline data needs X=[[…],…] as well as y=[…]") }
            guard let ys = try a.vectorOption("y") else { throw a.error("inline data needs y=[…] as well as X=[[…],…]") }
            try a.finish(options: options(source: "X"))
            do { d = try Dataset(rows: rows, targets: ys, task: .regression) } catch { throw located(error, a, else: a.command.nameSpan) }
            inline = true
        } else {
            // A file name where the source belongs: the CSV form, `data csv "FILE"`.
            if let file = a.peek, case .string = file.value {
                let rest = a.command.args.map(\.text).joined(separator: " ")
                throw Diagnostic("expected data source (one of \((generators + ["csv"]).joined(separator: ", "))), got a file name — "
                                 + "a CSV file is read with `data csv \(rest.shortened())`", at: file.span)
            }
            let kind = try a.word("data source", oneOf: generators + ["csv"])
            if kind == "csv" {
                csv = true
                let file = try a.fileName("CSV file", example: "Sessions/data/iris.csv"), at = a.lastSpan
                let target = try a.nameOption("target")
                dropped = try a.nameListOption("drop", what: "column name")?.map(\.name) ?? []
                let classes = try a.nameListOption("classes", what: "class name")?.map(\.name)
                try a.finish(options: options(source: kind))
                let path = Commands.path(w, file)
                // A byte that is not UTF-8 is named as the file's other errors are: line, column and its name.
                let advice = "write its numbers with fewer significant digits (7 keep a Float's precision), or keep fewer rows"
                let text = try Commands.readText(path, name: Commands.shown(file), at: at, limit: w.readLimit, advice: advice) { e, offset in
                    Dataset.csvLocation(ofByte: offset, in: e.bytes, file: Commands.shown(file))
                }
                fileRead = (Commands.canonical(path), Commands.shown(file), text)
                // The file's own errors (rows and columns) point at its name; a target it lacks, at target=.
                do {
                    d = try Dataset.csv(text: text, file: Commands.shown(file), target: target, drop: dropped, classes: classes) {
                        !Interrupt.requested
                    }
                } catch Dataset.csvStopped {
                    throw interrupted(w, file)
                } catch {
                    throw located(error, a, else: at)
                }
                if Interrupt.requested { throw interrupted(w, file) }
            } else {
                let generator = Generator(rawValue: kind) ?? .xor
                // The sample count typed bare, as a generator's first argument elsewhere (`make_moons(400)`).
                if let count = a.peek, case .number = count.value {
                    throw Diagnostic("unexpected '\(count.text.shortened())' after '\(kind)' — the number of samples is an option: "
                                     + "`data \(kind) n=\(count.text.shortened())`", at: count.span)
                }
                let classes = try a.intOption("classes", default: generator.defaultClasses ?? 2, range: Generator.classRange)
                // At least one sample a class: the range n= is told is the one the generator takes for these classes.
                let least = (generator.takesClasses ? classes : generator.defaultClasses) ?? 1
                let n: Int
                do { n = try a.intOption("n", default: Generator.defaultCount, range: least...Generator.maxCount) } catch {
                    guard least > 1, case .number(let given)? = a.option("n")?.value, given < Double(least) else { throw error }
                    throw Diagnostic(error.message + " (\(kind) makes \(least) classes, at least one sample each)", at: error.span)
                }
                let noise = try a.numberOption("noise", default: generator.defaultNoise, range: .closed(0, 1e6))
                try a.finish(options: options(source: kind))
                var rng = w.rng(1)
                do {
                    d = try Dataset.generate(generator, n: n, noise: noise, classes: generator.takesClasses ? classes : nil, rng: &rng)
                } catch { throw located(error, a, else: a.command.nameSpan) }
            }
        }
        // The split in force must cut the new rows into two parts, as `split` checks for the data it finds.
        if let f = w.splitFraction, let problem = Dataset.splitProblem(fraction: f, count: d.count) {
            throw Diagnostic("the split in force: " + problem, at: a.command.nameSpan)
        }
        // The feature terms stay for new data (as `normalize` does), which must have the columns they read.
        if w.featureTerms != nil { _ = try Commands.located(a.command.nameSpan) { try w.featured(d) } }
        if w.normalize { try Commands.located(a.command.nameSpan) { try w.checkStandardizable(d, fraction: w.splitFraction, seed: w.seed) } }
        let widthChanged = w.data.map { w.modelWidth($0) != w.modelWidth(d) } ?? false
        // A model kept for the new data (same width) must fit it as a model built for it must (`ensureModel`).
        if !widthChanged, let model = w.model {
            try Commands.located(a.command.nameSpan) { try Fit.checkSize(spec: model.spec, samples: d.count) }
        }
        // The standardisation trained weights kept for the new data were trained under, and the classes their outputs
        // stand for (which follow the order the labels first appear in), to say when the new data's differ: also after
        // an earlier change dropped the history that showed they were trained.
        let under = widthChanged ? nil : w.trainedUnderNow()
        let trainedUnder = under?.normalization, trainedClasses = under?.classes
        w.data = d
        if let fileRead { w.noteRead(fileRead.path, name: fileRead.name, text: fileRead.text) }
        w.targetsMayBeClassIDs = inline || (csv && d.task == .regression)
        w.dataSource = a.command.text
        w.droppedColumns = dropped
        let reset = widthChanged ? w.invalidateModel() : nil
        let note = w.invalidateTrainer(keepHistory: false, kept: "the weights are kept (`reset` draws new ones)")
        var msg = "data: \(d.name) — \(Format.counted(d.count, "sample")), \(Format.counted(d.featureCount, "feature"))"
            + (dropped.isEmpty ? "" : " (left out: \(DataCommand.listed(dropped)))") + ", "
        let read = (try? w.asRead(d)) ?? d, name = inline ? "y" : "'\(d.targetName.shortened())'"
        if read.task != d.task, let loss = w.loss {
            msg += "\(read.classNames.count) classes (\(name) holds class ids 0–\(read.classNames.count - 1), read as classes under \(loss)"
                + DataCommand.emptyClassesNote(read.classCounts()) + ")"
        } else {
            msg += d.task == .regression ? "regression target '\(d.targetName.shortened())'"
                : "\(d.classNames.count) classes (\(DataCommand.listed(d.classNames))" + DataCommand.emptyClassesNote(d.classCounts(), names: d.classNames) + ")"
        }
        if let (label, row) = d.textAmongNumbers() {
            msg += "; the target holds numbers and text ('\(label.shortened())'\(DataCommand.at(d, row: row))), so each value is a class label — if the text marks missing values, fix or drop those rows"
        }
        if w.targetsMayBeClassIDs && read.task == d.task {
            do {
                _ = try d.classIDCount()
                msg += "; \(name) is read as class ids if the loss is ce, bce or hinge"
            } catch {
                // Why the targets are not classes (not class ids, or only one class), as `step` will say.
                if let loss = w.loss, loss.isClassification {
                    msg += d.targetsArePlusMinusOne ? "; " + Workspace.plusMinusOne(name, loss)
                        : "; under \(loss) \(name) would be class ids, but \(error); for a regression target use mse, mae or huber"
                }
            }
        }
        if w.batch == .automatic, let rows = w.batch.rows(training: w.trainingRows(of: d)) {
            msg += "; batches of \(rows) rows by default at this size (`batch full` for all of them)"
        }
        if let terms = w.featureTerms { msg += "; the model reads the features \(DataCommand.listed(terms: terms)) computed from them" }
        if let reset { msg += " — reset \(reset)" }
        w.out.print(msg + note)
        if let fileRead, Dataset.headerIsNumbers(d.featureNames + [d.targetName] + dropped) {
            w.out.print("note: every field of the first row of \(fileRead.name) is a number, and that row was read as the header "
                        + "(the column names), not as a sample — if it is data, add a row of column names above it")
        }
        if let trainedUnder, let warning = w.standardisationChanged(from: trainedUnder) { w.out.print(warning) }
        // The misfit is worked out only where classesChanged warns (its guard, first), not again by misfitNote below.
        if let before = trainedClasses, !before.isEmpty, !read.classNames.isEmpty, before != read.classNames,
           let warning = DataCommand.classesChanged("the kept weights", from: before, to: read.classNames, misfit: w.misfit(),
                                                     read: csv && d.task != .regression, listed: d.origin?.classesListed ?? false) {
            w.out.print(warning)
        } else if let note = w.misfitNote() {
            w.out.print(note)
        }
    }

    /// The warning when `weights` (`the kept weights`, `the weights in w.json`) were trained with the classes `before`
    /// and the data's are `now`, other names or the same in another order; nil when they agree or either is empty. When
    /// the model and loss do not fit the new classes (`misfit`, `Workspace.misfit`), new weights would not help: it says
    /// what would fit instead. Data `read` from a CSV file is told the `classes=` that numbers the classes as before (in
    /// place of the one its `data csv` has when `listed`).
    static func classesChanged(_ weights: String, from before: [String], to now: [String], misfit: String? = nil,
                               read: Bool = false, listed: Bool = false) -> String? {
        guard !before.isEmpty, !now.isEmpty, before != now else { return nil }
        let same = Set(before) == Set(now)
        let head = "warning: \(weights) were trained with the classes \(DataCommand.listed(before)); this data's are "
            + "\(DataCommand.listed(now))" + (same ? ", the same in another order" : "")
        if let misfit { return head + ", which this model cannot learn: " + misfit }
        guard same, read else {
            return head + " — a class's id is the order its label first appears in, so the weights' outputs now stand for other "
                + "classes: `reset` draws new weights" + (same ? ", or order the rows so that the labels first appear as before" : "")
        }
        return head + " — a class's id is the order its label first appears in (or its place in classes=), so the weights' "
            + "outputs now stand for other classes: `reset` draws new weights, or read the data with classes=["
            + before.map { $0.typed() }.joined(separator: ",") + "] (\(listed ? "in place of its classes=" : "added to its `data csv`")) to number them as before"
    }

    /// ` at iris.csv:7, column 5 'species'` for row `row`'s target of data read from a file; "" for other data.
    static func at(_ d: Dataset, row: Int) -> String {
        d.origin.map { " at \($0.targetLocation(row: row))" } ?? ""
    }

    /// Which class ids have no samples, when some have none: `class 0 has no rows`, `classes 0 and 2 have no rows`,
    /// `4 classes have no rows (0, 2, 5, …)`.
    static func emptyClasses(_ counts: [Int]) -> String? {
        let empty = counts.indices.filter { counts[$0] == 0 }
        switch empty.count {
        case 0: return nil
        case 1: return "class \(empty[0]) has no rows"
        case 2: return "classes \(empty[0]) and \(empty[1]) have no rows"
        default:
            let shown = empty.prefix(3).map(String.init).joined(separator: ", ") + (empty.count > 3 ? ", …" : "")
            return "\(empty.count) classes have no rows (\(shown))"
        }
    }

    /// `emptyClasses` for the data line, after a semicolon, asking whether the ids count from 1 when class 0 is empty;
    /// for classes with `names` (`data csv … classes=[…]` lists some no row has), naming them instead:
    /// `; class 2 has no rows: virginica`.
    static func emptyClassesNote(_ counts: [Int], names: [String] = []) -> String {
        guard let empty = emptyClasses(counts) else { return "" }
        guard names.count == counts.count else {
            return "; \(empty)" + (counts.first == 0 ? " — ids count from 0: are these counted from 1?" : "")
        }
        let ids = counts.indices.filter { counts[$0] == 0 }
        return "; \(empty): " + DataCommand.listed(ids.map { names[$0] })
    }

    /// The error for Ctrl-C while `data csv` read `file` (nothing changed), after a line break past the echoed ^C.
    static func interrupted(_ w: Workspace, _ file: String) -> ShellError {
        w.out.pastEcho()   // past the terminal's echoed ^C
        return ShellError("data csv interrupted while reading \(file); the data is as it was")
    }

    /// `error` at the option it is about when the command gave it (at the element of its list it is about, when it
    /// names one), else at `span`.
    static func located(_ error: DataError, _ a: ArgReader, else span: SourceSpan) -> Diagnostic {
        guard let arg = error.option.flatMap({ a.option($0) }) else { return Diagnostic(error.description, at: span) }
        if let k = error.element, case .list(let elements) = arg.value, elements.indices.contains(k) {
            return Diagnostic(error.description, at: elements[k].span)
        }
        return Diagnostic(error.description, at: arg.span)
    }

    /// Feature terms for a message, as typed (`"a.b"^2, x1*x2`): their names already quote what needs it, so they are
    /// not quoted again as `listed` quotes names.
    static func listed(terms: [FeatureTerm]) -> String {
        terms.prefix(20).map { $0.name.shortened() }.joined(separator: ", ") + (terms.count > 20 ? ", … \(terms.count - 20) more" : "")
    }

    /// Class names for one line: quoted where they hold a comma, a quote or a line break (escaped), long
    /// ones cut, and at most the first 20 named.
    static func listed(_ names: [String]) -> String {
        let shown = names.prefix(20).map { name -> String in
            let cut = name.shortened()
            guard cut.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline || $0 == "\t" }) else { return cut }
            let escaped = cut.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
            return "\"" + escaped + "\""
        }
        return shown.joined(separator: ", ") + (names.count > 20 ? ", … \(names.count - 20) more" : "")
    }
}
