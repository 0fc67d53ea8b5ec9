import Testing
@testable import Ingest
import EvidenceModel

/// The seventh round of the findings stage, on texts written for these tests: a new medicine or product the lexicon
/// does not know is still the studied intervention (by the ending of its nonproprietary name, or by "a drug called
/// …"), specific procedures and drugs are no longer their class, and "less likely to die" names its outcome.
@Suite("Finding intervention names")
struct FindingInterventionNameTests {
    static func products(_ sentence: String) throws -> [String] {
        let pipeline = try SharedPipeline.get()
        let text = SourceText(sentence)
        let tokens = MatchTokenizer.tokens(text.scalars, in: text.fullSpan)
        let free = pipeline.concepts.mentions(in: text).reduce(into: [Bool](repeating: true, count: tokens.count)) { free, mention in
            for (index, token) in tokens.enumerated() where token.start < mention.span.end && token.end > mention.span.start {
                free[index] = false
            }
        }
        return ProductNameReader(cues: pipeline.textConcepts.cues).names(tokens, free: free).map { $0.candidate.words.joined(separator: " ") }
    }

    @Test("a word with a nonproprietary name's ending is a drug; a short or common word is not")
    func stemmedDrugNames() throws {
        #expect(try Self.products("Patients were given velorimab or a dummy infusion every month.") == ["velorimab"])
        #expect(try Self.products("The new tablet, a kinase blocker named tozatinib, was taken twice a day.") == ["tozatinib"])
        // Too short to be read by its ending alone, and a word of the lists.
        #expect(try Self.products("They ate a kebab and spoke about the protein in it.").isEmpty)
    }

    @Test("a product noun and a naming cue introduce a name; a cue after a person introduces none")
    func namedProducts() throws {
        #expect(try Self.products("Surgeons tried a heating device called the ThermoBand on the knee.") == ["thermoband"])
        #expect(try Self.products("An experimental pill called dorastine eased the cramps.") == ["dorastine"])
        #expect(try Self.products("A nurse called Jenkins ran the clinic.").isEmpty)
        // The cue names what follows "of": an enzyme, not the product.
        #expect(try Self.products("The gel is a natural blocker of an enzyme called tyrosinase.").isEmpty)
        // An adjective after the cue is no name.
        #expect(try Self.products("A new device called portable was mentioned.").isEmpty)
    }

    @Test("a drug the lexicon does not know is the study's studied intervention and carries its finding")
    func unknownDrugCarriesTheFinding() throws {
        let studies = try FindingTests.studies("""
            In a randomised trial of 300 adults with gout, an experimental drug called dorastine cut the number of \
            gout flares by a third compared with placebo over six months.
            """)
        let id = "text:intervention:dorastine"
        #expect(FindingTests.role(studies, id) == .studied)
        #expect(FindingTests.findings(studies, id).contains { $0.outcomeID == "gout" && $0.direction == .benefit })
    }

    @Test("specific procedures and treatments are concepts of their own under their class, not the class itself")
    func specificConceptsUnderTheirClass() throws {
        let lexicon = try SharedPipeline.get().lexicon
        #expect(lexicon.ancestors(of: "robotic-surgery").contains("surgery"))
        #expect(lexicon.ancestors(of: "laparoscopic-surgery").contains("surgery"))
        #expect(lexicon.ancestors(of: "intraoperative-radiotherapy").contains("radiotherapy"))
        // An opioid blocker is not an opioid.
        #expect(!lexicon.ancestors(of: "naltrexone").contains("opioids"))
        #expect(lexicon.ancestors(of: "naltrexone").contains("opioid-antagonists"))
        let studies = try FindingTests.studies("""
            A trial randomly assigned 400 adults with opioid addiction to naltrexone injections or to daily \
            buprenorphine for six months.
            """)
        let ids = Set(studies.flatMap(\.interventions).map(\.conceptID))
        #expect(ids.isSuperset(of: ["naltrexone", "buprenorphine"]))
        #expect(!ids.contains("opioids"))
    }

    @Test("deep brain stimulation is not transcranial magnetic stimulation")
    func brainStimulationKinds() throws {
        let studies = try FindingTests.studies("""
            In a small trial, 42 people with Parkinson's disease had deep brain stimulation switched on or off for \
            three months; tremor improved when it was on.
            """)
        let ids = Set(studies.flatMap(\.interventions).map(\.conceptID))
        #expect(ids.contains("deep-brain-stimulation"))
        #expect(!ids.contains("transcranial-magnetic-stimulation"))
    }

    @Test("'less likely to die' is a finding on mortality")
    func deathVerbNamesMortality() throws {
        let studies = try FindingTests.studies("""
            A randomised trial followed 2,000 adults with heart failure for three years. Those given carvolimab \
            were 20 percent less likely to die than those given a placebo.
            """)
        let found = FindingTests.findings(studies, "text:intervention:carvolimab")
        #expect(found.contains { $0.outcomeID == "mortality" && $0.direction == .benefit })
    }

    @Test("'surgery' in a study of epilepsy is the lexicon's epilepsy surgery, and its result is that surgery's")
    func genericProcedureNarrowedByTheCondition() throws {
        let studies = try FindingTests.studies("""
            A randomised trial assigned 116 children with epilepsy to surgery or to continued medication. A year \
            later, surgery had reduced seizures far more than medication alone.
            """)
        #expect(studies.contains { study in study.interventions.contains { $0.conceptID == "epilepsy-surgery" } })
        #expect(FindingTests.findings(studies, "epilepsy-surgery").contains { $0.direction == .benefit })
    }
}
