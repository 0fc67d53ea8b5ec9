extension Schema {
    /// Version 8 makes the database smaller again (FakeHealth: see BENCHMARKS.md, "Lean ingest, third round"):
    /// - a source keeps no rendered object: it is its own columns (EvidenceAPI's SourceJSON);
    /// - the studies' full-text index reads its values through the view study_texts (external content) instead
    ///   of keeping its own copy, rebuilt here from the rows.
    /// - mentions are keyed by the rowids of their source and concept (mention_rows), named by id through the view
    ///   mentions; a claim's concept links by the rowids of the claim and the concept.
    /// The freed pages are reused by later writes.
    static let toVersion8 = """
        ALTER TABLE sources DROP COLUMN json;
        DROP TABLE studies_fts;
        CREATE VIEW study_texts (rowid, title, name, population, effect, journal, quotes, concepts) AS
            SELECT s.rowid, s.title, s.name, s.population_description, s.effect, s.journal,
                   (SELECT group_concat(quote, ' … ') FROM (
                        SELECT substr(t.text, m.start + 1, m."end" - m.start) AS quote FROM study_mentions m
                        JOIN sources t ON t.id = m.source_id WHERE m.study_id = s.id ORDER BY m.source_id, m.start)),
                   (SELECT group_concat(c.name, ' ; ') FROM study_report_concepts r
                    JOIN concepts c ON c.id = r.concept_id OR c.id = r.form_id WHERE r.study_id = s.id)
            FROM studies s;
        CREATE VIRTUAL TABLE studies_fts USING fts5 (title, name, population, effect, journal, quotes, concepts, content = 'study_texts', tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO studies_fts (studies_fts) VALUES ('rebuild');
        CREATE TABLE mention_rows (
            source_row  INTEGER NOT NULL,
            start       INTEGER NOT NULL,
            concept_row INTEGER NOT NULL,
            "end"       INTEGER NOT NULL,
            fuzzy       INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source_row, start, concept_row)
        ) WITHOUT ROWID;
        INSERT INTO mention_rows (source_row, start, concept_row, "end", fuzzy)
            SELECT s.rowid, m.start, c.rowid, m."end", m.fuzzy FROM mentions m
            JOIN sources s ON s.id = m.source_id JOIN concepts c ON c.id = m.concept_id;
        DROP TABLE mentions;
        CREATE VIEW mentions (source_id, start, concept_id, "end", fuzzy) AS
            SELECT s.id, m.start, c.id, m."end", m.fuzzy FROM mention_rows m
            JOIN sources s ON s.rowid = m.source_row JOIN concepts c ON c.rowid = m.concept_row;
        CREATE TABLE claim_concepts_v8 (
            claim_row   INTEGER NOT NULL,
            role        TEXT NOT NULL CHECK (role IN ('condition', 'intervention')),
            concept_row INTEGER NOT NULL,
            ordinal     INTEGER NOT NULL,
            PRIMARY KEY (claim_row, role, concept_row)
        ) WITHOUT ROWID;
        INSERT INTO claim_concepts_v8 (claim_row, role, concept_row, ordinal)
            SELECT c.rowid, k.role, n.rowid, k.ordinal FROM claim_concepts k
            JOIN claims c ON c.id = k.claim_id JOIN concepts n ON n.id = k.concept_id;
        DROP TABLE claim_concepts;
        ALTER TABLE claim_concepts_v8 RENAME TO claim_concepts;
        """
}
