import Testing
@testable import Ingest
import EvidenceModel

/// The claim stage on sentences written for these tests: hedging, attribution (quotes, "according to",
/// continued quotes, pronouns), kinds, and what is not a claim.
@Suite("Claims")
struct ClaimTests {
    static func claims(_ text: String) throws -> (Extraction, [ExtractedClaim]) {
        // A first line alone is the page title; the sentences under test are body text.
        let extraction = try SharedPipeline.get().extract(file: "t.txt", text: "Notes on supplements\n\n" + text, sha256: "", format: .text)
        return (extraction, extraction.claims)
    }

    static func claim(_ text: String, containing quote: String) throws -> ExtractedClaim? {
        let (extraction, claims) = try Self.claims(text)
        return claims.first { extraction.source.text.slice($0.span).contains(quote) }
    }

    @Test("hedging")
    func hedging() throws {
        #expect(try Self.claim("Magnesium may reduce arterial stiffness.\n", containing: "Magnesium")?.hedged == true)
        #expect(try Self.claim("There is insufficient evidence that vitamin K2 treats tendon calcification.\n", containing: "vitamin K2")?.hedged == true)
        #expect(try Self.claim("Magnesium reduced arterial stiffness by 9%.\n", containing: "Magnesium")?.hedged == false)
        #expect(try Self.claim("She could not tolerate alendronate, so she took vitamin K2.\n", containing: "alendronate")?.hedged == false)
    }

    @Test("quoted speech belongs to the speaker, across the paragraph and the next quoted one")
    func quotes() throws {
        let text = """
        “Vitamin K2 lowers vascular calcification in dialysis patients,” said Dr. Jane Roe, a nephrologist at City Hospital. “It is also safe with statins.”

        “Warfarin blocks this effect,” continued Roe.

        Vitamin D is common in fortified foods.
        """
        let (extraction, claims) = try Self.claims(text)
        func speaker(_ quote: String) -> String? {
            claims.first { extraction.source.text.slice($0.span).contains(quote) }?.attributedTo
        }
        #expect(speaker("lowers vascular calcification") == "Jane Roe")
        #expect(speaker("also safe with statins") == "Jane Roe")
        #expect(speaker("Warfarin blocks") == "Jane Roe")
        #expect(speaker("fortified foods") == nil)
    }

    @Test("according to a person, and a pronoun that continues")
    func reported() throws {
        let text = "According to Dr. Sam Lee, patients on warfarin should avoid vitamin K supplements. He added that statins do not prevent coronary calcification.\n"
        #expect(try Self.claim(text, containing: "should avoid")?.attributedTo == "Sam Lee")
        #expect(try Self.claim(text, containing: "He added")?.attributedTo == "Sam Lee")
        #expect(try Self.claim("According to the study, calcium intake was associated with stroke.\n", containing: "calcium")?.attributedTo == nil)
    }

    @Test("kinds")
    func kinds() throws {
        #expect(try Self.claim("Vitamin K2 is not associated with toxicity.\n", containing: "toxicity")?.kind == .safety)
        #expect(try Self.claim("Vitamin K interferes with warfarin therapy.\n", containing: "warfarin")?.kind == .interaction)
        #expect(try Self.claim("Vitamin K2 works by activating matrix Gla protein.\n", containing: "activating")?.kind == .mechanism)
        #expect(try Self.claim("Typical doses of MK-7 range from 90 to 360 mcg daily.\n", containing: "MK-7")?.kind == .dosage)
        #expect(try Self.claim("Calciphylaxis is common in dialysis patients and has a high mortality rate.\n", containing: "Calciphylaxis")?.kind == .epidemiology)
        #expect(try Self.claim("Patients should not stop statins without advice.\n", containing: "statins")?.kind == .recommendation)
        #expect(try Self.claim("Avoid vitamin K supplements while taking warfarin.\n", containing: "Avoid")?.kind == .interaction)
        #expect(try Self.claim("MK-7 reduced arterial stiffness by 12% in the trial.\n", containing: "MK-7")?.kind == .efficacy)
    }

    @Test("questions, headings, lead-ins and sentences without a concept are not claims")
    func notClaims() throws {
        let text = """
        Vitamin K2 And Bone Health

        Can vitamin D prevent fractures?

        Vitamin K2 functions by:

        Results were inconsistent across trials.

        Vitamin K2 improves bone mineral density.
        """
        let (extraction, claims) = try Self.claims(text)
        #expect(claims.count == 1)
        #expect(claims.first.map { extraction.source.text.slice($0.span) } == "Vitamin K2 improves bone mineral density.")
    }

    @Test("a claim reporting a study's result points to it")
    func studyLink() throws {
        let text = "In a randomized trial of 80 adults, MK-7 slowed arterial stiffening over one year.\n"
        let (extraction, claims) = try Self.claims(text)
        #expect(extraction.studies.count == 1)
        #expect(claims.first?.studyIndex == 0)
        #expect(claims.first?.interventionIDs.contains("mk-7") == true)
    }
}
