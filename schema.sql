-- The evidence schema. Applied by `evidence` itself (see Sources/Ingest/Storing/Schema.swift), which records
-- the version in PRAGMA user_version and upgrades older files step by step.
-- In WITHOUT ROWID tables the primary-key columns come first: SQLite 3.40's integrity_check misreports
-- NOT NULL columns declared between key columns (seen with Debian 12's 3.40.1).
-- Every fact carries its provenance: the source it came from, its offsets (Unicode scalars, end exclusive)
-- and the quote.

-- The lexicon, copied from lexicon/concepts.json at ingest so that the API can serve and expand it.
CREATE TABLE concepts (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL CHECK (type IN ('condition', 'intervention', 'species')),
    name        TEXT NOT NULL,
    is_form     INTEGER NOT NULL DEFAULT 0 CHECK (is_form IN (0, 1)),
    study_count INTEGER NOT NULL DEFAULT 0,   -- studies of this concept or a narrower one
    claim_count INTEGER NOT NULL DEFAULT 0,
    finding_count INTEGER NOT NULL DEFAULT 0   -- findings of this concept or a narrower one (outcome, intervention or form)
);
CREATE INDEX concepts_type ON concepts (type, id);

-- Every name a concept goes by, with its lower-cased key for case-insensitive lookup.
CREATE TABLE concept_terms (
    concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    term_key   TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('name', 'synonym', 'abbreviation', 'misspelling', 'brand')),
    term       TEXT NOT NULL,
    PRIMARY KEY (concept_id, term_key, kind)
) WITHOUT ROWID;
CREATE INDEX concept_terms_key ON concept_terms (term_key, concept_id);

CREATE TABLE concept_links (
    broader_id  TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    narrower_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    PRIMARY KEY (broader_id, narrower_id)
) WITHOUT ROWID;
CREATE INDEX concept_links_narrower ON concept_links (narrower_id, broader_id);

-- The transitive closure of concept_links, each concept also its own ancestor at depth 0.
CREATE TABLE concept_closure (
    ancestor_id   TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    descendant_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    depth         INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
) WITHOUT ROWID;
CREATE INDEX concept_closure_descendant ON concept_closure (descendant_id, ancestor_id);

-- One row per document. Its identity is its file name; its version the SHA-256 of its bytes.
CREATE TABLE sources (
    id                 TEXT PRIMARY KEY,
    file               TEXT NOT NULL UNIQUE,
    kind               TEXT NOT NULL CHECK (kind IN ('news_article', 'press_release', 'medical_qa', 'blog_post',
                                                     'abstract', 'forum_thread', 'other')),
    title              TEXT,
    published          TEXT,
    author             TEXT,
    publisher          TEXT,
    industry_sponsored INTEGER NOT NULL CHECK (industry_sponsored IN (0, 1)),
    sponsor_evidence   TEXT,
    sha256             TEXT NOT NULL,
    ingested_at        TEXT NOT NULL,
    text               TEXT NOT NULL,
    study_count        INTEGER NOT NULL DEFAULT 0,
    claim_count        INTEGER NOT NULL DEFAULT 0,
    comment_count      INTEGER NOT NULL DEFAULT 0
);
-- A source's API object is its own columns, rendered when it is read (schema version 8).
CREATE INDEX sources_kind ON sources (kind, id);

-- Regions of each source (body, references, comments, furniture...), for provenance and debugging.
CREATE TABLE regions (
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    "end"     INTEGER NOT NULL,
    PRIMARY KEY (source_id, start)
) WITHOUT ROWID;

-- Every place a concept is named, outside page furniture. Keyed by the rowids of the source and the concept
-- (schema version 8): the ids took two thirds of each row. No foreign keys: the store deletes a source's rows
-- itself; concepts are never deleted. The view mentions names them by id.
CREATE TABLE mention_rows (
    source_row  INTEGER NOT NULL,   -- sources.rowid
    start       INTEGER NOT NULL,
    concept_row INTEGER NOT NULL,   -- concepts.rowid
    "end"       INTEGER NOT NULL,
    fuzzy       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source_row, start, concept_row)
) WITHOUT ROWID;
CREATE VIEW mentions (source_id, start, concept_id, "end", fuzzy) AS
    SELECT s.id, m.start, c.id, m."end", m.fuzzy FROM mention_rows m
    JOIN sources s ON s.rowid = m.source_row JOIN concepts c ON c.rowid = m.concept_row;
-- The quote is the source's text between start and end; it is not stored twice (schema version 7).
-- No index by concept: no query of the API reads mentions by concept (schema version 5 dropped it).

-- A study, merged over every source that reports it (see study_reports). The id derives from identity_key.
CREATE TABLE studies (
    id                     TEXT PRIMARY KEY,
    identity_key           TEXT NOT NULL UNIQUE,
    title                  TEXT,
    name                   TEXT,
    design                 TEXT NOT NULL,
    evidence_level         INTEGER,
    species                TEXT,
    population_description TEXT,
    population_size        INTEGER,
    comparator             TEXT,
    duration_text          TEXT,
    duration_days          REAL,
    direction              TEXT NOT NULL,
    effect                 TEXT,
    journal                TEXT,
    year                   INTEGER,
    json                   TEXT NOT NULL DEFAULT '{}'   -- the API object, rendered whenever a report changes
);
CREATE INDEX studies_design ON studies (design, id);
CREATE INDEX studies_direction ON studies (direction, id);
CREATE INDEX studies_species ON studies (species, id);
CREATE INDEX studies_year ON studies (year, id);
CREATE INDEX studies_year_asc ON studies (coalesce(year, 9999), id);
CREATE INDEX studies_year_desc ON studies (coalesce(year, -1), id);
CREATE INDEX studies_level ON studies (coalesce(evidence_level, 9), id);

-- What one source says about one study. The studies row is the merge of its reports, so that removing or
-- replacing a source removes exactly its contribution.
CREATE TABLE study_reports (
    study_id               TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    source_id              TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    ordinal                INTEGER NOT NULL,
    title                  TEXT,
    name                   TEXT,
    design                 TEXT NOT NULL CHECK (design IN ('case_report', 'case_series', 'rct', 'controlled_trial',
                               'single_arm_trial', 'cohort', 'case_control', 'cross_sectional', 'animal', 'in_vitro',
                               'review', 'meta_analysis', 'guideline', 'unspecified_trials', 'unspecified')),
    evidence_level         INTEGER CHECK (evidence_level BETWEEN 1 AND 5),
    species                TEXT,
    population_description TEXT,
    population_size        INTEGER,
    comparator             TEXT,
    duration_text          TEXT,
    duration_days          REAL,
    duration_start         INTEGER,   -- where this source states the duration
    duration_end           INTEGER,
    direction              TEXT NOT NULL CHECK (direction IN ('benefit', 'no_effect', 'harm', 'mixed', 'unclear')),
    effect                 TEXT,
    journal                TEXT,
    year                   INTEGER,
    PRIMARY KEY (study_id, source_id)
);
CREATE INDEX study_reports_source ON study_reports (source_id);

CREATE TABLE study_mentions (
    study_id  TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    PRIMARY KEY (study_id, source_id, start)
) WITHOUT ROWID;
-- The quote of a study mention, of a finding and a claim's text are the source's text between start and end,
-- read with substr (offsets count Unicode scalars, as SQLite's substr counts characters); not stored twice
-- (schema version 7).
CREATE INDEX study_mentions_source ON study_mentions (source_id, study_id);

-- The conditions and interventions each source gives a study, as written (direct links only).
CREATE TABLE study_report_concepts (
    study_id     TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    source_id    TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('condition', 'intervention')),
    concept_id   TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    form_id      TEXT REFERENCES concepts (id) ON DELETE SET NULL,
    dose_text    TEXT,
    mcg_per_day  REAL,
    dose_start   INTEGER,
    dose_end     INTEGER,
    ordinal      INTEGER NOT NULL,
    -- For an intervention: what it is to the study (studied, comparator, co_intervention, inducer, mentioned).
    study_role   TEXT CHECK (study_role IN ('studied', 'comparator', 'co_intervention', 'inducer', 'mentioned')),
    PRIMARY KEY (study_id, source_id, role, concept_id)
) WITHOUT ROWID;
CREATE INDEX study_report_concepts_source ON study_report_concepts (source_id);

-- Derived index for filtering: a study is linked to each of its concepts and to all their broader concepts,
-- so that `condition=vascular calcification` is one index range. Rebuilt whenever a study's reports change.
CREATE TABLE study_concept_index (
    concept_id TEXT NOT NULL,
    study_id   TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    PRIMARY KEY (concept_id, study_id)
) WITHOUT ROWID;
CREATE INDEX study_concept_index_study ON study_concept_index (study_id);

-- What one source reports a study found for one studied intervention (or arm) on one outcome condition.
CREATE TABLE findings (
    id              TEXT PRIMARY KEY,
    study_id        TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    source_id       TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    intervention_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    form_id         TEXT REFERENCES concepts (id) ON DELETE SET NULL,
    arm             TEXT,
    outcome_id      TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    direction       TEXT NOT NULL CHECK (direction IN ('benefit', 'no_effect', 'harm', 'mixed', 'unclear')),
    effect          TEXT,
    hedged          INTEGER NOT NULL CHECK (hedged IN (0, 1)),
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL
);
-- A finding's API object is rendered when it is read (schema version 7 dropped the stored copy).
CREATE INDEX findings_study ON findings (study_id, id);
CREATE INDEX findings_source ON findings (source_id, id);
CREATE INDEX findings_direction ON findings (direction, id);

-- Findings linked to their intervention, form and outcome and to all their broader concepts (see
-- study_concept_index), in id order within a concept: the list's order.
CREATE TABLE finding_concept_index (
    concept_id TEXT NOT NULL,
    finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    PRIMARY KEY (concept_id, finding_id)
) WITHOUT ROWID;
CREATE INDEX finding_concept_index_finding ON finding_concept_index (finding_id);

-- Findings counted per (outcome condition or broader, intervention or form or broader): the total of
-- /v1/findings?condition=…&intervention=… (a matrix row's link), kept by the store as findings come and go.
CREATE TABLE finding_pair_counts (
    condition_id    TEXT NOT NULL,
    intervention_id TEXT NOT NULL,
    findings        INTEGER NOT NULL,
    PRIMARY KEY (condition_id, intervention_id)
) WITHOUT ROWID;

-- The evidence matrix, kept up to date as studies change: one cell per (outcome condition or broader condition,
-- studied intervention or broader intervention, study), built from the study's findings, with the direction of
-- its findings for that pair (mixed when they disagree); and the counts of cells by design, direction and level, so that
-- /v1/conditions/{id}/evidence reads a few rows however many studies there are.
CREATE TABLE evidence_cells (
    condition_id    TEXT NOT NULL,
    intervention_id TEXT NOT NULL,
    study_id        TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    design          TEXT NOT NULL,
    direction       TEXT NOT NULL,
    evidence_level  INTEGER,
    PRIMARY KEY (condition_id, intervention_id, study_id)
) WITHOUT ROWID;
CREATE INDEX evidence_cells_study ON evidence_cells (study_id);

CREATE TABLE evidence_counts (
    condition_id    TEXT NOT NULL,
    intervention_id TEXT NOT NULL,
    design          TEXT NOT NULL,
    direction       TEXT NOT NULL,
    level           INTEGER NOT NULL,   -- evidence level, 9 when unknown
    studies         INTEGER NOT NULL,
    PRIMARY KEY (condition_id, intervention_id, design, direction, level)
) WITHOUT ROWID;

CREATE TABLE claims (
    id            TEXT PRIMARY KEY,
    source_id     TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('efficacy', 'safety', 'mechanism', 'dosage', 'interaction',
                                                'recommendation', 'epidemiology', 'other')),
    hedged        INTEGER NOT NULL CHECK (hedged IN (0, 1)),
    attributed_to TEXT,
    study_id      TEXT REFERENCES studies (id) ON DELETE SET NULL,
    finding_id    TEXT REFERENCES findings (id) ON DELETE SET NULL   -- the finding the claim reports, if one
);
-- A claim's API object is rendered when it is read: stored, it was more than half of this table (schema 7).
CREATE INDEX claims_source ON claims (source_id, start, id);
-- Only a claim that reports a finding or a study has an entry (schema version 9): most report neither, and a
-- filter or a cascade by finding or study names one, which implies it is not NULL.
CREATE INDEX claims_finding ON claims (finding_id) WHERE finding_id IS NOT NULL;
-- The two-valued filters carry the lists' reading order: a filtered page is read in index order, and a
-- document's claims of one kind share a page.
CREATE INDEX claims_kind ON claims (kind, source_id, start, id);
CREATE INDEX claims_study ON claims (study_id, id) WHERE study_id IS NOT NULL;
CREATE INDEX claims_hedged ON claims (hedged, source_id, start, id);

-- A claim's own concepts (direct links), keyed by the rowids of the claim and the concept (schema version 8: the
-- ids took most of each row). No foreign keys: the store deletes a source's claims' rows itself.
CREATE TABLE claim_concepts (
    claim_row   INTEGER NOT NULL,   -- claims.rowid
    role        TEXT NOT NULL CHECK (role IN ('condition', 'intervention')),
    concept_row INTEGER NOT NULL,   -- concepts.rowid
    ordinal     INTEGER NOT NULL,
    PRIMARY KEY (claim_row, role, concept_row)
) WITHOUT ROWID;

-- Claims linked to their concepts and all broader ones (see study_concept_index), in reading order within a
-- concept: the claim lists' order, so a concept's page is read in index order, and a document's rows for one
-- concept sit together (one page written, not one per claim).
-- No foreign key and no index by claim (schema version 7; the index was as large as the table): the store
-- deletes a source's rows itself, one key range per concept, and a second concept filter looks its row up by the
-- whole key (concept, source, start, claim).
-- Keyed by the rowids of the concept and the claim (schema version 9: their ids were half of each row). The
-- source id stays text: the lists are in the order of source ids. Two claims of a source that start at the same
-- place are ordered by their ids when read (a sort of the rows that tie, not of the page).
CREATE TABLE claim_concept_rows (
    concept_row INTEGER NOT NULL,   -- concepts.rowid
    source_id   TEXT NOT NULL,
    start       INTEGER NOT NULL,
    claim_row   INTEGER NOT NULL,   -- claims.rowid
    PRIMARY KEY (concept_row, source_id, start, claim_row)
) WITHOUT ROWID;
-- The index named by ids, for tools and checks.
CREATE VIEW claim_concept_index (concept_id, source_id, start, claim_id) AS
    SELECT n.id, i.source_id, i.start, c.id FROM claim_concept_rows i
    JOIN concepts n ON n.rowid = i.concept_row JOIN claims c ON c.rowid = i.claim_row;

CREATE TABLE comments (
    id             TEXT PRIMARY KEY,
    source_id      TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    author         TEXT,                        -- NULL when the page shows no name
    author_id      TEXT NOT NULL,
    date           TEXT,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    reply_to       TEXT REFERENCES comments (id) ON DELETE SET NULL,
    is_question    INTEGER NOT NULL CHECK (is_question IN (0, 1)),
    is_promotional INTEGER NOT NULL CHECK (is_promotional IN (0, 1)),
    doses          TEXT NOT NULL DEFAULT '[]',  -- JSON: [{"text", "mcg_per_day", "start", "end"}]
    json           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX comments_source ON comments (source_id, start, id);
CREATE INDEX comments_author ON comments (author_id, id);
CREATE INDEX comments_question ON comments (is_question, source_id, start, id);
CREATE INDEX comments_promotional ON comments (is_promotional, source_id, start, id);
-- Deleting a source's comments checks reply_to references: without this index each deletion scans every comment.
CREATE INDEX comments_reply_to ON comments (reply_to);

CREATE TABLE comment_concepts (
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('condition', 'intervention')),
    concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    PRIMARY KEY (comment_id, role, concept_id)
) WITHOUT ROWID;

-- Like claim_concept_index: reading order within a concept.
CREATE TABLE comment_concept_index (
    concept_id TEXT NOT NULL,
    source_id  TEXT NOT NULL,
    start      INTEGER NOT NULL,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    PRIMARY KEY (concept_id, source_id, start, comment_id)
) WITHOUT ROWID;
CREATE INDEX comment_concept_index_comment ON comment_concept_index (comment_id);

-- Full-text indexes. Their rowid is the rowid of the row they index. All have external content: they read the
-- text from the rows (a claim's from claim_texts, a study's from study_texts) instead of keeping a copy (the store
-- takes a row out of the index while it still holds what was indexed; see FullTextQueue).
CREATE VIRTUAL TABLE studies_fts USING fts5 (title, name, population, effect, journal, quotes, concepts, content = 'study_texts', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE claims_fts USING fts5 (text, attributed_to, content = 'claim_texts', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE comments_fts USING fts5 (author, text, content = 'comments', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE sources_fts USING fts5 (title, author, publisher, text, content = 'sources', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE concepts_fts USING fts5 (name, terms, tokenize = 'unicode61 remove_diacritics 2');

-- A claim's text, read from its source: the content of claims_fts (schema version 7).
CREATE VIEW claim_texts (rowid, text, attributed_to) AS
    SELECT c.rowid, substr(s.text, c.start + 1, c."end" - c.start), c.attributed_to
    FROM claims c JOIN sources s ON s.id = c.source_id;

-- What a study is searched by, gathered from its row, its mentions' quotes and its concepts' names: the content
-- of studies_fts (schema version 8; before, the index kept its own copy).
CREATE VIEW study_texts (rowid, title, name, population, effect, journal, quotes, concepts) AS
    SELECT s.rowid, s.title, s.name, s.population_description, s.effect, s.journal,
           (SELECT group_concat(quote, ' … ') FROM (
                SELECT substr(t.text, m.start + 1, m."end" - m.start) AS quote FROM study_mentions m
                JOIN sources t ON t.id = m.source_id WHERE m.study_id = s.id ORDER BY m.source_id, m.start)),
           (SELECT group_concat(c.name, ' ; ') FROM study_report_concepts r
            JOIN concepts c ON c.id = r.concept_id OR c.id = r.form_id WHERE r.study_id = s.id)
    FROM studies s;

-- Small facts about the store itself (the lexicon's hash, when it was loaded).
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
