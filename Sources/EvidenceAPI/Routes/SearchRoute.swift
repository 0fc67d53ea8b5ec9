import SQLiteDB

/// GET /v1/search: studies, claims, comments and sources together, each with a snippet.
///
/// Order, a product rule: a `q` with at most `Services.searchRankLimit` matches in all (1,000) is ranked, best
/// matches first (FTS5 bm25); a commoner `q` is listed by kind (studies, claims, comments, sources), newest first
/// in each, because FTS5 must score every match to rank and a word found in most documents gains little from
/// it (at 10k documents, "menaquinone" matched 6,391 rows and ranking them cost 10 ms a request; at a million
/// studies, seconds). `meta.order` says which order a page is in; `meta.total` always counts every match, and
/// both orders page through all of them.
///
/// Either way the order is decided on bare FTS5 rows (kind, rowid, and the rank when ranked); ids, source ids and
/// snippets are then made for the page's rows only.
enum SearchRoute {
    static let defaultRankLimit = 1_000

    /// The kinds in the order the recent order lists them, with their full-text tables.
    static let kinds: [(type: String, table: String)] = [
        ("study", "studies_fts"), ("claim", "claims_fts"), ("comment", "comments_fts"), ("source", "sources_fts"),
    ]

    static let ranked = """
        SELECT type, row, rank FROM (
            SELECT 'study' AS type, rowid AS row, rank FROM studies_fts WHERE studies_fts MATCH ?1
            UNION ALL SELECT 'claim', rowid, rank FROM claims_fts WHERE claims_fts MATCH ?1
            UNION ALL SELECT 'comment', rowid, rank FROM comments_fts WHERE comments_fts MATCH ?1
            UNION ALL SELECT 'source', rowid, rank FROM sources_fts WHERE sources_fts MATCH ?1
        ) hits
        """
    static let rankedFirst = ranked + " ORDER BY rank, type, row LIMIT ?2"
    static let rankedAfter = ranked + " WHERE (rank, type, row) > (?3, ?4, ?5) ORDER BY rank, type, row LIMIT ?2"

    /// Newest first in one kind, per table: FTS5 walks its index backwards by rowid and scores nothing.
    /// (Written out, not interpolated: no SQL text of this module is built from values.)
    static let recentFirst: [String: String] = [
        "studies_fts": "SELECT rowid FROM studies_fts WHERE studies_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        "claims_fts": "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        "comments_fts": "SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        "sources_fts": "SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
    ]
    static let recentAfter: [String: String] = [
        "studies_fts": "SELECT rowid FROM studies_fts WHERE studies_fts MATCH ?1 AND rowid < ?3 ORDER BY rowid DESC LIMIT ?2",
        "claims_fts": "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1 AND rowid < ?3 ORDER BY rowid DESC LIMIT ?2",
        "comments_fts": "SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?1 AND rowid < ?3 ORDER BY rowid DESC LIMIT ?2",
        "sources_fts": "SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?1 AND rowid < ?3 ORDER BY rowid DESC LIMIT ?2",
    ]

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

    /// One hit of a page before its details: its kind, its FTS rowid and its sort keys (the cursor's keys).
    struct Row {
        var type: String
        var rowid: Int64
        var keys: [SQLiteValue]
    }

    static let route = Route(
        path: "/v1/search",
        summary: "Full-text search across studies, claims, comments and sources, with snippets. Ranked best first "
            + "when q matches at most 1,000 rows in all; otherwise by kind, newest first (meta.order says which).",
        parameters: [.text("q", "What to search for: plain words, \"quoted phrases\", prefix* and OR.", required: true),
                     .limit, .cursor, .format],
        isList: true, schema: "SearchHit"
    ) { context in
        try context.read { db in
            let limit = context.parameters.limit
            guard let match = FullTextQuery.compile(context.parameters["q"] ?? "") else {
                // A q without a word matches nothing; its (empty) page is in the ranked order, as any q with few matches.
                return .list(ListPage(items: [], total: 0, limit: limit, order: "relevance"))
            }
            let total = try db.queryFirst(totals, [match]) { $0.int(0) } ?? 0
            let order = total <= context.services.searchRankLimit.load(ordering: .relaxed) ? "relevance" : "recent"
            // The order is part of the scope: a cursor of one order is refused by the other (after an ingest
            // moved q across the limit) instead of giving a wrong page.
            let scope = ListQuery.scope(context) + "&order=" + order
            let cursor = try context.parameters["cursor"].map { text throws(APIError) in try Cursor.decode(text, scope: scope) }
            let rows = order == "relevance"
                ? try rankedRows(db, match: match, limit: limit + 1, after: cursor)
                : try recentRows(db, match: match, limit: limit + 1, after: cursor)
            let page = rows.prefix(limit)
            let next = rows.count > limit ? page.last.map { Cursor(keys: $0.keys, scope: scope).encoded() } : nil
            let items = try page.map { try hit($0, match: match, db: db) }
            return .list(ListPage(items: items, total: total, limit: limit, nextCursor: next, order: order))
        }
    }

    static func rankedRows(_ db: Database, match: String, limit: Int, after cursor: Cursor?) throws -> [Row] {
        var values: [any SQLiteBindable] = [match, limit]
        if let cursor {
            guard cursor.keys.count == 3 else { throw foreignCursor }
            values += cursor.keys.map { $0 as any SQLiteBindable }
        }
        return try db.query(cursor == nil ? rankedFirst : rankedAfter, values) { row in
            Row(type: row.text(0), rowid: Int64(row.int(1)), keys: [row.value(2), row.value(0), row.value(1)])
        }
    }

    static func recentRows(_ db: Database, match: String, limit: Int, after cursor: Cursor?) throws -> [Row] {
        var start = 0
        var before: Int64?
        if let cursor {
            guard cursor.keys.count == 2, case .integer(let kind) = cursor.keys[0], case .integer(let rowid) = cursor.keys[1],
                  kinds.indices.contains(Int(kind)) else { throw foreignCursor }
            start = Int(kind)
            before = rowid
        }
        var rows: [Row] = []
        for index in start..<kinds.count where rows.count < limit {
            let (type, table) = kinds[index]
            let wanted = limit - rows.count
            let found: [Int64]
            if index == start, let before, let sql = recentAfter[table] {
                found = try db.query(sql, [match, wanted, before]) { Int64($0.int(0)) }
            } else if let sql = recentFirst[table] {
                found = try db.query(sql, [match, wanted]) { Int64($0.int(0)) }
            } else {
                found = []
            }
            rows += found.map { Row(type: type, rowid: $0, keys: [.integer(Int64(index)), .integer($0)]) }
        }
        return rows
    }

    static let foreignCursor = APIError.badRequest("parameter 'cursor' does not belong to this query; start again without it")

    /// The hit the API serves for one row of the page.
    static func hit(_ row: Row, match: String, db: Database) throws -> [UInt8] {
        guard let sql = details[row.type] else { return [] }
        let found = try db.queryFirst(sql, [match, row.rowid]) { ($0.text(0), $0.optionalText(1), $0.text(2)) }
        var json = JSONBuffer()
        json.object { hit in
            hit.field("type", row.type)
            hit.field("id", found?.0)
            hit.field("snippet", found?.2 ?? "")
            hit.field("source_id", found?.1)
        }
        return json.bytes
    }
}
