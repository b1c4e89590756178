extension Double {
    /// The number as a person would write it: whole numbers below 10¹⁶ with all their digits and no `.0`
    /// (`1700000099`, not `1.7e+09`), others in Swift's shortest form that reads back as the same Double
    /// (`0.30000000000000004`, `1e-07`, `1e+16`, `nan`, `-inf`).
    public var plainText: String {
        if self == rounded(), abs(self) < 1e16 { return String(Int(self)) }
        return description
    }
}
