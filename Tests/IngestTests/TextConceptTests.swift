import Foundation
import SQLiteDB
import Testing
@testable import Ingest
import EvidenceModel

/// Concepts made from the text: an outcome or an intervention the lexicon does not know becomes a concept of the
/// document (`text:` ids), the study and its findings use it, and the store keeps it across documents, re-ingests
/// and lexicon changes. Documents are our own words.
@Suite struct TextConceptTests {
    let folder: String
    let pipeline: Pipeline

    init() throws {
        folder = NSTemporaryDirectory() + "evidence-text-concepts-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        pipeline = try Pipeline()
    }

    static let grogginess = """
        Magnesium and mornings

        In a randomised controlled trial of 90 office workers, magnesium taken every evening for eight weeks \
        reduced morning grogginess compared with placebo. Morning grogginess was rated by the workers each day.
        """

    func extract(_ text: String, file: String = "doc.txt", sha: String = "s1") -> Extraction {
        pipeline.extract(file: file, text: text, sha256: sha, format: .text)
    }

    @Test func anUnknownOutcomeBecomesTheStudysConditionAndItsFindingsOutcome() throws {
        let extraction = extract(Self.grogginess)
        let id = "text:morning-grogginess"
        let concept = try #require(extraction.textConcepts.first { $0.id == id })
        #expect(concept.type == .condition)
        #expect(concept.name == "morning grogginess")
        #expect(concept.origin == .text)
        // Both places the document names it, the second one capitalised.
        #expect(extraction.mentions.filter { $0.conceptID == id }.count == 2)
        let study = try #require(extraction.studies.first { $0.interventions.contains { $0.conceptID == "magnesium" } })
        #expect(study.conditionIDs.contains(id))
        #expect(study.findings.contains { $0.outcomeID == id && $0.direction == .benefit })
    }

    @Test func aPhraseIsTrimmedToItsNounAndGenericHeadsAreRefused() {
        let finder = pipeline.textConcepts
        func outcomes(_ sentence: String) -> [String] {
            let text = SourceText(sentence)
            let tokens = MatchTokenizer.tokens(text.scalars, in: text.fullSpan)
            let free = pipeline.concepts.mentions(in: text).reduce(into: [Bool](repeating: true, count: tokens.count)) { free, mention in
                for (index, token) in tokens.enumerated() where token.start < mention.span.end && token.end > mention.span.start {
                    free[index] = false
                }
            }
            return finder.outcomes(tokens, free: free).map { $0.candidate.words.joined(separator: " ") }
        }
        // Determiners, degree words and a measure with "of" are dropped; the plural is folded.
        #expect(outcomes("The tablets lowered the levels of nail brittleness in older women.") == ["nail brittleness"])
        #expect(outcomes("Walkers had a significantly greater risk of ankle sprains than runners.") == ["ankle sprain"])
        // Every item of a list after one cue; one word alone must have the form of an outcome's name.
        #expect(outcomes("Side effects included hiccups, eyelid twitching and nail brittleness.")
                == ["eyelid twitching", "nail brittleness"])
        #expect(outcomes("Side effects included wakefulness and hiccups.") == ["wakefulness"])
        // A generic head, a number or a verb ends in nothing.
        #expect(outcomes("The drug reduced the risk of problems.").isEmpty)
        #expect(outcomes("Scores improved by 20 points.").isEmpty)
        #expect(outcomes("It reduced what people remembered.").isEmpty)
        // A phrase that runs into a name of the lexicon belongs to that concept.
        #expect(outcomes("The gel reduced knee osteoarthritis pain.").isEmpty)
    }

    @Test func aNamedProgrammeOrAProcedureIsAnIntervention() throws {
        let text = """
            Coaching parents helps toddlers talk

            In a randomised trial of 120 families, toddlers whose parents joined the Bright Steps Programme spoke \
            more words after a year than those in usual care. In a second trial, adults with chronic neck pain who \
            received mirror box therapy reported less stiffness than those given the standard therapy.
            """
        let extraction = extract(text)
        let ids = Set(extraction.textConcepts.map(\.id))
        #expect(ids.contains("text:intervention:bright-steps-programme"))
        #expect(ids.contains("text:intervention:mirror-box-therapy"))
        #expect(extraction.textConcepts.first { $0.id == "text:intervention:bright-steps-programme" }?.name == "Bright Steps Programme")
        // "usual care" and "the standard therapy" name no intervention of their own.
        #expect(!ids.contains { $0.hasSuffix(":standard-therapy") || $0.hasSuffix(":therapy") })
        #expect(extraction.studies.contains { study in
            study.interventions.contains { $0.conceptID == "text:intervention:bright-steps-programme" }
        })
    }

    @Test func theStoreSharesATextConceptAndKeepsItThroughALexiconChangeAndAReingest() throws {
        let path = folder + "/t.sqlite"
        let id = "text:morning-grogginess"
        do {
            let store = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
            try store.write(extract(Self.grogginess, file: "a.txt", sha: "a1"))
            try store.write(extract(Self.grogginess.replacingOccurrences(of: "90 office", with: "70 shift"), file: "b.txt", sha: "b1"))
            #expect(try store.db.queryFirst("SELECT count(*) FROM concepts WHERE id = ?", [id]) { $0.int(0) } == 1)
            #expect(try store.db.queryFirst("SELECT count(DISTINCT source_id) FROM mentions WHERE concept_id = ?", [id]) { $0.int(0) } == 2)
        }
        // Another lexicon: one concept more. The store re-fills the lexicon's terms, closure and full text.
        var concepts = pipeline.lexicon.concepts
        concepts.append(Concept(id: "hiccups", type: .condition, name: "hiccups", synonyms: ["hiccoughs"]))
        let changed = try Lexicon(concepts: concepts, ordinaryWords: pipeline.lexicon.ordinaryWords)
        let store = try EvidenceStore(path: path, lexicon: changed)
        #expect(try store.db.queryFirst("SELECT count(*) FROM concept_terms WHERE concept_id = 'hiccups'") { $0.int(0) } == 2)
        #expect(try store.db.queryFirst("SELECT name FROM concepts WHERE id = ?", [id]) { $0.text(0) } == "morning grogginess")
        #expect(try store.db.queryFirst("SELECT count(*) FROM concept_terms WHERE concept_id = ? AND term_key = 'morninggrogginess'",
                                        [id]) { $0.int(0) } == 1)
        #expect(try store.db.queryFirst("SELECT count(*) FROM concept_closure WHERE ancestor_id = ? AND descendant_id = ?",
                                        [id, id]) { $0.int(0) } == 1)
        #expect(try store.db.queryFirst("""
            SELECT count(*) FROM concepts_fts f JOIN concepts c ON c.rowid = f.rowid
            WHERE c.id = ? AND concepts_fts MATCH 'grogginess'
            """, [id]) { $0.int(0) } == 1)
        // A new version of a document that names it again leaves one row, still linked to the study.
        try store.write(extract(Self.grogginess + "\nUpdated.", file: "a.txt", sha: "a2"))
        #expect(try store.db.queryFirst("SELECT count(*) FROM concepts WHERE id = ?", [id]) { $0.int(0) } == 1)
        #expect(try store.db.queryFirst("SELECT study_count FROM concepts WHERE id = ?", [id]) { $0.int(0) } ?? 0 >= 1)
    }

    @Test func aLexiconMayNotUseTheTextNamespace() {
        #expect(throws: LexiconError.self) {
            try Lexicon(concepts: [Concept(id: "text:anything", type: .condition, name: "anything")])
        }
    }

    @Test func theIdSaysTypeAndName() {
        #expect(TextConceptID.make("Brain Atrophy", type: .condition) == "text:brain-atrophy")
        #expect(TextConceptID.make("Early Start Denver Model", type: .intervention) == "text:intervention:early-start-denver-model")
        #expect(TextConceptID.concept("text:intervention:early-start-denver-model")?.type == .intervention)
        #expect(TextConceptID.concept("text:brain-atrophy")?.name == "brain atrophy")
        #expect(TextConceptID.concept("vitamin-k2") == nil)
        #expect(TextConceptID.make("…", type: .condition) == nil)
    }
}
