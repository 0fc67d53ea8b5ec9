import SQLiteDB

/// Gives a file written by this build the tables schema version 6 had (version 7's first, SchemaVersion7Shape;
/// then a claim's text and the quotes stored, the claims' full-text index over the claims themselves, the JSON
/// columns, the claim index's foreign key and its index by claim), so that the tests of the older upgrade steps
/// start from a file shaped as those builds wrote it and go through every step up to this build's.
public enum SchemaVersion6Shape {
    public static func restore(_ db: Database) throws {
        try SchemaVersion7Shape.restore(db)
        try db.execute("""
            ALTER TABLE claims ADD COLUMN text TEXT NOT NULL DEFAULT '';
            UPDATE claims SET text = (SELECT text FROM claim_texts t WHERE t.rowid = claims.rowid);
            DROP TABLE claims_fts;
            DROP VIEW claim_texts;
            CREATE VIRTUAL TABLE claims_fts USING fts5 (text, attributed_to, content = 'claims', tokenize = 'porter unicode61 remove_diacritics 2');
            INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
            ALTER TABLE claims ADD COLUMN json TEXT NOT NULL DEFAULT '{}';
            ALTER TABLE findings ADD COLUMN quote TEXT NOT NULL DEFAULT '';
            UPDATE findings SET quote = substr((SELECT text FROM sources WHERE id = findings.source_id), start + 1, "end" - start);
            ALTER TABLE findings ADD COLUMN json TEXT NOT NULL DEFAULT '{}';
            ALTER TABLE study_mentions ADD COLUMN quote TEXT NOT NULL DEFAULT '';
            UPDATE study_mentions SET quote = substr((SELECT text FROM sources WHERE id = study_mentions.source_id), start + 1, "end" - start);
            ALTER TABLE mentions ADD COLUMN quote TEXT NOT NULL DEFAULT '';
            UPDATE mentions SET quote = substr((SELECT text FROM sources WHERE id = mentions.source_id), start + 1, "end" - start);
            CREATE TABLE claim_concept_index_v6 (
                concept_id TEXT NOT NULL,
                source_id  TEXT NOT NULL,
                start      INTEGER NOT NULL,
                claim_id   TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
                PRIMARY KEY (concept_id, source_id, start, claim_id)
            ) WITHOUT ROWID;
            INSERT INTO claim_concept_index_v6 SELECT * FROM claim_concept_index;
            DROP TABLE claim_concept_index;
            ALTER TABLE claim_concept_index_v6 RENAME TO claim_concept_index;
            CREATE INDEX claim_concept_index_claim ON claim_concept_index (claim_id);
            PRAGMA user_version = 6;
            """)
    }
}
