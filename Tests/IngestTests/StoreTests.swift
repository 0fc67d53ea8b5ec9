import Foundation
import SQLiteDB
import Testing
@testable import Ingest
import EvidenceModel

/// The storing stage against real SQLite files: one transaction per document, replacement, stable ids.
@Suite struct StoreTests {
    let folder: String
    let lexicon: Lexicon

    init() throws {
        folder = NSTemporaryDirectory() + "evidence-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        lexicon = try Lexicon.load()
    }

    func extraction(file: String, text: String, sha: String, studyKey: String = "k1") -> Extraction {
        let source = SourceText(text)
        var study = ExtractedStudy(identityKey: studyKey, design: .rct, conditionIDs: ["calciphylaxis"],
                                   interventions: [StudyIntervention(conceptID: "vitamin-k2", formID: "mk-7")],
                                   direction: .benefit, mentions: [TextSpan(0, 5)])
        study.findings = [ExtractedFinding(interventionID: "vitamin-k2", formID: "mk-7", outcomeID: "calciphylaxis",
                                           direction: .benefit, span: TextSpan(0, source.count))]
        let claim = ExtractedClaim(span: TextSpan(0, source.count), kind: .efficacy, studyIndex: 0,
                                   conditionIDs: ["calciphylaxis"], interventionIDs: ["vitamin-k2"])
        return Extraction(source: ExtractedSource(file: file, text: source, sha256: sha, kind: .newsArticle),
                          studies: [study], claims: [claim])
    }

    func count(_ db: Database, _ table: String) throws -> Int {
        // Table names come from this test's own literals.
        try db.queryFirst("SELECT count(*) FROM " + table) { $0.int(0) } ?? -1
    }

    /// A poster the page does not name is served with `author: null`, not an empty string.
    @Test func aCommentWithoutAnAuthorIsServedWithNull() throws {
        let store = try EvidenceStore(path: folder + "/c.sqlite", lexicon: lexicon)
        let text = SourceText("A page.\nFirst reply here.\nSecond reply here.\n")
        let comments = [
            ExtractedComment(number: 1, author: "", authorID: "anonymous-1", span: TextSpan(8, 25)),
            ExtractedComment(number: 2, author: "Ruth", authorID: "ruth", span: TextSpan(26, 44)),
        ]
        let extraction = Extraction(source: ExtractedSource(file: "c.txt", text: text, sha256: "c1", kind: .forumThread),
                                    comments: comments)
        #expect(try store.write(extraction) == .added)
        let rendered = try store.db.query("SELECT json FROM comments ORDER BY number") { $0.text(0) }
        let authors = try rendered.map { json -> Any? in
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return object?["author"]
        }
        #expect(authors.count == 2)
        #expect(authors.first.flatMap { $0 } is NSNull)
        #expect(authors.last.flatMap { $0 } as? String == "Ruth")
    }

    @Test func sameBytesChangeNothingAndIdsAreStable() throws {
        let store = try EvidenceStore(path: folder + "/a.sqlite", lexicon: lexicon)
        #expect(try store.write(extraction(file: "a.txt", text: "Study one about K2.", sha: "s1")) == .added)
        let ids = try store.db.query("SELECT id FROM studies UNION ALL SELECT id FROM claims UNION ALL SELECT id FROM sources") { $0.text(0) }
        #expect(try store.write(extraction(file: "a.txt", text: "Study one about K2.", sha: "s1")) == .unchanged)
        // A changed file whose extracted facts are the same keeps the same ids.
        #expect(try store.write(extraction(file: "a.txt", text: "Study one about K2.", sha: "s2")) == .updated)
        let after = try store.db.query("SELECT id FROM studies UNION ALL SELECT id FROM claims UNION ALL SELECT id FROM sources") { $0.text(0) }
        #expect(ids == after)
    }

    @Test func anUpdatedFileReplacesItsOldRows() throws {
        let store = try EvidenceStore(path: folder + "/b.sqlite", lexicon: lexicon)
        try store.write(extraction(file: "b.txt", text: "First version, first study.", sha: "v1", studyKey: "old"))
        try store.write(extraction(file: "b.txt", text: "Second version, another study.", sha: "v2", studyKey: "new"))
        #expect(try count(store.db, "sources") == 1)
        #expect(try count(store.db, "studies") == 1)
        #expect(try count(store.db, "claims") == 1)
        #expect(try store.db.queryFirst("SELECT identity_key FROM studies") { $0.text(0) } == "new")
        #expect(try store.db.queryFirst("SELECT text FROM claim_texts") { $0.text(0) } == "Second version, another study.")
        #expect(try count(store.db, "claims_fts") == 1)
        #expect(try count(store.db, "studies_fts") == 1)
        #expect(try store.db.queryFirst("SELECT study_count FROM concepts WHERE id = 'calciphylaxis'") { $0.int(0) } == 1)
        #expect(try store.db.queryFirst("SELECT study_count FROM concepts WHERE id = 'vascular-calcification'") { $0.int(0) } == 1)
    }

    @Test func aStudyInTwoDocumentsIsOneStudyUntilBothAreGone() throws {
        let store = try EvidenceStore(path: folder + "/c.sqlite", lexicon: lexicon)
        try store.write(extraction(file: "one.txt", text: "Shared trial text one.", sha: "1", studyKey: "shared"))
        try store.write(extraction(file: "two.txt", text: "Shared trial text two.", sha: "2", studyKey: "shared"))
        #expect(try count(store.db, "studies") == 1)
        #expect(try count(store.db, "study_mentions") == 2)
        try store.write(extraction(file: "two.txt", text: "Now about something else.", sha: "3", studyKey: "other"))
        #expect(try count(store.db, "studies") == 2)
        #expect(try store.db.queryFirst("SELECT count(*) FROM study_mentions WHERE study_id = (SELECT id FROM studies WHERE identity_key = 'shared')") { $0.int(0) } == 1)
    }

    @Test func countsMatchAFullRecount() throws {
        let store = try EvidenceStore(path: folder + "/d.sqlite", lexicon: lexicon)
        for index in 0..<6 {
            try store.write(extraction(file: "f\(index % 3).txt", text: "Text number \(index).", sha: "h\(index)", studyKey: "k\(index % 2)"))
        }
        let mismatches = try store.db.query("""
            SELECT c.id FROM concepts c
            WHERE c.study_count <> (SELECT count(*) FROM study_concept_index i WHERE i.concept_id = c.id)
               OR c.claim_count <> (SELECT count(*) FROM claim_concept_index i WHERE i.concept_id = c.id)
               OR c.finding_count <> (SELECT count(*) FROM finding_concept_index i WHERE i.concept_id = c.id)
            """) { $0.text(0) }
        #expect(try store.db.queryFirst("SELECT finding_count FROM concepts WHERE id = 'vitamin-k'") { $0.int(0) } ?? 0 > 0)
        let pairs = try store.db.query("""
            SELECT count(*) FROM (
                SELECT c.concept_id AS condition_id, i.concept_id AS intervention_id, count(*) AS n FROM findings f
                JOIN finding_concept_index c ON c.finding_id = f.id JOIN concepts cc ON cc.id = c.concept_id AND cc.type = 'condition'
                JOIN finding_concept_index i ON i.finding_id = f.id JOIN concepts ic ON ic.id = i.concept_id AND ic.type = 'intervention'
                GROUP BY 1, 2) found
            FULL JOIN finding_pair_counts p USING (condition_id, intervention_id)
            WHERE found.n IS NOT p.findings
            """) { $0.int(0) }
        #expect(pairs == [0])
        #expect(try count(store.db, "finding_pair_counts") > 0)
        #expect(mismatches.isEmpty)
        // The evidence matrix's counts are the cells, counted.
        let matrix = try store.db.query("""
            SELECT count(*) FROM (
                SELECT condition_id, intervention_id, design, direction, coalesce(evidence_level, 9) AS level, count(*) AS n
                FROM evidence_cells GROUP BY 1, 2, 3, 4, 5) cells
            FULL JOIN evidence_counts e USING (condition_id, intervention_id, design, direction, level)
            WHERE cells.n IS NOT e.studies
            """) { $0.int(0) }
        #expect(matrix == [0])
        #expect(try count(store.db, "evidence_counts") > 0)
    }

    @Test func findingsGoWithTheirSourceAndTheClaimThatReportsOneNamesIt() throws {
        let store = try EvidenceStore(path: folder + "/g.sqlite", lexicon: lexicon)
        try store.write(extraction(file: "g.txt", text: "A trial found MK-7 healed calciphylaxis.", sha: "g1"))
        let finding = try #require(try store.db.queryFirst("SELECT id FROM findings") { $0.text(0) })
        #expect(try store.db.queryFirst("SELECT finding_id FROM claims") { $0.text(0) } == finding)
        // Indexed under the outcome, its broader conditions, the form and the substance.
        let indexed = Set(try store.db.query("SELECT concept_id FROM finding_concept_index WHERE finding_id = ?", [finding]) { $0.text(0) })
        #expect(indexed.isSuperset(of: ["calciphylaxis", "vascular-calcification", "mk-7", "vitamin-k2", "vitamin-k"]))
        #expect(try store.db.queryFirst("SELECT count(*) FROM evidence_cells WHERE condition_id = 'vascular-calcification' AND intervention_id = 'vitamin-k2'") { $0.int(0) } == 1)
        let study = try #require(try store.db.queryFirst("SELECT json FROM studies") { $0.text(0) })
        #expect(study.contains("\"role\":\"studied\"") && study.contains(finding))
        // A new version without the result takes the finding, its index rows and its matrix cells away.
        var bare = extraction(file: "g.txt", text: "A trial of MK-7 is planned.", sha: "g2")
        bare.studies[0].findings = []
        try store.write(bare)
        #expect(try count(store.db, "findings") == 0)
        #expect(try count(store.db, "finding_concept_index") == 0)
        #expect(try count(store.db, "evidence_cells") == 0)
        #expect(try count(store.db, "evidence_counts") == 0)
    }

    @Test func aFailedWriteLeavesThePreviousVersionWhole() throws {
        let store = try EvidenceStore(path: folder + "/e.sqlite", lexicon: lexicon)
        try store.write(extraction(file: "e.txt", text: "The good version.", sha: "good"))
        // A claim span outside the text is skipped, but a study with a key SQLite must reject is not: simulate a
        // failure mid-document with a disk that fills up.
        let pages = try store.db.queryFirst("PRAGMA page_count") { $0.int(0) } ?? 0
        try store.db.execute("PRAGMA max_page_count = " + String(pages))
        let big = String(repeating: "calcification and vitamin K2. ", count: 20_000)
        #expect(throws: SQLiteError.self) { try store.write(extraction(file: "e.txt", text: big, sha: "bad")) }
        try store.db.execute("PRAGMA max_page_count = 1073741823")
        #expect(try store.db.queryFirst("SELECT sha256 FROM sources WHERE file = 'e.txt'") { $0.text(0) } == "good")
        #expect(try count(store.db, "claims") == 1)
        let integrity = try store.db.integrityCheck()
        #expect(integrity == "ok", "\(integrity)")
    }

    @Test func schemaIsVersionedAndANewerDatabaseIsRefused() throws {
        let path = folder + "/f.sqlite"
        _ = try EvidenceStore(path: path, lexicon: lexicon)
        let db = try Database(path: path)
        #expect(try db.userVersion() == Schema.currentVersion)
        try db.setUserVersion(Schema.currentVersion + 1)
        #expect(throws: SchemaError.self) { try EvidenceStore(path: path, lexicon: lexicon) }
    }
}
