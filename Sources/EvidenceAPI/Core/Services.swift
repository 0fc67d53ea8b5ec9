import Foundation
import SQLiteDB
import Synchronization

/// The shared state behind the routes: the read pool, the server's metrics, and the one owner of the three caches
/// that follow the data generation (`ReadPool.generation`, bumped when an ingest commits): the reply cache, the
/// concept resolver and the rendered evidence matrices. Each is checked against the generation on use, so a
/// commit makes all three stale at once.
final class Services: Sendable {
    let pool: ReadPool
    let metricsText: @Sendable () -> String
    /// The most matches `/v1/search` ranks (see `SearchRoute`); tests lower it to reach the other order.
    let searchRankLimit = Atomic<Int>(SearchRoute.defaultRankLimit)
    private let resolver = Mutex<(generation: Int, resolver: ConceptResolver)?>(nil)

    /// Replies of list routes by request, for as long as the data does not change (`ReplyCache`).
    /// `EVIDENCE_REPLY_CACHE=0` turns it off (to measure the queries themselves).
    let replyCache: ReplyCache
    /// Evidence matrices by condition, for the generation they were read in.
    let matrixCache = EvidenceMatrixCache()
    /// The ETags of data answers (this process's nonce).
    let tags = RepresentationTag()

    init(databasePath: String, metricsText: @escaping @Sendable () -> String) {
        pool = ReadPool(path: databasePath)
        replyCache = ProcessInfo.processInfo.environment["EVIDENCE_REPLY_CACHE"] == "0" ? ReplyCache(maxEntries: 0) : ReplyCache()
        self.metricsText = metricsText
    }

    /// The resolver for the data now in the database, reloaded after a new ingest.
    func conceptResolver(_ db: Database) throws -> ConceptResolver {
        let generation = pool.generation.load(ordering: .sequentiallyConsistent)
        if let cached = resolver.withLock({ $0 }), cached.generation == generation { return cached.resolver }
        let fresh = try ConceptResolver(db: db)
        resolver.withLock { $0 = (generation, fresh) }
        return fresh
    }

    /// Resolves a `condition=` or `intervention=` value. A name that matches no concept is not an error: like
    /// any filter that matches nothing, it gives an empty list (`/v1/conditions?q=` lists the names).
    func concept(_ input: String, type: String, db: Database) throws -> String? {
        try conceptResolver(db).resolve(input, type: type)
    }
}
