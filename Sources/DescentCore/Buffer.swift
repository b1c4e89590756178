/// A fixed-size block of `Double`s owned by one object, so hot loops can work on raw pointers without copies.
public final class Buffer {
    /// Number of values.
    public let count: Int
    /// Start of the storage; valid while the buffer lives.
    public let pointer: UnsafeMutablePointer<Double>

    /// A zero-filled buffer of `count` values.
    public init(count: Int) {
        self.count = count
        // On a cache line of its own: threads writing neighbouring blocks of a matrix (`BandedStep`) then share
        // no line where one block ends and the next begins, when the blocks are whole 8-value vectors.
        let capacity = max(count, 1)
        pointer = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Double>.stride, alignment: 64)
            .bindMemory(to: Double.self, capacity: capacity)
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    /// A buffer holding a copy of `values`.
    public convenience init(_ values: [Double]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }

    deinit { UnsafeMutableRawPointer(pointer).deallocate() }

    /// The values as an array (a copy).
    public var array: [Double] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// Overwrites every value with `value`.
    public func fill(_ value: Double) { pointer.update(repeating: value, count: count) }

    /// Copies `values` in; the counts must match.
    public func load(_ values: [Double]) {
        precondition(values.count == count, "Buffer.load: count mismatch")
        values.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { pointer.update(from: base, count: count) }
        }
    }

    /// Value `i`.
    public subscript(i: Int) -> Double {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    /// True when every value is finite: no value has the all-ones exponent of infinity and NaN.
    ///
    /// Works on the bit patterns with integer operations, which the compiler vectorises (a floating-point
    /// running sum could not be reordered): adding 2⁵² to the masked exponent carries into the top bit
    /// exactly when the exponent is all ones.
    public var allFinite: Bool { Buffer.finite(Buffer.nonFiniteFlags(pointer, count: count)) }

    /// The `nonFiniteFlag`s of `count` values at `p`, OR-ed together.
    static func nonFiniteFlags(_ p: UnsafePointer<Double>, count: Int) -> UInt64 {
        var flags: UInt64 = 0
        for i in 0..<count { flags |= nonFiniteFlag(p[i]) }
        return flags
    }

    /// A word whose top bit is set exactly when `value` is infinite or NaN; OR these together and ask `finite`.
    @inline(__always)
    static func nonFiniteFlag(_ value: Double) -> UInt64 {
        (value.bitPattern & 0x7FF0_0000_0000_0000) &+ 0x0010_0000_0000_0000
    }

    /// True when none of the values whose `nonFiniteFlag`s were OR-ed into `flags` is infinite or NaN.
    @inline(__always)
    static func finite(_ flags: UInt64) -> Bool { flags >> 63 == 0 }
}
