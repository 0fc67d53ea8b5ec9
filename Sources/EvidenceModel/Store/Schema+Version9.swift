extension Schema {
    /// Version 9 makes the database smaller again (FakeHealth: see BENCHMARKS.md, "Lean ingest, fourth round"):
    /// - the claim concept index is keyed by the rowids of the concept and the claim (claim_concept_rows; the view
    ///   claim_concept_index names them by id). The source id stays text: it is the lists' order.
    /// - the claims' indexes by study and by finding hold only the claims that have one (partial indexes).
    /// The freed pages are reused by later writes.
    static let toVersion9 = """
        CREATE TABLE claim_concept_rows (
            concept_row INTEGER NOT NULL,
            source_id   TEXT NOT NULL,
            start       INTEGER NOT NULL,
            claim_row   INTEGER NOT NULL,
            PRIMARY KEY (concept_row, source_id, start, claim_row)
        ) WITHOUT ROWID;
        INSERT INTO claim_concept_rows (concept_row, source_id, start, claim_row)
            SELECT n.rowid, i.source_id, i.start, c.rowid FROM claim_concept_index i
            JOIN concepts n ON n.id = i.concept_id JOIN claims c ON c.id = i.claim_id;
        DROP TABLE claim_concept_index;
        CREATE VIEW claim_concept_index (concept_id, source_id, start, claim_id) AS
            SELECT n.id, i.source_id, i.start, c.id FROM claim_concept_rows i
            JOIN concepts n ON n.rowid = i.concept_row JOIN claims c ON c.rowid = i.claim_row;
        DROP INDEX claims_study;
        CREATE INDEX claims_study ON claims (study_id, id) WHERE study_id IS NOT NULL;
        DROP INDEX claims_finding;
        CREATE INDEX claims_finding ON claims (finding_id) WHERE finding_id IS NOT NULL;
        """
}
