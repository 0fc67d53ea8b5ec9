import SQLiteDB

/// Gives a file written by this build the tables schema version 8 had: the claim concept index keyed by the ids of
/// the concept and the claim, and the claims' indexes by study and by finding over every claim. Version 8's own
/// SQL, so that an upgraded file can be compared with what version 8 held.
public enum SchemaVersion8Shape {
    public static func restore(_ db: Database) throws {
        try db.execute("""
            CREATE TABLE claim_concept_index_v8 (
                concept_id TEXT NOT NULL,
                source_id  TEXT NOT NULL,
                start      INTEGER NOT NULL,
                claim_id   TEXT NOT NULL,
                PRIMARY KEY (concept_id, source_id, start, claim_id)
            ) WITHOUT ROWID;
            INSERT INTO claim_concept_index_v8 SELECT concept_id, source_id, start, claim_id FROM claim_concept_index;
            DROP VIEW claim_concept_index;
            DROP TABLE claim_concept_rows;
            ALTER TABLE claim_concept_index_v8 RENAME TO claim_concept_index;
            DROP INDEX claims_study;
            CREATE INDEX claims_study ON claims (study_id, id);
            DROP INDEX claims_finding;
            CREATE INDEX claims_finding ON claims (finding_id);
            PRAGMA user_version = 8;
            """)
    }
}
