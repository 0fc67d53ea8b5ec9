import SQLiteDB

/// Checks an external-content full-text index against its rows. FTS5's own 'integrity-check' (SQLite 3.40)
/// does not compare such an index with its content table, so this builds a fresh index of the rows and
/// compares every token instance (term, row, column, offset) of the two.
enum FullTextCheck {
    static let externalTables: [(index: String, columns: String, rows: String)] = [
        ("sources_fts", "title, author, publisher, text", "sources"),
        ("claims_fts", "text, attributed_to", "claim_texts"),
        ("comments_fts", "author, text", "comments"),
        ("studies_fts", "title, name, population, effect, journal, quotes, concepts", "study_texts"),
    ]

    /// Token instances in one index and not in the other; empty when the index is exactly its rows'.
    static func differences(_ db: Database, index: String, columns: String, rows: String) throws -> [String] {
        // Names come from `externalTables`, never from input.
        try db.execute("""
            DROP TABLE IF EXISTS temp.index_vocab;
            DROP TABLE IF EXISTS temp.reference_vocab;
            DROP TABLE IF EXISTS temp.reference_fts;
            CREATE VIRTUAL TABLE temp.reference_fts USING fts5 (\(columns), tokenize = 'porter unicode61 remove_diacritics 2');
            INSERT INTO temp.reference_fts (rowid, \(columns)) SELECT rowid, \(columns) FROM main.\(rows);
            CREATE VIRTUAL TABLE temp.reference_vocab USING fts5vocab (temp, reference_fts, instance);
            CREATE VIRTUAL TABLE temp.index_vocab USING fts5vocab (main, \(index), instance);
            """)
        let instance = "term || ' row ' || doc || ' column ' || col || ' at ' || offset"
        return try db.query("""
            SELECT 'only in \(index): ' || \(instance) FROM (SELECT * FROM temp.index_vocab EXCEPT SELECT * FROM temp.reference_vocab)
            UNION ALL
            SELECT 'missing from \(index): ' || \(instance) FROM (SELECT * FROM temp.reference_vocab EXCEPT SELECT * FROM temp.index_vocab)
            LIMIT 20
            """) { $0.text(0) }
    }

    /// The differences of every external-content index of the store.
    static func allDifferences(_ db: Database) throws -> [String] {
        try externalTables.flatMap { try differences(db, index: $0.index, columns: $0.columns, rows: $0.rows) }
    }
}
