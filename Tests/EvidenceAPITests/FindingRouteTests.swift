import Foundation
import Testing
@testable import EvidenceAPI
import EvidenceModel
import SQLiteDB

/// /v1/findings and /v1/findings/{id} on the hand-made corpus, through the real store and SQLite.
@Suite struct FindingRouteTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    func outcomes(_ target: String) throws -> [String] {
        try client.pages(target).flatMap { $0["data"] as? [[String: Any]] ?? [] }
            .compactMap { ($0["outcome"] as? [String: Any])?["id"] as? String }
    }

    @Test func listsEveryFindingWithItsStudysDesign() throws {
        let body = try client.json("/v1/findings")
        #expect((body["meta"] as? [String: Any])?["total"] as? Int == 4)
        let rows = try #require(body["data"] as? [[String: Any]])
        let trial = try #require(rows.first { ($0["intervention"] as? [String: Any])?["id"] as? String == "vitamin-k2" })
        #expect(trial["design"] as? String == "rct")
        #expect(trial["evidence_level"] as? Int == 2)
        #expect((trial["intervention"] as? [String: Any])?["form"] as? String == "MK-7")
        #expect(trial["direction"] as? String == "benefit")
        #expect(trial["study_id"] as? String != nil)
    }

    @Test func conditionIncludesNarrowerOutcomesAndInterventionIncludesForms() throws {
        // vascular calcification ⊃ arterial (K2 trial) ⊃ aortic (K1 rat) and coronary artery calcification (statins).
        #expect(try outcomes("/v1/findings?condition=vascular%20calcification").count == 4)
        #expect(try outcomes("/v1/findings?condition=aortic%20calcification") == ["aortic-calcification"])
        #expect(try client.ids("/v1/findings?intervention=vitamin%20K").count == 2)
        #expect(try client.ids("/v1/findings?intervention=MenaQ7").count == 1)
        #expect(try client.ids("/v1/findings?intervention=not-a-substance").isEmpty)
        // The totals come from the store's counts; they are what the pages list.
        for target in ["/v1/findings?condition=vascular-calcification", "/v1/findings?intervention=vitamin-k",
                       "/v1/findings?condition=vascular-calcification&intervention=vitamin-k"] {
            let total = (try client.json(target)["meta"] as? [String: Any])?["total"] as? Int
            #expect(total == (try client.pages(target + "&limit=1").flatMap { $0["data"] as? [Any] ?? [] }.count), "\(target)")
        }
    }

    @Test func filtersByDirectionDesignStudyAndSource() throws {
        #expect(try client.ids("/v1/findings?direction=harm").count == 1)
        #expect(try client.ids("/v1/findings?direction=no_effect&design=guideline").count == 1)
        #expect(try client.ids("/v1/findings?design=animal").count == 1)
        let study = try #require(try client.ids("/v1/studies?design=cohort").first)
        #expect(try client.ids("/v1/findings?study=\(study)").count == 1)
        let sources = try client.ids("/v1/sources")
        let total = try sources.reduce(0) { $0 + (try client.ids("/v1/findings?source=\($1)").count) }
        #expect(total == 4)
        #expect(client.get("/v1/findings?direction=sideways").status == 400)
    }

    @Test func anItemIsTheListsObjectAndItsQuoteIsTheSourceText() throws {
        for id in try client.ids("/v1/findings") {
            let finding = try client.json("/v1/findings/\(id)")
            #expect(finding["id"] as? String == id)
            let source = try #require(finding["source_id"] as? String)
            let text = Array(client.get("/v1/sources/\(source)/text").text.unicodeScalars)
            let start = try #require(finding["start"] as? Int), end = try #require(finding["end"] as? Int)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: text[start..<end])
            #expect(String(slice) == finding["quote"] as? String)
        }
        #expect(client.get("/v1/findings/fd_nothing").status == 404)
    }

    @Test func studiesCarryTheirFindingsAndInterventionRoles() throws {
        let id = try #require(try client.ids("/v1/studies?design=rct").first)
        let study = try client.json("/v1/studies/\(id)")
        let findings = try #require(study["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["design"] == nil)   // inside its study a finding does not repeat the study
        #expect((study["interventions"] as? [[String: Any]])?.first?["role"] as? String == "studied")
    }

    @Test func pagesNeverSkipOrRepeatAndCSVHasAFixedHeader() throws {
        let all = try client.ids("/v1/findings?limit=100")
        let paged = try client.pages("/v1/findings?limit=1").flatMap { $0["data"] as? [[String: Any]] ?? [] }.compactMap { $0["id"] as? String }
        #expect(paged == all)
        let csv = client.get("/v1/findings.csv?limit=2")
        #expect(csv.status == 200)
        let header = String(csv.text.split(separator: "\r\n").first ?? "")
        #expect(header.contains("intervention.id") && header.contains("outcome.name") && header.contains("direction"))
        let etag = try #require(client.get("/v1/findings").header("ETag"))
        #expect(client.get("/v1/findings", headers: [("If-None-Match", etag)]).status == 304)
    }

    @Test func theConceptFiltersAreIndexRangesWithoutASort() throws {
        let db = try Database(path: corpus.path)
        for sql in ["SELECT " + FindingJSON.expression + " FROM findings f JOIN finding_concept_index ci ON ci.finding_id = f.id AND ci.concept_id = 'vascular-calcification' ORDER BY ci.finding_id LIMIT 21",
                    "SELECT " + FindingJSON.expression + " FROM findings f JOIN finding_concept_index ci ON ci.finding_id = f.id AND ci.concept_id = 'vascular-calcification' JOIN finding_concept_index ii ON ii.finding_id = f.id AND ii.concept_id = 'vitamin-k' ORDER BY ci.finding_id LIMIT 21",
                    "SELECT condition_id, intervention_id FROM evidence_counts WHERE condition_id = 'vascular-calcification'"] {
            let plan = try db.query("EXPLAIN QUERY PLAN " + sql) { $0.text(3) }.joined(separator: " | ")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
            #expect(!plan.contains("SCAN f") && !plan.contains("SCAN findings"), "\(plan)")
        }
    }
}
