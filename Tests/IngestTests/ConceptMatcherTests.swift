import Testing
@testable import Ingest
import EvidenceModel

/// The matcher on sentences written for these tests; each hard case of the lexicon's matching is one test.
@Suite struct ConceptMatcherTests {
    static let matcher: ConceptMatcher? = (try? Lexicon.load()).map { ConceptMatcher(lexicon: $0) }

    /// (concept id, matched text) pairs found in `sentence`; checks the offsets on the way.
    func found(_ sentence: String) throws -> [(String, String)] {
        let matcher = try #require(Self.matcher)
        let text = SourceText(sentence)
        let mentions = matcher.mentions(in: text, span: text.fullSpan)
        for mention in mentions { #expect(text.slice(mention.span) == mention.matched) }
        return mentions.map { ($0.conceptID, $0.matched) }
    }

    func ids(_ sentence: String) throws -> [String] { try found(sentence).map(\.0) }

    @Test func longestNameWins() throws {
        #expect(try ids("My doctor suggested vitamin K2 last spring.") == ["vitamin-k2"])
        #expect(try ids("The scan showed coronary artery calcification again.") == ["coronary-artery-calcification"])
        #expect(try ids("Plain vitamin K is found in greens.") == ["vitamin-k"])
        #expect(try ids("Her ESRD had progressed.") == ["end-stage-kidney-disease"])
    }

    @Test func wordBoundaries() throws {
        // "rat" inside "ratio", "stroke" inside "strokes" of a pen are words of their own only when whole.
        #expect(try ids("The ratio was calculated by the karate instructor.") == [])
        #expect(try ids("Calcium is a mineral.") == ["calcium"])
        #expect(try ids("Hypercalcemia is rare.") == ["hypercalcemia"])
    }

    @Test func hyphenAndSpaceVariants() throws {
        #expect(try ids("She takes MK-7 daily.") == ["mk-7"])
        #expect(try ids("She takes MK 7 daily.") == ["mk-7"])
        #expect(try ids("She takes MK7 daily.") == ["mk-7"])
        #expect(try ids("He has end-stage renal disease.") == ["end-stage-kidney-disease"])
        #expect(try ids("He has end stage renal disease.") == ["end-stage-kidney-disease"])
        #expect(try ids("Menaquinone-4 and menaquinone 4 are one thing.") == ["mk-4", "mk-4"])
    }

    @Test func pluralsAndPossessives() throws {
        #expect(try ids("Several calcifications were seen.") == ["calcification"])
        #expect(try ids("My aunt has Crohn’s disease, my uncle Crohns disease.") == ["crohns-disease", "crohns-disease"])
        #expect(try ids("Statins and bisphosphonates were both stopped.") == ["statins", "bisphosphonates"])
        #expect(try ids("Both kidney stones passed.") == ["kidney-stones"])
    }

    @Test func abbreviationsKeepTheirCase() throws {
        #expect(try ids("CKD was common.") == ["chronic-kidney-disease"])
        #expect(try ids("They ckd the boxes.") == [])
        #expect(try ids("The CAC score rose.") == ["coronary-artery-calcification"])
        #expect(try ids("The BMD and PWV improved.") == ["bone-mineral-density", "pulse-wave-velocity"])
        #expect(try ids("Two DOACs were compared.") == ["doacs"])
    }

    @Test func vitaminShorthands() throws {
        #expect(try ids("I take vit k2 with breakfast.") == ["vitamin-k2"])
        #expect(try ids("I take vit. K2 with breakfast.") == ["vitamin-k2"])
        #expect(try ids("Vitamin K-2 is made by bacteria.") == ["vitamin-k2"])
        #expect(try ids("How much K2 should one take?") == ["vitamin-k2"])
        #expect(try ids("The K1 group fared worse.") == ["vitamin-k1"])
        #expect(try ids("Is D3 needed with K2?") == ["vitamin-d3", "vitamin-k2"])
    }

    @Test func lowerCaseK2NeedsAVitaminContext() throws {
        #expect(try ids("She started the k2 supplements last week.") == ["vitamin-k2"])
        #expect(try ids("The climbers reached k2 base camp.") == [])
    }

    @Test func brandsMapToTheirForm() throws {
        #expect(try ids("The capsules contain MenaQ7 and nothing else.") == ["mk-7"])
        #expect(try ids("K2VITAL is sold in Europe.") == ["mk-7"])
        #expect(try ids("A patient on Coumadin had bleeding.") == ["human", "warfarin", "bleeding"])
    }

    @Test func exclusionsHideAFoodInACompanyName() throws {
        #expect(try ids("Natto Pharma sells an extract.") == [])
        #expect(try ids("Natto is a Japanese food.") == ["natto"])
        #expect(try ids("Nattokinase is an enzyme.") == ["nattokinase"])
    }

    @Test func listedMisspellings() throws {
        #expect(try ids("He stopped his warfrin.") == ["warfarin"])
        #expect(try ids("Plaque in the arthery plaque wall.").contains("arterial-plaque"))
        #expect(try ids("Osteoperosis runs in the family.") == ["osteoporosis"])
    }

    @Test func longWordsWithinEditDistance() throws {
        let calification = try found("Can it reverse the calification?")
        #expect(calification.map(\.0) == ["calcification"])
        #expect(try ids("Two calcifcations showed up.") == ["calcification"])
        #expect(try ids("It helps the cardio vascualr system, the vascualr calcification too.").contains("vascular-calcification"))
        #expect(try ids("Its arterial calcificaton regressed.") == ["arterial-calcification"])
        let matcher = try #require(Self.matcher)
        let text = SourceText("the calcificatin")
        #expect(matcher.mentions(in: text, span: text.fullSpan).first?.isFuzzy == true)
    }

    @Test func noFuzzyFalsePositivesOnOrdinaryWords() throws {
        #expect(try ids("Morality and mortgage questions are not medical.") == [])
        #expect(try ids("The analysis was calculated with a statistical calculator.") == [])
        #expect(try ids("Classification of documents and clarification of terms.") == [])
    }

    @Test func determinersInsideNames() throws {
        #expect(try ids("There is calcification of her arteries.") == ["arterial-calcification"])
        #expect(try ids("There is calcification of arteries.") == ["arterial-calcification"])
    }

    @Test func namesRunAcrossOneLineBreakButNotAParagraph() throws {
        #expect(try ids("a large mitral annular\ncalcification") == ["mitral-annular-calcification"])
        #expect(try found("vitamin\n\nK2").map(\.1) == ["K2"])
    }

    @Test func spansAreExactScalarOffsets() throws {
        let matcher = try #require(Self.matcher)
        let text = SourceText("“Café” — µg of vitamin K2 (menaquinone-7) for calciphylaxis.")
        let mentions = matcher.mentions(in: text, span: text.fullSpan)
        #expect(mentions.map(\.matched) == ["vitamin K2", "menaquinone-7", "calciphylaxis"])
        let scalars = Array(text.string.unicodeScalars)
        for mention in mentions {
            var slice = String()
            slice.unicodeScalars.append(contentsOf: scalars[mention.span.start..<mention.span.end])
            #expect(slice == mention.matched)
        }
    }

    @Test func mentionsStayInsideTheSpan() throws {
        let matcher = try #require(Self.matcher)
        let text = SourceText("Warfarin first. Then vitamin K2 later.")
        let mentions = matcher.mentions(in: text, span: TextSpan(16, text.count))
        #expect(mentions.map(\.conceptID) == ["vitamin-k2"])
        #expect(mentions.first?.span == TextSpan(21, 31))
    }

    @Test func hyphenatedShortFormsInComments() throws {
        #expect(try ids("Does K-2 MK7 clash with anything?") == ["vitamin-k2", "mk-7"])
        #expect(try ids("Vitamin K-dependent proteins need it.") == ["vitamin-k"])
        #expect(try ids("Mk-7 and mk7 are the same.") == ["mk-7", "mk-7"])
    }

    @Test func aCollisionBetweenConceptsIsReported() throws {
        let lexicon = try Lexicon(concepts: [
            Concept(id: "one", type: .condition, name: "shared name"),
            Concept(id: "two", type: .condition, name: "other", synonyms: ["Shared names"]),
        ])
        let matcher = ConceptMatcher(lexicon: lexicon)
        #expect(matcher.collisions.map(\.secondConceptID) == ["two"])
    }

    @Test func ordinaryWordsAreNeverCorrected() throws {
        let lexicon = try Lexicon(concepts: [Concept(id: "mortality", type: .condition, name: "mortality")],
                                  ordinaryWords: ["morality"])
        let matcher = ConceptMatcher(lexicon: lexicon)
        let text = SourceText("morality and mortallity")
        #expect(matcher.mentions(in: text, span: text.fullSpan).map(\.matched) == ["mortallity"])
    }

    @Test func speciesAreFound() throws {
        #expect(try ids("The rats and the mice were fed.") == ["rat", "mouse"])
        #expect(try ids("Cultured vascular smooth muscle cells were used.") == ["cell-culture"])
    }

    @Test func isFastEnough() throws {
        let matcher = try #require(Self.matcher)
        let paragraph = "In a trial of 244 postmenopausal women, 180 mcg of menaquinone-7 a day slowed arterial stiffening, "
            + "while warfarin users with chronic kidney disease on haemodialysis showed more vascular calcifcation. "
        let text = SourceText(String(repeating: paragraph, count: 5_000))
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = matcher.mentions(in: text, span: text.fullSpan) }
        let megabytes = Double(text.string.utf8.count) / 1_000_000
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // A guard against quadratic behaviour only: debug builds on a busy machine run ~1 MB/s, release
        // builds 15–20 MB/s of CPU time on this text.
        #expect(megabytes / seconds > 0.2, "\(megabytes / seconds) MB/s")
    }

    /// The matcher with the cue file the pipeline loads (journal titles, organisations, negations).
    static let contextual: ConceptMatcher? = {
        guard let lexicon = try? Lexicon.load(), let cues = try? MentionContext.Cues.load() else { return nil }
        return ConceptMatcher(lexicon: lexicon, cues: cues)
    }()

    func contextualIDs(_ sentence: String) throws -> [String] {
        let matcher = try #require(Self.contextual)
        let text = SourceText(sentence)
        return matcher.mentions(in: text, span: text.fullSpan).map(\.conceptID)
    }

    @Test func organisationNamesHideTheirConditions() throws {
        #expect(try !contextualIDs("Dr Amal Price of the American Cancer Society welcomed the news.").contains("cancer"))
        #expect(try !contextualIDs("She runs the Diabetes Centre at Riverside Hospital.").contains("diabetes"))
        #expect(try contextualIDs("The society reviewed the risk of cancer and diabetes.") == ["cancer", "diabetes"])
        // A capitalised condition with no organisation word stays a condition.
        #expect(try contextualIDs("Cancer rates fell in Ohio.") == ["cancer"])
    }

    @Test func fluSeasonIsNoInfluenza() throws {
        let season = try contextualIDs("Pupils took the pills during cold and flu season.")
        #expect(!season.contains("influenza") && !season.contains("common-cold"))
        #expect(try contextualIDs("Fewer pupils caught the flu.") == ["influenza"])
    }

    @Test func researchersStressIsAVerb() throws {
        #expect(try !contextualIDs("The researchers stress that the trial was small.").contains("stress"))
        #expect(try contextualIDs("Chronic stress raised blood pressure.").contains("stress"))
    }

    @Test func scarringOfTheHeartMuscle() throws {
        #expect(try contextualIDs("Omega-3 reduced scarring of the heart muscle.").contains("myocardial-fibrosis"))
        #expect(try !contextualIDs("The cream reduced scarring after acne.").contains("myocardial-fibrosis"))
    }
}
