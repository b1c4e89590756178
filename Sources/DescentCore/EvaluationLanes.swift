import Synchronization

/// The evaluation of a set of more rows than one block by two lanes, each with a block's graph of its own,
/// that take the set's blocks in turn: whichever lane is free takes the next block.
///
/// Each block's loss (times its rows) and metric sum are kept apart and added up in block order at the end,
/// so an evaluation gives the same bits whichever lane took which block, on one thread or on two. Handing
/// out blocks rather than halves of every product keeps a lane that the system slows down (another program
/// busy on its core) from holding the other up: it takes fewer blocks, and the other waits for it once, at
/// the end, instead of at every product (a 1M-row set took 3 times as long on two threads as on one so).
/// The lanes' products run whole, on their own thread. The threads share no line they write but the block
/// counter's: each lane writes its own graph and its blocks' entries of the results.
final class EvaluationLanes: TeamJob {
    /// Rows in the set, in each block but the last, and blocks.
    let rows: Int, blockRows: Int, blockCount: Int
    /// The lanes' block graphs, and the shorter last block's graph when the set does not divide into blocks
    /// (taken by whichever lane takes that block).
    private let laneGraphs: [Graph]
    private let lastGraph: Graph?
    /// Block b's loss times its rows, and its metric sum (`Metrics.accumulate` from 0).
    private let losses: UnsafeMutableBufferPointer<Double>
    private let metricSums: UnsafeMutableBufferPointer<Double>
    /// The next block to take, and whether the evaluation was stopped.
    private let next = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: 1)
    private let stopped = UnsafeMutablePointer<Atomic<Bool>>.allocate(capacity: 1)
    /// The evaluation under way: its set, what stops it (asked on the calling thread between its blocks).
    private var data: Dataset?
    private var shouldContinue: (() -> Bool)?
    /// The penalty at the parameters (the same in every block's graph), written by the lane that takes block 0.
    private let penalty = UnsafeMutablePointer<Double>.allocate(capacity: 1)

    /// Lanes over a set of `rows` rows in blocks of `blockRows` (rows > blockRows): `block` and `laneBlock`
    /// are `blockRows`-row graphs, `last` the last block's when shorter.
    init(rows: Int, blockRows: Int, block: Graph, laneBlock: Graph, last: Graph?) {
        self.rows = rows; self.blockRows = blockRows
        blockCount = (rows + blockRows - 1) / blockRows
        laneGraphs = [block, laneBlock]
        lastGraph = last
        losses = .allocate(capacity: blockCount)
        losses.initialize(repeating: 0)
        metricSums = .allocate(capacity: blockCount)
        metricSums.initialize(repeating: 0)
        next.initialize(to: Atomic(0))
        stopped.initialize(to: Atomic(false))
        penalty.initialize(to: 0)
    }

    deinit {
        losses.deallocate(); metricSums.deallocate(); penalty.deallocate()
        next.deinitialize(count: 1); next.deallocate()
        stopped.deinitialize(count: 1); stopped.deallocate()
    }

    /// The data loss (blocks' means weighted by their rows), metric sum and penalty of `data` at the current
    /// parameters, its blocks shared by the team's threads (or all on the calling thread when `alone`); nil
    /// when `shouldContinue` said to stop. When given, it is asked on the calling thread before each block it
    /// takes but the set's first, and once when no block is left.
    func evaluate(_ data: Dataset, alone: Bool = false,
                  shouldContinue: (() -> Bool)?) -> (loss: Double, metricSum: Double, penalty: Double)? {
        self.data = data; self.shouldContinue = shouldContinue
        next.pointee.store(0, ordering: .relaxed)
        stopped.pointee.store(false, ordering: .relaxed)
        ThreadTeam.shared.run(alone: alone, self)
        self.data = nil; self.shouldContinue = nil
        guard !stopped.pointee.load(ordering: .relaxed) else { return nil }
        var loss = 0.0, metric = 0.0
        for b in 0..<blockCount { loss += losses[b]; metric += metricSums[b] }
        return (loss / Double(rows), metric, penalty.pointee)
    }

    /// The first block (in block order) whose loss was not finite in the last evaluation, if any.
    var firstNonFiniteBlock: Int? { (0..<blockCount).first { !losses[$0].isFinite } }

    /// Calls `run(part:parts:)` on the job the context holds unretained (`ThreadTeam.run(alone:_:)`).
    static let teamEntry: ThreadTeam.Entry = { context, part, parts in
        Unmanaged<EvaluationLanes>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.run(part: part, parts: parts) }
    }

    /// Lane `part`: takes blocks until none is left or the evaluation stops.
    func run(part: Int, parts: Int) {
        guard let data, part < laneGraphs.count else { return }
        let graph = laneGraphs[part], ask = part == 0 ? shouldContinue : nil
        var rng = RNG(seed: 0)  // read by no evaluation-mode pass: no dropout mask is drawn there
        while !stopped.pointee.load(ordering: .relaxed) {
            let b = next.pointee.add(1, ordering: .relaxed).oldValue
            // Asked before every block but the set's first, and when none is left: however the blocks fell to
            // the lanes, a stop asked for while the set is evaluated is seen.
            if b > 0, let ask, !ask() { stopped.pointee.store(true, ordering: .relaxed); return }
            guard b < blockCount else { return }
            let first = b * blockRows
            let g = b == blockCount - 1 ? lastGraph ?? graph : graph
            data.copyRows(first..<first + g.rows, x: g.input.pointer, y: g.target.pointer)
            g.forward(training: false, rng: &rng)
            losses[b] = g.lossValue * Double(g.rows)
            var sum = 0.0
            Metrics.accumulate(g, task: data.task, targets: data.y.data, first: first, into: &sum)
            metricSums[b] = sum
            if b == 0 { penalty.pointee = g.penaltyValue }
        }
    }
}
