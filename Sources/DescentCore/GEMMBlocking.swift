/// Cache block sizes of the built-in blocked kernel: depth `kc`, rows `mc`, columns `nc` per packed block.
struct GEMMBlocking: Sendable {
    let kc: Int, mc: Int, nc: Int

    /// The sizes tuned for the build machine's caches (packed B block in L2, packed A block in L3).
    static let standard = GEMMBlocking(kc: 256, mc: 144, nc: 768)
}
