import Testing
@testable import Ingest
import EvidenceModel

/// The sixth round of the findings stage, on texts written for these tests: an outcome made from the text that
/// names a lexicon condition of the study in plain words, a generic word for the study's one narrower treatment,
/// outcomes of which more is good, and a study whose result no clause states on its own.
@Suite("Finding outcome choice")
struct FindingOutcomeChoiceTests {
    @Test("a plain phrase sharing a word with the study's lexicon condition becomes that condition")
    func textOutcomeGivesWayToTheLexicon() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 640 women past menopause vitamin D or a placebo for three years and measured \
            their bone mineral density every year. Vitamin D did not reduce bone weakening over the three years.
            """)
        let found = FindingTests.findings(studies, "vitamin-d")
        #expect(found.contains { $0.outcomeID == "bone-mineral-density" && $0.direction == .noEffect })
        #expect(!found.contains { TextConceptID.isTextConcept($0.outcomeID) && $0.outcomeID.contains("bone") })
    }

    @Test("a plain phrase that shares no word with the study's conditions keeps its own concept")
    func unrelatedTextOutcomeStays() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 640 women past menopause vitamin D or a placebo for three years and measured \
            their bone mineral density every year. Vitamin D also reduced morning stiffness over the three years.
            """)
        let found = FindingTests.findings(studies, "vitamin-d")
        #expect(!found.contains { $0.outcomeID == "bone-mineral-density" && $0.direction == .benefit })
    }

    @Test("the lexicon condition is the fallback outcome before a phrase made from the text")
    func fallbackPrefersTheLexicon() throws {
        let outcome = TextOutcome(conditions: ["bone-mineral-density", "fractures"], generic: ["loss", "health"])
        #expect(outcome.contentWords("Bone losses and general health") == ["bone", "general"])
        let lexicon = try SharedPipeline.get().lexicon
        #expect(lexicon.concept("text:bone-weakening")?.type == .condition)
    }

    @Test("'the vaccine' in a study of one kind of vaccine speaks of that kind")
    func genericWordForTheSoleMember() throws {
        let studies = try FindingTests.studies("""
            A randomised trial tested the shingles vaccine against a placebo in 3,000 adults over 60. After three \
            years, the vaccine had cut cases of shingles by half.
            """)
        #expect(FindingTests.findings(studies, "shingles-vaccine").contains { $0.outcomeID == "herpes-zoster" && $0.direction == .benefit })
    }

    @Test("more of an outcome that is good to have is a benefit")
    func moreOfAGoodOutcome() throws {
        let studies = try FindingTests.studies("""
            A cohort study followed 4,000 pupils for five years. Pupils who ate more fish had higher school grades \
            than those who ate little.
            """)
        #expect(FindingTests.findings(studies, "fish").contains { $0.outcomeID == "academic-performance" && $0.direction == .benefit })
    }

    @Test("a study with a direction but no clause-level result still has one finding on its main outcome")
    func studyLevelFinding() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 200 adults with night cramps magnesium or a placebo for eight weeks. Did \
            magnesium reduce cramps? It did.
            """, title: "Cramps study")
        let study = studies.first { $0.interventions.contains { $0.conceptID == "magnesium" } }
        #expect(study?.direction == .benefit)
        #expect(study?.findings.contains { $0.interventionID == "magnesium" && $0.outcomeID == "muscle-cramps" && $0.direction == .benefit } == true)
        // With no direction read, nothing is made up.
        let unclear = try FindingTests.studies("""
            A randomised trial gave 200 adults with night cramps magnesium or a placebo for eight weeks. The team \
            counted cramps in a diary.
            """, title: "Cramps study")
        #expect(unclear.flatMap(\.findings).isEmpty)
    }
}
