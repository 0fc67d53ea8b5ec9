import Testing
@testable import Ingest
import EvidenceModel

/// Kinds and clauses decided by the structure of a sentence rather than by its topic words: whether it reports a
/// result (a study, its people, a number) and whether ", and" opens a new main clause. Sentences written for
/// these tests.
@Suite("Claim structure")
struct ClaimStructureTests {
    static func claims(_ text: String) throws -> [(text: String, claim: ExtractedClaim)] {
        let extraction = try SharedPipeline.get().extract(file: "t.txt", text: "Notes on supplements\n\n" + text, sha256: "", format: .text)
        return extraction.claims.map { (extraction.source.text.slice($0.span), $0) }
    }

    static func kind(_ text: String) throws -> ClaimKind? {
        try claims(text).first?.claim.kind
    }

    @Test("a weak efficacy word in a statement of biology that reports no result is mechanism")
    func biologyWithoutResult() throws {
        #expect(try Self.kind("Zinc helps the gut lining keep inflammation down in coeliac disease.\n") == .mechanism)
        #expect(try Self.kind("Magnesium reduces the activity of the enzymes that tighten blood vessels in migraine.\n") == .mechanism)
        // The same words with a study, its people or a number report a result: efficacy stands.
        #expect(try Self.kind("In the trial, zinc helped the gut lining keep inflammation down in patients with coeliac disease.\n") == .efficacy)
        #expect(try Self.kind("Magnesium reduces the activity of inflammatory enzymes by 30 in migraine.\n") == .efficacy)
        // No biology named: a plain benefit stays efficacy.
        #expect(try Self.kind("Magnesium helps prevent migraine attacks in adults.\n") == .efficacy)
    }

    @Test("', and' before a new subject and its verb opens a clause of its own; a list does not")
    func andBeforeNewSubject() throws {
        let text = "Obesity is a strong risk factor for type 2 diabetes in older adults, and researchers believe inflammation of fat tissue is the underlying cause of diabetes.\n"
        let found = try Self.claims(text)
        #expect(found.count == 2)
        #expect(found.first { $0.text.contains("risk factor") }?.text.contains("believe") == false)
        #expect(found.first { $0.text.contains("risk factor") }?.claim.kind == .epidemiology)
        #expect(found.first { $0.text.contains("believe") }?.claim.kind == .mechanism)

        let list = "Vitamin D is found in oily fish, egg yolks, fortified milk and cereals, and the skin makes it in summer sun.\n"
        // "the skin" is no clause subject of the list: one claim.
        #expect(try Self.claims(list).count == 1)
        let items = "Magnesium deficiency is linked to migraine, to muscle cramps in older adults, and to poor sleep in people with depression.\n"
        #expect(try Self.claims(items).count == 1)
    }

    @Test("a list item of a few words without punctuation or cue is a label, not a claim")
    func labels() throws {
        let text = "Conditions we cover:\n\n• Irritable bowel syndrome\n• Migraine in children\n• Prevents migraine attacks\n\nMagnesium eased migraine in a small trial of children.\n"
        let found = try Self.claims(text)
        #expect(!found.contains { $0.text.contains("Irritable bowel syndrome") })
        #expect(!found.contains { $0.text.contains("Migraine in children") })
        #expect(found.contains { $0.text.contains("Prevents migraine attacks") })
        #expect(found.contains { $0.text.contains("eased migraine") })
    }

    @Test("who supplied, sells or earns from a product is business, not a claim, even beside a kind cue")
    func businessStatements() throws {
        let text = "A drug maker supplied the magnesium tablets and the placebo, which had no role in the analysis.\nAn analyst said the magnesium pill could boost the maker's earnings by a tenth.\nThe lead author holds financial ties to two makers of magnesium supplements.\nMagnesium lowered blood pressure in the trial.\n"
        let found = try Self.claims(text)
        #expect(found.count == 1)
        #expect(found.first?.text.contains("lowered blood pressure") == true)
    }

    @Test("how a trial shared out its treatments is a method; the same sentence with a result is a claim")
    func allocation() throws {
        let method = "In the trial, 300 adults with migraine were randomly assigned to 400 mg of magnesium daily or a placebo for twelve weeks.\n"
        #expect(try Self.claims(method).isEmpty)
        let result = "Adults with migraine who were randomly assigned to magnesium had fewer attacks than placebo after twelve weeks.\n"
        #expect(try Self.claims(result).count == 1)
    }
}
