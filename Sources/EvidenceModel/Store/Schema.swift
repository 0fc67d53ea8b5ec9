import Foundation
import SQLiteDB

/// Applies `schema.sql` to a new database and upgrades older ones, tracked by `PRAGMA user_version`.
public enum Schema {
    /// The version this build writes and reads.
    public static let currentVersion = 9

    /// Upgrade steps from version N to N+1, by N. Each runs in the same transaction as the version bump.
    static let upgrades: [Int: @Sendable (Database) throws -> Void] = [
        1: { try $0.execute(toVersion2) }, 2: { try $0.execute(toVersion3) }, 3: toVersion4,
        4: { try $0.execute(toVersion5) }, 5: toVersion6, 6: { try $0.execute(toVersion7) },
        7: { try $0.execute(toVersion8) }, 8: { try $0.execute(toVersion9) },
    ]

    /// Version 7 makes the database smaller: claims and findings are rendered as API objects when they are read
    /// (the stored copies were 15 of FakeHealth's 91 MB), a mention's quote, the source's text between its
    /// offsets, is not stored twice, and the claim concept index loses its foreign key and with it the index by
    /// claim that the cascade needed (4 MB): the store deletes a source's rows itself. A claim's text, a
    /// finding's and a study mention's quote are read from the source's text by their offsets (the claims'
    /// full-text index reads them through the view claim_texts, rebuilt here). The freed pages are reused by
    /// later writes.
    static let toVersion7 = """
        DROP TABLE claims_fts;
        ALTER TABLE claims DROP COLUMN text;
        ALTER TABLE findings DROP COLUMN quote;
        ALTER TABLE study_mentions DROP COLUMN quote;
        CREATE VIEW claim_texts (rowid, text, attributed_to) AS
            SELECT c.rowid, substr(s.text, c.start + 1, c."end" - c.start), c.attributed_to
            FROM claims c JOIN sources s ON s.id = c.source_id;
        CREATE VIRTUAL TABLE claims_fts USING fts5 (text, attributed_to, content = 'claim_texts', tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
        ALTER TABLE claims DROP COLUMN json;
        ALTER TABLE findings DROP COLUMN json;
        ALTER TABLE mentions DROP COLUMN quote;
        CREATE TABLE claim_concept_index_v7 (
            concept_id TEXT NOT NULL,
            source_id  TEXT NOT NULL,
            start      INTEGER NOT NULL,
            claim_id   TEXT NOT NULL,
            PRIMARY KEY (concept_id, source_id, start, claim_id)
        ) WITHOUT ROWID;
        INSERT INTO claim_concept_index_v7 SELECT concept_id, source_id, start, claim_id FROM claim_concept_index;
        DROP TABLE claim_concept_index;
        ALTER TABLE claim_concept_index_v7 RENAME TO claim_concept_index;
        """

    /// Version 6 lets a comment's author be NULL (the page shows no name), where older builds stored ''. SQLite
    /// cannot drop a NOT NULL constraint with ALTER TABLE, and rebuilding the table would cascade into the
    /// comments' concepts; removing the constraint from the stored definition is the documented way for this one
    /// change (sqlite.org/lang_altertable.html, "making other kinds of table schema changes").
    static func toVersion6(_ db: Database) throws {
        let definition = try db.queryFirst("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'comments'") { $0.text(0) }
        guard let definition else { throw SchemaError.noUpgradePath(from: 5) }
        let relaxed = definition.replacingOccurrences(of: #"(\bauthor\s+TEXT)\s+NOT\s+NULL"#, with: "$1",
                                                      options: [.regularExpression, .caseInsensitive])
        if relaxed != definition {
            let schemaVersion = try db.queryFirst("PRAGMA schema_version") { $0.int(0) } ?? 0
            try db.execute("PRAGMA writable_schema = ON")
            try db.run("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'comments'", [relaxed])
            // PRAGMA takes no bound values; the value is an Int read from the database.
            try db.execute("PRAGMA schema_version = " + String(schemaVersion + 1))
            try db.execute("PRAGMA writable_schema = OFF")
        }
        // '' and NULL index no words alike, so the full-text index stays as it is.
        try db.execute("UPDATE comments SET author = NULL WHERE trim(author) = ''")
    }

    /// Version 5 makes the database smaller: the sources, claims and comments full-text indexes read their text
    /// from the rows (external content) instead of keeping a copy, rebuilt from the rows here; and the mentions'
    /// index by concept, which no query reads, goes.
    static let toVersion5 = """
        DROP INDEX IF EXISTS mentions_concept;
        DROP TABLE sources_fts;
        CREATE VIRTUAL TABLE sources_fts USING fts5 (title, author, publisher, text, content = 'sources', tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');
        DROP TABLE claims_fts;
        CREATE VIRTUAL TABLE claims_fts USING fts5 (text, attributed_to, content = 'claims', tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
        DROP TABLE comments_fts;
        CREATE VIRTUAL TABLE comments_fts USING fts5 (author, text, content = 'comments', tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO comments_fts (comments_fts) VALUES ('rebuild');
        """

    /// Version 4 adds findings (what a study found per intervention and outcome), the interventions' roles and
    /// the claims' finding. The evidence matrix is built from findings now: the old cells go, and every source is
    /// marked changed so that the next ingest of the same files extracts their findings.
    static func toVersion4(_ db: Database) throws {
        func hasColumn(_ table: String, _ column: String) throws -> Bool {
            try db.query("SELECT name FROM pragma_table_info(?)", [table]) { $0.text(0) }.contains(column)
        }
        if try !hasColumn("study_report_concepts", "study_role") {
            try db.execute("""
                ALTER TABLE study_report_concepts ADD COLUMN study_role TEXT
                    CHECK (study_role IN ('studied', 'comparator', 'co_intervention', 'inducer', 'mentioned'))
                """)
        }
        try db.execute(findingsTables)
        if try !hasColumn("concepts", "finding_count") {
            try db.execute("ALTER TABLE concepts ADD COLUMN finding_count INTEGER NOT NULL DEFAULT 0")
        }
        if try !hasColumn("claims", "finding_id") {
            try db.execute("ALTER TABLE claims ADD COLUMN finding_id TEXT REFERENCES findings (id) ON DELETE SET NULL")
        }
        try db.execute("""
            CREATE INDEX IF NOT EXISTS claims_finding ON claims (finding_id);
            DELETE FROM evidence_cells;
            DELETE FROM evidence_counts;
            UPDATE sources SET sha256 = '';
            """)
    }

    /// The findings tables as schema.sql has them, for the upgrade (idempotent).
    static let findingsTables = """
        CREATE TABLE IF NOT EXISTS findings (
            id TEXT PRIMARY KEY,
            study_id TEXT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
            source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            intervention_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
            form_id TEXT REFERENCES concepts (id) ON DELETE SET NULL,
            arm TEXT,
            outcome_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
            direction TEXT NOT NULL CHECK (direction IN ('benefit', 'no_effect', 'harm', 'mixed', 'unclear')),
            effect TEXT,
            hedged INTEGER NOT NULL CHECK (hedged IN (0, 1)),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            json TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX IF NOT EXISTS findings_study ON findings (study_id, id);
        CREATE INDEX IF NOT EXISTS findings_source ON findings (source_id, id);
        CREATE INDEX IF NOT EXISTS findings_direction ON findings (direction, id);
        CREATE TABLE IF NOT EXISTS finding_concept_index (
            concept_id TEXT NOT NULL,
            finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
            PRIMARY KEY (concept_id, finding_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS finding_concept_index_finding ON finding_concept_index (finding_id);
        CREATE TABLE IF NOT EXISTS finding_pair_counts (
            condition_id TEXT NOT NULL,
            intervention_id TEXT NOT NULL,
            findings INTEGER NOT NULL,
            PRIMARY KEY (condition_id, intervention_id)
        ) WITHOUT ROWID;
        """

    /// Version 3 gives the two-valued filter indexes the lists' reading order (source, offset, id).
    static let toVersion3 = """
        DROP INDEX claims_kind;
        CREATE INDEX claims_kind ON claims (kind, source_id, start, id);
        DROP INDEX claims_hedged;
        CREATE INDEX claims_hedged ON claims (hedged, source_id, start, id);
        DROP INDEX comments_question;
        CREATE INDEX comments_question ON comments (is_question, source_id, start, id);
        DROP INDEX comments_promotional;
        CREATE INDEX comments_promotional ON comments (is_promotional, source_id, start, id);
        """

    /// Version 2 keys the claim and comment concept indexes in reading order within a concept (source, offset).
    static let toVersion2 = """
        CREATE TABLE claim_concept_index_v2 (
            concept_id TEXT NOT NULL,
            source_id  TEXT NOT NULL,
            start      INTEGER NOT NULL,
            claim_id   TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
            PRIMARY KEY (concept_id, source_id, start, claim_id)
        ) WITHOUT ROWID;
        INSERT INTO claim_concept_index_v2 (concept_id, source_id, start, claim_id)
            SELECT i.concept_id, c.source_id, c.start, i.claim_id FROM claim_concept_index i JOIN claims c ON c.id = i.claim_id;
        DROP TABLE claim_concept_index;
        ALTER TABLE claim_concept_index_v2 RENAME TO claim_concept_index;
        CREATE INDEX claim_concept_index_claim ON claim_concept_index (claim_id);
        CREATE TABLE comment_concept_index_v2 (
            concept_id TEXT NOT NULL,
            source_id  TEXT NOT NULL,
            start      INTEGER NOT NULL,
            comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
            PRIMARY KEY (concept_id, source_id, start, comment_id)
        ) WITHOUT ROWID;
        INSERT INTO comment_concept_index_v2 (concept_id, source_id, start, comment_id)
            SELECT i.concept_id, m.source_id, m.start, i.comment_id FROM comment_concept_index i JOIN comments m ON m.id = i.comment_id;
        DROP TABLE comment_concept_index;
        ALTER TABLE comment_concept_index_v2 RENAME TO comment_concept_index;
        CREATE INDEX comment_concept_index_comment ON comment_concept_index (comment_id);
        """

    /// Brings the database to `currentVersion`, or explains why it cannot.
    public static func prepare(_ db: Database, locator: ResourceLocator = .standard) throws {
        let version = try db.userVersion()
        if version == currentVersion { return }
        guard version < currentVersion else { throw SchemaError.newerThanThisBuild(found: version, supported: currentVersion) }
        try db.transaction {
            // Re-read under the write lock: another process may have created the schema meanwhile.
            var found = try db.userVersion()
            if found == 0 {
                try db.execute(try loadSchemaSQL(locator: locator))
                found = currentVersion
            }
            while found < currentVersion {
                guard let step = upgrades[found] else { throw SchemaError.noUpgradePath(from: found) }
                try step(db)
                found += 1
            }
            try db.setUserVersion(currentVersion)
        }
    }

    /// Checks that a database opened read-only has the schema this build understands.
    public static func verify(_ db: Database) throws {
        let version = try db.userVersion()
        guard version == currentVersion else {
            if version == 0 { throw SchemaError.notAnEvidenceDatabase }
            if version > currentVersion { throw SchemaError.newerThanThisBuild(found: version, supported: currentVersion) }
            throw SchemaError.needsUpgrade(found: version, supported: currentVersion)
        }
    }

    static func loadSchemaSQL(locator: ResourceLocator) throws -> String {
        let path = try locator.locate("schema.sql")
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ResourceError.unreadable(path, reason: error.localizedDescription)
        }
    }
}

public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    case newerThanThisBuild(found: Int, supported: Int)
    case noUpgradePath(from: Int)
    case notAnEvidenceDatabase
    case needsUpgrade(found: Int, supported: Int)

    public var description: String {
        switch self {
        case let .newerThanThisBuild(found, supported):
            return "the database has schema version \(found), newer than this build's \(supported); use a newer evidence"
        case .noUpgradePath(let from):
            return "no upgrade from schema version \(from); re-ingest into a new database"
        case .notAnEvidenceDatabase:
            return "the file is not an evidence database (no schema); run `evidence ingest` to build one"
        case let .needsUpgrade(found, supported):
            return "the database has schema version \(found); run `evidence ingest` once to upgrade it to \(supported)"
        }
    }
}
