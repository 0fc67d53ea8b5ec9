import EvidenceModel
import Testing
@testable import Ingest

/// The study stage on phrasings that real news and press releases use and the first rules missed, in
/// sentences written for these tests: vague references beside the study, groups of trials, titles in
/// quotes, trial acronyms, approximate counts, direction by weight of results.
@Suite("Study reading")
struct StudyReadingTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        try StudyTests.studies(text)
    }

    @Test("a sentence about previous studies is not attached to the study in focus")
    func vagueNotAttached() throws {
        let text = """
        A new study of 2,400 nurses found that higher magnesium intake went with a lower risk of gout.
        Earlier research has reported conflicting results on magnesium and gout.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.mentions.count == 1)
    }

    @Test("'few studies … their findings' speaks of those studies, not of the study in focus")
    func definiteAfterVague() throws {
        let text = """
        The new cohort study followed 3,100 farmers for eight years.

        Only a handful of studies have looked at zinc and hearing; their findings were weak.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.mentions.count == 1)
    }

    @Test("trials named together do not take the focus from the study being reported")
    func groupKeepsFocus() throws {
        let text = """
        A new pooled study of 12 cohorts looked at selenium and bladder cancer.

        The few randomized trials of selenium so far have not shown an effect.

        We analyzed data from 9,000 people, said the first author.
        """
        let studies = try Self.studies(text)
        let main = try #require(studies.first { $0.design != .unspecifiedTrials })
        // The last sentence ("We analyzed …") belongs to the pooled study (the test prefixes a 22-scalar title).
        let last = 22 + text.unicodeScalars.count - "We analyzed data from 9,000 people, said the first author.".unicodeScalars.count
        #expect(main.mentions.contains { $0.start >= last })
    }

    @Test("a study noun inside a quoted title is the paper's own design, not another study")
    func quotedTitle() throws {
        let text = """
        The study pooled data on fibre and gout from eleven earlier papers.
        The article, entitled \u{201C}Dietary Fibre and Gout: A Meta-Analysis of Prospective Studies,\u{201D} appears online today.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.design == .metaAnalysis)
    }

    @Test("a trial's acronym in brackets names the same trial")
    func acronym() throws {
        let text = """
        The results come from the Sleep And Zinc (SAZ) Trial of shift workers.

        The SAZ Trial was a placebo-controlled study with 60 healthy nurses.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.populationSize == 60)
    }

    @Test("an approximate count is no population size; two counts joined by 'and' add up")
    func sizes() throws {
        #expect(try Self.studies("A new study of nearly 500 runners found that iron improved their endurance.\n").first?.populationSize == nil)
        #expect(try Self.studies("A new trial enrolled eight men and seven women to test whether iron improved endurance.\n").first?.populationSize == 15)
        let lead = "A new study of nearly 4,000 adults linked flour dust to asthma. The study followed 3,912 adults for six years.\n"
        #expect(try Self.studies(lead).first?.populationSize == 3_912)
    }

    @Test("a design word before a plural study noun describes other studies")
    func designOfOtherStudies() throws {
        let text = "The new analysis, in the absence of randomized trials, pooled what 14 cohorts reported on tea and stroke.\n"
        #expect(try Self.studies(text).first?.design != .rct)
    }

    @Test("a placebo arm without the word randomised is a controlled trial")
    func placeboTrial() throws {
        let text = "In a new trial, 300 retired teachers took a fish oil capsule or a placebo pill for two years, and fish oil did not slow memory decline.\n"
        let study = try #require(try Self.studies(text).first)
        #expect(study.design == .controlledTrial)
        #expect(study.direction == .noEffect)
    }

    @Test("a researcher dosing himself is a case report")
    func selfExperiment() throws {
        let text = "A chemist ran a small experiment on himself, taking 500 mg of the compound once a day for ten days.\n"
        let study = try #require(try Self.studies(text).first)
        #expect(study.design == .caseReport)
        #expect(study.duration?.days == 10)
    }

    @Test("'no less likely' is no effect; more of a sought measure is a benefit")
    func directionWording() throws {
        let null = "A new study of 240 adults found that those taking zinc were no less likely to catch a cold than those given placebo.\n"
        #expect(try Self.studies(null).first?.direction == .noEffect)
        let sought = "A new trial in 40 adults found that the extract boosted resting metabolic rate.\n"
        #expect(try Self.studies(sought).first?.direction == .benefit)
    }

    @Test("a clear main result beside one null secondary outcome is that result; even weights are mixed")
    func directionWeight() {
        #expect(StudyDirectionReader.combine([.benefit, .benefit, .benefit, .noEffect]) == .benefit)
        #expect(StudyDirectionReader.combine([.benefit, .noEffect]) == .mixed)
        #expect(StudyDirectionReader.combine([]) == .unclear)
        #expect(StudyDirectionReader.combine([.benefit, .benefit, .harm]) == .mixed)
        #expect(StudyDirectionReader.combine([.benefit, .benefit, .benefit, .harm]) == .benefit)
    }

    @Test("a trial arm's amount 'for six months' without a frequency is read as daily")
    func armDose() throws {
        let text = "In the new study, 200 patients were randomly assigned to take 2g of fish oil or a placebo for six months.\n"
        let study = try #require(try Self.studies(text).first)
        let dose = study.interventions.compactMap { $0.dose?.mcgPerDay }.first
        #expect(dose == 2_000_000)
    }
}
