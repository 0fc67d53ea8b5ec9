import SchemaHistory
import Foundation
import SQLiteDB
import Testing
@testable import Ingest
import EvidenceModel

/// A database written by an older build is upgraded in place, keeping every row.
@Suite struct SchemaUpgradeTests {
    @Test func aVersion1FileIsUpgradedToReadingOrderIndexes() throws {
        let folder = NSTemporaryDirectory() + "evidence-upgrade-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/old.sqlite"
        let pipeline = try SharedPipeline.get()
        let text = """
                Vitamin K2 and calcification

                In a randomized trial of 120 dialysis patients, vitamin K2 slowed vascular calcification. Warfarin \
                is known to speed arterial calcification.

                Comments

                Jo Reader says: Does vitamin K2 help with calciphylaxis?
                """
        do {
            let store = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
            try store.write(pipeline.extract(file: "a.txt", text: text, sha256: "1", format: .text))
        }
        // Turn the file back into version 1: the concept indexes as they were, two columns.
        let db = try Database(path: path)
        try SchemaVersion6Shape.restore(db)
        let expected = try db.query("SELECT concept_id, source_id, start, claim_id FROM claim_concept_index ORDER BY 1, 2, 3, 4") {
            [$0.text(0), $0.text(1), String($0.int(2)), $0.text(3)]
        }
        let expectedComments = try db.queryFirst("SELECT count(*) FROM comment_concept_index") { $0.int(0) }
        #expect(!expected.isEmpty)
        try db.execute("""
            CREATE TABLE old_claims_index (concept_id TEXT NOT NULL, claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
                PRIMARY KEY (concept_id, claim_id)) WITHOUT ROWID;
            INSERT INTO old_claims_index SELECT concept_id, claim_id FROM claim_concept_index;
            DROP TABLE claim_concept_index;
            ALTER TABLE old_claims_index RENAME TO claim_concept_index;
            CREATE INDEX claim_concept_index_claim ON claim_concept_index (claim_id);
            CREATE TABLE old_comments_index (concept_id TEXT NOT NULL, comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
                PRIMARY KEY (concept_id, comment_id)) WITHOUT ROWID;
            INSERT INTO old_comments_index SELECT concept_id, comment_id FROM comment_concept_index;
            DROP TABLE comment_concept_index;
            ALTER TABLE old_comments_index RENAME TO comment_concept_index;
            CREATE INDEX comment_concept_index_comment ON comment_concept_index (comment_id);
            PRAGMA user_version = 1;
            """)

        let upgraded = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
        #expect(try upgraded.db.userVersion() == Schema.currentVersion)
        let rows = try upgraded.db.query("SELECT concept_id, source_id, start, claim_id FROM claim_concept_index ORDER BY 1, 2, 3, 4") {
            [$0.text(0), $0.text(1), String($0.int(2)), $0.text(3)]
        }
        #expect(rows == expected)
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM comment_concept_index") { $0.int(0) } == expectedComments)
        #expect(try upgraded.db.integrityCheck() == "ok")
        // Version 3: a list filtered by a two-valued column is read in index order, without a sort.
        for sql in ["SELECT id FROM claims WHERE kind = 'efficacy' ORDER BY source_id, start, id LIMIT 21",
                    "SELECT id FROM claims WHERE hedged = 1 ORDER BY source_id, start, id LIMIT 21",
                    "SELECT id FROM comments WHERE is_question = 1 ORDER BY source_id, start, id LIMIT 21",
                    "SELECT id FROM comments WHERE is_promotional = 0 ORDER BY source_id, start, id LIMIT 21"] {
            let plan = try upgraded.db.query("EXPLAIN QUERY PLAN " + sql) { $0.text(3) }
            #expect(!plan.joined().contains("TEMP B-TREE"), "\(sql): \(plan)")
        }
        // Version 4: the findings tables are there, and every source is marked changed, so that the next ingest of
        // the same file reads it again and extracts its findings.
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM sources WHERE sha256 <> ''") { $0.int(0) } == 0)
        #expect(try upgraded.write(pipeline.extract(file: "a.txt", text: text, sha256: "1", format: .text)) == .updated)
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM findings") { $0.int(0) } ?? 0 > 0)
        // The upgraded file takes new documents like a new one.
        let more = "Magnesium news\n\nA cohort study of 900 adults linked magnesium to less coronary calcification.\n"
        #expect(try upgraded.write(pipeline.extract(file: "b.txt", text: more, sha256: "2", format: .text)) == .added)
    }

    /// Version 4 kept a copy of every source's, claim's and comment's text in its full-text table, and an index
    /// of mentions by concept.
    @Test func aVersion4FileLosesItsFullTextCopiesAndStillFindsEverything() throws {
        let folder = NSTemporaryDirectory() + "evidence-upgrade-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/old.sqlite"
        let pipeline = try SharedPipeline.get()
        let text = """
                Menaquinone and arteries
                Posted on May 4, 2022 by Lena Park

                In a randomized trial of 200 adults, menaquinone-7 slowed arterial stiffening over two years.

                2 Responses

                Pat Walker says:
                May 5, 2022 at 8:10 am
                Is menaquinone safe with warfarin?
                Reply

                Lena Park says:
                May 5, 2022 at 9:30 am
                Ask your doctor first.
                Reply
                """
        do {
            let store = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
            try store.write(pipeline.extract(file: "a.txt", text: text, sha256: "1", format: .text))
        }
        let db = try Database(path: path)
        try SchemaVersion6Shape.restore(db)
        let tokenize = "tokenize = 'porter unicode61 remove_diacritics 2'"
        try db.execute("""
            DROP TABLE sources_fts;
            CREATE VIRTUAL TABLE sources_fts USING fts5 (title, author, publisher, text, \(tokenize));
            INSERT INTO sources_fts (rowid, title, author, publisher, text) SELECT rowid, title, author, publisher, text FROM sources;
            DROP TABLE claims_fts;
            CREATE VIRTUAL TABLE claims_fts USING fts5 (text, attributed_to, \(tokenize));
            INSERT INTO claims_fts (rowid, text, attributed_to) SELECT rowid, text, attributed_to FROM claims;
            DROP TABLE comments_fts;
            CREATE VIRTUAL TABLE comments_fts USING fts5 (author, text, \(tokenize));
            INSERT INTO comments_fts (rowid, author, text) SELECT rowid, author, text FROM comments;
            CREATE INDEX mentions_concept ON mentions (concept_id, source_id);
            PRAGMA user_version = 4;
            """)
        let copies = "SELECT count(*) FROM sqlite_master WHERE name IN ('sources_fts_content', 'claims_fts_content', 'comments_fts_content')"
        #expect(try db.queryFirst(copies) { $0.int(0) } == 3)

        let upgraded = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
        #expect(try upgraded.db.userVersion() == Schema.currentVersion)
        #expect(try upgraded.db.queryFirst(copies) { $0.int(0) } == 0)
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM sqlite_master WHERE name = 'mentions_concept'") { $0.int(0) } == 0)
        func hits(_ table: String, _ word: String) throws -> Int {
            try upgraded.db.queryFirst("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", [word]) { $0.int(0) } ?? -1
        }
        #expect(try hits("sources_fts", "arteries") == 1)
        #expect(try hits("claims_fts", "stiffening") >= 1)
        #expect(try hits("comments_fts", "doctor") == 1)
        // The search's snippets read the text from the rows now.
        let snippet = try upgraded.db.queryFirst("""
            SELECT snippet(claims_fts, -1, '[', ']', '…', 8) FROM claims_fts WHERE claims_fts MATCH 'stiffening'
            """) { $0.text(0) }
        #expect(snippet?.contains("[stiffening]") == true)
        #expect(try FullTextCheck.allDifferences(upgraded.db).isEmpty)
        // A new version of the file replaces the old one's entries exactly.
        let changed = text.replacingOccurrences(of: "arterial stiffening", with: "aortic calcification")
        #expect(try upgraded.write(pipeline.extract(file: "a.txt", text: changed, sha256: "2", format: .text)) == .updated)
        #expect(try hits("claims_fts", "stiffening") == 0)
        #expect(try hits("claims_fts", "aortic") >= 1)
        let differences = try FullTextCheck.allDifferences(upgraded.db)
        #expect(differences.isEmpty, "\(differences)")
        #expect(try upgraded.db.integrityCheck() == "ok")
    }
}
