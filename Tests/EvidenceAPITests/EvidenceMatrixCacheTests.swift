import Foundation
import Ingest
import Testing
@testable import EvidenceAPI
import EvidenceModel

/// The evidence matrix is kept rendered between ingests (EvidenceMatrixCache): a repeat answers the same
/// bytes, and a new ingest is seen at once, never an older matrix.
@Suite struct EvidenceMatrixCacheTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    func vitaminK2Count(_ target: String) throws -> Int? {
        let rows = try #require(try client.json(target)["data"] as? [[String: Any]])
        let row = rows.first { ($0["intervention"] as? [String: Any])?["id"] as? String == "vitamin-k2" }
        return row?["study_count"] as? Int
    }

    @Test func aRepeatAnswersTheSameBytesAndANewIngestIsSeen() throws {
        let target = "/v1/conditions/vascular%20calcification/evidence"
        let first = client.get(target)
        #expect(first.status == 200)
        #expect(client.get(target).body == first.body)
        // Another name of the same condition is the same matrix.
        #expect(client.get("/v1/conditions/vascular-calcification/evidence").body == first.body)
        let before = try #require(try vitaminK2Count(target))

        let text = SourceText("A cohort study of 300 adults found vitamin K2 slowed vascular calcification.")
        var study = ExtractedStudy(
            identityKey: "late-cohort-k2", design: .cohort, species: .human, conditionIDs: ["vascular-calcification"],
            interventions: [StudyIntervention(conceptID: "vitamin-k2")], direction: .benefit,
            mentions: [TestCorpus.span(text, "A cohort study of 300 adults")])
        study.findings = [ExtractedFinding(interventionID: "vitamin-k2", outcomeID: "vascular-calcification", direction: .benefit,
                                           span: TextSpan(0, text.count))]
        try corpus.store().write(Extraction(
            source: ExtractedSource(file: "late-cohort.txt", text: text, sha256: "e1", kind: .newsArticle),
            studies: [study]))

        #expect(try vitaminK2Count(target) == before + 1)
        #expect(client.get(target).body != first.body)
    }

    @Test func eachDatabaseHasItsOwnMatrix() throws {
        let target = "/v1/conditions/vascular%20calcification/evidence"
        let mine = client.get(target).body
        let other = try TestCorpus()
        let text = SourceText("A cohort study of 300 adults found vitamin K2 slowed vascular calcification.")
        try other.store().write(Extraction(
            source: ExtractedSource(file: "more.txt", text: text, sha256: "f1", kind: .newsArticle),
            studies: [{
                var study = ExtractedStudy(identityKey: "other-k2", design: .cohort, species: .human,
                                           conditionIDs: ["vascular-calcification"],
                                           interventions: [StudyIntervention(conceptID: "vitamin-k2")], direction: .benefit,
                                           mentions: [TestCorpus.span(text, "A cohort study")])
                study.findings = [ExtractedFinding(interventionID: "vitamin-k2", outcomeID: "vascular-calcification",
                                                   direction: .benefit, span: TextSpan(0, text.count))]
                return study
            }()]))
        let otherClient = APIClient(api: EvidenceAPI(databasePath: other.path))
        #expect(otherClient.get(target).body != mine)
        #expect(client.get(target).body == mine)
    }
}
