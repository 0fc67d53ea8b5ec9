import SQLiteDB

/// Gives a file written by this build the tables schema version 7 had (version 8's first, SchemaVersion8Shape):
/// each source's rendered object stored, each study's object stored whole (its findings and mentions included),
/// the studies' full-text index with its own copy of what it indexes, and the mentions and a claim's concepts keyed
/// by ids. The SQL is version 7's own (RenderedJSON and FullTextQueue of that build), so that an upgraded file can
/// be compared with what version 7 served.
public enum SchemaVersion7Shape {
    public static func restore(_ db: Database) throws {
        try SchemaVersion8Shape.restore(db)
        try db.execute("""
            ALTER TABLE sources ADD COLUMN json TEXT NOT NULL DEFAULT '{}';
            DROP TABLE studies_fts;
            DROP VIEW study_texts;
            CREATE VIRTUAL TABLE studies_fts USING fts5 (title, name, population, effect, journal, quotes, concepts, tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE TABLE mentions_v7 (
                source_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                start      INTEGER NOT NULL,
                concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
                "end"      INTEGER NOT NULL,
                fuzzy      INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (source_id, start, concept_id)
            ) WITHOUT ROWID;
            INSERT INTO mentions_v7 (source_id, start, concept_id, "end", fuzzy) SELECT source_id, start, concept_id, "end", fuzzy FROM mentions;
            DROP VIEW mentions;
            DROP TABLE mention_rows;
            ALTER TABLE mentions_v7 RENAME TO mentions;
            CREATE TABLE claim_concepts_v7 (
                claim_id   TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
                role       TEXT NOT NULL CHECK (role IN ('condition', 'intervention')),
                concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
                ordinal    INTEGER NOT NULL,
                PRIMARY KEY (claim_id, role, concept_id)
            ) WITHOUT ROWID;
            INSERT INTO claim_concepts_v7 (claim_id, role, concept_id, ordinal)
                SELECT c.id, k.role, n.id, k.ordinal FROM claim_concepts k
                JOIN claims c ON c.rowid = k.claim_row JOIN concepts n ON n.rowid = k.concept_row;
            DROP TABLE claim_concepts;
            ALTER TABLE claim_concepts_v7 RENAME TO claim_concepts;
            """)
        try db.execute(sourceJSON)
        try db.execute(studyJSON)
        try db.execute(studiesFullText)
        try db.execute("PRAGMA user_version = 7")
    }

    static let sourceJSON = """
        UPDATE sources SET json = json_object(
            'id', id, 'file', file, 'kind', kind, 'title', title, 'published', published, 'author', author,
            'publisher', publisher, 'industry_sponsored', json(CASE WHEN industry_sponsored THEN 'true' ELSE 'false' END),
            'sponsor_evidence', sponsor_evidence, 'sha256', sha256, 'ingested_at', ingested_at,
            'counts', json_object('studies', study_count, 'claims', claim_count, 'comments', comment_count))
        """

    static let studyJSON = """
        UPDATE studies SET json = json_object(
            'id', id, 'title', title, 'name', name, 'design', design, 'evidence_level', evidence_level, 'species', species,
            'population', json_object('description', population_description, 'size', population_size),
            'conditions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name)) FROM (
                    SELECT concept_id, min(ordinal) AS position, min(source_id) AS first_source FROM study_report_concepts
                    WHERE study_id = studies.id AND role = 'condition' GROUP BY concept_id ORDER BY first_source, position
                ) r JOIN concepts c ON c.id = r.concept_id), '[]')),
            'interventions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name, 'form', f.name,
                    'role', (SELECT d.study_role FROM study_report_concepts d
                             WHERE d.study_id = studies.id AND d.role = 'intervention' AND d.concept_id = r.concept_id
                             ORDER BY CASE coalesce(d.study_role, 'studied') WHEN 'studied' THEN 0 WHEN 'inducer' THEN 1
                                      WHEN 'comparator' THEN 2 WHEN 'co_intervention' THEN 3 ELSE 4 END LIMIT 1),
                    'dose', json((SELECT json_object('text', d.dose_text, 'mcg_per_day', d.mcg_per_day,
                                                     'source_id', d.source_id, 'start', d.dose_start, 'end', d.dose_end)
                                  FROM study_report_concepts d
                                  WHERE d.study_id = studies.id AND d.role = 'intervention' AND d.concept_id = r.concept_id
                                    AND d.dose_text IS NOT NULL
                                  ORDER BY d.source_id LIMIT 1)))) FROM (
                    SELECT concept_id, min(source_id) AS first_source, min(ordinal) AS position, max(form_id) AS form_id
                    FROM study_report_concepts
                    WHERE study_id = studies.id AND role = 'intervention' GROUP BY concept_id ORDER BY first_source, position
                ) r JOIN concepts c ON c.id = r.concept_id LEFT JOIN concepts f ON f.id = r.form_id), '[]')),
            'comparator', comparator,
            'duration', json((SELECT json_object('text', r.duration_text, 'days', r.duration_days, 'source_id', r.source_id,
                                                 'start', r.duration_start, 'end', r.duration_end)
                              FROM study_reports r WHERE r.study_id = studies.id AND r.duration_text IS NOT NULL
                              ORDER BY r.rowid LIMIT 1)),
            'direction', direction, 'effect', effect,
            'findings', json(coalesce((
                SELECT json_group_array(json_object(
                    'id', f.id,
                    'intervention', json_object('id', f.intervention_id,
                                                'name', (SELECT name FROM concepts WHERE id = f.intervention_id),
                                                'form', (SELECT name FROM concepts WHERE id = f.form_id)),
                    'arm', f.arm,
                    'outcome', json_object('id', f.outcome_id, 'name', (SELECT name FROM concepts WHERE id = f.outcome_id)),
                    'direction', f.direction, 'effect', f.effect,
                    'hedged', json(CASE WHEN f.hedged THEN 'true' ELSE 'false' END),
                    'source_id', f.source_id, 'start', f.start, 'end', f."end",
                    'quote', (SELECT substr(t.text, f.start + 1, f."end" - f.start) FROM sources t WHERE t.id = f.source_id)))
                FROM (SELECT * FROM findings WHERE study_id = studies.id ORDER BY source_id, ordinal) f), '[]')),
            'publication', json_object('journal', journal, 'year', year),
            'mentions', json(coalesce((
                SELECT json_group_array(json_object('source_id', source_id, 'start', start, 'end', "end", 'quote', quote))
                FROM (SELECT m.source_id, m.start, m."end", substr(t.text, m.start + 1, m."end" - m.start) AS quote
                      FROM study_mentions m JOIN sources t ON t.id = m.source_id
                      WHERE m.study_id = studies.id ORDER BY m.source_id, m.start)), '[]')))
        """

    static let studiesFullText = """
        INSERT INTO studies_fts (rowid, title, name, population, effect, journal, quotes, concepts)
        SELECT s.rowid, s.title, s.name, s.population_description, s.effect, s.journal,
               (SELECT group_concat(quote, ' … ') FROM (
                    SELECT substr(t.text, m.start + 1, m."end" - m.start) AS quote FROM study_mentions m
                    JOIN sources t ON t.id = m.source_id WHERE m.study_id = s.id ORDER BY m.source_id, m.start)),
               (SELECT group_concat(c.name, ' ; ') FROM study_report_concepts r
                JOIN concepts c ON c.id = r.concept_id OR c.id = r.form_id WHERE r.study_id = s.id)
        FROM studies s
        """
}
