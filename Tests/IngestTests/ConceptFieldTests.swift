import Testing
@testable import Ingest
import EvidenceModel

/// Conditions and remedies of everyday health news that the lexicon lacked, on sentences written for these
/// tests: each with its spellings and its place under a broader concept.
@Suite struct ConceptFieldTests {
    static let lexicon: Lexicon? = try? Lexicon.load()
    static let matcher: ConceptMatcher? = {
        guard let lexicon, let cues = try? MentionContext.Cues.load() else { return nil }
        return ConceptMatcher(lexicon: lexicon, cues: cues)
    }()

    func ids(_ sentence: String) throws -> [String] {
        let matcher = try #require(Self.matcher)
        let text = SourceText(sentence)
        return matcher.mentions(in: text, span: text.fullSpan).map(\.conceptID)
    }

    @Test func herbalRemediesByTheirCommonNames() throws {
        #expect(try ids("She chewed ginger root before every flight.") == ["ginger"])
        #expect(try ids("A capsule of enteric-coated peppermint oil was taken with meals.") == ["peppermint-oil"])
        #expect(try ids("Silymarin is sold as a liver tonic.") == ["milk-thistle"])
        #expect(try ids("He drinks camomile at bedtime.") == ["chamomile"])
        #expect(try ids("Boswellia serrata resin is sold in tablets.") == ["boswellia"])
    }

    @Test func pregnancySicknessIsNarrowerThanNausea() throws {
        #expect(try ids("Morning sickness eased by the second trimester.") == ["nausea-vomiting-pregnancy"])
        #expect(try ids("Hyperemesis gravidarum put her in hospital twice.") == ["nausea-vomiting-pregnancy"])
        #expect(try ids("Motion sickness struck on the ferry.") == ["nausea"])
        let lexicon = try #require(Self.lexicon)
        let ancestors = lexicon.ancestors(of: "nausea-vomiting-pregnancy")
        #expect(ancestors.contains("nausea") && ancestors.contains("pregnancy-complications"))
    }

    @Test func ukAndUsSpellingsMeetInOneConcept() throws {
        #expect(try ids("Haemochromatosis runs in her family.") == ["hemochromatosis"])
        #expect(try ids("Hemochromatosis was found on a blood test.") == ["hemochromatosis"])
        #expect(try ids("Necrotising scleritis is rare.") == ["scleritis"])
    }

    @Test func conditionsSitUnderTheirBroaderKind() throws {
        let lexicon = try #require(Self.lexicon)
        #expect(lexicon.ancestors(of: "reactive-arthritis").contains("arthritis"))
        #expect(lexicon.ancestors(of: "uveitis").contains("eye-disease"))
        #expect(lexicon.ancestors(of: "seasonal-affective-disorder").contains("depression"))
        #expect(lexicon.ancestors(of: "cod-liver-oil").contains("omega-3"))
        #expect(try ids("Winter blues kept him indoors.") == ["seasonal-affective-disorder"])
        #expect(try ids("Jet lag wore off after three days.") == ["jet-lag"])
    }

    @Test func aRemedyForACoughIsNoCough() throws {
        #expect(try ids("Her cough lasted a month.") == ["cough"])
        #expect(try ids("The shelves held cough syrup.") == [])
    }
}

/// Outcomes of contraception, child development and brain-ageing studies, in sentences written for these tests.
@Suite struct ConceptOutcomeTests {
    func ids(_ sentence: String) throws -> [String] {
        let matcher = try #require(ConceptFieldTests.matcher)
        let text = SourceText(sentence)
        return matcher.mentions(in: text, span: text.fullSpan).map(\.conceptID)
    }

    @Test func contraceptionOutcomes() throws {
        #expect(try ids("The hormonal IUD was over 99% effective at preventing pregnancy.") == ["levonorgestrel", "pregnancy"])
        #expect(try ids("An ectopic pregnancy occurred twice.") == ["ectopic-pregnancy"])
        #expect(try ids("Pelvic inflammatory disease was rare.") == ["pelvic-inflammatory-disease"])
        #expect(try ids("Breast tenderness faded within months.") == ["breast-pain"])
    }

    @Test func brainAndChildOutcomes() throws {
        #expect(try ids("Scans showed less brain shrinkage in the treated group.") == ["brain-atrophy"])
        // Its own concept since conditions2, narrower than brain atrophy (whose query still returns it).
        #expect(try ids("Hippocampal volume was measured each year.") == ["hippocampal-volume"])
        #expect(try ids("Teachers rated behavioural problems at age seven.") == ["behavioral-problems"])
        #expect(try ids("School grades rose slightly.") == ["academic-performance"])
        #expect(try ids("Dry mouth was reported less often.") == ["dry-mouth"])
    }
}

extension ConceptOutcomeTests {
    @Test func testsAndSignsOfChildrensStudies() throws {
        #expect(try ids("A chest radiograph was taken on arrival.") == ["chest-x-ray"])
        #expect(try ids("Lung ultrasonography found the consolidation.") == ["lung-ultrasound"])
        #expect(try ids("Hemiplegia followed the operation in a few cases.") == ["hemiparesis"])
        #expect(try ids("Brain growth was tracked on scans.") == ["brain-development"])
    }
}
