import Testing
@testable import Ingest
import EvidenceModel

/// The fourth round of the findings stage, on texts written for these tests: a broader outcome word narrowed only
/// as an anaphor is resolved, a class whose members are named as its examples, covariates of an adjusted result,
/// a difference put down to chance, and outcome wordings the concept lexicon lacked.
@Suite("Finding references")
struct FindingReferenceTests {
    @Test("a broader outcome named before the narrower one keeps its own name; 'other' means the rest")
    func broaderFirstStaysBroader() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 12,000 older women followed for nine years, daily selenium lowered the risk of \
            cancer by 6%. Selenium made no difference to the risk of prostate cancer. Other cancers fell by about 9%.
            """, title: "Selenium pills and cancer in women")
        let found = FindingTests.findings(studies, "selenium")
        #expect(found.first { $0.outcomeID == "cancer" }?.direction == .benefit)
        #expect(found.first { $0.outcomeID == "prostate-cancer" }?.direction == .noEffect)
    }

    @Test("a broader word after the one narrower condition named before it is that condition")
    func anaphorIsNarrowed() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 300 smokers green tea extract or a placebo for three years to prevent lung cancer. \
            The cancer was diagnosed less often in the green tea group.
            """)
        let found = FindingTests.findings(studies, "green-tea")
        #expect(found.contains { $0.outcomeID == "lung-cancer" && $0.direction == .benefit })
        #expect(!found.contains { $0.outcomeID == "cancer" })
    }

    @Test("two narrower kinds named before leave the broader word as it is")
    func twoCandidatesKeepTheBroaderWord() throws {
        let studies = try FindingTests.studies("""
            Earlier work had linked coffee to both lung cancer and colorectal cancer. A cohort of 50,000 nurses followed \
            for 20 years found that coffee drinkers had a lower risk of cancer overall.
            """)
        let found = FindingTests.findings(studies, "coffee")
        #expect(found.contains { $0.outcomeID == "cancer" && $0.direction == .benefit })
        #expect(!found.contains { $0.outcomeID == "lung-cancer" || $0.outcomeID == "colorectal-cancer" })
    }

    @Test("members named as examples in brackets or after 'mainly' give their class its result")
    func membersAsExamples() throws {
        let studies = try FindingTests.studies("""
            A cohort study followed 9,000 adults after a heart attack. Those on high-dose statins (atorvastatin or \
            simvastatin) had 15% fewer repeat strokes than those on low doses.
            """)
        let found = FindingTests.findings(studies, "statins")
        #expect(found.contains { $0.outcomeID == "stroke" && $0.direction == .benefit })
        #expect(FindingTests.findings(studies, "atorvastatin").isEmpty)
        let mainly = try FindingTests.studies("""
            A case-control study of 4,000 women found that those taking bisphosphonates, mainly the drug alendronate, \
            for at least two years had a 40% lower risk of colorectal cancer.
            """)
        #expect(FindingTests.findings(mainly, "bisphosphonates").contains { $0.outcomeID == "colorectal-cancer" && $0.direction == .benefit })
        #expect(FindingTests.findings(mainly, "alendronate").isEmpty)
    }

    @Test("a lone member in brackets right after its class is the form studied, not an example")
    func loneMemberNamesTheForm() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 200 adults with kidney disease vitamin K (menaquinone-7) or a placebo for two years. \
            Arterial calcification progressed less in the treated group.
            """)
        let classOnly = FindingTests.findings(studies, "vitamin-k")
        let member = FindingTests.findings(studies, "vitamin-k2")
        #expect(member.contains { $0.outcomeID == "arterial-calcification" && $0.direction == .benefit })
        #expect(classOnly.isEmpty)
    }

    @Test("what a result was adjusted for is neither its exposure nor its outcome")
    func covariatesAreNotResults() throws {
        let studies = try FindingTests.studies("""
            A cohort of 30,000 adults was followed for ten years. After accounting for aspirin use, blood pressure and \
            smoking, coffee drinkers had a 12% lower risk of stroke.
            """)
        #expect(FindingTests.findings(studies, "coffee").contains { $0.outcomeID == "stroke" && $0.direction == .benefit })
        #expect(FindingTests.findings(studies, "aspirin").isEmpty)
        #expect(FindingTests.role(studies, "aspirin") == .mentioned)
        #expect(!studies.flatMap(\.findings).contains { $0.outcomeID == "blood-pressure" })
    }

    @Test("a difference put down to chance in the clause after it is a null")
    func chanceClauseIsANull() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 8,000 men, there were slightly fewer strokes among those given zinc, but the gap \
            was so small that it could have arisen by chance.
            """)
        #expect(FindingTests.findings(studies, "zinc").first { $0.outcomeID == "stroke" }?.direction == .noEffect)
    }

    @Test("outcome wordings: damage to DNA, dying from any cause")
    func outcomeWordings() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 90 adults extra zinc or a placebo for six weeks. Extra zinc reduced damage to DNA. \
            In a second trial of 4,000 older adults, those given vitamin D had a 10% lower risk of dying from any cause.
            """)
        #expect(FindingTests.findings(studies, "zinc").contains { $0.outcomeID == "dna-damage" && $0.direction == .benefit })
        #expect(FindingTests.findings(studies, "vitamin-d").contains { $0.outcomeID == "all-cause-mortality" && $0.direction == .benefit })
    }

    @Test("a study whose cues leave nothing studied keeps the comparator it names first as its own")
    func everythingAComparator() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial, 2,100 older women with osteoporosis were assigned to placebo (n = 700); abaloparatide \
            (n = 690); or teriparatide (n = 710) for a year and a half, so that the new drug was also compared with \
            teriparatide. New vertebral fractures were less common with abaloparatide than with placebo.
            """)
        #expect(FindingTests.role(studies, "teriparatide") == .comparator)
        #expect(FindingTests.role(studies, "abaloparatide") == .studied)
        #expect(FindingTests.findings(studies, "abaloparatide").contains { $0.outcomeID == "vertebral-fracture" || $0.outcomeID == "fractures" })
    }

    @Test("outcome and substance wordings: triglycerides alone, a prescription fish-oil brand")
    func lipidWordings() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 120 adults Lovaza or a placebo for six months. Lovaza lowered triglycerides by 20%.
            """)
        #expect(FindingTests.findings(studies, "omega-3").contains { $0.outcomeID == "hypertriglyceridemia" && $0.direction == .benefit })
    }

    @Test("'at a higher risk of' describes who is meant, not a harm")
    func populationAtAHigherRisk() throws {
        let studies = try FindingTests.studies("""
            A cohort of 20,000 adults followed for eight years found that those who took magnesium had a 20% lower \
            risk of colorectal cancer. For people at a higher risk of colorectal cancer, a magnesium supplement \
            may be worth trying, the authors said.
            """)
        let found = FindingTests.findings(studies, "magnesium")
        #expect(found.contains { $0.outcomeID == "colorectal-cancer" && $0.direction == .benefit })
        #expect(!found.contains { $0.direction == .harm || $0.direction == .mixed })
    }
}
