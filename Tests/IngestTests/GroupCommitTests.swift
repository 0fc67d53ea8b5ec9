import Foundation
import SQLiteDB
import Testing
@testable import Ingest
import EvidenceModel

/// A batch is committed once, yet every document stays all-or-nothing: a document that fails to store fails
/// alone, a database that fails loses no more than the batch it was writing, and the full-text entries
/// (written at the end of each batch) always match the rows.
@Suite struct GroupCommitTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "evidence-group-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
    }

    func writeDocument(_ name: String, _ text: String) throws {
        try text.write(toFile: folder + "/docs/" + name, atomically: true, encoding: .utf8)
    }

    func document(_ topic: String) -> String {
        """
        Vitamin K2 and \(topic): a new trial

        In a randomized controlled trial of 120 dialysis patients of the \(topic) cohort, 360 mcg of menaquinone-7 \
        daily for 12 months slowed the progression of vascular calcification compared with placebo.
        """
    }

    func count(_ db: Database, _ sql: String) throws -> Int {
        try db.queryFirst(sql) { $0.int(0) } ?? -1
    }

    /// FTS5's own check that its index matches its rows, for every full-text table of the store.
    func expectFullTextIntact(_ db: Database) throws {
        for table in ["sources_fts", "studies_fts", "claims_fts", "comments_fts"] {
            // Table names come from the literal list above.
            try db.execute("INSERT INTO \(table) (\(table)) VALUES ('integrity-check')")
        }
        #expect(try count(db, "SELECT count(*) FROM sources_fts") == count(db, "SELECT count(*) FROM sources"))
        #expect(try count(db, "SELECT count(*) FROM studies_fts") == count(db, "SELECT count(*) FROM studies"))
        #expect(try count(db, "SELECT count(*) FROM claims_fts") == count(db, "SELECT count(*) FROM claims"))
        #expect(try count(db, "SELECT count(*) FROM comments_fts") == count(db, "SELECT count(*) FROM comments"))
        // The external-content indexes hold exactly their rows' tokens (the check above does not look at rows).
        let differences = try FullTextCheck.allDifferences(db)
        #expect(differences.isEmpty, "\(differences)")
    }

    func job() throws -> IngestJob {
        let pipeline = try Pipeline()
        let store = try EvidenceStore(path: folder + "/evidence.sqlite", lexicon: pipeline.lexicon)
        return IngestJob(pipeline: pipeline, store: store)
    }

    @Test func aDocumentThatCannotBeStoredFailsAloneInsideItsBatch() throws {
        for (index, topic) in ["alpha", "bravo", "poison", "delta", "echo"].enumerated() {
            try writeDocument("doc\(index)-\(topic).txt", document(topic))
        }
        let job = try job()
        // A trigger stands in for any error SQLite raises while one document is written.
        try job.store.db.execute("""
            CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON sources WHEN NEW.file LIKE '%poison%'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """)
        let (reports, abortReason) = job.run([folder + "/docs"]) { _, _, _ in }
        #expect(abortReason == nil)
        #expect(reports.map { $0.status == .added } == [true, true, false, true, true])
        let failure = reports.count == 5 ? reports[2].status.label : ""
        #expect(failure.contains("cannot store") && failure.contains("refused by the test"), "\(failure)")
        #expect(try count(job.store.db, "SELECT count(*) FROM sources") == 4)
        #expect(try count(job.store.db, "SELECT count(*) FROM sources WHERE file LIKE '%poison%'") == 0)
        #expect(try count(job.store.db, "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'bravo'") == 1)
        try expectFullTextIntact(job.store.db)
    }

    @Test func anUpdateThatCannotBeStoredKeepsTheOldVersionSearchable() throws {
        for (index, topic) in ["alpha", "bravo", "charlie"].enumerated() {
            try writeDocument("doc\(index).txt", document(topic))
        }
        let job = try job()
        #expect(job.run([folder + "/docs"]) { _, _, _ in }.reports.allSatisfy { $0.status == .added })
        // Every document changes; the second one's new version cannot be stored, after its old rows left the
        // full-text indexes: undoing it must bring their entries back, and nothing of the new version.
        for (index, topic) in ["delta", "poison", "foxtrot"].enumerated() {
            try writeDocument("doc\(index).txt", document(topic))
        }
        try job.store.db.execute("""
            CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON sources WHEN NEW.text LIKE '%poison%'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """)
        let reports = job.run([folder + "/docs"]) { _, _, _ in }.reports
        #expect(reports.map { $0.status == .updated } == [true, false, true])
        func hits(_ table: String, _ word: String) throws -> Int {
            try count(job.store.db, "SELECT count(*) FROM \(table) WHERE \(table) MATCH '\(word)'")
        }
        #expect(try hits("sources_fts", "bravo") == 1)
        #expect(try hits("claims_fts", "bravo") >= 1)
        #expect(try hits("sources_fts", "poison") == 0)
        #expect(try hits("sources_fts", "alpha") == 0)
        #expect(try hits("sources_fts", "delta") == 1)
        try expectFullTextIntact(job.store.db)
    }

    @Test func aFullDiskLosesOnlyTheBatchBeingWrittenAndSaysSo() throws {
        for index in 0..<6 { try writeDocument("first\(index).txt", document("first\(index)")) }
        var job = try job()
        job.batchSize = 3
        let first = job.run([folder + "/docs"]) { _, _, _ in }
        #expect(first.reports.allSatisfy { $0.status == .added })
        for index in 0..<6 { try writeDocument("second\(index).txt", document(String(repeating: "padding ", count: 4_000))) }
        let pages = try count(job.store.db, "PRAGMA page_count")
        try job.store.db.execute("PRAGMA max_page_count = " + String(pages + 8))
        let second = job.run([folder + "/docs"]) { _, _, _ in }
        #expect(second.abortReason == .full)
        let stored = second.reports.filter { $0.status == .added }.map(\.file)
        // Whatever was reported as added is there, whole; nothing else of the second run is.
        try job.store.db.execute("PRAGMA max_page_count = 1073741823")
        let files = try job.store.db.query("SELECT file FROM sources WHERE file LIKE 'second%' ORDER BY file") { $0.text(0) }
        #expect(files == stored.sorted())
        #expect(try job.store.db.integrityCheck() == "ok")
        try expectFullTextIntact(job.store.db)
    }

    @Test func fullTextFollowsAnUpdateAndForgetsARolledBackGroup() throws {
        let pipeline = try Pipeline()
        let store = try EvidenceStore(path: folder + "/direct.sqlite", lexicon: pipeline.lexicon)
        func extraction(_ file: String, _ topic: String, sha: String) -> Extraction {
            pipeline.extract(file: file, text: document(topic), sha256: sha, format: .text)
        }
        try store.beginGroup()
        try store.write(extraction("a.txt", "zebrafish", sha: "1"))
        try store.write(extraction("b.txt", "marmoset", sha: "2"))
        try store.commitGroup()
        try store.beginGroup()
        #expect(try store.write(extraction("a.txt", "axolotl", sha: "3")) == .updated)
        try store.write(extraction("c.txt", "platypus", sha: "4"))
        try store.commitGroup()
        try store.beginGroup()
        try store.write(extraction("d.txt", "wombat", sha: "5"))
        store.rollbackGroup()
        try store.write(extraction("e.txt", "quokka", sha: "6"))   // alone: its own transaction
        func hits(_ word: String) throws -> Int {
            try count(store.db, "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH '\(word)'")
        }
        #expect(try hits("zebrafish") == 0)
        #expect(try hits("axolotl") == 1)
        #expect(try hits("marmoset") == 1)
        #expect(try hits("platypus") == 1)
        #expect(try hits("wombat") == 0)
        #expect(try hits("quokka") == 1)
        #expect(try count(store.db, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'zebrafish'") == 0)
        #expect(try count(store.db, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'axolotl'") >= 1)
        try expectFullTextIntact(store.db)
    }
}
