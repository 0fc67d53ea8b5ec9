import SchemaHistory
import Foundation
import Testing
@testable import EvidenceAPI
import EvidenceModel
import Ingest
import SQLiteDB

/// Schema version 7 renders claims and findings when they are read, keeps no mention quotes and no claim
/// index by claim. A version-6 file (as the build before it wrote one) is upgraded in place and answers the same.
@Suite struct SchemaVersion7Tests {
    /// Version 6's rendering of a claim and of a finding, as that build stored them.
    static let version6ClaimJSON = """
        UPDATE claims SET json = json_object(
            'id', id, 'source_id', source_id, 'text', text, 'start', start, 'end', "end", 'kind', kind,
            'hedged', json(CASE WHEN hedged THEN 'true' ELSE 'false' END), 'attributed_to', attributed_to,
            'study_id', study_id, 'finding_id', finding_id,
            'conditions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name)) FROM (
                    SELECT concept_id FROM claim_concepts WHERE claim_id = claims.id AND role = 'condition' ORDER BY ordinal
                ) k JOIN concepts c ON c.id = k.concept_id), '[]')),
            'interventions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name)) FROM (
                    SELECT concept_id FROM claim_concepts WHERE claim_id = claims.id AND role = 'intervention' ORDER BY ordinal
                ) k JOIN concepts c ON c.id = k.concept_id), '[]')))
        """
    static let version6FindingJSON = """
        UPDATE findings SET json = json_object(
            'id', id, 'study_id', study_id,
            'design', (SELECT design FROM studies WHERE id = findings.study_id),
            'evidence_level', (SELECT evidence_level FROM studies WHERE id = findings.study_id),
            'intervention', json_object('id', intervention_id,
                                        'name', (SELECT name FROM concepts WHERE id = findings.intervention_id),
                                        'form', (SELECT name FROM concepts WHERE id = findings.form_id)),
            'arm', arm,
            'outcome', json_object('id', outcome_id, 'name', (SELECT name FROM concepts WHERE id = findings.outcome_id)),
            'direction', direction, 'effect', effect,
            'hedged', json(CASE WHEN hedged THEN 'true' ELSE 'false' END),
            'source_id', source_id, 'start', start, 'end', "end", 'quote', quote)
        """

    /// Turns a file written by this build back into version 6: the claims' text, the quotes and the claims'
    /// full-text index over the claims themselves; the stored JSON columns, filled as version 6 filled them; and
    /// the claim index with its foreign key and its index by claim.
    static func downgradeToVersion6(_ path: String) throws {
        let db = try Database(path: path)
        try SchemaVersion6Shape.restore(db)
        try db.execute(version6ClaimJSON)
        try db.execute(version6FindingJSON)
    }

    func columns(_ db: Database, _ table: String) throws -> [String] {
        try db.query("SELECT name FROM pragma_table_info(?)", [table]) { $0.text(0) }
    }

    @Test func aVersion6FileIsUpgradedAndServesTheSameObjects() throws {
        let corpus = try TestCorpus()
        try Self.downgradeToVersion6(corpus.path)
        let old = try Database(path: corpus.path)
        let claims = try old.query("SELECT id, json FROM claims ORDER BY id") { ($0.text(0), $0.text(1)) }
        let findings = try old.query("SELECT id, json FROM findings ORDER BY id") { ($0.text(0), $0.text(1)) }
        let index = try old.query("SELECT concept_id, claim_id FROM claim_concept_index ORDER BY 1, 2") { $0.text(0) + " " + $0.text(1) }
        #expect(claims.count > 1 && findings.count > 1 && !index.isEmpty)
        #expect(try old.userVersion() == 6)

        let store = try corpus.store()   // opening for writing upgrades
        #expect(try store.db.userVersion() == Schema.currentVersion)
        #expect(try !columns(store.db, "claims").contains("json"))
        #expect(try !columns(store.db, "findings").contains("json"))
        #expect(try !columns(store.db, "mentions").contains("quote"))
        #expect(try !columns(store.db, "study_mentions").contains("quote"))
        #expect(try !columns(store.db, "findings").contains("quote"))
        #expect(try !columns(store.db, "claims").contains("text"))
        // The claims' full-text index reads their text from the sources now, and still finds them.
        try store.db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
        #expect(try store.db.queryFirst("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'calcification'") { $0.int(0) } ?? 0 > 0)
        #expect(try store.db.queryFirst("SELECT count(*) FROM sqlite_master WHERE name = 'claim_concept_index_claim'") { $0.int(0) } == 0)
        #expect(try store.db.query("SELECT * FROM pragma_foreign_key_list('claim_concept_index')") { $0.text(2) }.isEmpty)
        #expect(try store.db.query("SELECT concept_id, claim_id FROM claim_concept_index ORDER BY 1, 2") { $0.text(0) + " " + $0.text(1) } == index)
        #expect(try store.db.integrityCheck() == "ok")
        #expect(try store.db.query("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)

        // Every object is served byte for byte as version 6 stored it.
        let client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
        for (id, json) in claims {
            #expect(client.get("/v1/claims/" + id).text == json)
        }
        for (id, json) in findings {
            #expect(client.get("/v1/findings/" + id).text == json)
        }
        let listed = try client.pages("/v1/claims?limit=2").flatMap { $0["data"] as? [[String: Any]] ?? [] }
        #expect(listed.count == claims.count)
    }

    /// Replacing a source takes its rows out of the claim index (no foreign key cascades there any more) and keeps
    /// the concepts' claim counts equal to the index.
    @Test func replacingASourceLeavesNoClaimIndexRowBehind() throws {
        let corpus = try TestCorpus()
        let store = try corpus.store()
        let before = try store.db.queryFirst("SELECT count(*) FROM claim_concept_index") { $0.int(0) } ?? 0
        #expect(before > 0)
        for var extraction in TestCorpus.extractions() {
            extraction.source.sha256 += "-2"
            #expect(try store.write(extraction) == .updated)
        }
        #expect(try store.db.queryFirst("SELECT count(*) FROM claim_concept_index") { $0.int(0) } == before)
        let orphans = try store.db.queryFirst("""
            SELECT count(*) FROM claim_concept_index i
            WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = i.claim_id AND c.source_id = i.source_id AND c.start = i.start)
            """) { $0.int(0) }
        #expect(orphans == 0)
        let wrongCounts = try store.db.queryFirst("""
            SELECT count(*) FROM concepts c WHERE c.claim_count <> (SELECT count(*) FROM claim_concept_index i WHERE i.concept_id = c.id)
            """) { $0.int(0) }
        #expect(wrongCounts == 0)
    }

    /// A study embeds each of its findings as /v1/findings/{id} serves it, less the study's own fields.
    @Test func aStudyEmbedsItsFindingsAsTheFindingRouteRendersThem() throws {
        let corpus = try TestCorpus()
        let client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
        var compared = 0
        for study in try client.pages("/v1/studies?limit=100").flatMap({ $0["data"] as? [[String: Any]] ?? [] }) {
            for embedded in study["findings"] as? [[String: Any]] ?? [] {
                let id = try #require(embedded["id"] as? String)
                var served = try client.json("/v1/findings/" + id)
                #expect(served["study_id"] as? String == study["id"] as? String)
                for key in ["study_id", "design", "evidence_level"] { served.removeValue(forKey: key) }
                let canonical = { (object: [String: Any]) in
                    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
                }
                #expect(try canonical(served) == canonical(embedded), "\(id)")
                compared += 1
            }
        }
        #expect(compared >= 2)
    }
}
