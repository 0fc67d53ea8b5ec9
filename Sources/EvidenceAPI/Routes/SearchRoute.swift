import Foundation
import SQLiteDB

/// GET /v1/search: studies, claims, comments and sources together, best matches first, each with a snippet.
///
/// The ranking runs over bare FTS5 rows (type, rowid, bm25 rank); ids, source ids and snippets are then made for
/// the page's rows only, so a common word costs its ranking and not a snippet for every match.
enum SearchRoute {
    static let union = """
        FROM (
            SELECT 'study' AS type, rowid AS row, rank FROM studies_fts WHERE studies_fts MATCH ?1
            UNION ALL SELECT 'claim', rowid, rank FROM claims_fts WHERE claims_fts MATCH ?1
            UNION ALL SELECT 'comment', rowid, rank FROM comments_fts WHERE comments_fts MATCH ?1
            UNION ALL SELECT 'source', rowid, rank FROM sources_fts WHERE sources_fts MATCH ?1
        ) hits
        """

    /// Per type: the hit's id, source id and snippet (« » around the matched words), for one rowid.
    static let details: [String: String] = [
        "study": """
            SELECT s.id, (SELECT min(source_id) FROM study_mentions m WHERE m.study_id = s.id),
                   snippet(studies_fts, -1, '«', '»', '…', 12)
            FROM studies_fts f JOIN studies s ON s.rowid = f.rowid WHERE studies_fts MATCH ? AND f.rowid = ?
            """,
        "claim": """
            SELECT c.id, c.source_id, snippet(claims_fts, -1, '«', '»', '…', 12)
            FROM claims_fts f JOIN claims c ON c.rowid = f.rowid WHERE claims_fts MATCH ? AND f.rowid = ?
            """,
        "comment": """
            SELECT m.id, m.source_id, snippet(comments_fts, -1, '«', '»', '…', 12)
            FROM comments_fts f JOIN comments m ON m.rowid = f.rowid WHERE comments_fts MATCH ? AND f.rowid = ?
            """,
        "source": """
            SELECT s.id, s.id, snippet(sources_fts, -1, '«', '»', '…', 12)
            FROM sources_fts f JOIN sources s ON s.rowid = f.rowid WHERE sources_fts MATCH ? AND f.rowid = ?
            """,
    ]

    static let totals = """
        SELECT (SELECT count(*) FROM studies_fts WHERE studies_fts MATCH ?1)
             + (SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1)
             + (SELECT count(*) FROM comments_fts WHERE comments_fts MATCH ?1)
             + (SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?1)
        """

    static let route = Route(
        path: "/v1/search", summary: "Full-text search across studies, claims, comments and sources, with snippets.",
        parameters: [.text("q", "What to search for: plain words, \"quoted phrases\", prefix* and OR.", required: true),
                     .limit, .cursor, .format],
        isList: true, schema: "SearchHit"
    ) { context in
        try context.services.pool.read { db in
            guard let match = FullTextQuery.compile(context.parameters["q"] ?? "") else {
                return .list(ListPage(items: [], total: 0, limit: context.parameters.limit))
            }
            var query = ListQuery(from: union, order: ["hits.rank", "hits.type", "hits.row"],
                                  json: "json_object('type', hits.type, 'row', hits.row)")
            query.fromValues = [match]
            query.knownTotal = { db in try db.queryFirst(totals, [match]) { $0.int(0) } ?? 0 }
            guard case .list(var page) = try query.respond(context, db: db) else { return .list(ListPage(items: [], total: 0, limit: 0)) }
            page.items = try page.items.map { try hit($0, match: match, db: db) }
            return .list(page)
        }
    }

    /// Turns a ranked row `{"type", "row"}` into the hit the API serves.
    static func hit(_ ranked: [UInt8], match: String, db: Database) throws -> [UInt8] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(ranked)) as? [String: Any],
              let type = object["type"] as? String, let row = (object["row"] as? NSNumber)?.int64Value,
              let sql = details[type] else { return [] }
        let found = try db.queryFirst(sql, [match, row]) { ($0.text(0), $0.optionalText(1), $0.text(2)) }
        var json = JSONBuffer()
        json.object { hit in
            hit.field("type", type)
            hit.field("id", found?.0)
            hit.field("snippet", found?.2 ?? "")
            hit.field("source_id", found?.1)
        }
        return json.bytes
    }
}
