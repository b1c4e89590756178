/// Where the shell writes what a person reads: results to `print`, problems to `error`.
public protocol Output: AnyObject {
    func print(_ text: String)
    func error(_ text: String)
}
