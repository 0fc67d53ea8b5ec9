import Foundation
import Testing
import Ingest
import EvidenceModel
@testable import EvidenceAPI

/// /v1/studies?condition= (or intervention=) with a name the lexicon does not know matches the studies whose
/// own text names it, and says so; a known name keeps its exact concept answer.
@Suite struct TextConceptMatchTests {
    let folder: String
    let client: APIClient

    /// Two sources of our own: a bowling study whose outcome no lexicon lists, and a study of a known condition.
    init() throws {
        folder = NSTemporaryDirectory() + "evidence-text-match-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/test.sqlite"
        let store = try EvidenceStore(path: path, lexicon: try Lexicon.load())
        let bowlingText = SourceText("""
            Bowls and vitamin D
            In a trial of 60 club players, vitamin D for 12 weeks improved bowling accuracy over placebo.
            """)
        let bowling = ExtractedStudy(
            identityKey: "bowling-vitd", design: .rct, species: .human, populationSize: 60,
            interventions: [StudyIntervention(conceptID: "vitamin-d")], direction: .benefit,
            mentions: [TestCorpus.span(bowlingText, "In a trial of 60 club players, vitamin D for 12 weeks improved bowling accuracy over placebo.")])
        try store.write(Extraction(
            source: ExtractedSource(file: "bowls.txt", text: bowlingText, sha256: "t1", kind: .newsArticle, title: "Bowls and vitamin D"),
            studies: [bowling], claims: []))
        let kidneyText = SourceText("""
            Kidney stones
            A cohort of 300 adults linked vitamin D to kidney stones; accuracy of the scans was not reported.
            """)
        let kidney = ExtractedStudy(
            identityKey: "cohort-vitd-stones", design: .cohort, species: .human, populationSize: 300,
            conditionIDs: ["kidney-stones"], interventions: [StudyIntervention(conceptID: "vitamin-d")], direction: .harm,
            mentions: [TestCorpus.span(kidneyText, "A cohort of 300 adults linked vitamin D to kidney stones; accuracy of the scans was not reported.")])
        try store.write(Extraction(
            source: ExtractedSource(file: "stones.txt", text: kidneyText, sha256: "t2", kind: .newsArticle, title: "Kidney stones"),
            studies: [kidney], claims: []))
        client = APIClient(api: EvidenceAPI(databasePath: path))
    }

    func meta(_ target: String) throws -> [String: Any] {
        try #require(try client.json(target)["meta"] as? [String: Any])
    }

    @Test func anUnknownConditionMatchesTheStudiesWhoseTextNamesIt() throws {
        let target = "/v1/studies?condition=bowling%20accuracy"
        let ids = try client.ids(target)
        #expect(ids.count == 1)
        let study = try client.json("/v1/studies/\(try #require(ids.first))")
        #expect(study["design"] as? String == "rct")
        let meta = try meta(target)
        #expect(meta["total"] as? Int == 1)
        #expect(meta["matched_as_text"] as? [String] == ["condition"])
    }

    @Test func theWordsMustStandTogetherAsAPhrase() throws {
        // "accuracy" and "bowling" each occur, but only the bowling study has the phrase; the stones study has
        // "accuracy" without "bowling".
        #expect(try client.ids("/v1/studies?condition=bowling%20accuracy").count == 1)
        #expect(try client.ids("/v1/studies?condition=accuracy%20bowling").isEmpty)
        #expect(try meta("/v1/studies?condition=accuracy%20bowling")["total"] as? Int == 0)
    }

    @Test func aKnownConditionKeepsItsConceptAnswer() throws {
        let target = "/v1/studies?condition=kidney%20stones"
        #expect(try client.ids(target).count == 1)
        #expect(try meta(target)["matched_as_text"] == nil)
    }

    @Test func aTextMatchCombinesWithTheOtherFilters() throws {
        #expect(try client.ids("/v1/studies?condition=bowling%20accuracy&intervention=vitamin%20D").count == 1)
        #expect(try client.ids("/v1/studies?condition=bowling%20accuracy&design=cohort").isEmpty)
        #expect(try client.ids("/v1/studies?condition=bowling%20accuracy&q=placebo").count == 1)
        #expect(try client.ids("/v1/studies?condition=bowling%20accuracy&q=scans").isEmpty)
        // A q without words still matches nothing, whatever the text match beside it.
        #expect(try client.ids("/v1/studies?condition=bowling%20accuracy&q=%2B%2B").isEmpty)
        let both = try meta("/v1/studies?condition=bowling%20accuracy&intervention=club%20players")
        #expect(both["matched_as_text"] as? [String] == ["condition", "intervention"])
        #expect(both["total"] as? Int == 1)
    }

    @Test func aNameWithoutWordsMatchesNothing() throws {
        let target = "/v1/studies?condition=%2B%2B%2B"
        #expect(try client.ids(target).isEmpty)
        #expect(try meta(target)["matched_as_text"] == nil)
    }

    @Test func anFTSOperatorInTheNameIsOnlyAWord() throws {
        // Quotes, NEAR, column filters and a star typed into a name are words of the phrase, not syntax.
        for name in ["bowling%22%20OR%20%22kidney", "title%3A%20bowling", "NEAR(bowling", "bowl*"] {
            let response = client.get("/v1/studies?condition=\(name)")
            #expect(response.status == 200, "\(name)")
        }
        #expect(try client.ids("/v1/studies?condition=bowling%22%20OR%20%22kidney").isEmpty)
    }
}
