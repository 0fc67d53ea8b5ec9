import EvidenceModel
import Foundation
import Testing
@testable import Ingest

/// Studies told together and then one by one ("Two trials … In the second study …"), one study told twice under
/// two phrases ("The findings are based on the X study", "The study, named X, was a trial"), and a trial that
/// follows its patients, in sentences written for these tests.
@Suite("Study split and merge")
struct StudySplitMergeTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        try StudyTests.studies(text)
    }

    @Test("'one of the studies' and 'the second study' after two trials told together are two studies")
    func partitiveAndOrdinal() throws {
        let text = """
        Two new trials of a cough syrup were reported on Tuesday in the Journal of Chest Remedies.

        In one of the studies, doctors in Oslo gave the syrup or a placebo to 210 children with a cold.

        In the second study, a team in Lyon gave the syrup to 340 adults for five days.

        The second study found that coughing eased sooner with the syrup.
        """
        let studies = try Self.studies(text + "\n").filter { $0.design != .unspecifiedTrials }
        #expect(studies.count == 2)
        let sizes = Set(studies.compactMap(\.populationSize))
        #expect(sizes == [210, 340])
        // Each is published where the trials told together were.
        #expect(studies.allSatisfy { $0.journal?.contains("Chest Remedies") == true })
        // The later "the second study" is the one the first "second" phrase named.
        let second = studies.first { $0.populationSize == 340 }
        #expect(second?.mentions.count == 2)
    }

    @Test("'the first study' once a second was told is the study reported first")
    func firstAfterSecond() throws {
        let text = """
        A study of 500 nurses found that night shifts raised blood pressure.

        A second study, in 120 pilots, found the same.

        The first study also found that the effect faded after a month of day shifts.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 2)
        let first = studies.first { $0.populationSize == 500 }
        #expect(first?.mentions.count == 2)
    }

    @Test("'the first study to show' is the study in focus, first of its kind")
    func firstOfItsKind() throws {
        let text = """
        A trial of 90 adults found that a nasal spray shortened colds.

        It is the first study to show such an effect in adults, the authors said.
        """
        #expect(try Self.studies(text + "\n").count == 1)
    }

    @Test("the findings based on a named study are that study")
    func basedOn() throws {
        let text = """
        The findings are based on the HOPEWELL study, a trial of 800 women with migraine in four countries.

        The study found that the patch cut headache days by a third.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.name == "HOPEWELL")
    }

    @Test("a name given between two phrases of one study names it")
    func namedBetween() throws {
        let text = "The study, named Brightway, was a trial of 60 patients using a light box for winter low mood.\n"
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.name == "Brightway")
        #expect(studies.first?.populationSize == 60)
    }

    @Test("a trial name without its letter is the lettered trial")
    func letterVariant() throws {
        let text = """
        The results come from the SHIELD-B trial of a gum vaccine in 1,200 adults.

        Dr. Ana Ruiz first proposed the SHIELD study approach a decade ago.
        """
        #expect(try Self.studies(text + "\n").count == 1)
    }

    @Test("a trial that followed its patients for years is no cohort")
    func followedTrial() throws {
        let text = """
        The results come from a clinical trial of 2,400 women who were followed for as long as eight years. Half were randomly assigned to a short course of radiation and half to the usual course.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.design == .rct)
        // Without a trial word, following people for years is a cohort.
        let cohort = "A study of 2,400 women who were followed for as long as eight years linked tea to fewer fractures.\n"
        #expect(try Self.studies(cohort).first?.design == .cohort)
    }

    @Test("'that' before a plural noun is a relative pronoun: 'a protein that scientists say …' names no study")
    func relativeThat() throws {
        let text = "Ginger holds a compound that scientists say calms the stomach.\n"
        #expect(try Self.studies(text).isEmpty)
        // "that study" is a demonstrative and speaks of the study in focus.
        let demonstrative = "A trial of 80 sailors tested ginger for seasickness. That study found fewer cases of vomiting.\n"
        #expect(try Self.studies(demonstrative).count == 1)
    }

    @Test("'To study the matter' is a verb, not a study named 'To'")
    func toStudy() throws {
        let text = """
        A new study reports that cold showers may ease muscle soreness.

        To study the matter, researchers in Turin asked 60 cyclists to take a cold shower after each ride.
        """
        let studies = try Self.studies(text + "\n")
        #expect(!studies.contains { $0.name == "To" })
        #expect(studies.count == 1)
    }

    @Test("'our study' in its author's words is the study reported, after another was told")
    func ourStudy() throws {
        let text = """
        A trial of 300 adults found that a daily stretch eased knee pain over ten weeks, said the lead author, Dr. Ana Ruiz.

        An analysis of 12 earlier studies of stretching, presented at a meeting in May, found little benefit.

        "When I look at the results of our study, I would still stretch," Dr. Ruiz said.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 2)
        let trial = studies.first { $0.populationSize == 300 }
        #expect(trial?.mentions.count == 2)
    }

    @Test("a journal describing itself in a footer reports no study")
    func journalBlurb() throws {
        let report = "A trial of 300 gardeners found that a daily nettle tea eased hay fever over eight weeks.\n\n"
        let text = report + "Annals of Garden Medicine, published weekly, is the official journal of the Society of Garden Doctors.\n"
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.journal == nil)
    }

    @Test("a short link before a SOURCE line's journal is no part of the citation")
    func sourceLineLink() throws {
        let text = """
        A new study of 1,900 potters found that clay dust went with a chronic cough.

        SOURCE: bit.ly/k3x9Qz Journal of Work Lungs, online April 7, 2014.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.journal == "Journal of Work Lungs")
        #expect(studies.first?.year == 2014)
    }

    @Test("a described study and a named one with the same exact count are one study")
    func sameCount() throws {
        let text = """
        A new study of 2,371 runners found that a salty drink before a race cut cramps by half.

        The ROADSALT trial, which enrolled 2,371 runners in three cities, was paid for by a sports charity.
        """
        let studies = try Self.studies(text + "\n")
        #expect(studies.count == 1)
        #expect(studies.first?.name == "ROADSALT")
        // Different counts keep two studies apart.
        let other = text.replacingOccurrences(of: "enrolled 2,371 runners", with: "enrolled 880 runners")
        #expect(try Self.studies(other + "\n").count == 2)
    }

    @Test("'the second study' after 'the studies, published in X' is published in X")
    func memberOfFocus() throws {
        let text = """
        A drug maker paid for two placebo-controlled studies of a nasal spray for cluster headache. The studies, published online in the Journal of Head Pain, found that the spray shortened attacks.

        In the second study, those given the spray had attacks of 20 minutes instead of 45.
        """
        let studies = try Self.studies(text + "\n")
        let second = studies.first { $0.mentions.contains { $0.start > text.count / 2 } && $0.mentions.count == 1 }
        #expect(second?.journal == "Journal of Head Pain")
    }
}
