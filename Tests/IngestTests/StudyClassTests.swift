import EvidenceModel
import Testing
@testable import Ingest

/// The study stage on the failure classes issue 14 names, in sentences written for these tests: studies told
/// without a study noun, one study spoken of twice, journals and years written apart from the study, citation
/// lines, processes that are no studies.
@Suite("Study classes")
struct StudyClassTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        try StudyTests.studies(text)
    }

    // MARK: Studies told in one clause (class 2)

    @Test("researchers doing something to counted subjects is a study, and following them makes it a cohort")
    func researchersAsSubject() throws {
        let studies = try Self.studies("Researchers tracked 9,400 bus drivers for a decade. Those who ate nuts had fewer strokes.\n")
        let study = try #require(studies.first)
        #expect(studies.count == 1)
        #expect(study.design == .cohort)
        #expect(study.populationSize == 9400)
        #expect(study.duration?.days == 3652.5)
    }

    @Test("researchers who have long studied something, with no count, are no study")
    func researchersWithoutCount() throws {
        #expect(try Self.studies("Researchers have long studied the bark of willow trees.\n").isEmpty)
    }

    @Test("an acronym that enrolled counted people is a study")
    func acronymAsSubject() throws {
        let studies = try Self.studies("HARBOUR enrolled 3,310 retired miners and followed them for nine years.\n")
        let study = try #require(studies.first)
        #expect(studies.count == 1)
        #expect(study.populationSize == 3310)
        #expect(study.design == .cohort)
    }

    @Test("'followed them for up to N years' is follow-up, so a cohort")
    func followedThem() throws {
        let studies = try Self.studies("The study took in 41,000 teachers and followed them for up to 12 years.\n")
        #expect(studies.first?.design == .cohort)
    }

    @Test("researchers who combined the results of many trials made a meta-analysis")
    func combinedTrials() throws {
        let studies = try Self.studies("When researchers combined the results of 31 trials, ginger eased nausea a little.\n")
        #expect(studies.count == 1)
        #expect(studies.first?.design == .metaAnalysis)
    }

    // MARK: One study or two (class 5)

    @Test("a preamble's 'this study' and the lead's 'a study appearing in' are one study")
    func preambleAndLead() throws {
        let text = """
        To read this study and its editorial, follow the links below.

        Taking the drug for a year cut hip fractures by a third, according to a study appearing in the May 3 issue of Bone Letters.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.journal == "Bone Letters")
    }

    @Test("'based on an analysis of' describes the study in focus, not another one")
    func basedOnAnAnalysis() throws {
        let text = """
        A new trial gave 300 gardeners copper or a placebo for a year.

        She added that the conclusions were based on an analysis of Welsh gardeners only.
        """
        #expect(try Self.studies(text).count == 1)
    }

    @Test("a similar study after 'the study' is another study")
    func similarStudyIsAnother() throws {
        let text = """
        To read the study, follow the link.

        A similar study in Norway found the same.
        """
        #expect(try Self.studies(text).count == 2)
    }

    @Test("Priority Review and peer review are processes, not studies")
    func processesAreNoStudies() throws {
        #expect(try Self.studies("The agency granted the pill Priority Review in March.\n").isEmpty)
        #expect(try Self.studies("The manuscript is in peer review now.\n").isEmpty)
    }

    @Test("a planned study is none")
    func plannedStudy() throws {
        #expect(try Self.studies("His next study will enroll children with asthma.\n").isEmpty)
    }

    @Test("after cited earlier work, a new paragraph's 'the study' is the reported study again")
    func backToTheReportedStudy() throws {
        let text = """
        A new trial gave 500 cooks zinc or a placebo for six months.

        The results agree with a 2014 pooled analysis of 9 trials, which found fewer colds with zinc.

        The study was paid for by a bakers' charity.
        """
        let studies = try Self.studies(text)
        let pooled = try #require(studies.first { $0.design == .metaAnalysis })
        let charity = try #require(text.range(of: "The study was paid"))
        let offset = 22 + text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: charity.lowerBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.startIndex)
        #expect(!pooled.mentions.contains { $0.start == offset })
        #expect(pooled.year == 2014)
    }

    // MARK: Journal and year apart from the study (class 3)

    @Test("a year in a later sentence about the paper dates the study")
    func yearInAnotherSentence() throws {
        let text = """
        The Tarn Valley Trial randomly assigned 1,040 men to selenium or placebo. The results appear in the Journal of Mineral Health. The paper came out in 2018.
        """
        let study = try #require(try Self.studies(text).first)
        #expect(study.journal == "Journal of Mineral Health")
        #expect(study.year == 2018)
    }

    @Test("a journal whose name holds a capitalised 'Journal' is named whole")
    func capitalisedJournal() throws {
        let text = "In a new study of 700 potters, lead exposure went with tremor, the researchers report in the Northern Journal of Neurology.\n"
        #expect(try Self.studies(text).first?.journal == "Northern Journal of Neurology")
    }

    @Test("'published in 2015 in X' gives both the journal and the year")
    func secondIn() throws {
        let study = try #require(try Self.studies("The cohort study, published in 2015 in Annals of Rural Medicine, followed 8,000 farmers.\n").first)
        #expect(study.journal == "Annals of Rural Medicine")
        #expect(study.year == 2015)
    }

    @Test("a comma ends a journal's name")
    func commaEndsJournal() throws {
        let study = try #require(try Self.studies("A study of 60 women published in Skin Surgery Journal, Dermalift firmed skin.\n").first)
        #expect(study.journal == "Skin Surgery Journal")
    }

    @Test("a new study's phrase after a journal leaves the journal with the study in focus")
    func journalBeforeNewStudy() throws {
        let text = """
        A new trial gave 800 toddlers iron drops or a placebo for a year.

        The results, published in the Journal of Child Blood, agree with an analysis of earlier trials.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 2)
        #expect(studies.first?.journal == "Journal of Child Blood")
        #expect(studies.last?.journal == nil)
    }

    @Test("a journal's citation line without a verb opens no study")
    func citationLineIsNoStudy() throws {
        let text = """
        A new study of 90 rats fed walnuts found lower blood pressure.

        More walnut findings were shown at a meeting in spring.

        The Nut Science Journal, May 2019, vol. 12 no. 3 Supplement 44.1.
        """
        #expect(try Self.studies(text).count == 1)
    }

    @Test("a story's SOURCE line gives the reported study its journal and year")
    func sourceLine() throws {
        let text = """
        A new study of 2,200 bakers found that flour dust went with asthma.

        SOURCE: Journal of Work Lungs, online March 2, 2019.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.journal == "Journal of Work Lungs")
        #expect(studies.first?.year == 2019)
    }

    @Test("a reference line is the study's citation, not a study of its own")
    func referenceLine() throws {
        let text = """
        The Lowland Stroke Study followed 5,500 adults for six years, the Journal of Brain Vessels reports.

        Reference: Okoro A, Lind B, et al. Salt and stroke in lowland adults: a cohort. J Brain Vessels. 2021.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.year == 2021)
    }

    @Test("a year after a new study's phrase dates it; a period does not")
    func yearAfterIndefinite() throws {
        #expect(try Self.studies("A review that pooled 11 trials in 2020 found that zinc shortened colds.\n").first?.year == 2020)
        #expect(try Self.studies("A study of 900 nurses in 2004 to 2010 linked night shifts to diabetes.\n").first?.year == nil)
    }

    @Test("the bare word 'review' in a trial's report does not make it a review")
    func looseReview() throws {
        let text = """
        A new trial randomly assigned 2,100 nurses to calcium or a placebo. A panel will review the safety data each year.
        """
        #expect(try Self.studies(text).first?.design == .rct)
        #expect(try Self.studies("A 2019 review by a panel of doctors found that calcium had no effect on falls.\n").first?.design == .review)
    }

    @Test("a review the text describes is of people")
    func reviewSpecies() throws {
        #expect(try Self.studies("A systematic review of 14 trials found that magnesium eased cramps.\n").first?.species == .human)
    }
}

/// Quantities phrased as the news phrases them (class 4).
@Suite struct QuantityPhrasingTests {
    func extractor() throws -> QuantityExtractor { try #require(QuantityTests.extractor) }

    @Test func bracketedCountAfterPopulation() throws {
        let text = SourceText("It was tried on a handful of humans (23) with early polyps.")
        let found = try extractor().sampleSizes(in: text, span: text.fullSpan)
        #expect(found.first?.size == 23)
    }

    @Test func rateDenominatorIsNoPopulation() throws {
        let text = SourceText("There was one extra case for every 310 patients treated.")
        #expect(!(try extractor().sampleSizes(in: text, span: text.fullSpan)).contains { $0.size == 310 })
    }

    @Test func daysAWeekIsAFrequency() throws {
        let text = SourceText("Men who used a sauna 2-3 days a week lived longer.")
        #expect(try extractor().durations(in: text, span: text.fullSpan).isEmpty)
        let trial = SourceText("They took it for 3 days.")
        #expect(try extractor().durations(in: trial, span: trial.fullSpan).map(\.days) == [3])
    }

    @Test func agesAfterThePopulation() throws {
        let text = SourceText("The trial took children and adolescents 9-19 years with asthma.")
        #expect(try extractor().durations(in: text, span: text.fullSpan).isEmpty)
    }

    @Test func halfAMillionIsNoCount() throws {
        let text = SourceText("They looked at half a million people from many countries.")
        #expect(!(try extractor().sampleSizes(in: text, span: text.fullSpan)).contains { $0.size == 1_000_000 })
    }

    @Test func medianFollowUp() throws {
        let text = SourceText("In all, 8,151 people were followed for a median of 3.6 years.")
        let sizes = try extractor().sampleSizes(in: text, span: text.fullSpan)
        let days = try extractor().durations(in: text, span: text.fullSpan).map(\.days)
        #expect(sizes.first?.size == 8151)
        #expect(days.count == 1)
        #expect(abs((days.first ?? 0) - 3.6 * 365.25) < 1)
    }
}

/// Which conditions a study gets (issue 14, conditions part), in documents written for these tests: a general
/// condition narrowed by the headline, results told in a paragraph of their own, and what must not attach.
@Suite("Study conditions")
struct StudyConditionTests {
    /// The study stage's own reading (with findings), before a one-study document's conditions are added to its
    /// study (`DocumentConditions`, tested in `ConditionClassTests`): these tests are of which sentences a study
    /// takes its conditions from.
    static func studies(titled title: String, _ body: String) throws -> [ExtractedStudy] {
        let pipeline = try SharedPipeline.get()
        let document = pipeline.analyze(SourceText(title + "\n\n" + body), format: .text)
        var studies = pipeline.studies.extract(document)
        pipeline.findings.apply(&studies, document)
        return studies
    }

    @Test("a general condition becomes the narrower kind the headline names")
    func headlineNarrowsCondition() throws {
        let studies = try Self.studies(titled: "Can zinc lozenges ward off migraine?",
                                       "In a randomized trial of 84 nurses, zinc cut the number of headache days by a quarter.\n")
        let study = try #require(studies.first)
        #expect(study.conditionIDs.contains("headache"))
        #expect(study.conditionIDs.contains("migraine"))
    }

    @Test("a headline with two narrower kinds leaves the general condition alone")
    func twoNarrowerKindsNarrowNothing() throws {
        let studies = try Self.studies(titled: "Selenium, prostate cancer and lung cancer: a guide",
                                       "In a randomized trial of 900 farmers, selenium did not lower the risk of cancer.\n")
        let study = try #require(studies.first)
        #expect(study.conditionIDs.contains("cancer"))
        #expect(!study.conditionIDs.contains("prostate-cancer"))
        #expect(!study.conditionIDs.contains("lung-cancer"))
    }

    @Test("a result told in its own paragraph right after the report adds its outcome")
    func resultInOwnParagraph() throws {
        let body = """
        In a randomized trial, 1,200 retired postmen took selenium or a placebo for six years.

        Selenium made no difference to the risk of prostate cancer.

        Men taking selenium had a higher risk of gout.
        """
        let studies = try Self.studies(titled: "Selenium in older men", body + "\n")
        let study = try #require(studies.first)
        #expect(studies.count == 1)
        #expect(study.conditionIDs.contains("prostate-cancer"))
        #expect(study.conditionIDs.contains("gout"))
    }

    @Test("the team's finding after a paragraph of explanation belongs to the study")
    func teamFindingAfterExplanation() throws {
        let body = """
        For the trial, 300 men with gout were randomly assigned to zinc or a placebo for a year.

        Gout flares start when crystals form in a joint and the body attacks them.

        Ortiz and her team found that the men taking zinc had fewer kidney stones than those on placebo.
        """
        let studies = try Self.studies(titled: "Zinc for gout", body + "\n")
        let study = try #require(studies.first)
        #expect(study.conditionIDs.contains("kidney-stones"))
    }

    @Test("advice, quotes and other studies after a report add no conditions")
    func noResultsFromAdviceQuotesOrOtherStudies() throws {
        let body = """
        In a randomized trial, 1,200 retired postmen took selenium or a placebo for six years.

        Studies have linked low selenium intake to a higher risk of lung cancer.

        Men with kidney stones should not take selenium without advice.

        "Selenium lowered gout flares in our clinic," said one doctor.
        """
        let studies = try Self.studies(titled: "Selenium in older men", body + "\n")
        let study = try #require(studies.first)
        #expect(!study.conditionIDs.contains("lung-cancer"))
        #expect(!study.conditionIDs.contains("kidney-stones"))
        #expect(!study.conditionIDs.contains("gout"))
    }

    @Test("'it found' continues the study in focus")
    func itFound() throws {
        let body = """
        One earlier study from Norway found no link between the drug and colon cancer.
        Indeed, it found a higher risk of pneumonia in patients on the medication.
        """
        let studies = try Self.studies(titled: "Drug and cancer", body + "\n")
        let study = try #require(studies.first)
        #expect(study.conditionIDs.contains("pneumonia"))
    }

    @Test("a condition word in an organisation's name gives the study no condition")
    func organisationNameIsNoCondition() throws {
        let studies = try Self.studies(titled: "Zinc and colds",
                                       "A study by the National Cancer Institute found that zinc shortened colds in 200 children.\n")
        let study = try #require(studies.first)
        #expect(!study.conditionIDs.contains("cancer"))
        #expect(study.conditionIDs.contains("common-cold"))
    }
}
