import SQLiteDB

/// Rows whose full-text entries must be written before the transaction commits.
///
/// FTS5 writes its pending index to disk whenever a statement of the same transaction opens a statement
/// journal, which most of a document's INSERT OR IGNOREs and UPDATEs do: writing the full-text rows as the
/// document goes made one tiny segment per statement, and merging them was most of the cost of storing.
/// So the store only notes the rowids it touched and indexes them in one pass at the end.
///
/// Every full-text table has external content (sources, claims and comments since schema version 5, studies since
/// version 8): it indexes values read from the rows (a claim's text through the view claim_texts, a study's
/// title, quotes and concept names through study_texts) and keeps no copy of them. Such a table must be told the
/// exact values it indexed to forget a row, so a row leaves the index while it still holds them: before it is
/// deleted (`unindex`) or, for a study, before anything its indexed values are gathered from changes (`reindex`:
/// its reports, mentions or merged columns; the store calls it before touching them).
struct FullTextQueue {
    enum Table: CaseIterable {
        case sources, studies, claims, comments

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
                    SELECT rowid, title, name, population, effect, journal, quotes, concepts
                    FROM study_texts WHERE rowid IN (SELECT value FROM json_each(?))
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
            case .studies:
                return """
                    INSERT INTO studies_fts (studies_fts, rowid, title, name, population, effect, journal, quotes, concepts)
                    SELECT 'delete', rowid, title, name, population, effect, journal, quotes, concepts
                    FROM study_texts WHERE rowid IN (SELECT value FROM json_each(?))
                    """
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

    /// Rows that are not in their index now and are indexed, as they are then, at `flush`: rows inserted in this
    /// transaction, and studies taken out by `reindex`.
    private var rowids: [Table: Set<Int64>] = [:]

    var isEmpty: Bool { rowids.values.allSatisfy(\.isEmpty) }

    /// Queues rows that were never indexed (new rows).
    mutating func add(_ table: Table, _ rowid: Int64) {
        rowids[table, default: []].insert(rowid)
    }

    mutating func add(_ table: Table, _ more: [Int64]) {
        rowids[table, default: []].formUnion(more)
    }

    /// Takes rows that are about to be deleted out of their index. Call while they still hold the values they
    /// were indexed with. A row still waiting in the queue was never indexed: it only leaves the queue.
    mutating func unindex(_ table: Table, _ rows: [Int64], in db: Database) throws {
        var indexed: [Int64] = []
        for row in rows where rowids[table]?.remove(row) == nil { indexed.append(row) }
        guard !indexed.isEmpty else { return }
        try db.run(table.unindexSQL, [Self.list(indexed)])
    }

    /// Takes rows whose indexed values are about to change out of their index, while they still hold the old
    /// values, and queues them to be indexed as they will be at `flush`. Rows already queued are out already.
    mutating func reindex(_ table: Table, _ rows: [Int64], in db: Database) throws {
        var indexed: [Int64] = []
        for row in rows where rowids[table, default: []].insert(row).inserted { indexed.append(row) }
        guard !indexed.isEmpty else { return }
        try db.run(table.unindexSQL, [Self.list(indexed)])
    }

    mutating func removeAll() { rowids.removeAll() }

    /// Writes the queued entries and empties the queue. Call inside the transaction that made the changes.
    mutating func flush(to db: Database) throws {
        for table in Table.allCases {
            guard let queued = rowids[table], !queued.isEmpty else { continue }
            try db.run(table.insertSQL, [Self.list(queued.sorted())])
        }
        rowids.removeAll()
    }

    private static func list(_ rows: [Int64]) -> String {
        "[" + rows.map(String.init).joined(separator: ",") + "]"
    }
}
