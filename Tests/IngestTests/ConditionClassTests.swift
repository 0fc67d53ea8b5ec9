import Testing
@testable import Ingest
import EvidenceModel

/// The classes of condition misses the `condition=` query showed on unseen news, one test each, in sentences of
/// our own: a document's conditions given to its one study, misspelling corrections that took another word of
/// the same stem, names lumped into a broader concept, and phrases taken as outcomes that are none.
@Suite struct ConditionClassTests {
    static func extract(_ text: String) throws -> Extraction {
        try SharedPipeline.get().extract(file: "t.txt", text: text, sha256: "", format: .text)
    }

    static let oneTrial = """
        Ring implant keeps working for five years

        A ring implant prevented pregnancy in a randomised trial of 1,200 women, the maker said on Tuesday. \
        The women used the ring for up to five years.

        Doctors told the women what to expect in the first months.

        The most frequent complaints were headache, acne and abdominal pain, each reported by about one woman \
        in ten.
        """

    @Test("a document's conditions, named away from its one study, are that study's")
    func oneStudyGetsTheDocumentsConditions() throws {
        let extraction = try Self.extract(Self.oneTrial)
        let study = try #require(extraction.studies.first)
        #expect(extraction.studies.count == 1)
        #expect(study.conditionIDs.first == "pregnancy")
        for id in ["headache", "acne", "abdominal-pain"] { #expect(study.conditionIDs.contains(id), "\(id) missing") }
    }

    @Test("a broader condition beside a narrower one adds nothing")
    func broaderConditionsAreNotAdded() throws {
        let pipeline = try SharedPipeline.get()
        let document = pipeline.analyze(SourceText("Falls\n\nHip fractures and other fractures of old age.\n"), format: .text)
        var studies = [ExtractedStudy(identityKey: "k", conditionIDs: ["hip-fracture"])]
        DocumentConditions(lexicon: pipeline.lexicon).apply(to: &studies, document)
        #expect(studies[0].conditionIDs == ["hip-fracture", "falls"])
        // A study's own broader condition stays.
        var own = [ExtractedStudy(identityKey: "k", conditionIDs: ["fractures", "hip-fracture"])]
        DocumentConditions(lexicon: pipeline.lexicon).apply(to: &own, document)
        #expect(own[0].conditionIDs == ["fractures", "hip-fracture", "falls"])
    }

    @Test("with two studies, a condition of another sentence stays with neither")
    func twoStudiesKeepTheirOwnConditions() throws {
        let text = """
            Two trials of fish oil

            In a randomised trial of 400 adults with atrial fibrillation, fish oil taken for a year made no \
            difference to the number of hospital stays.

            A second trial, of 300 children, found that cod liver oil in winter lowered the number of colds.

            Separately, many readers asked about migraine.
            """
        let extraction = try Self.extract(text)
        #expect(extraction.studies.count == 2)
        for study in extraction.studies { #expect(!study.conditionIDs.contains("migraine")) }
    }

    @Test("a correction must keep the word's last letter: a word of the same stem is another word")
    func derivedWordsAreNotMisspellings() throws {
        let matcher = try SharedPipeline.get().concepts
        func ids(_ sentence: String) -> [String] {
            let text = SourceText(sentence)
            return matcher.mentions(in: text, span: text.fullSpan).map(\.conceptID)
        }
        #expect(ids("The panel was independent of the sponsor.") == [])
        #expect(ids("She had trouble concentrating at work.") == [])
        #expect(ids("The gut's motility was measured.") == [])
        // A typo inside the word is still found.
        #expect(ids("Fibromylagia flares were fewer.") == ["fibromyalgia"])
    }

    @Test("a name a user types for a distinct condition is its own concept, under the broader one")
    func lumpedNamesAreTheirOwnConcepts() throws {
        let pipeline = try SharedPipeline.get()
        func ids(_ sentence: String) -> [String] {
            let text = SourceText(sentence)
            return pipeline.concepts.mentions(in: text, span: text.fullSpan).map(\.conceptID)
        }
        let lexicon = pipeline.lexicon
        let pairs = [("Her memory got worse.", "memory", "cognitive-function"),
                     ("Cognitive decline was slower.", "cognitive-decline", "cognitive-function"),
                     ("He reported abdominal pain.", "abdominal-pain", "pain"),
                     ("Dizziness was common.", "dizziness", nil),
                     ("Painful periods eased.", "dysmenorrhea", "pain"),
                     ("Sleep quality improved.", "sleep-problems", nil),
                     ("Antibody responses were strong.", "immune-response", "immune-function")]
        for (sentence, id, broader) in pairs {
            #expect(ids(sentence) == [id], "\(sentence)")
            if let broader { #expect(lexicon.ancestors(of: id).contains(broader), "\(id) under \(broader)") }
        }
        // The narrower kinds still count for their broader ones.
        #expect(lexicon.ancestors(of: "vertigo").contains("dizziness"))
        #expect(lexicon.ancestors(of: "insomnia").contains("sleep-problems"))
        #expect(!lexicon.ancestors(of: "cognitive-decline").contains("dementia"))
    }

    @Test("a verb or a word of measurement is no outcome")
    func verbsAndMeasuresAreNoOutcomes() throws {
        let extraction = try Self.extract("""
            Dressing trial

            In a randomised trial of 60 patients, a silver dressing was used to improve healing of leg wounds. \
            It reduced the weight limit for lifting in the first week.
            """)
        let names = extraction.textConcepts.map(\.name)
        #expect(!names.contains { $0.hasPrefix("improve") })
        #expect(!names.contains { $0.hasSuffix("limit") })
    }
}
