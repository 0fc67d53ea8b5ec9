import SQLiteDB

/// Rows whose full-text entries must be written before the transaction commits.
///
/// FTS5 writes its pending index to disk whenever a statement of the same transaction opens a statement
/// journal, which most of a document's INSERT OR IGNOREs and UPDATEs do: writing the full-text rows as the
/// document goes made one tiny segment per statement, and merging them was most of the cost of storing.
/// So the store only notes the rowids it touched and indexes them in one pass at the end.
///
/// The sources, claims and comments full-text tables have external content (schema version 5): they index
/// their row's own columns and keep no copy of the text. Such a table must be told the exact values it indexed
/// to forget a row, so a row leaves the index (`unindex`) while it still holds them, before it is deleted;
/// their rows never change their indexed columns once written. The studies table indexes values gathered from
/// several tables (quotes, concept names) and keeps its own copy, from which it deletes at flush time.
struct FullTextQueue {
    enum Table: CaseIterable {
        case sources, studies, claims, comments

        /// True for the external-content tables, which read their text from the indexed row itself.
        var isExternalContent: Bool { self != .studies }

        /// Removes the entries of the queued rowids: FTS5 finds the old terms in its own copy of the row.
        /// Only for the table with content of its own.
        var deleteSQL: String {
            "DELETE FROM studies_fts WHERE rowid IN (SELECT value FROM json_each(?))"
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
                           (SELECT group_concat(quote, ' … ') FROM (
                                SELECT substr(t.text, m.start + 1, m."end" - m.start) AS quote FROM study_mentions m
                                JOIN sources t ON t.id = m.source_id WHERE m.study_id = s.id ORDER BY m.source_id, m.start)),
                           (SELECT group_concat(c.name, ' ; ') FROM study_report_concepts r
                            JOIN concepts c ON c.id = r.concept_id OR c.id = r.form_id WHERE r.study_id = s.id)
                    FROM studies s WHERE s.rowid IN (SELECT value FROM json_each(?))
                    """
            case .claims:
                return """
                    INSERT INTO claims_fts (rowid, text, attributed_to)
                    SELECT rowid, text, attributed_to FROM claim_texts WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            case .comments:
                return """
                    INSERT INTO comments_fts (rowid, author, text)
                    SELECT rowid, author, text FROM comments WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            }
        }

        /// Removes the entries of rows that are still as they were indexed (external content: the 'delete'
        /// command with the row's current values).
        var unindexSQL: String {
            switch self {
            case .sources:
                return """
                    INSERT INTO sources_fts (sources_fts, rowid, title, author, publisher, text)
                    SELECT 'delete', rowid, title, author, publisher, text FROM sources WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            case .studies: return deleteSQL
            case .claims:
                return """
                    INSERT INTO claims_fts (claims_fts, rowid, text, attributed_to)
                    SELECT 'delete', rowid, text, attributed_to FROM claim_texts WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            case .comments:
                return """
                    INSERT INTO comments_fts (comments_fts, rowid, author, text)
                    SELECT 'delete', rowid, author, text FROM comments WHERE rowid IN (SELECT value FROM json_each(?))
                    """
            }
        }
    }

    /// For the studies: rows whose entries are rewritten. For the external-content tables: rows inserted in
    /// this transaction and not indexed yet.
    private var rowids: [Table: Set<Int64>] = [:]

    var isEmpty: Bool { rowids.values.allSatisfy(\.isEmpty) }

    mutating func add(_ table: Table, _ rowid: Int64) {
        rowids[table, default: []].insert(rowid)
    }

    mutating func add(_ table: Table, _ more: [Int64]) {
        rowids[table, default: []].formUnion(more)
    }

    /// Takes rows that are about to be deleted out of an external-content index. Call while they still hold
    /// the values they were indexed with. A row still waiting in the queue was never indexed: it only leaves
    /// the queue.
    mutating func unindex(_ table: Table, _ rows: [Int64], in db: Database) throws {
        guard table.isExternalContent else { return add(table, rows) }
        var indexed: [Int64] = []
        for row in rows where rowids[table]?.remove(row) == nil { indexed.append(row) }
        guard !indexed.isEmpty else { return }
        try db.run(table.unindexSQL, [Self.list(indexed)])
    }

    mutating func removeAll() { rowids.removeAll() }

    /// Writes the queued entries and empties the queue. Call inside the transaction that made the changes.
    mutating func flush(to db: Database) throws {
        for table in Table.allCases {
            guard let queued = rowids[table], !queued.isEmpty else { continue }
            let list = Self.list(queued.sorted())
            if !table.isExternalContent { try db.run(table.deleteSQL, [list]) }
            try db.run(table.insertSQL, [list])
        }
        rowids.removeAll()
    }

    private static func list(_ rows: [Int64]) -> String {
        "[" + rows.map(String.init).joined(separator: ",") + "]"
    }
}
