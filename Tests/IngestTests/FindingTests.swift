import Testing
@testable import Ingest
import EvidenceModel

/// The findings stage on studies written for these tests: roles (an inducer, a comparator), one direction per
/// intervention and outcome with its own negation, arms told apart by dose, and the study's direction summed up.
@Suite("Findings")
struct FindingTests {
    static func studies(_ text: String, title: String = "Notes on supplements") throws -> [ExtractedStudy] {
        try SharedPipeline.get().extract(file: "t.txt", text: title + "\n\n" + text, sha256: "", format: .text).studies
    }

    static func findings(_ studies: [ExtractedStudy], _ intervention: String) -> [ExtractedFinding] {
        studies.flatMap(\.findings).filter { $0.interventionID == intervention }
    }

    static func role(_ studies: [ExtractedStudy], _ intervention: String) -> InterventionRole? {
        studies.lazy.flatMap(\.interventions).first { $0.conceptID == intervention }?.role
    }

    @Test("an animal model: the inducing drug has no finding; each arm has its own direction")
    func animalModelWithInducerAndArms() throws {
        let studies = try Self.studies("""
            Researchers ran a new study in rats. Aortic calcification was induced in the rats by feeding them warfarin \
            for four weeks. The rats were then split into three groups given a low dose of vitamin K1, a high dose of \
            vitamin K1 or a high dose of vitamin K2.

            In the rats on a low dose of vitamin K1, aortic calcification kept growing and the low dose had no benefit. \
            The rats on a high dose of vitamin K2 had 40% less aortic calcification at the end of the study.
            """)
        #expect(Self.role(studies, "warfarin") == .inducer)
        #expect(Self.findings(studies, "warfarin").isEmpty)
        let k1 = Self.findings(studies, "vitamin-k1")
        #expect(k1.contains { $0.arm == "low dose" && $0.direction == .noEffect && $0.outcomeID == "aortic-calcification" })
        #expect(!k1.contains { $0.arm == "low dose" && $0.direction == .benefit })
        let k2 = Self.findings(studies, "vitamin-k2")
        #expect(k2.contains { $0.direction == .benefit && $0.outcomeID == "aortic-calcification" && $0.effect != nil })
        #expect(Self.role(studies, "vitamin-k2") == .studied)
    }

    @Test("an outcome of which more is better: a rise in survival or strength is a benefit, a fall a harm")
    func soughtOutcomesReadARiseAsBenefit() throws {
        let studies = try Self.studies("""
            A randomised trial gave 300 older adults with heart failure zinc or a placebo for a year. \
            Zinc improved survival and increased grip strength compared with placebo.
            """)
        let zinc = Self.findings(studies, "zinc")
        #expect(zinc.contains { $0.outcomeID == "survival" && $0.direction == .benefit })
        #expect(zinc.contains { $0.outcomeID == "muscle-strength" && $0.direction == .benefit })
        #expect(!zinc.contains { $0.direction == .harm })
        let fall = try Self.studies("""
            A randomised trial gave 300 older adults with heart failure zinc or a placebo for a year. \
            In the zinc group, survival fell compared with placebo.
            """)
        #expect(Self.findings(fall, "zinc").contains { $0.outcomeID == "survival" && $0.direction == .harm })
    }

    @Test("a comparator and a co-treatment get their roles and no finding of their own")
    func comparatorAndCoIntervention() throws {
        let studies = try Self.studies("""
            In a randomized trial of 200 dialysis patients, vitamin K2 given in addition to calcium slowed arterial \
            stiffness compared with vitamin K1.
            """)
        #expect(Self.role(studies, "vitamin-k2") == .studied)
        #expect(Self.role(studies, "vitamin-k1") == .comparator)
        #expect(Self.role(studies, "calcium") == .coIntervention)
        #expect(Self.findings(studies, "vitamin-k2").map(\.direction) == [.benefit])
        #expect(Self.findings(studies, "vitamin-k1").isEmpty)
        #expect(Self.findings(studies, "calcium").isEmpty)
    }

    @Test("a placebo trial: the placebo arm's own course is no finding")
    func placeboTrial() throws {
        let studies = try Self.studies("""
            In a randomized trial of 300 older women, vitamin D cut the rate of hip fractures compared with placebo. \
            The placebo group showed no change in bone density.
            """)
        let found = Self.findings(studies, "vitamin-d")
        #expect(found.contains { $0.direction == .benefit })
        #expect(!found.contains { $0.direction == .noEffect })
    }

    @Test("an observational study: one exposure linked, the other not")
    func observationalTwoExposures() throws {
        let studies = try Self.studies("""
            A cohort study of 5,000 adults found that a higher intake of vitamin K2 was linked to less coronary heart \
            disease, whereas vitamin K1 had no association with it.
            """)
        #expect(Self.findings(studies, "vitamin-k2").map(\.direction) == [.benefit])
        #expect(Self.findings(studies, "vitamin-k1").map(\.direction) == [.noEffect])
        #expect(Self.findings(studies, "vitamin-k1").first?.outcomeID == "coronary-heart-disease")
        #expect(Self.role(studies, "vitamin-k1") == .studied)
    }

    @Test("a meta-analysis that finds a harm")
    func metaAnalysisHarm() throws {
        let studies = try Self.studies("""
            A meta-analysis of 15 trials found that calcium supplements raised the risk of myocardial infarction by 27%.
            """)
        let found = Self.findings(studies, "calcium")
        #expect(found.map(\.direction) == [.harm])
        #expect(found.first?.outcomeID == "myocardial-infarction")
        #expect(studies.first?.direction == .harm)
    }

    @Test("a Q&A answer that finds the evidence insufficient is unclear, not a benefit")
    func insufficientEvidence() throws {
        let studies = try Self.studies("""
            A 2019 review of the trials concluded that there is insufficient evidence that magnesium prevents atrial \
            fibrillation after surgery.
            """, title: "Does magnesium prevent atrial fibrillation?")
        let found = Self.findings(studies, "magnesium")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.direction == .unclear })
    }

    @Test("a benefit on one outcome and none on another are two findings; the study is mixed")
    func benefitAndNone() throws {
        let studies = try Self.studies("""
            In a randomized trial of 400 dialysis patients, vitamin K2 reduced arterial stiffness but did not slow \
            aortic calcification.
            """)
        let found = Self.findings(studies, "vitamin-k2")
        #expect(found.first { $0.outcomeID == "arterial-stiffness" }?.direction == .benefit)
        #expect(found.first { $0.outcomeID == "aortic-calcification" }?.direction == .noEffect)
        // Dialysis is the population's setting, never an outcome.
        #expect(!found.contains { $0.outcomeID == "dialysis" || $0.outcomeID == "hemodialysis" })
        #expect(studies.first?.direction == .mixed)
    }

    @Test("a hedged result is hedged; its quote is the sentence that states it")
    func hedgedAndQuoted() throws {
        let text = "A small trial in 60 adults suggests that vitamin K2 may slow the progression of atherosclerosis.\n"
        let studies = try Self.studies(text)
        let finding = try #require(Self.findings(studies, "vitamin-k2").first)
        #expect(finding.hedged)
        #expect(finding.direction == .benefit)
        #expect(finding.span.length > 20)
    }

    @Test("a smaller decline of a measure worth keeping is a benefit, not a harm")
    func smallerDeclineIsBenefit() throws {
        let studies = try Self.studies("""
            A randomised trial gave 200 women after the menopause calcium or a placebo for two years. \
            Bone mineral density at the hip declined less in the calcium group than with placebo.
            """)
        let calcium = Self.findings(studies, "calcium")
        #expect(calcium.contains { $0.outcomeID == "bone-mineral-density" && $0.direction == .benefit })
        #expect(!calcium.contains { $0.direction == .harm })
    }
}
