extension ArgReader {
    /// What a flat list of numbers should look like, for messages.
    static func vectorExpected(_ what: String) -> String {
        "\(what) as a list of numbers like [1,2,3]"
    }

    /// What a matrix should look like, for messages.
    static func matrixExpected(_ what: String) -> String {
        "\(what) as a list of rows like [[1,2],[3,4]]"
    }

    /// What rows of numbers (or a single row) should look like, for messages.
    static func rowsExpected(_ what: String) -> String {
        "\(what) as a row like [1,2] or rows like [[1,2],[3,4]]"
    }

    /// The argument as a non-empty list of non-empty rows of numbers, or as one non-empty row, with each
    /// row's span (the argument's own for a single row); rows are not checked against each other.
    static func rowsValue(_ arg: Arg, what: String) throws(Diagnostic) -> [(numbers: [Double], span: SourceSpan)] {
        guard case .list(let elements) = arg.value else { throw mismatch(arg, expected: rowsExpected(what)) }
        guard let first = elements.first else { throw Diagnostic("expected at least one row in \(what)", at: arg.valueSpan) }
        guard case .list = first.value else { return [(try vectorValue(arg, what: what), arg.valueSpan)] }
        var rows: [(numbers: [Double], span: SourceSpan)] = []
        for (index, row) in elements.enumerated() {
            rows.append((try matrixRow(row, index: index, of: what), row.span))
        }
        return rows
    }

    /// The argument as a non-empty flat list of numbers.
    static func vectorValue(_ arg: Arg, what: String) throws(Diagnostic) -> [Double] {
        guard case .list(let elements) = arg.value else { throw mismatch(arg, expected: vectorExpected(what)) }
        guard !elements.isEmpty else { throw Diagnostic("expected at least one number in \(what)", at: arg.valueSpan) }
        var numbers: [Double] = []
        for (index, element) in elements.enumerated() {
            numbers.append(try elementNumber(element, expected: "a number as \(what)[\(index)]"))
        }
        return numbers
    }

    /// The argument as a non-empty list of non-empty rows of numbers, all of the same length. Messages name rows and
    /// elements in index notation, counting from 0 as `show data` does (`X[1]`, `X[1,0]`).
    static func matrixValue(_ arg: Arg, what: String) throws(Diagnostic) -> [[Double]] {
        guard case .list(let rows) = arg.value else { throw mismatch(arg, expected: matrixExpected(what)) }
        guard !rows.isEmpty else { throw Diagnostic("expected at least one row in \(what)", at: arg.valueSpan) }
        var matrix: [[Double]] = []
        for (index, row) in rows.enumerated() {
            let numbers = try matrixRow(row, index: index, of: what)
            if let width = matrix.first?.count, numbers.count != width {
                throw Diagnostic("\(what)[\(index)] has \(counted(numbers.count)) but \(what)[0] has \(width)", at: row.span)
            }
            matrix.append(numbers)
        }
        return matrix
    }

    /// Row `index` of a matrix: a non-empty list of numbers.
    static func matrixRow(_ row: ListElement, index: Int, of what: String) throws(Diagnostic) -> [Double] {
        guard case .list(let elements) = row.value else {
            throw Diagnostic("expected \(what)[\(index)] to be a list like [1,2], got \(shown(row.value, text: row.value.description))",
                             at: row.span)
        }
        guard !elements.isEmpty else { throw Diagnostic("\(what)[\(index)] is empty", at: row.span) }
        var numbers: [Double] = []
        for (column, element) in elements.enumerated() {
            numbers.append(try elementNumber(element, expected: "a number as \(what)[\(index),\(column)]"))
        }
        return numbers
    }

    /// The argument as one name or a non-empty list of names (words or quoted strings), each with its span; `what`
    /// says what a name is (`column name`) and `key` whose option it is, for messages.
    static func nameListValue(_ arg: Arg, what: String, key: String) throws(Diagnostic) -> [(name: String, span: SourceSpan)] {
        let quoting = " — a name that is not a plain word goes in double quotes (\"sepal.length\", \"1990\")"
        switch arg.value {
        case .word(let name), .string(let name): return [(name, arg.valueSpan)]
        case .list(let elements):
            guard !elements.isEmpty else { throw Diagnostic("expected at least one \(what) in \(key)=[…]", at: arg.valueSpan) }
            var names: [(name: String, span: SourceSpan)] = []
            for element in elements {
                switch element.value {
                case .word(let name), .string(let name): names.append((name, element.span))
                default:
                    throw Diagnostic("expected a \(what) in \(key)=[…], got \(shown(element.value, text: element.value.description))"
                                     + quoting, at: element.span)
                }
            }
            return names
        default:
            let error = mismatch(arg, expected: "a \(what) or a list of them like [a,b] for \(key)=")
            throw Diagnostic(error.message + quoting, at: arg.valueSpan)
        }
    }

    /// A list element that must be a number.
    static func elementNumber(_ element: ListElement, expected: String) throws(Diagnostic) -> Double {
        guard case .number(let number) = element.value else {
            throw Diagnostic("expected \(expected), got \(shown(element.value, text: element.value.description))", at: element.span)
        }
        return number
    }

    /// `1 number` or `n numbers`.
    static func counted(_ count: Int) -> String {
        count == 1 ? "1 number" : "\(count) numbers"
    }
}
