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

    static func texts(_ text: String) throws -> [String] {
        let (extraction, claims) = try Self.claims(text)
        return claims.map { extraction.source.text.slice($0.span) }
    }

    @Test("product, company, funding and publication statements are not claims; a health result beside them is")
    func productStatements() throws {
        let text = """
        Corvala Nutrition, a leading supplier of magnesium ingredients, reported that magnesium citrate lowered blood pressure in adults with hypertension.

        MagnaPure magnesium is available at pharmacies nationwide in 200 mg tablets.

        The work on magnesium was funded by Corvala Nutrition.

        The magnesium findings were presented at a spring meeting on hypertension.

        """
        let texts = try Self.texts(text)
        #expect(texts.count == 1)
        #expect(texts.first?.contains("lowered blood pressure") == true)
    }

    @Test("citation markers are cut off the end of a claim; counts and years stay")
    func citationMarkers() throws {
        let texts = try Self.texts("""
        Magnesium lowers blood pressure in adults with hypertension.[4]

        Vitamin D deficiency is common in people with kidney disease.12,13

        - Vitamin K2 slows arterial calcification in dialysis patients 3

        Vitamin D did not prevent fractures in adults over 50

        Magnesium intake was associated with fewer migraines in 2016.
        """)
        #expect(texts.contains("Magnesium lowers blood pressure in adults with hypertension."))
        #expect(texts.contains("Vitamin D deficiency is common in people with kidney disease."))
        #expect(texts.contains { $0.hasSuffix("in dialysis patients") })
        #expect(texts.contains { $0.hasSuffix("adults over 50") })
        #expect(texts.contains { $0.hasSuffix("in 2016.") })
    }

    @Test("a dateline is not part of the first claim, a deck is not a claim, and nothing after ### is")
    func pressReleaseFurniture() throws {
        let texts = try Self.texts("""
        *Twelve-week trial of magnesium in adults with migraine reports fewer attacks*

        SPRINGFIELD, Ill., May 3, 2024 /PRNewswire/ -- Magnesium citrate reduced the number of migraine attacks by a third in a twelve-week trial.

        Vitamin D had no effect on migraine frequency.

        ###

        Corvala Nutrition makes magnesium supplements that reduce muscle cramps.
        """)
        #expect(texts.first == "Magnesium citrate reduced the number of migraine attacks by a third in a twelve-week trial.")
        #expect(!texts.contains { $0.contains("Twelve-week") })
        #expect(!texts.contains { $0.contains("muscle cramps") })
        #expect(texts.count == 2)
    }

    @Test("comparisons and idioms are no hedge; a hypothesis is")
    func hedgeExceptions() throws {
        #expect(try Self.claim("Adults with low vitamin D were more likely to develop hip fractures.\n", containing: "vitamin D")?.hedged == false)
        #expect(try Self.claim("Get vitamin D from food whenever possible to protect against rickets.\n", containing: "vitamin D")?.hedged == false)
        #expect(try Self.claim("Magnesium is hypothesized to protect against migraine.\n", containing: "Magnesium")?.hedged == true)
    }

    @Test("speakers are people: no weekday, pronoun or organisation; middle initials kept")
    func speakerNames() throws {
        let day = "\u{201C}Magnesium lowered blood pressure in our patients with hypertension,\u{201D} the team said Tuesday.\n"
        #expect(try Self.claim(day, containing: "Magnesium")?.attributedTo == nil)
        let organisation = "Vitamin D supplements should not replace treatment for osteoporosis, said Bone Research Foundation UK.\n"
        #expect(try Self.claim(organisation, containing: "Vitamin D")?.attributedTo == nil)
        let initial = "\u{201C}Vitamin K2 slowed arterial calcification,\u{201D} said Dr. Maria T. Okonjo, a nephrologist.\n"
        #expect(try Self.claim(initial, containing: "Vitamin K2")?.attributedTo == "Maria T. Okonjo")
    }

    @Test("kinds: a leading clause only frames, lab results are not epidemiology, a trial's result is efficacy")
    func kindContext() throws {
        let framed = "While the mechanism of vitamin K2 is plausible, doctors should check vitamin D levels in patients with kidney disease.\n"
        #expect(try Self.claim(framed, containing: "doctors")?.kind == .recommendation)
        #expect(try Self.claim("In mice, omega-3 was associated with smaller breast tumours.\n", containing: "omega-3")?.kind == .efficacy)
        let trial = "In a randomized trial of 200 adults, magnesium was associated with lower blood pressure than placebo.\n"
        #expect(try Self.claim(trial, containing: "magnesium")?.kind == .efficacy)
        let harm = "Women taking calcium supplements were more likely to develop kidney stones than other women.\n"
        #expect(try Self.claim(harm, containing: "calcium")?.kind == .safety)
        let levels = "Women with low vitamin D levels had a higher risk of hip fracture.\n"
        #expect(try Self.claim(levels, containing: "vitamin D")?.kind == .epidemiology)
    }

    @Test("a sentence opening with it or the supplement goes on about the concepts of the claim before it")
    func backReference() throws {
        let text = "Magnesium lowered blood pressure in adults with hypertension. It plays a role in relaxing the walls of blood vessels.\n"
        let claim = try Self.claim(text, containing: "plays a role")
        #expect(claim?.kind == .mechanism)
        #expect(claim?.interventionIDs.contains("magnesium") == true)
        // Without an earlier claim that names a concept, such a sentence is still a claim (a strong cue is in it),
        // but it has no concept to speak of.
        let alone = try Self.claim("The weather was cold. It plays a role in relaxing the walls of blood vessels.\n", containing: "plays a role")
        #expect(alone?.interventionIDs.isEmpty == true)
        #expect(alone?.conditionIDs.isEmpty == true)
    }
}
