import EvidenceModel
import Foundation
import Testing
@testable import Ingest

/// Mentions that look like studies and are not, and studies told without a study noun, in sentences written for
/// these tests: what a reader counts as one study, none, or two.
@Suite("Study precision")
struct StudyPrecisionTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        try StudyTests.studies(text)
    }

    @Test("'this was not a randomised trial' speaks of the study in focus and gives it no design")
    func negatedTrial() throws {
        let text = """
        A survey of 640 bakers found that those who ate more rye bread reported fewer colds.

        "Bear in mind this was not a randomised trial, and bakers differ in other habits," said a nutritionist.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.design != .rct)
        // Without the negation the sentence does name a trial of its own.
        let plain = try Self.studies(text.replacingOccurrences(of: "this was not a", with: "a separate") + "\n")
        #expect(plain.count == 2)
    }

    @Test("'a few small trials found' is a collective mention, not a study")
    func fewTrials() throws {
        #expect(try Self.studies("A few small trials in people who snore found that throat exercises helped.\n").isEmpty)
        #expect(try Self.studies("Three trials in people who snore found that throat exercises helped.\n").count == 1)
    }

    @Test("a page's review date is no review")
    func pageReviewLine() throws {
        #expect(try Self.studies("Page last reviewed: 2 May 2024 | Next review due: May 2027\n").isEmpty)
    }

    @Test("a heading about the trial and the trial told under it are one study")
    func headingThenTrial() throws {
        let text = """
        About the trial

        The safety of the nasal spray was tested in a clinical trial that enrolled 812 adults with hay fever.

        The trial ran for 12 weeks at 30 clinics.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.populationSize == 812)
    }

    @Test("a pooled analysis told first stays apart from a trial told next")
    func pooledThenTrial() throws {
        let text = """
        When researchers combined the results of 18 trials involving 5,200 adults, those who took cranberry capsules had fewer urinary infections.

        A large trial in care homes gave 928 residents cranberry capsules or a placebo for a year, and found no difference.
        """
        #expect(try Self.studies(text + "\n").count == 2)
    }

    @Test("'the first time a placebo-controlled trial has found' is the trial being reported")
    func firstTimeTrial() throws {
        let text = """
        The Harbour trial randomly assigned 410 adults with gout to cherry extract or a placebo for six months.

        Its authors call it the first time a placebo-controlled trial has found cherry extract to cut gout flares.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
    }

    @Test("a study cited by first author and year is a study of its own, once")
    func authorYear() throws {
        let text = """
        The new trial gave 300 runners beetroot juice or a placebo before races for eight weeks.

        Okafor and colleagues (2015) found that beetroot juice lowered blood pressure in older women.

        Like Okafor and colleagues (2015), the trial saw a small drop in blood pressure.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 2)
        let cited = try #require(studies.first { $0.populationSize != 300 })
        #expect(cited.year == 2015 || cited.name?.contains("Okafor") == true)
        // Without a year it is a remark about people, no study.
        #expect(try Self.studies("Okafor and colleagues are well known in the field of sports drinks.\n").isEmpty)
    }

    @Test("'the team surveyed 212 14-year-olds' gives the count")
    func teamCountsTeenagers() throws {
        let text = """
        A study in the journal Pediatric Sleep found that teenagers who slept longer had better marks in mathematics.

        The research team surveyed 212 14-year-olds in two cities.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.populationSize == 212)
    }

    @Test("'halves the risk' is a benefit; a disclosure's 'no role' is no null result")
    func halvesAndDisclosure() throws {
        let text = """
        A randomized trial of 1,200 infants found that daily probiotic drops halve the risk of eczema.

        The maker of the drops had no role in the analysis, and a paediatrician who wasn't involved in the trial praised it.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.direction == .benefit)
    }
}

/// Reference lists that cite sources which are no studies, copular descriptions of the study in focus, and a
/// harm told beside null results: sentences written for these tests.
@Suite("Study sources and signals")
struct StudySourceSignalTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        try StudyTests.studies(text)
    }

    @Test("'data on file' and a package insert in a reference list are no studies; a journal paper is")
    func nonStudyReferences() throws {
        let text = """
        A trial of 220 adults found that the new patch eased knee pain over 12 weeks.

        References

        1. Data on file. Riverbend Pharma, Inc. Boston, MA 2019

        2. Kestrel Patch Package Insert. Riverbend Pharma 2020

        3. Moreau L, Tanaka H. Topical patches for knee pain: a randomised trial. Journal of Joint Care. 2018;12:40-48.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 2)
        #expect(studies.contains { $0.year == 2018 })
        #expect(!studies.contains { $0.year == 2019 || $0.year == 2020 })
    }

    @Test("'this is a small study' describes the study in focus")
    func copularDescription() throws {
        let text = """
        Researchers gave 48 office workers a standing desk for six weeks and found their back pain eased.

        "This is a small pilot study, so we cannot say much yet," the lead author said.
        """
        #expect(try Self.studies(text + "\n").count == 1)
    }

    @Test("a trial that 'has already begun' is not yet a study with results")
    func ongoingTrial() throws {
        #expect(try Self.studies("A clinical trial has already begun to test the gel in children with eczema.\n").isEmpty)
        #expect(try Self.studies("A clinical trial found that the gel eased eczema in 90 children.\n").count == 1)
    }

    @Test("a harm beside a null result is harm; benefit beside harm or a null stays mixed")
    func harmBesideNull() {
        #expect(StudyDirectionReader.combine([.noEffect, .harm]) == .harm)
        // Nulls two to one outweigh it, as before.
        #expect(StudyDirectionReader.combine([.harm, .noEffect, .noEffect]) == .noEffect)
        #expect(StudyDirectionReader.combine([.benefit, .harm]) == .mixed)
        #expect(StudyDirectionReader.combine([.benefit, .noEffect]) == .mixed)
    }
}
