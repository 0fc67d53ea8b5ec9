import SchemaHistory
import Foundation
import Testing
@testable import EvidenceAPI
import EvidenceModel
import Ingest
import SQLiteDB

/// Schema version 9 keys the claim concept index by the rowids of the concept and the claim (claim_concept_rows),
/// and indexes by study and by finding only the claims that have one. A version-8 file is upgraded in place and
/// lists the same claims in the same order, page by page; the store keeps the index equal to the claims it has.
@Suite struct SchemaVersion9Tests {
    /// A source whose two claims start at the same place (the lists order them by id) and a third after them,
    /// all about one condition and one intervention, so that ties are listed across pages.
    static func tiedClaims(sha256: String = "t1") -> Extraction {
        let text = SourceText("""
            Magnesium with vitamin K2 was tried in older adults. It slowed arterial calcification in a small group.
            Vitamin K2 alone did less for arterial calcification.
            """)
        let sentence = TestCorpus.span(text, "Magnesium with vitamin K2 was tried in older adults.")
        let concepts = (conditions: ["arterial-calcification"], interventions: ["vitamin-k2"])
        return Extraction(
            source: ExtractedSource(file: "ties.txt", text: text, sha256: sha256, kind: .blogPost, title: "Ties"),
            claims: [ExtractedClaim(span: TextSpan(sentence.start, sentence.end), kind: .efficacy,
                                    conditionIDs: concepts.conditions, interventionIDs: concepts.interventions),
                     ExtractedClaim(span: TextSpan(sentence.start, TestCorpus.span(text, "in a small group.").end), kind: .efficacy,
                                    conditionIDs: concepts.conditions, interventionIDs: concepts.interventions),
                     ExtractedClaim(span: TestCorpus.span(text, "Vitamin K2 alone did less for arterial calcification."),
                                    kind: .efficacy, conditionIDs: concepts.conditions, interventionIDs: concepts.interventions)])
    }

    static let lists = ["/v1/claims?condition=arterial-calcification", "/v1/claims?condition=vascular-calcification",
                        "/v1/claims?intervention=vitamin-k2", "/v1/claims?intervention=vitamin-k",
                        "/v1/claims?condition=vascular-calcification&intervention=vitamin-k",
                        "/v1/claims?intervention=vitamin-k&kind=efficacy", "/v1/claims?condition=calciphylaxis&hedged=true",
                        "/v1/claims", "/v1/claims?study=st_nothing"]

    /// Every page of a list at one claim a page, as served (bodies byte for byte), following the cursors.
    static func pages(_ client: APIClient, _ list: String) throws -> [String] {
        let first = list + (list.contains("?") ? "&" : "?") + "limit=1"
        var bodies: [String] = []
        var next: String?
        repeat {
            let response = client.get(next.map { first + "&cursor=" + $0 } ?? first)
            #expect(response.status == 200, "\(list)")
            bodies.append(response.text)
            let body = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            next = (body?["meta"] as? [String: Any])?["next_cursor"] as? String
        } while next != nil && bodies.count < 100
        return bodies
    }

    static func ids(_ bodies: [String]) throws -> [String] {
        try bodies.flatMap { body -> [String] in
            let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            return (object?["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
    }

    static let indexRows = "SELECT concept_id, source_id, start, claim_id FROM claim_concept_index ORDER BY 1, 2, 3, 4"

    @Test func aVersion8FileIsUpgradedAndListsTheSameClaims() throws {
        let corpus = try TestCorpus()
        do {
            let store = try corpus.store()
            #expect(try store.write(Self.tiedClaims()) == .added)
        }
        let before = try Self.lists.map { try Self.pages(APIClient(api: EvidenceAPI(databasePath: corpus.path)), $0) }
        #expect(try Self.ids(before[0]).count >= 4)   // the three claims of the ties source and the corpus's own

        let old = try Database(path: corpus.path)
        try SchemaVersion8Shape.restore(old)
        #expect(try old.userVersion() == 8)
        let rows = try old.query(Self.indexRows) { "\($0.text(0)) \($0.text(1)) \($0.int(2)) \($0.text(3))" }
        #expect(!rows.isEmpty)
        // Version 8's order of a concept's claims: its index read by (source, start, claim id).
        let oldOrder = try old.query("""
            SELECT claim_id FROM claim_concept_index WHERE concept_id = 'arterial-calcification' ORDER BY source_id, start, claim_id
            """) { $0.text(0) }
        let ties = try old.query("""
            SELECT id FROM claims WHERE source_id = 'ties' AND start = (SELECT min(start) FROM claims WHERE source_id = 'ties') ORDER BY id
            """) { $0.text(0) }
        #expect(ties.count == 2)
        #expect(try Self.ids(before[0]) == oldOrder)

        let store = try corpus.store()   // opening for writing upgrades
        #expect(try store.db.userVersion() == Schema.currentVersion)
        #expect(try store.db.query(Self.indexRows) { "\($0.text(0)) \($0.text(1)) \($0.int(2)) \($0.text(3))" } == rows)
        #expect(try store.db.queryFirst("SELECT type FROM sqlite_master WHERE name = 'claim_concept_index'") { $0.text(0) } == "view")
        #expect(try store.db.integrityCheck() == "ok")
        #expect(try store.db.query("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)
        for (index, column) in [("claims_study", "study_id"), ("claims_finding", "finding_id")] {
            let plan = try store.db.query("EXPLAIN QUERY PLAN SELECT id FROM claims WHERE \(column) = ?", ["x"]) { $0.text(3) }
            #expect(plan.joined().contains(index), "\(plan)")
            let partial = try store.db.queryFirst("SELECT partial FROM pragma_index_list('claims') WHERE name = ?", [index]) { $0.int(0) }
            #expect(partial == 1)
        }

        // Every page of every list byte for byte, cursors included; the tied claims in id order.
        let after = try Self.lists.map { try Self.pages(APIClient(api: EvidenceAPI(databasePath: corpus.path)), $0) }
        for (list, (was, now)) in zip(Self.lists, zip(before, after)) { #expect(now == was, "\(list)") }
        let listed = try Self.ids(after[0])
        #expect(listed.filter(ties.contains) == ties)
    }

    /// Replacing a source, alone and in a group, takes its rows out of the index by key range and writes the new
    /// claims' rows: none is left behind, and each concept's stored count equals its rows.
    @Test func replacingSourcesLeavesNoIndexRowBehind() throws {
        let corpus = try TestCorpus()
        let store = try corpus.store()
        #expect(try store.write(Self.tiedClaims()) == .added)
        let rows = try store.db.query(Self.indexRows) { "\($0.text(0)) \($0.text(1)) \($0.int(2)) \($0.text(3))" }
        let orphans = """
            SELECT (SELECT count(*) FROM claim_concept_rows WHERE claim_row NOT IN (SELECT rowid FROM claims))
                 + (SELECT count(*) FROM concepts c WHERE c.claim_count <> (SELECT count(*) FROM claim_concept_rows i WHERE i.concept_row = c.rowid))
            """
        #expect(try store.db.queryFirst(orphans) { $0.int(0) } == 0)
        #expect(try store.write(Self.tiedClaims(sha256: "t2")) == .updated)
        for var extraction in TestCorpus.extractions() {
            extraction.source.sha256 += "-2"
            #expect(try store.write(extraction) == .updated)
        }
        #expect(try store.db.queryFirst(orphans) { $0.int(0) } == 0)
        try store.beginGroup()
        var lessClaims = Self.tiedClaims(sha256: "t3")
        lessClaims.claims.removeLast()
        try store.write(lessClaims)
        for extraction in TestCorpus.extractions() { try store.write(extraction) }
        try store.commitGroup()
        #expect(try store.db.queryFirst(orphans) { $0.int(0) } == 0)
        #expect(try store.db.queryFirst("SELECT count(*) FROM claim_concept_rows") { $0.int(0) } ?? 0 < rows.count)
        #expect(try store.write(Self.tiedClaims(sha256: "t4")) == .updated)
        #expect(try store.db.query(Self.indexRows) { "\($0.text(0)) \($0.text(1)) \($0.int(2)) \($0.text(3))" } == rows)
        #expect(try store.db.queryFirst(orphans) { $0.int(0) } == 0)
    }
}
