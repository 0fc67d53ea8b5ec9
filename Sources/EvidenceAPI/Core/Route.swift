import SQLiteDB
import HTTPServer

/// What a route handler answers before the common work (ETag, caching headers, CSV, HEAD) is done.
enum Reply {
    case json([UInt8])
    case list(ListPage)
    case text([UInt8], contentType: String)
}

/// Everything a handler gets: the request, its validated parameters and path values, and the services.
struct RouteContext {
    var request: HTTPRequest
    var parameters: Parameters
    var pathValues: [String]
    var services: Services
    /// The route's path pattern, which scopes its cursors.
    var routePath: String
    /// The read connection the request already holds (a list route behind the reply cache), so that checking the
    /// cache and running the queries take one connection, not two.
    var connection: ReadConnection? = nil
    /// The data generation checked on `connection` before any of the request's reads (what its ETag names).
    var generation: Int? = nil

    /// Runs `body` in one read transaction on the request's connection.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let connection { return try services.pool.read(on: connection, body) }
        return try services.pool.read(body)
    }

    /// Runs one statement's worth of reading (`ReadPool.readOne`) on the request's connection.
    func readOne<T>(_ body: (Database) throws -> T) throws -> T {
        if let connection { return try services.pool.readOne(on: connection, body) }
        return try services.pool.readOne(body)
    }
}

/// One route of the API: a path pattern, its parameters and its handler. The OpenAPI document is generated
/// from these, so the two cannot disagree.
struct Route: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case value(String)
    }

    let path: String
    var summary: String
    var parameters: [ParameterSpec]
    var isList: Bool
    /// The component schema the 200 answer carries (e.g. "Study"), for the OpenAPI document.
    var schema: String
    var contentType: String
    /// The Cache-Control of a 200: answers that describe the data may be reused for a minute; live state
    /// (/health, /metrics) must not be stored at all, or a probe would read a cached "ok".
    var cacheControl: String
    /// False for an answer that never reads the database (/openapi.json): it must not wait on it for a tag.
    var readsData = true
    /// Answers that describe the data carry an ETag of the data generation and the request (`RepresentationTag`);
    /// live state (/health, /metrics) changes without a commit, so its ETag stays a hash of its body.
    var tagsByGeneration: Bool { readsData && cacheControl != "no-store" }
    /// A list's CSV export (`/v1/studies.csv`): the list's handler, always answered as CSV.
    var answersCSV = false
    /// The path whose cursors this route takes: a CSV export pages with its list's cursors.
    var cursorScope: String
    var handler: @Sendable (RouteContext) throws -> Reply
    /// The path split once here: the router matches every request against every route's segments.
    let segments: [Segment]

    init(path: String, summary: String, parameters: [ParameterSpec], isList: Bool, schema: String,
         contentType: String = "application/json", cacheControl: String = "public, max-age=60",
         handler: @escaping @Sendable (RouteContext) throws -> Reply) {
        self.path = path
        self.summary = summary
        self.parameters = parameters
        self.isList = isList
        self.schema = schema
        self.contentType = contentType
        self.cacheControl = cacheControl
        cursorScope = path
        self.handler = isList ? Self.cached(handler) : handler
        segments = path.split(separator: "/").map { part in
            part.hasPrefix("{") ? .value(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    /// A list handler behind the reply cache: a repeat of a request is answered without its queries while the
    /// database has not changed (see `ReplyCache` for why that is exact). Errors are not kept.
    static func cached(_ handler: @escaping @Sendable (RouteContext) throws -> Reply) -> @Sendable (RouteContext) throws -> Reply {
        { context in
            let cache = context.services.replyCache
            guard cache.maxEntries > 0, context.pathValues.isEmpty else { return try handler(context) }
            let pool = context.services.pool
            let answer = { (connection: ReadConnection, generation: Int) throws -> Reply in
                let key = ReplyCache.key(context)
                if let reply = cache.reply(for: key, generation: generation) { return reply }
                var held = context
                held.connection = connection
                let reply = try handler(held)
                cache.store(reply, for: key, generation: generation)
                return reply
            }
            if let connection = context.connection, let generation = context.generation {
                return try answer(connection, generation)
            }
            return try pool.withConnection { connection in try answer(connection, try pool.generation(checking: connection)) }
        }
    }

    /// This list as an operation of its own that answers CSV: same parameters but `format`, same handler.
    var csvExport: Route {
        var export = Route(path: path + ".csv", summary: summary + " As CSV.", parameters: parameters.filter { $0.name != "format" },
                           isList: true, schema: schema, contentType: "text/csv; charset=utf-8", handler: { _ in .json([]) })
        export.handler = handler
        export.answersCSV = true
        export.cursorScope = path
        return export
    }

    /// The values of the `{…}` segments when `pathSegments` matches, else nil.
    func match(_ pathSegments: [String]) -> [String]? {
        guard segments.count == pathSegments.count else { return nil }
        var values: [String] = []
        for (expected, actual) in zip(segments, pathSegments) {
            switch expected {
            case .literal(let text): if text != actual { return nil }
            case .value:
                guard !actual.isEmpty else { return nil }
                values.append(actual)
            }
        }
        return values
    }
}
