import Synchronization

/// Evidence matrices already rendered, per database and condition, for the data generation they were read in.
///
/// A matrix changes only when an ingest commits, yet rendering one reads every count row of the condition
/// (thousands at a million studies: several ms) and quotes every study id. Between two ingests the same
/// condition therefore answers the same bytes, which this keeps.
///
/// Owned by `Services`, beside the other caches that follow the data generation (replies, concept resolver).
final class EvidenceMatrixCache: Sendable {
    private struct Key: Hashable {
        var pool: ObjectIdentifier
        var condition: String
    }

    private struct Entry {
        // Weak, and compared by identity: a new pool at the address of a freed one must not see its entries.
        weak var pool: ReadPool?
        var generation: Int
        var body: [UInt8]
    }

    /// Far more than the lexicon's conditions for one database; reached only by many short-lived pools (tests).
    private static let capacity = 4096
    private let entries = Mutex<[Key: Entry]>([:])

    /// The body for `condition`, from the cache when it was rendered in the generation `pool` is at now, else
    /// from `render`.
    ///
    /// `generationBefore` must be read before the request's read transaction began: a body is kept only when
    /// no commit was noticed between that and now, so that a body read from an older snapshot is never kept
    /// under a newer generation.
    func body(pool: ReadPool, condition: String, generationBefore: Int, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        let key = Key(pool: ObjectIdentifier(pool), condition: condition)
        let now = pool.generation.load(ordering: .sequentiallyConsistent)
        let cached = entries.withLock { $0[key] }
        if let cached, cached.pool === pool, cached.generation == now { return cached.body }
        let body = try render()
        guard now == generationBefore else { return body }
        entries.withLock { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { $0.value.pool != nil }
                if entries.count >= Self.capacity { entries.removeAll() }
            }
            entries[key] = Entry(pool: pool, generation: now, body: body)
        }
        return body
    }
}
