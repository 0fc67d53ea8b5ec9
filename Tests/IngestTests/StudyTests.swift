import Testing
@testable import Ingest
import EvidenceModel

/// The study stage on sentences written for these tests: negation, mixed results, coreference across
/// paragraphs, vague references, groups of trials, named trials, reference lists, hostile input.
@Suite("Studies")
struct StudyTests {
    static func studies(_ text: String) throws -> [ExtractedStudy] {
        // A first line alone is the page title; the sentences under test are body text.
        try SharedPipeline.get().extract(file: "t.txt", text: "Notes on supplements\n\n" + text, sha256: "", format: .text).studies
    }

    @Test("a negated result is no_effect")
    func negation() throws {
        let studies = try Self.studies("In a randomized trial of 120 adults, vitamin K2 did not significantly reduce coronary artery calcification over two years.\n")
        #expect(studies.count == 1)
        #expect(studies.first?.design == .rct)
        #expect(studies.first?.direction == .noEffect)
        #expect(studies.first?.populationSize == 120)
    }

    @Test("'improved X but not Y' is mixed")
    func mixed() throws {
        let studies = try Self.studies("A study in dialysis patients found that magnesium improved arterial stiffness but not aortic calcification.\n")
        #expect(studies.count == 1)
        #expect(studies.first?.direction == .mixed)
    }

    @Test("the study, the rats and the researchers across paragraphs are one study")
    func coreference() throws {
        let text = """
        Scientists described a new animal study of vitamin K2 last year.

        The rats were given warfarin for six weeks and then vitamin K2 for six weeks.

        In the study, aortic calcification fell by 40% in the treated rats. The researchers called it a reversal.
        """
        let studies = try Self.studies(text)
        #expect(studies.count == 1)
        #expect(studies.first?.design == .animal)
        #expect(studies.first?.species == .rat)
        #expect(studies.first?.direction == .benefit)
        #expect((studies.first?.mentions.count ?? 0) >= 3)
    }

    @Test("a vague reference is not a study")
    func vague() throws {
        #expect(try Self.studies("Previous studies have suggested that vitamin D may protect bones.\n").isEmpty)
        #expect(try Self.studies("Larger studies are needed before magnesium can be recommended.\n").isEmpty)
    }

    @Test("several trials named together are unspecified_trials")
    func group() throws {
        let studies = try Self.studies("Several randomized trials showed that statins lower the risk of stroke.\n")
        #expect(studies.count == 1)
        #expect(studies.first?.design == .unspecifiedTrials)
        #expect(studies.first?.direction == .benefit)
    }

    @Test("a named trial mentioned twice is one study with its name")
    func named() throws {
        let studies = try Self.studies("The KALCIUM trial enrolled 200 patients with chronic kidney disease.\n\nLater, the KALCIUM trial showed less vascular calcification with MK-7.\n")
        #expect(studies.count == 1)
        #expect(studies.first?.name == "KALCIUM")
        #expect(studies.first?.identityKey == "name:kalcium")
        #expect(studies.first?.mentions.count == 2)
    }

    @Test("two studies in one sentence are two studies")
    func twoInOneSentence() throws {
        let studies = try Self.studies("Several small trials reported fewer fractures with MK-4, although a later and larger trial did not confirm it.\n")
        #expect(studies.map(\.design).contains(.unspecifiedTrials))
        #expect(studies.count == 2)
        #expect(studies.last?.direction == .noEffect)
    }

    @Test("harm, and an exposure that is a lack")
    func harmAndLowExposure() throws {
        let harm = try Self.studies("A cohort study of 900 warfarin users found a higher prevalence of valve calcification.\n")
        #expect(harm.first?.design == .cohort)
        #expect(harm.first?.direction == .harm)
        let low = try Self.studies("In a prospective cohort of 3,000 women, those with the lowest vitamin D levels had a higher risk of hip fracture.\n")
        #expect(low.first?.direction == .benefit)
    }

    @Test("a reference-list entry is a study with title, journal and year")
    func reference() throws {
        let text = "Vitamin K2 improves bone quality.\n\nReferences\n1. Smith AB, Jones CD. Vitamin K and bone health: a review. Nutrients. 2019.\n"
        let studies = try Self.studies(text)
        let entry = studies.first { $0.year == 2019 }
        #expect(entry?.design == .review)
        #expect(entry?.journal == "Nutrients")
        #expect(entry?.title == "Vitamin K and bone health: a review")
    }

    @Test("references that name only a journal are separate studies, and the journal is no title")
    func untitledReferences() throws {
        let text = """
            Calcification research keeps growing.

            References
            1. Okafor T, et al. The Lancet. 2016;22(12):821-833.
            2. Brandt L, et al. The Lancet. 2011;88(11):19-27.
            3. Rivera P, Moss K. Menaquinone and arterial stiffness. Hypertension Research 2020;14:55-61.
            """
        let studies = try Self.studies(text)
        let lancet = studies.filter { $0.journal == "The Lancet" }
        #expect(lancet.count == 2)
        #expect(lancet.allSatisfy { $0.title == nil })
        #expect(Set(lancet.map(\.identityKey)).count == 2)
        #expect(Set(lancet.compactMap(\.year)) == [2016, 2011])
        let titled = studies.first { $0.year == 2020 }
        #expect(titled?.title == "Menaquinone and arterial stiffness")
        #expect(titled?.journal == "Hypertension Research")
    }

    @Test("dose, duration and journal are read")
    func attributes() throws {
        let text = "A case report described one woman with calciphylaxis who took 360 mcg/day of MK-7 for three months. The study was published in Clinical Kidney Journal in 2023.\n"
        let study = try Self.studies(text).first
        #expect(study?.design == .caseReport)
        #expect(study?.populationSize == 1)
        #expect(study?.interventions.first { $0.conceptID == "vitamin-k2" }?.dose?.mcgPerDay == 360)
        #expect(study?.interventions.first { $0.conceptID == "vitamin-k2" }?.formID == "mk-7")
        #expect(study?.journal == "Clinical Kidney Journal")
        #expect(study?.year == 2023)
    }

    @Test("hostile text neither crashes nor hangs")
    func hostile() throws {
        let noise = String(repeating: "the study the trial a study of several trials “ ” \" 2020 published in Journal of ", count: 3000)
        _ = try Self.studies(noise)
        _ = try Self.studies("References\n" + String(repeating: "1. et al. . . 2019;\n", count: 2000))
        _ = try Self.studies("study1 trial2 “”“” ::: \u{0301}\u{200B} ")
    }
}
