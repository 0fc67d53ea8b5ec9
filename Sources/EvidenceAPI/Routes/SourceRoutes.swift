import SQLiteDB
import EvidenceModel

enum SourceRoutes {
    static let list = Route(
        path: "/v1/sources", summary: "The documents ingested, with their kind, title, date, author and sponsorship.",
        parameters: [.choice("kind", SourceKind.allCases.map(\.rawValue), "The kind of document."), .q, .limit, .cursor, .format],
        isList: true, schema: "Source"
    ) { context in
        try context.read { db in
            var query = ListQuery(from: "FROM sources s", order: ["s.id"], json: SourceJSON.expression)
            if let kind = context.parameters["kind"] { query.filter("s.kind = ?", [kind]) }
            if let q = context.parameters["q"] {
                query.join("JOIN sources_fts f ON f.rowid = s.rowid AND sources_fts MATCH ?", matching: FullTextQuery.compile(q))
            }
            return try query.respond(context, db: db)
        }
    }

    static let item = Route(
        path: "/v1/sources/{id}", summary: "One source.", parameters: [], isList: false, schema: "Source",
        handler: StoredItem.handler("SELECT " + SourceJSON.expression + " FROM sources s WHERE s.id = ?", noun: "source")
    )

    static let text = Route(
        path: "/v1/sources/{id}/text", summary: "The stored text of a source, which every start/end offset counts into.",
        parameters: [], isList: false, schema: "Text", contentType: "text/plain; charset=utf-8",
        handler: StoredItem.handler("SELECT text FROM sources WHERE id = ?", noun: "source",
                                   reply: { .text($0, contentType: "text/plain; charset=utf-8") })
    )
}
