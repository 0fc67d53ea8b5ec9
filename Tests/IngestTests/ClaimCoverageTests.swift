import Testing
@testable import Ingest
import EvidenceModel

/// Which sentences become claims when the lexicon does not name their topic, which lines of a page never do
/// (disclaimers, pointers to more reading, reference entries), and kinds told by the shape of a sentence (an
/// imperative after a discourse word, a caveat about the evidence). Sentences written for these tests.
@Suite("Claim coverage and furniture")
struct ClaimCoverageTests {
    static func claims(_ text: String) throws -> [(text: String, claim: ExtractedClaim)] {
        let extraction = try SharedPipeline.get().extract(file: "t.txt", text: "Notes on supplements\n\n" + text, sha256: "", format: .text)
        return extraction.claims.map { (extraction.source.text.slice($0.span), $0) }
    }

    @Test("a sentence without a lexicon concept is a claim when a strong kind cue is in it, and speaks of the last claim's concepts")
    func conceptFreeSentences() throws {
        let text = """
        Magnesium lowered blood pressure in adults with hypertension in a small trial.
        It also reduced the number of sick days by a third over the winter.
        The volunteers met every Tuesday in a community hall near the river.
        Clinics should ask every volunteer about the tablets at each visit.

        """
        let found = try Self.claims(text)
        let first = try #require(found.first { $0.text.contains("lowered blood pressure") })
        let followUp = try #require(found.first { $0.text.contains("sick days") })
        #expect(followUp.claim.kind == .efficacy)
        #expect(!first.claim.interventionIDs.isEmpty)
        #expect(followUp.claim.interventionIDs == first.claim.interventionIDs)
        #expect(followUp.claim.conditionIDs == first.claim.conditionIDs)
        #expect(found.first { $0.text.contains("should ask") }?.claim.kind == .recommendation)
        // No cue: a scene-setting sentence asserts nothing.
        #expect(!found.contains { $0.text.contains("community hall") })
    }

    @Test("a sentence without a concept and without a strong cue, or with a product statement, is no claim")
    func conceptFreeNeedsStrongCue() throws {
        let text = """
        Magnesium lowered blood pressure in adults with hypertension in a small trial.
        The tablets are available online from the maker and were shown at a trade fair.
        The room was quiet and the chairs were less comfortable than last year.

        """
        let found = try Self.claims(text)
        #expect(found.count == 1)
        #expect(found.first?.text.contains("lowered blood pressure") == true)
    }

    @Test("disclaimers, pointers to more reading and copyright lines are furniture, whatever cue or concept they carry")
    func pageFurniture() throws {
        let text = """
        Magnesium lowered blood pressure in adults with hypertension in a small trial.
        This newsletter does not offer medical advice about hypertension and should not replace a visit.
        The national health library has more on magnesium and high blood pressure.
        Copyright 2025 Example Health Media, all rights reserved; magnesium is not a cure for hypertension.

        """
        let found = try Self.claims(text)
        #expect(found.count == 1)
        #expect(found.first?.text.contains("lowered blood pressure") == true)
    }

    @Test("an entry of a reference list is no claim; a quoted speaker with initials and an acronym is")
    func referenceEntries() throws {
        let text = """
        Magnesium lowered blood pressure in adults with hypertension, said Ann B. Cole of the Food and Drug Administration (FDA) in 2021.
        4 Hale JB, Moss TK, Ortega R. Magnesium intake and hypertension in older adults, 2019.
        Lind P et al. Oral magnesium for high blood pressure, a pooled analysis.

        """
        let found = try Self.claims(text)
        #expect(found.contains { $0.text.contains("lowered blood pressure") })
        #expect(!found.contains { $0.text.contains("Hale JB") })
        #expect(!found.contains { $0.text.contains("Lind P") })
    }

    @Test("an imperative after a discourse word recommends; a caveat about confounding is other")
    func kindsByShape() throws {
        let advice = try Self.claims("But don't stop taking magnesium for migraine without asking your doctor first.\n")
        #expect(advice.first?.claim.kind == .recommendation)
        let please = try Self.claims("Please ask a pharmacist before giving magnesium to children with migraine.\n")
        #expect(please.first?.claim.kind == .recommendation)
        // Without the discourse word the plain statement stays a statement of efficacy.
        let plain = try Self.claims("Magnesium reduced migraine attacks in children in a small trial.\n")
        #expect(plain.first?.claim.kind == .efficacy)
        let caveat = try Self.claims("People who take magnesium may be more health-conscious, which could explain their lower rates of migraine.\n")
        #expect(caveat.first?.claim.kind == .other)
        let confounded = try Self.claims("Diet could confound the link between magnesium and migraine in this cohort.\n")
        #expect(confounded.first?.claim.kind == .other)
    }
}
