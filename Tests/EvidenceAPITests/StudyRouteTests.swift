import Foundation
import Testing
@testable import EvidenceAPI

@Suite struct StudyRouteTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    @Test func listsEveryStudyOnceWithTheEnvelope() throws {
        let body = try client.json("/v1/studies")
        let meta = try #require(body["meta"] as? [String: Any])
        #expect(meta["total"] as? Int == 4)
        #expect(meta["limit"] as? Int == 20)
        #expect(meta["next_cursor"] is NSNull)
        #expect(try client.ids("/v1/studies").count == 4)
    }

    @Test func aStudyReportedByTwoSourcesIsOneStudyWithBothMentions() throws {
        let ids = try client.ids("/v1/studies?design=rct")
        #expect(ids.count == 1)
        let study = try client.json("/v1/studies/\(ids[0])")
        let mentions = try #require(study["mentions"] as? [[String: Any]])
        #expect(Set(mentions.compactMap { $0["source_id"] as? String }).count == 2)
        let conditions = (study["conditions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(conditions.contains("calciphylaxis") && conditions.contains("arterial-calcification"))
        let intervention = try #require((study["interventions"] as? [[String: Any]])?.first)
        #expect(intervention["id"] as? String == "vitamin-k2")
        #expect(intervention["form"] as? String != nil)
        #expect((intervention["dose"] as? [String: Any])?["mcg_per_day"] as? Double == 360)
        #expect((study["duration"] as? [String: Any])?["days"] as? Double == 540)
        #expect((study["population"] as? [String: Any])?["size"] as? Int == 120)
        #expect((study["publication"] as? [String: Any])?["year"] as? Int == 2021)
        #expect(study["evidence_level"] as? Int == 2)
    }

    @Test func mentionQuotesMatchTheSourceTextAtTheirOffsets() throws {
        for id in try client.ids("/v1/studies") {
            let study = try client.json("/v1/studies/\(id)")
            for mention in study["mentions"] as? [[String: Any]] ?? [] {
                let source = try #require(mention["source_id"] as? String)
                let text = Array(client.get("/v1/sources/\(source)/text").text.unicodeScalars)
                let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: text[start..<end])
                #expect(String(slice) == mention["quote"] as? String)
            }
        }
    }

    @Test func conditionMatchesNarrowerConceptsSynonymsAndMisspellings() throws {
        // vascular calcification ⊃ arterial ⊃ aortic and coronary artery calcification, and ⊃ calciphylaxis.
        #expect(try client.ids("/v1/studies?condition=vascular%20calcification").count == 4)
        #expect(try client.ids("/v1/studies?condition=vascular-calcification").count == 4)
        #expect(try client.ids("/v1/studies?condition=VASCULAR+CALCIFICATION").count == 4)
        #expect(try client.ids("/v1/studies?condition=vascular%20calcifcation").count == 4)
        #expect(try client.ids("/v1/studies?condition=aortic%20calcification").count == 1)
        #expect(try client.ids("/v1/studies?condition=calciphylaxis").count == 1)
    }

    @Test func interventionMatchesFormsAndBroaderSubstances() throws {
        #expect(try client.ids("/v1/studies?intervention=vitamin%20K").count == 2)   // K1 and K2
        #expect(try client.ids("/v1/studies?intervention=MK-7").count == 1)
        #expect(try client.ids("/v1/studies?intervention=menaquinone-7").count == 1)
        #expect(try client.ids("/v1/studies?intervention=vitamin%20K1").count == 1)
    }

    @Test func filtersCombine() throws {
        #expect(try client.ids("/v1/studies?species=rat").count == 1)
        #expect(try client.ids("/v1/studies?direction=harm").count == 1)
        #expect(try client.ids("/v1/studies?min_year=2015&max_year=2021").count == 2)
        #expect(try client.ids("/v1/studies?condition=vascular%20calcification&design=cohort").count == 1)
        #expect(try client.ids("/v1/studies?source=guide").count == 1)
        #expect(try client.ids("/v1/studies?q=haemodialysis").count == 1)
    }

    @Test func sortsByYearBothWaysAndByEvidenceLevel() throws {
        let years = { (target: String) throws -> [Int?] in
            (try client.json(target)["data"] as? [[String: Any]] ?? []).map { ($0["publication"] as? [String: Any])?["year"] as? Int }
        }
        #expect(try years("/v1/studies?sort=year") == [2007, 2015, 2021, 2024])
        #expect(try years("/v1/studies?sort=-year") == [2024, 2021, 2015, 2007])
        let levels = (try client.json("/v1/studies?sort=evidence_level")["data"] as? [[String: Any]] ?? []).map { $0["evidence_level"] as? Int }
        #expect(levels == [2, 3, 5, 5])
        #expect(client.get("/v1/studies?sort=relevance").status == 400)
    }

    @Test func unknownIdIs404WithProblemJSON() {
        let response = client.get("/v1/studies/st_nope")
        #expect(response.status == 404)
        #expect(response.header("content-type") == "application/problem+json")
        #expect(response.text.contains("\"status\":404"))
    }
}

extension StudyRouteTests {
    @Test func doseAndDurationCarryTheirSourceAndOffsets() throws {
        let id = try client.ids("/v1/studies?design=rct")[0]
        let study = try client.json("/v1/studies/\(id)")
        let dose = try #require(((study["interventions"] as? [[String: Any]])?.first?["dose"]) as? [String: Any])
        let duration = try #require(study["duration"] as? [String: Any])
        for (fact, quote) in [(dose, "360 mcg/day"), (duration, "18 months")] {
            let source = try #require(fact["source_id"] as? String)
            let text = Array(client.get("/v1/sources/\(source)/text").text.unicodeScalars)
            let start = try #require(fact["start"] as? Int), end = try #require(fact["end"] as? Int)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: text[start..<end])
            #expect(String(slice) == quote)
            #expect(fact["text"] as? String == quote)
        }
    }
}
