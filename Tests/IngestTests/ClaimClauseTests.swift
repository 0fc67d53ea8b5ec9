import Testing
@testable import Ingest
import EvidenceModel

/// Contrast clauses as claims of their own, the kinds tried last before `other`, and prevalence beside a
/// study, on sentences written for these tests.
@Suite("Claim clauses and fallback kinds")
struct ClaimClauseTests {
    static func claims(_ text: String) throws -> [(text: String, claim: ExtractedClaim)] {
        let extraction = try SharedPipeline.get().extract(file: "t.txt", text: "Notes on supplements\n\n" + text, sha256: "", format: .text)
        return extraction.claims.map { (extraction.source.text.slice($0.span), $0) }
    }

    static func claim(_ text: String, containing quote: String) throws -> ExtractedClaim? {
        try claims(text).first { $0.text.contains(quote) }?.claim
    }

    @Test("a semicolon or ', but' between two assertions gives two claims, each with its own kind")
    func contrastClauses() throws {
        let text = "Vitamin D pills did not lower the number of colds in the winter trial; but the trial was small, and its limitations leave the question open for vitamin D.\n"
        let found = try Self.claims(text)
        #expect(found.count == 2)
        let result = found.first { $0.text.contains("did not lower") }
        #expect(result?.text.contains("limitations") == false)
        #expect(result?.claim.kind == .efficacy)
        let limitation = found.first { $0.text.contains("limitations") }
        #expect(limitation?.text.contains("colds") == false)
        #expect(limitation?.claim.kind == .other)
    }

    @Test("', which suggests' opens a claim of its own; 'not only …, but' and an empty side do not")
    func relativeAndPairedClauses() throws {
        let suggests = "Adults given omega-3 had fewer inflammatory markers in the blood, which suggests that omega-3 works by calming inflammation.\n"
        let found = try Self.claims(suggests)
        #expect(found.count == 2)
        #expect(found.first { $0.text.contains("works by") }?.claim.kind == .mechanism)
        #expect(found.first { $0.text.contains("works by") }?.text.contains("fewer") == false)

        let paired = "High doses of vitamin K2 not only stopped new calcium deposits in the arteries, but also shrank the deposits that were already there.\n"
        #expect(try Self.claims(paired).count == 1)
        // The second side names no concept and has no kind cue: it stays with the first.
        let empty = "Magnesium lowered blood pressure in older adults with hypertension, but the authors were surprised by the size of it.\n"
        #expect(try Self.claims(empty).count == 1)
    }

    @Test("with no other cue, biology words make a mechanism, outcome words efficacy, link words epidemiology")
    func fallbackKinds() throws {
        #expect(try Self.claim("Magnesium takes part in the synthesis of proteins inside muscle cells.\n", containing: "synthesis")?.kind == .mechanism)
        #expect(try Self.claim("Vitamin D may change the expression of genes that control the immune response.\n", containing: "genes")?.kind == .mechanism)
        #expect(try Self.claim("Patients with migraine who took magnesium had an easier recovery after each attack.\n", containing: "recovery")?.kind == .efficacy)
        #expect(try Self.claim("Earlier work suggests a link between vitamin D and asthma, linking the two in children.\n", containing: "linking")?.kind == .epidemiology)
        // No cue at all is still other.
        #expect(try Self.claim("Vitamin K2 was first described by a Danish scientist named Henrik.\n", containing: "Danish")?.kind == .other)
    }

    @Test("how common a condition is stays epidemiology beside a trial; an association in a trial is its result")
    func prevalenceBesideTrial() throws {
        let cues = try ClaimCues(locator: .standard)
        let classifier = ClaimKindClassifier(cues: cues)
        let common = WordTokenizer.tokens("Hypertension affects about one in three adults in the country.", base: 0)
        #expect(classifier.kind(.epidemiology, reporting: .rct, tokens: common) == .epidemiology)
        let result = WordTokenizer.tokens("Magnesium was associated with lower blood pressure in the trial.", base: 0)
        #expect(classifier.kind(.epidemiology, reporting: .rct, tokens: result) == .efficacy)
        #expect(classifier.kind(.efficacy, reporting: .cohort, tokens: result) == .epidemiology)
    }

    @Test("human tissue levels are epidemiology; costs, where a substance is found and who the results fit are other")
    func otherAndTissue() throws {
        #expect(try Self.claim("People with migraine often have less magnesium in brain tissue between attacks.\n", containing: "tissue")?.kind == .epidemiology)
        #expect(try Self.claim("A year of vitamin D pills can be bought for less than ten dollars.\n", containing: "bought")?.kind == .other)
        #expect(try Self.claim("Vitamin K2 is found mainly in cheese and in fermented soybeans.\n", containing: "cheese")?.kind == .other)
        #expect(try Self.claim("The results for vitamin D may not apply to younger women or to people with kidney disease.\n", containing: "apply")?.kind == .other)
    }

    @Test("advice and imperatives recommend; a product's action 'works by' is mechanism even beside a harm word")
    func adviceAndMechanism() throws {
        #expect(try Self.claim("Take the magnesium tablet with a meal to spare the stomach.\n", containing: "Take")?.kind == .recommendation)
        #expect(try Self.claim("If you get migraines, you may wish to try magnesium for a few months.\n", containing: "wish")?.kind == .recommendation)
        #expect(try Self.claim("Probiotics probably work by crowding out harmful bacteria in the gut.\n", containing: "crowding")?.kind == .mechanism)
        #expect(try Self.claim("Regulators warned that probiotics given to frail patients caused blood infections.\n", containing: "warned")?.kind == .safety)
    }
}
