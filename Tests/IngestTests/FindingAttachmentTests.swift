import Testing
@testable import Ingest
import EvidenceModel

/// The third round of the findings stage, on texts written for these tests: a study introduced without its
/// substance, outcomes worded as a measure of the page's condition, parts of a composite outcome, rates compared
/// in numbers, falling levels of a condition, and a comparator cue that introduces only its own agent.
@Suite("Finding attachment")
struct FindingAttachmentTests {
    @Test("a study that names no substance takes the substance of the result sentence that follows it")
    func studyWithoutSubstance() throws {
        let studies = try FindingTests.studies("""
            I spent a month reading the research.

            A review pooled six large trials with 40,000 volunteers. Omega-3 capsules raised the risk of atrial \
            fibrillation by a quarter.
            """, title: "Fish oil and my heart rhythm")
        let found = FindingTests.findings(studies, "omega-3")
        #expect(found.contains { $0.outcomeID == "atrial-fibrillation" && $0.direction == .harm })
        #expect(FindingTests.role(studies, "omega-3") == .studied)
    }

    @Test("a broader outcome word is the condition the page is about")
    func measureOfThePagesCondition() throws {
        let studies = try FindingTests.studies("""
            Riboflavin is often suggested for migraine. A trial in 80 adults with migraine found no difference in \
            headache days between riboflavin and placebo after twelve weeks.
            """, title: "Riboflavin for migraine: what the trials say")
        let found = FindingTests.findings(studies, "riboflavin")
        #expect(found.contains { $0.outcomeID == "migraine" && $0.direction == .noEffect })
        #expect(!found.contains { $0.outcomeID == "headache" })
    }

    @Test("outcomes named as parts of another give way to their own result; a composite gives its shared outcome")
    func partsAndComposite() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 5,000 adults with type 2 diabetes, those given dapagliflozin had 20% fewer \
            cardiovascular deaths, including deaths from stroke. There was no difference in non-fatal strokes. \
            The combined number of cardiovascular deaths, heart attacks and strokes was 11% lower with dapagliflozin.
            """)
        let found = FindingTests.findings(studies, "dapagliflozin")
        #expect(found.first { $0.outcomeID == "stroke" }?.direction == .noEffect)
        #expect(found.first { $0.outcomeID == "cardiovascular-mortality" }?.direction == .benefit)
        #expect(found.first { $0.outcomeID == "cardiovascular-disease" }?.direction == .benefit)
    }

    @Test("a rate in the treated arm against the comparator's, with no word for the direction")
    func rateComparison() throws {
        let studies = try FindingTests.studies("""
            A randomised trial gave 900 older adults zinc or a placebo through the winter. Pneumonia was diagnosed in \
            4.2% of those taking zinc, compared with 7.9% of those taking the placebo.
            """)
        let found = FindingTests.findings(studies, "zinc")
        #expect(found.first { $0.outcomeID == "pneumonia" }?.direction == .benefit)
        let harm = try FindingTests.studies("""
            A randomised trial gave 900 older adults zinc or a placebo through the winter. Pneumonia was diagnosed in \
            9.5 per cent of those taking zinc, compared with 6.1 per cent of those taking the placebo.
            """)
        #expect(FindingTests.findings(harm, "zinc").first { $0.outcomeID == "pneumonia" }?.direction == .harm)
    }

    @Test("lower levels of a condition's markers are a benefit, not a low exposure")
    func fallingLevelsOfACondition() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 300 adults with arthritis, the people taking curcumin showed lower levels of \
            inflammatory markers than those taking a placebo.
            """)
        let found = FindingTests.findings(studies, "turmeric")
        #expect(found.first { $0.outcomeID == "inflammation" }?.direction == .benefit)
    }

    @Test("a comparison cue introduces only the first agent after it")
    func comparatorIntroducesOneAgent() throws {
        let studies = try FindingTests.studies("""
            We followed 40,000 adults with type 2 diabetes in a national cohort. Compared with insulin users, metformin \
            users had a lower risk of colorectal cancer.
            """)
        #expect(FindingTests.role(studies, "metformin") == .studied)
        #expect(FindingTests.findings(studies, "metformin").contains { $0.outcomeID == "colorectal-cancer" && $0.direction == .benefit })
    }

    @Test("an answer that calls the result unproven is unclear")
    func unprovenIsUnclear() throws {
        let studies = try FindingTests.studies("""
            A small trial in 50 adults reported fewer colds with echinacea, but the benefit has not been proven in \
            larger studies.
            """, title: "Does echinacea prevent colds?")
        let colds = FindingTests.findings(studies, "echinacea").filter { $0.outcomeID == "common-cold" }
        #expect(!colds.isEmpty)
        #expect(colds.allSatisfy { $0.direction == .unclear })
    }
}

extension FindingAttachmentTests {
    @Test("no extra benefit from adding one treatment to another is a null for the added one, not for the base")
    func addedTreatmentGivesNoExtraBenefit() throws {
        let studies = try FindingTests.studies("""
            A randomised trial assigned 240 older women to an exercise programme, to calcium tablets, to both, or to a \
            control group for a year. Exercise increased bone mineral density at the hip. Adding calcium to the \
            exercise programme gave no extra benefit.
            """)
        let training = FindingTests.findings(studies, "exercise")
        #expect(training.first { $0.outcomeID == "bone-mineral-density" }?.direction == .benefit)
        #expect(FindingTests.findings(studies, "calcium").first { $0.outcomeID == "bone-mineral-density" }?.direction == .noEffect)
    }
}

extension FindingAttachmentTests {
    @Test("'in addition to showing that' joins two statements and makes nothing a co-treatment")
    func connectiveIsNoCoTreatment() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 60 adults, melatonin reduced insomnia compared with a placebo. In addition to \
            showing that melatonin helps, the trial found it caused no serious side effects.
            """)
        #expect(FindingTests.role(studies, "melatonin") == .studied)
        #expect(FindingTests.findings(studies, "melatonin").contains { $0.outcomeID == "insomnia" && $0.direction == .benefit })
    }
}

extension FindingAttachmentTests {
    @Test("a study that names a drug class first, its members in brackets, has its unattributed results on the class")
    func classNamedFirst() throws {
        let studies = try FindingTests.studies("""
            A registry study followed 12,000 adults who started statins (atorvastatin or simvastatin) after a heart \
            attack. Over five years, the group on the highest doses had 15% fewer strokes.
            """)
        #expect(FindingTests.findings(studies, "statins").contains { $0.outcomeID == "stroke" && $0.direction == .benefit })
    }
}

extension FindingAttachmentTests {
    @Test("a broader outcome beside a narrower one in the same clause stays a distinct outcome")
    func broaderBesideNarrower() throws {
        let studies = try FindingTests.studies("""
            Antibiotic-associated diarrhoea troubles many people in hospital. A trial gave 1,000 inpatients on \
            antibiotics a probiotic or a placebo for two weeks. The probiotic did not prevent diarrhoea or \
            C. difficile infection.
            """, title: "Do probiotics prevent antibiotic-associated diarrhoea?")
        let found = FindingTests.findings(studies, "probiotics")
        #expect(found.first { $0.outcomeID == "antibiotic-associated-diarrhea" }?.direction == .noEffect)
        #expect(found.first { $0.outcomeID == "clostridioides-difficile-infection" }?.direction == .noEffect)
    }
}

extension FindingAttachmentTests {
    @Test("a result on one outcome and a null on another in one clause keep their own directions")
    func resultThenNullInOneClause() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 500 older adults, vitamin D reduced falls and had no effect on fractures. \
            A second trial of 200 adults found that magnesium lowered blood pressure; LDL cholesterol did not change.
            """)
        let vitaminD = FindingTests.findings(studies, "vitamin-d")
        #expect(vitaminD.first { $0.outcomeID == "falls" }?.direction == .benefit)
        #expect(vitaminD.first { $0.outcomeID == "fractures" }?.direction == .noEffect)
        let magnesium = FindingTests.findings(studies, "magnesium")
        #expect(magnesium.first { $0.outcomeID == "blood-pressure" }?.direction == .benefit)
    }
}

extension FindingAttachmentTests {
    @Test("a result on a measure the lexicon lacks does not fall back on the outcome a later clause names")
    func unnamedMeasureBeforeNamedOutcome() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 200 adults, fish oil lowered triglycerides, but there was no reduction in heart \
            attacks or strokes.
            """)
        let found = FindingTests.findings(studies, "omega-3")
        #expect(found.first { $0.outcomeID == "myocardial-infarction" }?.direction == .noEffect)
        #expect(found.first { $0.outcomeID == "stroke" }?.direction == .noEffect)
    }
}
