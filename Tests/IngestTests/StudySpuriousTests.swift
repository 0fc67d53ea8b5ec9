import EvidenceModel
import Foundation
import Testing
@testable import Ingest

/// Study phrases that name no study of the document (a study still needed told with a long phrase, a kind of
/// study, an editorial's analysis, a link to another article), and one study told under two names, in sentences
/// written for these tests.
@Suite("Study spurious mentions")
struct StudySpuriousTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        try StudyTests.studies(text)
    }

    static let report = "A trial of 300 gardeners found that a daily nettle tea eased hay fever over eight weeks.\n\n"

    @Test("a study still needed, its verb after an 'of' phrase, is no study")
    func neededAfterModifier() throws {
        let needed = "The lead author said a bigger study of the tea in children and older adults is needed before anyone recommends it.\n"
        #expect(try Self.studies(Self.report + needed).count == 1)
        // Done, it is one: the verb is past.
        let done = "Separately, a bigger study of the tea in children and older adults found the same benefit.\n"
        #expect(try Self.studies(Self.report + done).count == 2)
        // A relative clause's verb belongs to the people, not to the study.
        let relative = "A later study of older people who would be eligible for allergy shots found no such effect.\n"
        #expect(try Self.studies(Self.report + relative).count == 2)
    }

    @Test("'such a trial' names a kind of study, not one")
    func suchTrial() throws {
        let text = Self.report + "Nobody would fund such a trial in farm workers today, a critic said.\n"
        #expect(try Self.studies(text).count == 1)
        let plain = Self.report + "Nobody expected a trial in farm workers to show the same, a critic said.\n"
        #expect(try Self.studies(plain).count == 2)
    }

    @Test("an analysis in an accompanying editorial is an opinion, not a study")
    func editorialAnalysis() throws {
        let text = Self.report + "A pharmacist argued in an analysis in an accompanying editorial that the effect was small.\n"
        #expect(try Self.studies(text).count == 1)
    }

    @Test("a capitals label and a colon before a headline is a link, not a study")
    func linkLine() throws {
        let text = Self.report + "MORE: A Study Finds Coffee Drinkers Sleep Worse\n\nThe tea is sold in most pharmacies.\n"
        #expect(try Self.studies(text).count == 1)
        // In running text the same words are a study of their own.
        let running = Self.report + "More: a study of coffee drinkers found they slept worse.\n"
        #expect(try Self.studies(running).count == 2)
    }

    @Test("a sponsor's compound is no trial name")
    func sponsorCompound() throws {
        let text = """
        Government-funded clinical trial finds a nasal gel eases snoring.

        A two-year clinical trial that compared the gel with a saline spray in 410 adults found that snoring fell by a third.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.populationSize == 410)
    }

    @Test("results of a named trial given with its paper name the study being reported")
    func namedWithPaper() throws {
        let text = """
        A two-year clinical study of 167 patients with chest pain found that an injected cell treatment reduced attacks.

        Outcomes from the HEARTCELL study were published today in a cardiology journal.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.populationSize == 167)
        // Without the paper, a named trial told later is another trial.
        let other = text.replacingOccurrences(of: "Outcomes from the HEARTCELL study were published today in a cardiology journal.",
                                              with: "The HEARTCELL study, in 90 patients, had found the opposite.")
        #expect(try Self.studies(other + "\n").count == 2)
    }

    @Test("'available in the U.S.' cites no journal and opens no study")
    func countryInitials() throws {
        let text = Self.report + "Nettle tea bags have been available in the U.S. since last spring from two makers.\n"
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.journal == nil)
    }

    @Test("'No study has looked at' names no study")
    func noStudy() throws {
        let text = Self.report + "No study has looked at whether the tea helps people with asthma, however.\n"
        #expect(try Self.studies(text).count == 1)
    }

    @Test("an editor of a journal is no citation of a study in it")
    func editorOfJournal() throws {
        let text = Self.report + "\"Herbal teas deserve careful trials,\" said Dr. Ana Ruiz, editor-in-chief of the Journal of Herbal Allergy Research and head of a clinic in Lyon.\n"
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.journal == nil)
    }

    @Test("'one study participant' is a person of the study in focus, not another study")
    func studyParticipant() throws {
        let text = Self.report + "One study participant, a retired postman, said his sneezing stopped within days.\n"
        #expect(try Self.studies(text).count == 1)
    }

    @Test("half given one drug and the other half another is a controlled trial")
    func otherHalfDesign() throws {
        let text = "A study of 420 adults with back pain gave half of them a stretching course and the other half a leaflet; the course eased pain more.\n"
        #expect(try Self.studies(text).first?.design == .controlledTrial)
    }
}
