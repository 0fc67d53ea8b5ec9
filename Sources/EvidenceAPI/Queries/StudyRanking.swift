import SQLiteDB

/// Whether a `q` on /v1/studies is ranked in its default order. The rule is /v1/search's (`SearchRoute`,
/// `Services.searchRankLimit`): a `q` matching at most that many studies is ranked, best first; a commoner one
/// is listed newest first, because FTS5 scores every match to rank (at a million studies, "agatston" matched
/// 259,734 of them, and the first page cost 1.2 s; newest first, FTS5 walks its index backwards and stops after
/// the page: 0.1 ms).
enum StudyRanking {
    /// The value of meta.order for each of the two orders.
    static let ranked = "relevance", recent = "recent"

    /// True when `match` has more than `limit` studies; reads at most limit + 1 entries of the full-text index.
    static func isTooCommonToRank(_ match: String, limit: Int, db: Database) throws -> Bool {
        let found = try db.queryFirst("""
            SELECT count(*) FROM (SELECT 1 FROM studies_fts WHERE studies_fts MATCH ? LIMIT ?)
            """, [match, limit + 1]) { $0.int(0) } ?? 0
        return found > limit
    }
}
