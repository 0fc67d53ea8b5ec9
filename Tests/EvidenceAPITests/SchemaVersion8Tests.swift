import SchemaHistory
import Foundation
import Testing
@testable import EvidenceAPI
import EvidenceModel
import Ingest
import SQLiteDB

/// Schema version 8 stores no source object, no copy of what the studies' full-text index indexes (it reads the
/// view study_texts), and mentions and claim concept links keyed by rowids. A version-7 file is upgraded in place and answers the same; the store keeps
/// the studies' index equal to the rows it reads.
@Suite struct SchemaVersion8Tests {
    /// Every (term, row, column, position) of the studies' full-text index, in order.
    static func indexedTerms(_ db: Database) throws -> [String] {
        try db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.studies_terms USING fts5vocab(main, studies_fts, instance)")
        return try db.query("SELECT term, doc, col, offset FROM temp.studies_terms ORDER BY 1, 2, 3, 4") {
            "\($0.text(0)) \($0.int(1)) \($0.text(2)) \($0.int(3))"
        }
    }

    /// The index as it is, and as a rebuild from the rows makes it: equal when every row left the index with the
    /// values it was indexed with (a 'delete' with other values leaves stray terms behind).
    static func indexAndRebuild(_ db: Database) throws -> (live: [String], rebuilt: [String]) {
        let live = try indexedTerms(db)
        try db.execute("INSERT INTO studies_fts (studies_fts) VALUES ('rebuild')")
        return (live, try indexedTerms(db))
    }

    static func hits(_ db: Database, _ query: String) throws -> [String] {
        try db.query("""
            SELECT s.id, snippet(studies_fts, -1, '«', '»', '…', 12) FROM studies_fts f JOIN studies s ON s.rowid = f.rowid
            WHERE studies_fts MATCH ? ORDER BY f.rank, s.id
            """, [query]) { "\($0.text(0)) \($0.text(1))" }
    }

    /// The test corpus's extractions, each with two concept mentions (one fuzzy), which it has none of.
    static func extractionsWithMentions(_ suffix: String = "") -> [Extraction] {
        TestCorpus.extractions().map { extraction in
            var extraction = extraction
            extraction.mentions = [ConceptMention(conceptID: "vitamin-k2", span: TextSpan(0, 4), matched: "text"),
                                   ConceptMention(conceptID: "vitamin-k1", span: TextSpan(5, 9), matched: "text", isFuzzy: true)]
            extraction.source.sha256 += suffix
            return extraction
        }
    }

    /// Version 7's rendering of a claim (its ClaimJSON, concepts linked by id).
    static let version7ClaimJSON = """
        json_object(
            'id', c.id, 'source_id', c.source_id,
            'text', (SELECT substr(t.text, c.start + 1, c."end" - c.start) FROM sources t WHERE t.id = c.source_id),
            'start', c.start, 'end', c."end", 'kind', c.kind,
            'hedged', json(CASE WHEN c.hedged THEN 'true' ELSE 'false' END), 'attributed_to', c.attributed_to,
            'study_id', c.study_id, 'finding_id', c.finding_id,
            'conditions', json(coalesce((
                SELECT json_group_array(json_object('id', k.id, 'name', k.name)) FROM (
                    SELECT n.id, n.name FROM claim_concepts cc JOIN concepts n ON n.id = cc.concept_id
                    WHERE cc.claim_id = c.id AND cc.role = 'condition' ORDER BY cc.ordinal
                ) k), '[]')),
            'interventions', json(coalesce((
                SELECT json_group_array(json_object('id', k.id, 'name', k.name)) FROM (
                    SELECT n.id, n.name FROM claim_concepts cc JOIN concepts n ON n.id = cc.concept_id
                    WHERE cc.claim_id = c.id AND cc.role = 'intervention' ORDER BY cc.ordinal
                ) k), '[]')))
        """

    static let allMentions = "SELECT source_id, start, concept_id, \"end\", fuzzy FROM mentions ORDER BY 1, 2, 3"

    func columns(_ db: Database, _ table: String) throws -> [String] {
        try db.query("SELECT name FROM pragma_table_info(?)", [table]) { $0.text(0) }
    }

    static let searches = ["haemodialysis", "calcification", "rat", "\"vitamin K2\"", "mcg OR trial"]

    @Test func aVersion7FileIsUpgradedAndServesTheSameObjects() throws {
        let corpus = try TestCorpus()
        let writer = try corpus.store()
        for extraction in Self.extractionsWithMentions("-m") { #expect(try writer.write(extraction) == .updated) }
        let old = try Database(path: corpus.path)
        try SchemaVersion7Shape.restore(old)
        let sources = try old.query("SELECT id, json FROM sources ORDER BY id") { ($0.text(0), $0.text(1)) }
        let studies = try old.query("SELECT id, json FROM studies ORDER BY id") { ($0.text(0), $0.text(1)) }
        let found = try Self.searches.map { try Self.hits(old, $0) }
        let claims = try old.query("SELECT c.id, " + Self.version7ClaimJSON + " FROM claims c ORDER BY c.id") { ($0.text(0), $0.text(1)) }
        #expect(claims.count >= 2 && claims.contains { $0.1.contains("\"conditions\":[{") })
        let mentions = try old.query(Self.allMentions) { "\($0.text(0)) \($0.int(1)) \($0.text(2)) \($0.int(3)) \($0.int(4))" }
        #expect(!mentions.isEmpty)
        #expect(sources.count >= 2 && studies.count >= 2)
        #expect(studies.contains { $0.1.contains("\"quote\":") } && found.contains { !$0.isEmpty })
        #expect(try old.userVersion() == 7)

        let store = try corpus.store()   // opening for writing upgrades
        #expect(try store.db.userVersion() == Schema.currentVersion)
        #expect(try !columns(store.db, "sources").contains("json"))
        #expect(try store.db.queryFirst("SELECT count(*) FROM sqlite_master WHERE name = 'studies_fts_content'") { $0.int(0) } == 0)
        #expect(try Self.searches.map { try Self.hits(store.db, $0) } == found)
        #expect(try store.db.query(Self.allMentions) { "\($0.text(0)) \($0.int(1)) \($0.text(2)) \($0.int(3)) \($0.int(4))" } == mentions)
        let (live, rebuilt) = try Self.indexAndRebuild(store.db)
        #expect(!live.isEmpty && live == rebuilt)
        #expect(try store.db.integrityCheck() == "ok")
        #expect(try store.db.query("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)

        // Every object is served byte for byte as version 7 stored it, alone and in the lists.
        let client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
        for (id, json) in sources { #expect(client.get("/v1/sources/" + id).text == json) }
        for (id, json) in studies { #expect(client.get("/v1/studies/" + id).text == json) }
        for (id, json) in claims { #expect(client.get("/v1/claims/" + id).text == json) }
        for (path, stored) in [("/v1/sources?limit=2", sources), ("/v1/studies?limit=2", studies)] {
            let listed = try client.pages(path).flatMap { $0["data"] as? [[String: Any]] ?? [] }
            let canonical = { (object: Any) in
                String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
            let expected = try stored.map { try canonical(try JSONSerialization.jsonObject(with: Data($0.1.utf8))) }
            #expect(try listed.map { try canonical($0) } == expected, "\(path)")
        }
    }

    /// Replacing every source, alone and in a group, takes each study out of its full-text index with the values it
    /// was indexed with and puts it back as it is now: the index stays what a rebuild from the rows makes.
    @Test func replacingSourcesKeepsTheStudiesIndexEqualToItsRows() throws {
        let corpus = try TestCorpus()
        let store = try corpus.store()
        for extraction in Self.extractionsWithMentions("-m") { #expect(try store.write(extraction) == .updated) }
        let before = try Self.searches.map { try Self.hits(store.db, $0) }
        let mentions = try store.db.query(Self.allMentions) { "\($0.text(0)) \($0.int(1)) \($0.text(2))" }
        let claimLinks = try store.db.queryFirst("SELECT count(*) FROM claim_concepts") { $0.int(0) } ?? 0
        #expect(!mentions.isEmpty && claimLinks > 0)
        for extraction in Self.extractionsWithMentions("-2") { #expect(try store.write(extraction) == .updated) }
        var (live, rebuilt) = try Self.indexAndRebuild(store.db)
        #expect(!live.isEmpty && live == rebuilt)
        #expect(try Self.searches.map { try Self.hits(store.db, $0) } == before)

        // In a group: a study's second report and a source that loses its studies, then the old versions back.
        try store.beginGroup()
        for var extraction in Self.extractionsWithMentions("-3").reversed() {
            extraction.studies = Array(extraction.studies.dropLast())
            try store.write(extraction)
        }
        try store.commitGroup()
        (live, rebuilt) = try Self.indexAndRebuild(store.db)
        #expect(live == rebuilt)
        try store.beginGroup()
        for extraction in Self.extractionsWithMentions("-m") { try store.write(extraction) }
        try store.commitGroup()
        (live, rebuilt) = try Self.indexAndRebuild(store.db)
        #expect(live == rebuilt)
        // Mentions are keyed by the source's rowid, which a replaced source changes: none is left behind.
        #expect(try store.db.query(Self.allMentions) { "\($0.text(0)) \($0.int(1)) \($0.text(2))" } == mentions)
        #expect(try store.db.queryFirst("""
            SELECT count(*) FROM mention_rows WHERE source_row NOT IN (SELECT rowid FROM sources)
            """) { $0.int(0) } == 0)
        // So are a claim's concept links, keyed by the claim's rowid.
        #expect(try store.db.queryFirst("SELECT count(*) FROM claim_concepts") { $0.int(0) } == claimLinks)
        #expect(try store.db.queryFirst("""
            SELECT count(*) FROM claim_concepts WHERE claim_row NOT IN (SELECT rowid FROM claims)
            """) { $0.int(0) } == 0)

        // A new source that reports the same studies: their indexed quotes and concepts grow by its report.
        var copy = try #require(Self.extractionsWithMentions().first)
        copy.source.file = "news/copy.txt"
        copy.source.sha256 = "copy-1"
        #expect(try store.write(copy) == .added)
        (live, rebuilt) = try Self.indexAndRebuild(store.db)
        #expect(live == rebuilt)
        copy.source.sha256 = "copy-2"
        #expect(try store.write(copy) == .updated)
        (live, rebuilt) = try Self.indexAndRebuild(store.db)
        #expect(live == rebuilt)
    }

    /// A study's indexed values hold its concepts' names: a lexicon that renames one rebuilds the index, so the
    /// study is found by the new name and its entry can still be taken out.
    @Test func aRenamedConceptIsSearchedByItsNewName() throws {
        let corpus = try TestCorpus()
        var concepts = corpus.lexicon.concepts
        let at = try #require(concepts.firstIndex { $0.id == "end-stage-kidney-disease" })
        concepts[at].name = "Zyxwvut kidney failure"
        let renamed = try Lexicon(concepts: concepts, ordinaryWords: corpus.lexicon.ordinaryWords)
        let store = try EvidenceStore(path: corpus.path, lexicon: renamed)
        #expect(try Self.hits(store.db, "zyxwvut").count == 1)
        for var extraction in TestCorpus.extractions() {
            extraction.source.sha256 += "-2"
            try store.write(extraction)
        }
        let (live, rebuilt) = try Self.indexAndRebuild(store.db)
        #expect(live == rebuilt)
    }
}
