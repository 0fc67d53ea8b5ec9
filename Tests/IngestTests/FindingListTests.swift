import Testing
@testable import Ingest
import EvidenceModel

/// The fifth round of the findings stage, on texts written for these tests: a trial's list of adverse reactions,
/// exclusion criteria, population wording with "for", benefits and rises the study stage's cues lack, and a class
/// member singled out by "particularly".
@Suite("Finding lists")
struct FindingListTests {
    private func harms(_ studies: [ExtractedStudy], _ intervention: String) -> Set<String> {
        Set(FindingTests.findings(studies, intervention).filter { $0.direction == .harm }.map(\.outcomeID))
    }

    @Test("each reaction a trial lists as a side effect is a harm, and the study keeps its efficacy direction")
    func adverseListInTheTrialSentence() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 900 adults with frequent migraines daily magnesium or a placebo for six months. \
            Magnesium reduced the number of migraine attacks by a third. The most common side effects in the magnesium \
            group were headache (9%), nausea (6%) and acne (3%).
            """)
        #expect(harms(studies, "magnesium").isSuperset(of: ["headache", "nausea", "acne"]))
        #expect(FindingTests.findings(studies, "magnesium").contains { $0.outcomeID == "migraine" && $0.direction == .benefit })
        #expect(studies.first { $0.interventions.contains { $0.conceptID == "magnesium" } }?.direction == .benefit)
    }

    @Test("a list that names no substance goes to the trial before it, past a table caption when it gives rates")
    func adverseListAfterTheTrial() throws {
        let studies = try FindingTests.studies("""
            A randomised trial tested melatonin against a placebo in 400 adults who slept badly. Melatonin shortened \
            the time it took to fall asleep.

            Table of sleep results by month

            Participants most often reported dry mouth (7 of 200), dizziness (5 of 200) and nausea (4 of 200) as \
            adverse events. Reported adverse events included dry mouth (3.5%), dizziness (2.5%) and nausea (2%).
            """)
        #expect(harms(studies, "melatonin").isSuperset(of: ["dry-mouth", "dizziness", "nausea"]))
    }

    @Test("reasons for stopping, a negated list and a reduction are not harms")
    func notAdverseLists() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 500 women zinc or a placebo for a year to prevent acne. Acne fell by a quarter with \
            zinc. Of the women on zinc, 4% stopped because of a side effect, 2% stopped because of depression and 1% \
            moved away. There were no side effects such as nausea or headache.
            """)
        let zinc = FindingTests.findings(studies, "zinc")
        #expect(zinc.contains { $0.outcomeID == "acne" && $0.direction == .benefit })
        #expect(!zinc.contains { $0.outcomeID == "depression" })
        #expect(!zinc.contains { ($0.outcomeID == "nausea" || $0.outcomeID == "headache") && $0.direction == .harm })
    }

    @Test("exclusion criteria and 'at higher risk for' describe who was studied, not results")
    func exclusionAndRiskFor() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 700 women vitamin D or a placebo for two years and counted fractures. Women with \
            a history of ovarian cysts or depression were excluded. Vitamin D may suit women at higher risk for \
            melanoma. Fractures fell by 20% with vitamin D.
            """)
        let found = FindingTests.findings(studies, "vitamin-d")
        #expect(found.contains { $0.outcomeID == "fractures" && $0.direction == .benefit })
        #expect(!found.contains { ["ovarian-cysts", "depression", "melanoma"].contains($0.outcomeID) })
    }

    @Test("'protection against' is a benefit; a member singled out by 'particularly' shares the class's result")
    func protectionAndEmphasis() throws {
        let studies = try FindingTests.studies("""
            A case-control study of 1,500 adults found that using anti-inflammatory drugs, particularly aspirin, \
            for ten years went with protection against melanoma.
            """)
        #expect(FindingTests.findings(studies, "nsaids").contains { $0.outcomeID == "melanoma" && $0.direction == .benefit })
        #expect(FindingTests.findings(studies, "aspirin").contains { $0.outcomeID == "melanoma" && $0.direction == .benefit })
        let negated = try FindingTests.studies("""
            A cohort study of 30,000 adults found that aspirin gave no protection against melanoma.
            """)
        #expect(!FindingTests.findings(negated, "aspirin").contains { $0.direction == .benefit })
    }

    @Test("a fall and a rise in one clause give each outcome its own change; 'the recommended dose' is no advice")
    func fallAndRise() throws {
        let studies = try FindingTests.studies("""
            In a controlled trial of 240 adults, omega-3 taken at half the recommended dose did better than a \
            placebo at lowering triglycerides and increasing good cholesterol.
            """)
        let found = FindingTests.findings(studies, "omega-3")
        #expect(found.contains { $0.outcomeID == "hypertriglyceridemia" && $0.direction == .benefit })
        #expect(!found.contains { $0.direction == .harm })
    }

    @Test("a study that names no substance in a document about one takes that substance")
    func studyWithoutItsSubstance() throws {
        let text = """
            Melatonin is sold as a sleep aid, and many adults take melatonin every night. A small study in 2019 found \
            that melatonin shortened the time it took to fall asleep.

            Next, the same team ran a randomised trial in 160 adults, who were followed for a year. After a year \
            there was no difference in insomnia between the two groups.
            """
        let studies = try FindingTests.studies(text, title: "Melatonin for sleep")
        let trial = studies.first { $0.design == .rct }
        #expect(trial?.findings.contains { $0.interventionID == "melatonin" && $0.outcomeID == "insomnia" && $0.direction == .noEffect } == true)
        // Two substances named about as often: neither stands out, so neither is given to the trial.
        let mixed = try FindingTests.studies(text.replacingOccurrences(of: "many adults take melatonin every night",
                                                                      with: "many adults take magnesium, magnesium pills or magnesium drinks"),
                                             title: "Sleep aids")
        #expect(mixed.first { $0.design == .rct }?.findings.contains { $0.interventionID == "magnesium" } == false)
    }

    @Test("a later paragraph that refers back to the treatment reports the trial's result; a heading between ends it")
    func anaphorAcrossParagraphs() throws {
        let studies = try FindingTests.studies("""
            Zinc lozenges are popular in winter.

            A randomised trial gave 300 adults zinc lozenges or a placebo for a year, the researchers said.

            People on the treatment had fewer colds and less pneumonia.
            """)
        let zinc = FindingTests.findings(studies, "zinc")
        #expect(zinc.contains { $0.outcomeID == "common-cold" && $0.direction == .benefit })
        #expect(zinc.contains { $0.outcomeID == "pneumonia" && $0.direction == .benefit })
        let headed = try FindingTests.studies("""
            Zinc lozenges are popular in winter.

            A randomised trial gave 300 adults zinc lozenges or a placebo for a year, the researchers said.

            What doctors say

            People on the treatment had fewer colds and less pneumonia.
            """)
        #expect(!FindingTests.findings(headed, "zinc").contains { $0.outcomeID == "pneumonia" })
    }

    @Test("a list named before its cue ('headache and nausea were the most common side effects') is a list too")
    func listBeforeTheCue() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 420 adults with gout allopurinol or a placebo for two years. Allopurinol cut gout \
            flares by half. Headache and nausea were the most common side effects of the drug.
            """)
        let harms = harms(studies, "allopurinol")
        #expect(harms.isSuperset(of: ["headache", "nausea"]))
        #expect(!harms.contains("gout"))
    }

    @Test("the study's direction weighs each statement once; background on what other studies linked is no result")
    func statementsWeighOnce() throws {
        let studies = try FindingTests.studies("""
            A cohort study followed 20,000 adults on statins for five years. Those on statins had fewer heart attacks, \
            strokes and cardiovascular deaths. Those on statins were also more likely to develop type 2 diabetes.
            """)
        #expect(studies.first { $0.design == .cohort }?.direction == .mixed)
        let background = try FindingTests.studies("""
            A randomised trial gave 500 soldiers vitamin D or a placebo over one winter. Vitamin D is much studied, with studies linking low \
            vitamin D levels to higher risks of asthma and depression. The soldiers given vitamin D had no fewer colds than those given the placebo.
            """)
        let found = FindingTests.findings(background, "vitamin-d")
        #expect(found.contains { $0.outcomeID == "common-cold" && $0.direction == .noEffect })
        #expect(!found.contains { $0.outcomeID == "asthma" || $0.outcomeID == "depression" })
    }
}
