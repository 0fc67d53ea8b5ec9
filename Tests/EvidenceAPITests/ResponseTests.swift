import Foundation
import Ingest
import SQLiteDB
import Testing
@testable import EvidenceAPI
import EvidenceModel

@Suite struct ResponseTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    @Test func etagAndIfNoneMatchGive304() throws {
        let first = client.get("/v1/studies")
        let etag = try #require(first.header("etag"))
        #expect(first.header("cache-control") == "public, max-age=60")
        let second = client.get("/v1/studies", headers: [("If-None-Match", etag)])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(client.get("/v1/studies", headers: [("If-None-Match", "\"other\"")]).status == 200)
        #expect(client.get("/v1/studies?limit=1").header("etag") != etag)
    }

    @Test func jsonResponsesCarrySecurityHeaders() {
        for target in ["/v1/studies", "/v1/nope", "/health"] {
            let response = client.get(target)
            #expect(response.header("x-content-type-options") == "nosniff", "\(target)")
            #expect(response.header("content-security-policy") == "default-src 'none'", "\(target)")
        }
    }

    @Test func csvByFormatOrAcceptHasAHeaderRowAndJoinsLists() throws {
        let byFormat = client.get("/v1/studies?format=csv&sort=year")
        #expect(byFormat.status == 200)
        #expect(byFormat.header("content-type") == "text/csv; charset=utf-8")
        let lines = byFormat.text.split(separator: "\r\n")
        #expect(lines.count == 5)
        #expect(lines[0].contains("design") && lines[0].contains("population.size"))
        #expect(byFormat.text.contains("arterial calcification; "))
        let byAccept = client.get("/v1/studies?sort=year", headers: [("Accept", "text/csv")])
        #expect(byAccept.header("content-type") == "text/csv; charset=utf-8")
        #expect(byAccept.body == byFormat.body)
        #expect(client.get("/v1/studies/\(try client.ids("/v1/studies")[0])", headers: [("Accept", "text/csv")])
                    .header("content-type") == "application/json; charset=utf-8")
    }

    @Test func sourceTextIsPlainTextAndSourcesCarryCounts() throws {
        let text = client.get("/v1/sources/guide/text")
        #expect(text.header("content-type") == "text/plain; charset=utf-8")
        #expect(text.text.hasPrefix("Guideline:"))
        let source = try client.json("/v1/sources/blog")
        #expect(source["kind"] as? String == "blog_post")
        #expect((source["counts"] as? [String: Any])?["comments"] as? Int == 2)
        #expect(source["industry_sponsored"] as? Bool == false)
        #expect(client.get("/v1/sources/none").status == 404)
    }

    @Test func claimsAndCommentsFilter() throws {
        #expect(try client.ids("/v1/claims?hedged=true").count == 1)
        #expect(try client.ids("/v1/claims?condition=vascular%20calcification").count == 4)
        #expect(try client.ids("/v1/claims?kind=safety").count == 1)
        #expect(try client.ids("/v1/claims?intervention=warfarin").count == 1)
        let claim = try client.json("/v1/claims/\(try client.ids("/v1/claims?hedged=true")[0])")
        #expect(claim["attributed_to"] as? String == "Ada Lovelace")
        #expect(try client.ids("/v1/comments?question=true").count == 1)
        #expect(try client.ids("/v1/comments?promotional=true").count == 1)
        #expect(try client.ids("/v1/comments?author=SAM").count == 1)
        let reply = try client.json("/v1/comments/\(try client.ids("/v1/comments?author=lee")[0])")
        #expect(reply["reply_to"] as? String == (try client.ids("/v1/comments?author=sam")[0]))
        let question = try client.json("/v1/comments/\(try client.ids("/v1/comments?author=sam")[0])")
        #expect((question["doses"] as? [[String: Any]])?.first?["mcg_per_day"] as? Double == 5000)
    }

    @Test func conceptsShowSynonymsLinksAndCounts() throws {
        let concept = try client.json("/v1/conditions/vascular-calcification")
        #expect((concept["narrower"] as? [String])?.contains("arterial-calcification") == true)
        #expect((concept["narrower"] as? [String])?.contains("calciphylaxis") == true)
        #expect(concept["study_count"] as? Int == 4)   // CAC is arterial, so vascular, calcification
        #expect(try client.json("/v1/conditions/ESRD")["id"] as? String != nil)
        #expect(client.get("/v1/conditions/vitamin-k2").status == 404)   // an intervention, not a condition
        #expect(try client.json("/v1/interventions/MenaQ7")["id"] as? String == "mk-7")
        #expect(try client.ids("/v1/conditions?q=calciphylaxis").contains("calciphylaxis"))
    }

    @Test func evidenceMatrixHasOneRowPerIntervention() throws {
        let matrix = try client.json("/v1/conditions/vascular%20calcification/evidence")
        let rows = try #require(matrix["data"] as? [[String: Any]])
        let byIntervention = Dictionary(uniqueKeysWithValues: rows.compactMap { row -> (String, [String: Any])? in
            ((row["intervention"] as? [String: Any])?["id"] as? String).map { ($0, row) }
        })
        // Rows come from findings; a finding counts for its intervention and every broader one (vitamin K for K1
        // and K2), as intervention= of /v1/findings includes narrower ones.
        #expect(Set(byIntervention.keys) == ["vitamin-k2", "vitamin-k1", "vitamin-k", "warfarin", "vitamin-k-antagonists",
                                             "anticoagulants", "statins", "lipid-lowering-drugs"])
        #expect(byIntervention["vitamin-k"]?["study_count"] as? Int == 2)
        #expect(byIntervention["statins"]?["conflicting"] as? Bool == false)
        #expect(byIntervention["vitamin-k2"]?["findings"] as? String
                == "/v1/findings?condition=vascular-calcification&intervention=vitamin-k2")
        #expect((byIntervention["vitamin-k2"]?["by_design"] as? [String: Any])?["rct"] as? Int == 1)
        #expect((byIntervention["warfarin"]?["by_direction"] as? [String: Any])?["harm"] as? Int == 1)
        #expect(byIntervention["vitamin-k2"]?["best_evidence_level"] as? Int == 2)
        #expect(client.get("/v1/conditions/not-a-condition/evidence").status == 404)
    }

    @Test func searchFindsEveryKindWithSnippets() throws {
        let hits = try #require(try client.json("/v1/search?q=warfarin&limit=100")["data"] as? [[String: Any]])
        #expect(Set(hits.compactMap { $0["type"] as? String }) == ["study", "claim", "comment", "source"])
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("«") == true && $0["source_id"] is String })
    }

    @Test func healthCountsAndTurns503WhenTheDatabaseCannotBeRead() throws {
        let health = try client.json("/health")
        #expect(health["status"] as? String == "ok")
        #expect(health["documents"] as? Int == 3)
        let garbage = corpus.folder + "/garbage.sqlite"
        try Data(repeating: 7, count: 8192).write(to: URL(fileURLWithPath: garbage))
        let broken = APIClient(api: EvidenceAPI(databasePath: garbage))
        #expect(broken.get("/health").status == 503)
        #expect(broken.get("/v1/studies").status == 503)
        #expect(!broken.get("/v1/studies").text.contains(corpus.folder))
        let missing = APIClient(api: EvidenceAPI(databasePath: corpus.folder + "/missing.sqlite"))
        #expect(missing.get("/health").status == 503)
    }

    @Test func aNewIngestIsServedWithoutARestart() throws {
        let before = try client.json("/v1/sources")["meta"] as? [String: Any]
        #expect(before?["total"] as? Int == 3)
        let text = SourceText("Magnesium may slow arterial stiffness.")
        let store = try corpus.store()
        try store.write(Extraction(source: ExtractedSource(file: "late.txt", text: text, sha256: "d1", kind: .other)))
        let after = try client.json("/v1/sources")["meta"] as? [String: Any]
        #expect(after?["total"] as? Int == 4)
    }
}
