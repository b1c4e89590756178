/// Hands out minibatches of row indices, reshuffling (seeded) at the start of every epoch; allocates nothing per batch.
///
/// With a batch size below the row count, each epoch starts with a Fisher–Yates shuffle of the previous epoch's
/// order (so epoch 1 shuffles 0..<n) and hands out consecutive slices of it; the last batch of an epoch is smaller
/// when the size does not divide the count (PyTorch's `drop_last=False`). Without a batch size, or with one of at
/// least the row count, every batch is all rows in their original order and nothing is shuffled.
/// A value type: copying it saves its position and random state (undo).
public struct BatchSampler: Equatable, Sendable {
    /// Rows in the dataset.
    public let count: Int
    /// Rows in a full batch.
    public let batchSize: Int
    /// Whether epochs are reshuffled (false for full batches).
    public let shuffles: Bool
    private var order: [Int]
    /// Rows of the current epoch already handed out.
    private var position: Int
    /// Epochs whose batches have begun.
    private var startedEpochs = 0
    private var rng: RNG

    /// A sampler over `count` rows in batches of `batchSize` (nil or ≤ 0: full batch), shuffled with `rng`.
    public init(count: Int, batchSize: Int?, rng: RNG) {
        self.count = max(0, count)
        let size = batchSize ?? 0
        self.batchSize = size > 0 ? min(size, self.count) : self.count
        shuffles = self.batchSize < self.count
        order = Array(0..<self.count)
        position = self.count
        self.rng = rng
    }

    /// Batches in one epoch (the last may be partial).
    public var batchesPerEpoch: Int { batchSize == 0 ? 0 : (count + batchSize - 1) / batchSize }

    /// The 1-based epoch the next batch belongs to.
    public var epoch: Int { position >= count ? startedEpochs + 1 : startedEpochs }

    /// The 0-based index of the next batch within its epoch.
    public var batchIndex: Int { position >= count || batchSize == 0 ? 0 : position / batchSize }

    /// The epoch of the batch handed out last (0 before the first).
    public var epochOfLastBatch: Int { startedEpochs }

    /// Numbers this sampler's epochs after `previous`'s, which it replaces mid-run (a new batch size): its
    /// first batch begins the epoch after the last one `previous` began.
    public mutating func continueNumbering(after previous: BatchSampler) {
        startedEpochs = previous.startedEpochs
    }

    /// Rows in the next batch.
    public var nextBatchSize: Int { position >= count ? batchSize : min(batchSize, count - position) }

    /// The row indices of the next batch: a view into the sampler's own order (release it before the next call,
    /// or that call's reshuffle has to copy the order).
    public mutating func next() -> ArraySlice<Int> {
        if position >= count {
            position = 0
            startedEpochs += 1
            if shuffles { rng.shuffle(&order) }
        }
        let end = min(position + batchSize, count)
        defer { position = end }
        return order[position..<end]
    }
}
