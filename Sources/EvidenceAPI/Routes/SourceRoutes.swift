import Ingest
import SQLiteDB

enum SourceRoutes {
    static let list = Route(
        path: "/v1/sources", summary: "The documents ingested, with their kind, title, date, author and sponsorship.",
        parameters: [.choice("kind", SourceKind.allCases.map(\.rawValue), "The kind of document."), .q, .limit, .cursor, .format],
        isList: true, schema: "Source"
    ) { context in
        try context.services.pool.read { db in
            var query = ListQuery(from: "FROM sources s", order: ["s.id"], json: "s.json")
            if let kind = context.parameters["kind"] { query.filter("s.kind = ?", [kind]) }
            if let q = context.parameters["q"] {
                query.textFilter("JOIN sources_fts f ON f.rowid = s.rowid AND sources_fts MATCH ?", FullTextQuery.compile(q))
            }
            return try query.respond(context, db: db)
        }
    }

    static let item = Route(
        path: "/v1/sources/{id}", summary: "One source.", parameters: [], isList: false, schema: "Source"
    ) { context in
        try context.services.pool.readOne { db in
            guard let json = try db.queryFirst("SELECT json FROM sources WHERE id = ?", [context.pathValues[0]], { row in
                row.withTextBytes(0) { Array($0) }
            }) else { throw APIError.notFound("no source has the id '\(Parameters.printable(context.pathValues[0]))'") }
            return .json(json)
        }
    }

    static let text = Route(
        path: "/v1/sources/{id}/text", summary: "The stored text of a source, which every start/end offset counts into.",
        parameters: [], isList: false, schema: "Text", contentType: "text/plain; charset=utf-8"
    ) { context in
        try context.services.pool.readOne { db in
            guard let text = try db.queryFirst("SELECT text FROM sources WHERE id = ?", [context.pathValues[0]], { row in
                row.withTextBytes(0) { Array($0) }
            }) else { throw APIError.notFound("no source has the id '\(Parameters.printable(context.pathValues[0]))'") }
            return .text(text, contentType: "text/plain; charset=utf-8")
        }
    }
}
