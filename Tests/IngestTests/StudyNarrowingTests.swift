import EvidenceModel
import Testing
@testable import Ingest

/// The headline's narrower condition beside a study's general one, when the study also names a narrower kind
/// of its own, in sentences written for these tests.
@Suite("Study narrowing")
struct StudyNarrowingTests {
    @Test("a study's own kind under the headline's kind lets the headline narrow")
    func ownKindUnderHeadlineKind() throws {
        let studies = try StudyConditionTests.studies(titled: "Walnuts and coronary heart disease",
            "In a cohort of 6,100 bakers, walnut eaters had less heart disease and fewer heart attacks.\n")
        let study = try #require(studies.first)
        #expect(study.conditionIDs.contains("myocardial-infarction"))
        #expect(study.conditionIDs.contains("coronary-heart-disease"))
    }

    @Test("a study's own kind elsewhere keeps the general condition as it is")
    func ownKindElsewhere() throws {
        let studies = try StudyConditionTests.studies(titled: "Green tea and lung cancer",
            "In a cohort of 7,300 tea growers, green tea drinkers had less cancer, colorectal cancer above all.\n")
        let study = try #require(studies.first)
        #expect(study.conditionIDs.contains("colorectal-cancer"))
        #expect(!study.conditionIDs.contains("lung-cancer"))
    }
}
