import Testing
@testable import Ingest
import EvidenceModel

/// The lexicon beyond vitamin K and calcification, and the cues that judge a name by its neighbours, on
/// sentences written for these tests.
@Suite struct ConceptCoverageTests {
    static let matcher: ConceptMatcher? = {
        guard let lexicon = try? Lexicon.load(), let cues = try? MentionContext.Cues.load() else { return nil }
        return ConceptMatcher(lexicon: lexicon, cues: cues)
    }()

    func ids(_ sentence: String) throws -> [String] {
        let matcher = try #require(Self.matcher)
        let text = SourceText(sentence)
        let mentions = matcher.mentions(in: text, span: text.fullSpan)
        for mention in mentions { #expect(text.slice(mention.span) == mention.matched) }
        return mentions.map(\.conceptID)
    }

    @Test func commonConditionsOfEachField() throws {
        #expect(try ids("Her asthma flared up every winter.") == ["asthma"])
        #expect(try ids("The drug did little for major depressive disorder.") == ["depression"])
        #expect(try ids("Rates of pancreatic cancer rose slowly.") == ["pancreatic-cancer"])
        #expect(try ids("Fewer preterm births were recorded.") == ["preterm-birth"])
        #expect(try ids("He was treated for pneumonia.") == ["pneumonia"])
        #expect(try ids("Her migraines came back.") == ["migraine"])
        #expect(try ids("Gestational diabetes was screened for.") == ["gestational-diabetes"])
        #expect(try ids("The children had ADHD.") == ["human", "adhd"])
        #expect(try ids("They studied falls in care homes.") == ["falls"])
    }

    @Test func britishAndAmericanSpellings() throws {
        #expect(try ids("Anaemia was common.") == ["anemia"])
        #expect(try ids("Anemia was common.") == ["anemia"])
        #expect(try ids("Oesophageal cancer and esophageal cancer are one disease.") == ["esophageal-cancer", "esophageal-cancer"])
        #expect(try ids("Diarrhoea lasted two days; diarrhea lasted three.") == ["diarrhea", "diarrhea"])
        #expect(try ids("Leukaemia and leukemia.") == ["leukemia", "leukemia"])
    }

    @Test func supplementsFoodsAndDrugs() throws {
        #expect(try ids("She started folic acid before conceiving.") == ["folate"])
        #expect(try ids("Zinc lozenges shortened the illness.") == ["zinc"])
        #expect(try ids("He took metformin and a sulfonylurea.") == ["metformin", "sulfonylureas"])
        #expect(try ids("A Mediterranean diet was compared with advice.") == ["mediterranean-diet"])
        #expect(try ids("She got the flu jab in October.") == ["influenza-vaccine"])
        #expect(try ids("Sertraline is an SSRI.") == ["ssris", "ssris"])
        #expect(try ids("Ozempic was the brand studied.") == ["semaglutide"])
    }

    @Test func theSpecificConceptWinsOverItsParent() throws {
        #expect(try ids("An ischaemic stroke followed.") == ["ischemic-stroke"])
        #expect(try ids("Alzheimer's disease is one kind of dementia.") == ["alzheimers-disease", "dementia"])
        #expect(try ids("Colon cancer was the outcome.") == ["colorectal-cancer"])
        #expect(try ids("Deep vein thrombosis was rare.") == ["venous-thromboembolism"])
        let lexicon = try Lexicon.load()
        #expect(lexicon.ancestors(of: "ischemic-stroke").contains("stroke"))
        #expect(lexicon.ancestors(of: "alzheimers-disease").contains("dementia"))
        #expect(lexicon.ancestors(of: "ductal-carcinoma-in-situ").isSuperset(of: ["breast-cancer", "cancer"]))
    }

    @Test func aDialysisPopulationHasEndStageKidneyDisease() throws {
        #expect(try ids("People on dialysis were enrolled.") == ["human", "end-stage-kidney-disease"])
        #expect(try ids("Forty haemodialysis patients took part.") == ["end-stage-kidney-disease", "human"])
        #expect(try ids("Renal replacement therapy had begun.") == ["end-stage-kidney-disease"])
        // Who was studied is no outcome: smokers are a population, smoking an exposure.
        #expect(try ids("Current smokers were excluded.") == [])
        let lexicon = try Lexicon.load()
        let procedures = ["dialysis", "hemodialysis", "peritoneal dialysis", "renal replacement therapy", "kidney transplantation"]
        for concept in lexicon.concepts where concept.type == .condition {
            #expect(!procedures.contains(concept.name.lowercased()), "\(concept.id) names a procedure as a condition")
        }
    }

    @Test func wordsOfAJournalTitleAreNoMentions() throws {
        #expect(try ids("The trial was published in Stroke last month.") == [])
        #expect(try ids("It appeared in the Journal of Thrombosis and Haemostasis in May.") == [])
        #expect(try ids("The results, published in Diabetes Care, were mixed for diabetes.") == ["diabetes"])
        #expect(try ids("The trial was published in March and covered stroke.") == ["stroke"])
        // A headline in title case has no journal title to find.
        #expect(try ids("Journal Study Ties Stroke To Short Sleep") == ["stroke"])
    }

    @Test func aMisdiagnosedConditionIsNotOneThePersonHas() throws {
        #expect(try ids("For years she was misdiagnosed with kidney stones.") == [])
        #expect(try ids("He was mis-diagnosed with a migraine.") == [])
        #expect(try ids("Doctors ruled out pneumonia.") == [])
        #expect(try ids("She had kidney stones twice.") == ["kidney-stones"])
        // Only conditions are negated: a substance after the cue is still named.
        #expect(try ids("It was mistaken for zinc.") == ["zinc"])
    }

    @Test func ordinaryWordsAreNotTakenForMisspellings() throws {
        #expect(try ids("In addition, the material was internal and the approach creative.") == [])
        #expect(try ids("A competition between neurologists and psychiatrists.") == [])
    }
}
