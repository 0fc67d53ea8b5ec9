import SQLiteDB
import EvidenceModel

/// /health and /metrics: for operators and load balancers.
enum OperationsRoutes {
    static let health = Route(
        path: "/health", summary: "Whether the database can be read, with its counts; 503 when it cannot.",
        parameters: [], isList: false, schema: "Health", cacheControl: "no-store"
    ) { context in
        do {
            return try context.read { db in
                let counts = try db.queryFirst("""
                    SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM studies), (SELECT count(*) FROM claims),
                           (SELECT count(*) FROM comments), (SELECT count(*) FROM concepts)
                    """) { row in (0..<5).map { row.int(Int32($0)) } } ?? []
                var json = JSONBuffer()
                json.object { object in
                    object.field("status", "ok")
                    for (name, value) in zip(["documents", "studies", "claims", "comments", "concepts"], counts) {
                        object.field(name, value)
                    }
                    object.field("schema_version", Schema.currentVersion)
                    object.field("sqlite_version", Database.libraryVersion)
                }
                return .json(json.bytes)
            }
        } catch {
            throw APIError.unavailable("the database cannot be read")
        }
    }

    static let metrics = Route(
        path: "/metrics", summary: "Prometheus metrics: requests by route and status, latency histogram, open connections.",
        parameters: [], isList: false, schema: "Text", contentType: "text/plain; version=0.0.4; charset=utf-8",
        cacheControl: "no-store"
    ) { context in
        .text(Array(context.services.metricsText().utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}
