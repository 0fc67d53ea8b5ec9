import SQLiteDB

/// Rows whose full-text entries must be rewritten before the transaction commits.
///
/// FTS5 writes its pending index to disk whenever a statement of the same transaction opens a statement
/// journal, which most of a document's INSERT OR IGNOREs and UPDATEs do: writing the full-text rows as the
/// document goes made one tiny segment per statement, and merging them was most of the cost of storing.
/// So the store only notes the rowids it touched and rewrites their entries in one pass at the end.
struct FullTextQueue {
    enum Table: CaseIterable {
        case sources, studies, claims, comments

        /// Removes the entries of the queued rowids: FTS5 finds the old terms in its own copy of the row.
        var deleteSQL: String {
            switch self {
            case .sources: return "DELETE FROM sources_fts WHERE rowid IN (SELECT value FROM json_each(?))"
            case .studies: return "DELETE FROM studies_fts WHERE rowid IN (SELECT value FROM json_each(?))"
            case .claims: return "DELETE FROM claims_fts WHERE rowid IN (SELECT value FROM json_each(?))"
            case .comments: return "DELETE FROM comments_fts WHERE rowid IN (SELECT value FROM json_each(?))"
            }
        }

        /// Indexes the queued rowids that still exist, as they are now.
        var insertSQL: String {
            switch self {
            case .sources:
                return """
                    INSERT INTO sources_fts (rowid, title, author, publisher, text)
                    SELECT rowid, title, author, publisher, text FROM sources WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            case .studies:
                return """
                    INSERT INTO studies_fts (rowid, title, name, population, effect, journal, quotes, concepts)
                    SELECT s.rowid, s.title, s.name, s.population_description, s.effect, s.journal,
                           (SELECT group_concat(quote, ' … ') FROM study_mentions m WHERE m.study_id = s.id),
                           (SELECT group_concat(c.name, ' ; ') FROM study_report_concepts r
                            JOIN concepts c ON c.id = r.concept_id OR c.id = r.form_id WHERE r.study_id = s.id)
                    FROM studies s WHERE s.rowid IN (SELECT value FROM json_each(?))
                    """
            case .claims:
                return """
                    INSERT INTO claims_fts (rowid, text, attributed_to)
                    SELECT rowid, text, attributed_to FROM claims WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            case .comments:
                return """
                    INSERT INTO comments_fts (rowid, author, text)
                    SELECT rowid, author, text FROM comments WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            }
        }
    }

    private var rowids: [Table: Set<Int64>] = [:]

    var isEmpty: Bool { rowids.values.allSatisfy(\.isEmpty) }

    mutating func add(_ table: Table, _ rowid: Int64) {
        rowids[table, default: []].insert(rowid)
    }

    mutating func add(_ table: Table, _ more: [Int64]) {
        rowids[table, default: []].formUnion(more)
    }

    mutating func removeAll() { rowids.removeAll() }

    /// Rewrites the queued entries and empties the queue. Call inside the transaction that made the changes.
    mutating func flush(to db: Database) throws {
        for table in Table.allCases {
            guard let queued = rowids[table], !queued.isEmpty else { continue }
            let list = "[" + queued.sorted().map(String.init).joined(separator: ",") + "]"
            try db.run(table.deleteSQL, [list])
            try db.run(table.insertSQL, [list])
        }
        rowids.removeAll()
    }
}
