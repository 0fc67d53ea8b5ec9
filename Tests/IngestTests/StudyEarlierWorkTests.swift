import EvidenceModel
import Testing
@testable import Ingest

/// The authors' own earlier work told without a study noun, in sentences written for these tests: a study of
/// its own, once however often the text returns to it; other people's earlier work stays a vague mention.
@Suite("Study earlier work")
struct StudyEarlierWorkTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        try StudyTests.studies(text)
    }

    @Test("'previous work from the team found' is a study apart from the one reported")
    func teamEarlierWork() throws {
        let text = """
        A new trial of 240 gardeners found that nettle tea eased hay fever over eight weeks.

        Previous work from the team found that teenagers with eczema were more likely to develop asthma as adults.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 2)
        let earlier = try #require(studies.first { $0.conditionIDs.contains("asthma") })
        #expect(earlier.conditionIDs.contains("eczema"))
        // The trial keeps its own outcome and does not take the earlier work's.
        let trial = try #require(studies.first { $0.populationSize == 240 })
        #expect(!trial.conditionIDs.contains("asthma"))
    }

    @Test("a possessive's earlier work spoken of twice is one study")
    func possessiveTwice() throws {
        let text = """
        The review pooled 12 trials of lemon balm for anxiety.

        Their earlier work showed that people with migraine had lower magnesium levels.

        Dr Okafor says their previous work found the same link in children with migraine.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.filter { $0.conditionIDs.contains("migraine") }.count == 1)
        #expect(studies.count == 2)
    }

    @Test("earlier research with no owner, or with no result, is no study")
    func vagueEarlierResearch() throws {
        #expect(try Self.studies("Previous research has shown that people who sleep badly eat more sugar.\n").isEmpty)
        #expect(try Self.studies("Their previous work was funded by a cycling charity.\n").isEmpty)
    }
    @Test("after earlier work, 'the team carried out a meta-analysis' is the reported study again")
    func teamReturnsToItsStudy() throws {
        let text = """
        A review led by a Leeds group looked at 14 trials of willow bark for back pain.

        Previous work from the team found that office workers with back pain had trouble sleeping.

        The team carried out a meta-analysis of these trials and found that willow bark eased back pain a little.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 2)
        let review = try #require(studies.first { $0.design == .metaAnalysis })
        #expect(!review.conditionIDs.contains("insomnia"))
        let earlier = try #require(studies.first { $0.conditionIDs.contains("insomnia") })
        #expect(earlier.design != .metaAnalysis)
    }

    @Test("a sentence about one arm counts for the study's outcomes, whatever the product is called")
    func armSentenceGivesOutcomes() throws {
        let text = """
        In a randomized trial, 80 women took 300 mg of Flexolon or a placebo every day for a year. Women taking Flexolon showed a smaller loss of bone mineral density.
        """
        let study = try #require(try Self.studies(text + "\n").first)
        #expect(study.conditionIDs.contains("bone-mineral-density"))
    }
}

/// Quantities an abstract gives in sentences that name no substance, in an abstract written for these tests.
@Suite("Study abstract counts")
struct StudyAbstractCountTests {
    @Test("an abstract's methods count is the population even when the sentence names no substance")
    func methodsCount() throws {
        let text = """
        Beetroot juice and walking distance in peripheral artery disease: a cohort study

        BACKGROUND: Nitrate-rich foods may widen narrowed leg arteries.
        METHODS: This cohort study drew on regional health records. Through them we identified 4,318 adults who were referred to a vascular clinic between 2010 and 2018. Daily beetroot juice drinkers were compared with non-drinkers.
        RESULTS: Drinkers walked further at one year.
        CONCLUSIONS: Beetroot juice may help walking in peripheral artery disease.
        """
        let extraction = try SharedPipeline.get().extract(file: "a.txt", text: text + "\n", sha256: "", format: .text)
        let study = try #require(extraction.studies.first)
        #expect(study.populationSize == 4318)
    }
}

extension StudyAbstractCountTests {
    @Test("a sentence of an abstract with a year in it is no journal citation")
    func sentenceWithYearIsNoJournal() throws {
        let text = """
        Nettle extract and hay fever in gardeners: a cohort study

        METHODS: This cohort study drew on regional health records. Through them we identified 2,950 gardeners who were seen at an allergy clinic between 2011 and 2019.
        RESULTS: Those who took nettle extract reported fewer hay fever days.
        """
        let extraction = try SharedPipeline.get().extract(file: "a.txt", text: text + "\n", sha256: "", format: .text)
        let study = try #require(extraction.studies.first)
        #expect(study.journal == nil)
    }
}

/// A lone researcher's self-experiment told over several sentences, in sentences written for these tests.
@Suite("Study lone researcher")
struct StudyLoneResearcherTests {
    @Test("'he conducted an experiment' after his study on himself is that study, not another")
    func heConductedAnExperiment() throws {
        let text = """
        Last spring the chemist ran a small study on himself.

        With his doctor's approval, he conducted an experiment in which he took 2 grams of beetroot powder a day for ten days.
        """
        let studies = try StudyTests.studies(text + "\n")
        #expect(studies.count == 1)
        let study = try #require(studies.first)
        #expect(study.design == .caseReport)
        #expect(study.populationSize == 1)
    }
}

/// Designs told by a study's follow-up, in sentences written for these tests.
@Suite("Study follow-up design")
struct StudyFollowUpDesignTests {
    @Test("patients watched over a median follow-up are a cohort")
    func medianFollowUp() throws {
        let text = "According to a study published in the journal Heart Scans, 610 patients had a calcium scan. During a median follow-up of 5.2 years, 90 of them had a heart attack.\n"
        let study = try #require(try StudyTests.studies(text).first)
        #expect(study.design == .cohort)
    }

    @Test("a randomized trial with a median follow-up stays a randomized trial")
    func randomizedWithFollowUp() throws {
        let text = "In a randomized trial, 800 smokers took kale extract or a placebo. During a median follow-up of 4 years, lung function fell less with kale.\n"
        let study = try #require(try StudyTests.studies(text).first)
        #expect(study.design == .rct)
    }
}
