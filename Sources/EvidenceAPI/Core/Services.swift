import Foundation
import Ingest
import SQLiteDB
import Synchronization

/// The shared state behind the routes: the read pool, the concept resolver, and the server's metrics.
final class Services: Sendable {
    let pool: ReadPool
    let metricsText: @Sendable () -> String
    private let resolver = Mutex<(generation: Int, resolver: ConceptResolver)?>(nil)

    init(databasePath: String, metricsText: @escaping @Sendable () -> String) {
        pool = ReadPool(path: databasePath)
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

    /// Resolves a `condition=` or `intervention=` value, or explains that nothing matches.
    func concept(_ input: String, type: String, parameter: String, db: Database) throws -> String {
        guard let id = try conceptResolver(db).resolve(input, type: type) else {
            throw APIError.badRequest("parameter '\(parameter)': no \(type) is named '\(Parameters.printable(input))'; "
                                      + "see /v1/\(type == "condition" ? "conditions" : "interventions")?q=… for the names")
        }
        return id
    }
}
