import SQLiteDB

/// GET /v1/search: studies, claims, comments and sources together, best matches first, each with a snippet.
enum SearchRoute {
    /// One FTS5 query per table, ranked together by bm25. Snippets mark the matched words with « ».
    static let union = """
        FROM (
            SELECT 'study' AS type, s.id AS id, snippet(studies_fts, -1, '«', '»', '…', 12) AS snippet,
                   (SELECT min(source_id) FROM study_mentions m WHERE m.study_id = s.id) AS source_id, f.rank AS rank
            FROM studies_fts f JOIN studies s ON s.rowid = f.rowid WHERE studies_fts MATCH ?1
            UNION ALL
            SELECT 'claim', c.id, snippet(claims_fts, -1, '«', '»', '…', 12), c.source_id, f.rank
            FROM claims_fts f JOIN claims c ON c.rowid = f.rowid WHERE claims_fts MATCH ?1
            UNION ALL
            SELECT 'comment', m.id, snippet(comments_fts, -1, '«', '»', '…', 12), m.source_id, f.rank
            FROM comments_fts f JOIN comments m ON m.rowid = f.rowid WHERE comments_fts MATCH ?1
            UNION ALL
            SELECT 'source', s.id, snippet(sources_fts, -1, '«', '»', '…', 12), s.id, f.rank
            FROM sources_fts f JOIN sources s ON s.rowid = f.rowid WHERE sources_fts MATCH ?1
        ) hits
        """

    static let route = Route(
        path: "/v1/search", summary: "Full-text search across studies, claims, comments and sources, with snippets.",
        parameters: [ParameterSpec(name: "q", kind: .text, description: "What to search for: plain words, \"quoted phrases\", prefix* and OR.",
                                   required: true, pattern: "[A-Za-z0-9]"),
                     .limit, .cursor, .format],
        isList: true, schema: "SearchHit"
    ) { context in
        try context.services.pool.read { db in
            let match = try FullTextQuery.compile(context.parameters["q"] ?? "")
            var query = ListQuery(from: union, order: ["hits.rank", "hits.type", "hits.id"],
                                  json: "json_object('type', hits.type, 'id', hits.id, 'snippet', hits.snippet, 'source_id', hits.source_id)")
            query.fromValues = [match]
            return try query.respond(context, db: db)
        }
    }
}
