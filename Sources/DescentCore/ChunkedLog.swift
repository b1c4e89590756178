/// An append-only list kept in chunks of 4,096 elements, so that a copy shares every chunk with the original
/// and appending copies at most the one chunk being written: an undo snapshot of a history of millions of
/// steps costs a few pointers, not the whole list. Reserved chunks make appends allocation-free. The oldest chunks
/// can be dropped to bound its memory (`dropFirstChunk`); indices stay those of the whole list, so that
/// `startIndex` is then the number of elements dropped.
public struct ChunkedLog<Element>: RandomAccessCollection {
    /// log2 of the chunk size.
    static var shift: Int { 12 }
    /// Elements per chunk.
    static var chunkSize: Int { 1 << shift }
    /// Chunks `reserve` makes ahead at most (1M elements), so a long run does not claim all its memory at once.
    static var reserveLimit: Int { 256 }

    /// One chunk's storage; written only while the log holding it is its only owner.
    final class Chunk: @unchecked Sendable {
        var items: [Element]
        init() { items = []; items.reserveCapacity(ChunkedLog.chunkSize) }
        init(copying other: Chunk) { items = []; items.reserveCapacity(ChunkedLog.chunkSize); items += other.items }
        /// A copy of `other`'s elements with room for them alone (a log that is no longer written).
        init(exactly other: Chunk) { items = []; items.reserveCapacity(other.items.count); items += other.items }
    }

    /// The chunks from `startIndex` on (the first holds element `startIndex`), then any reserved empty ones.
    private var chunks: [Chunk] = []
    /// Elements dropped from the front, a whole number of chunks.
    public private(set) var startIndex = 0
    public private(set) var endIndex = 0

    /// An empty log.
    public init() {}

    /// Elements held (those appended less those dropped).
    public var count: Int { endIndex - startIndex }

    public subscript(i: Int) -> Element {
        let j = i - startIndex
        return chunks[j >> Self.shift].items[j & (Self.chunkSize - 1)]
    }

    /// Adds `e` at the end, copying the last chunk first when a copy of the log shares it.
    public mutating func append(_ e: Element) {
        let c = count >> Self.shift
        if c == chunks.count { chunks.append(Chunk()) } else { own(c) }
        chunks[c].items.append(e)
        endIndex += 1
    }

    /// Drops the oldest full chunk (`chunkSize` elements), if there is one beside the chunk being written; a copy of
    /// the log that shares it keeps it.
    public mutating func dropFirstChunk() {
        guard count > Self.chunkSize else { return }
        chunks.removeFirst()
        startIndex += Self.chunkSize
    }

    /// The chunks held, reserved empty ones included, for tests of what a copy holds on to.
    var heldChunks: Int { chunks.count }

    /// Which chunk objects hold the elements, for tests of what copies share.
    var chunkIdentities: [ObjectIdentifier] { chunks.prefix((count + Self.chunkSize - 1) >> Self.shift).map(ObjectIdentifier.init) }

    /// Makes room for `n` more elements (up to `reserveLimit` chunks ahead), so appending them allocates nothing.
    public mutating func reserve(_ n: Int) {
        let needed = Swift.min((count + Swift.max(0, n) + Self.chunkSize - 1) >> Self.shift, (count >> Self.shift) + Self.reserveLimit)
        if chunks.count < needed { chunks.reserveCapacity(needed) }
        while chunks.count < needed { chunks.append(Chunk()) }
        // The chunk being written must be this log's own, or the next append copies it.
        let c = count >> Self.shift
        if c < chunks.count { own(c) }
    }

    /// A copy to keep unwritten (`keep`): it shares the full chunks, holds its last, partly filled chunk as a copy
    /// of just its elements, and none of the empty chunks reserved ahead, which it would otherwise hold on to (up to
    /// `reserveLimit` of them, 128 KB each for steps) once the original had written into its own copies.
    public func trimmed() -> ChunkedLog {
        var copy = self
        let used = (count + Self.chunkSize - 1) >> Self.shift
        copy.chunks.removeLast(chunks.count - used)
        if used > 0 && count & (Self.chunkSize - 1) != 0 { copy.chunks[used - 1] = Chunk(exactly: chunks[used - 1]) }
        return copy
    }

    /// Makes chunk `c` this log's own, copying it when a copy of the log shares it.
    private mutating func own(_ c: Int) {
        if !isKnownUniquelyReferenced(&chunks[c]) { chunks[c] = Chunk(copying: chunks[c]) }
    }
}

extension ChunkedLog: Equatable where Element: Equatable {
    public static func == (a: ChunkedLog, b: ChunkedLog) -> Bool { a.elementsEqual(b) }
}

extension ChunkedLog: Sendable where Element: Sendable {}
