extension Double {
    /// The number as a person would write it: whole numbers without `.0`, others in Swift's shortest form.
    var plainText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return description
    }
}
