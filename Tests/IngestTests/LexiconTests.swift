import Foundation
import Testing
@testable import Ingest
import EvidenceModel

/// The lexicon data file: it loads, it is consistent, and it covers the field.
@Suite struct LexiconTests {
    static let lexicon: Lexicon? = try? Lexicon.load()

    func lexicon() throws -> Lexicon { try #require(Self.lexicon) }

    @Test func loadsWithEnoughConcepts() throws {
        let lexicon = try lexicon()
        #expect(lexicon.concepts.count >= 150)
        #expect(!lexicon.ordinaryWords.isEmpty)
    }

    @Test func idsAreUniqueSlugs() throws {
        let lexicon = try lexicon()
        #expect(Set(lexicon.concepts.map(\.id)).count == lexicon.concepts.count)
        for concept in lexicon.concepts {
            #expect(concept.id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" },
                    "\(concept.id)")
        }
    }

    @Test func noNameBelongsToTwoConcepts() throws {
        let matcher = ConceptMatcher(lexicon: try lexicon())
        #expect(matcher.collisions.isEmpty, "\(matcher.collisions)")
    }

    @Test func broaderLinksResolveWithoutCycles() throws {
        let lexicon = try lexicon()
        for concept in lexicon.concepts {
            for parent in concept.broader {
                let broader = try #require(lexicon.concept(parent), "\(concept.id) → \(parent)")
                // Links stay within a type: a species is never under a condition.
                #expect(broader.type == concept.type, "\(concept.id) → \(parent)")
            }
            #expect(!lexicon.ancestors(of: concept.id).contains(concept.id))
        }
    }

    @Test func formsAreInterventionsUnderTheirSubstance() throws {
        let lexicon = try lexicon()
        for concept in lexicon.concepts where concept.isForm {
            #expect(concept.type == .intervention, "\(concept.id)")
            #expect(!concept.broader.isEmpty, "\(concept.id)")
        }
        #expect(lexicon.substance(of: "mk-7") == "vitamin-k2")
        #expect(lexicon.substance(of: "mk-4") == "vitamin-k2")
        #expect(lexicon.substance(of: "vitamin-d3") == "vitamin-d")
    }

    @Test func hierarchiesTheApiRelisOn() throws {
        let lexicon = try lexicon()
        let vascular = lexicon.descendants(of: "vascular-calcification")
        for id in ["arterial-calcification", "aortic-calcification", "coronary-artery-calcification", "calciphylaxis",
                   "breast-arterial-calcification"] {
            #expect(vascular.contains(id), "\(id)")
        }
        #expect(lexicon.descendants(of: "vitamin-k").isSuperset(of: ["vitamin-k1", "vitamin-k2", "mk-4", "mk-7", "mk-9"]))
        #expect(lexicon.descendants(of: "chronic-kidney-disease").isSuperset(of: [
            "ckd-stage-1", "ckd-stage-2", "ckd-stage-3", "ckd-stage-4", "ckd-stage-5", "end-stage-kidney-disease"]))
        #expect(lexicon.descendants(of: "vitamin-k-antagonists").isSuperset(of: ["warfarin", "acenocoumarol", "phenprocoumon"]))
        #expect(lexicon.descendants(of: "statins").isSuperset(of: ["simvastatin", "atorvastatin", "rosuvastatin"]))
        #expect(lexicon.descendants(of: "fractures").isSuperset(of: ["hip-fracture", "vertebral-fracture"]))
        #expect(lexicon.descendants(of: "mortality").isSuperset(of: ["all-cause-mortality", "cardiovascular-mortality"]))
        #expect(lexicon.descendants(of: "valvular-calcification").isSuperset(of: ["aortic-valve-calcification",
                                                                               "mitral-annular-calcification"]))
        #expect(lexicon.descendants(of: "soft-tissue-calcification").contains("tendon-calcification"))
        #expect(lexicon.descendants(of: "arterial-stiffness").contains("pulse-wave-velocity"))
    }

    @Test func everyRequiredFamilyIsPresent() throws {
        let lexicon = try lexicon()
        let required: [(String, ConceptType)] = [
            ("vitamin-k", .intervention), ("vitamin-k1", .intervention), ("vitamin-k2", .intervention), ("mk-4", .intervention),
            ("mk-7", .intervention), ("mk-9", .intervention), ("natto", .intervention), ("nattokinase", .intervention),
            ("vitamin-d", .intervention), ("vitamin-d2", .intervention), ("vitamin-d3", .intervention), ("calcitriol", .intervention),
            ("calcium", .intervention), ("magnesium", .intervention), ("phosphate-binders", .intervention),
            ("sodium-thiosulfate", .intervention), ("warfarin", .intervention), ("acenocoumarol", .intervention),
            ("phenprocoumon", .intervention), ("vitamin-k-antagonists", .intervention), ("doacs", .intervention),
            ("statins", .intervention), ("simvastatin", .intervention), ("atorvastatin", .intervention),
            ("vitamin-c", .intervention), ("niacin", .intervention), ("coq10", .intervention), ("serrapeptase", .intervention),
            ("omega-3", .intervention), ("bisphosphonates", .intervention),
            ("vascular-calcification", .condition), ("arterial-calcification", .condition), ("aortic-calcification", .condition),
            ("coronary-artery-calcification", .condition), ("valvular-calcification", .condition),
            ("aortic-valve-calcification", .condition), ("mitral-annular-calcification", .condition),
            ("breast-arterial-calcification", .condition), ("soft-tissue-calcification", .condition),
            ("tendon-calcification", .condition), ("calciphylaxis", .condition), ("chronic-kidney-disease", .condition),
            ("ckd-stage-1", .condition), ("ckd-stage-5", .condition), ("end-stage-kidney-disease", .condition),
            ("kidney-stones", .condition), ("osteoporosis", .condition), ("osteopenia", .condition),
            ("bone-mineral-density", .condition), ("fractures", .condition), ("hip-fracture", .condition),
            ("vertebral-fracture", .condition), ("coronary-heart-disease", .condition), ("cardiovascular-disease", .condition),
            ("myocardial-infarction", .condition), ("stroke", .condition), ("heart-failure", .condition),
            ("mortality", .condition), ("all-cause-mortality", .condition), ("cardiovascular-mortality", .condition),
            ("arterial-stiffness", .condition), ("pulse-wave-velocity", .condition), ("atherosclerosis", .condition),
            ("arterial-plaque", .condition), ("hypertension", .condition), ("diabetes", .condition),
            ("hypercalcemia", .condition), ("vitamin-k-deficiency", .condition), ("bleeding", .condition),
            ("crohns-disease", .condition),
            ("human", .species), ("rat", .species), ("mouse", .species), ("rabbit", .species), ("pig", .species),
            ("dog", .species), ("cell-culture", .species),
        ]
        for (id, type) in required {
            let concept = try #require(lexicon.concept(id), "missing \(id)")
            #expect(concept.type == type, "\(id)")
        }
    }

    @Test func spellingVariantsAndAbbreviationsArePresent() throws {
        let lexicon = try lexicon()
        func names(_ id: String) -> Set<String> { Set(lexicon.concept(id)?.allNames ?? []) }
        // A dialysis population's condition is end-stage kidney disease: the procedure names it.
        #expect(names("end-stage-kidney-disease").isSuperset(of: ["hemodialysis", "haemodialysis", "dialysis", "peritoneal dialysis"]))
        #expect(names("end-stage-kidney-disease").isSuperset(of: ["ESRD", "ESKD", "end-stage renal disease", "end-stage kidney disease"]))
        #expect(names("mk-7").isSuperset(of: ["MK-7", "MK7", "menaquinone-7", "MenaQ7", "K2VITAL", "VitaMK7"]))
        #expect(names("chronic-kidney-disease").contains("CKD"))
        #expect(names("coronary-artery-calcification").contains("CAC"))
        #expect(names("bone-mineral-density").contains("BMD"))
        #expect(names("pulse-wave-velocity").contains("PWV"))
        #expect(names("warfarin").contains("warfrin"))
        #expect(names("calcification").contains("calcifcation"))
    }

    @Test func everyConceptCanBeFoundByItsOwnName() throws {
        let lexicon = try lexicon()
        let matcher = ConceptMatcher(lexicon: lexicon)
        for concept in lexicon.concepts {
            let text = SourceText("See \(concept.name) here.")
            let found = matcher.mentions(in: text, span: text.fullSpan)
            #expect(found.map(\.conceptID) == [concept.id], "\(concept.name): \(found.map(\.conceptID))")
        }
    }

    @Test func conceptsRoundTripThroughJSON() throws {
        let concept = Concept(id: "x", type: .intervention, name: "X", contextual: ["x1"], context: ["pill"], exclusions: ["X Corp"])
        let data = try JSONEncoder().encode(concept)
        let decoded = try JSONDecoder().decode(Concept.self, from: data)
        #expect(decoded == concept)
    }
}

import Foundation

/// The stage cue files name concepts by id: an id the concept lexicon lost (renamed, merged into another) would
/// silently switch a rule off, so each must still exist.
@Suite struct LexiconCrossReferenceTests {
    private struct FindingLists: Decodable {
        var not_outcomes: [String]
        var sought_outcomes: [String]
    }
    private struct StudyLists: Decodable {
        var context_conditions: [String]
    }

    @Test func cueFilesNameOnlyExistingConcepts() throws {
        let lexicon = try #require(LexiconTests.lexicon)
        let ids = Set(lexicon.concepts.map(\.id))
        let findings = try ResourceLocator.standard.loadJSON(FindingLists.self, "lexicon/findings.json")
        let studies = try ResourceLocator.standard.loadJSON(StudyLists.self, "lexicon/studies.json")
        for id in findings.not_outcomes + findings.sought_outcomes + studies.context_conditions {
            #expect(ids.contains(id), "lexicon names a concept that does not exist: \(id)")
        }
    }

    /// The findings stage tells a population ("hemodialysis patients") from an outcome by the noun after the
    /// condition's name; a name that swallows that noun makes the population an outcome.
    @Test func noConditionNameEndsWithAPopulationNoun() throws {
        let lexicon = try #require(LexiconTests.lexicon)
        for concept in lexicon.concepts where concept.type == .condition {
            for name in [concept.name] + concept.synonyms {
                let last = name.lowercased().split(separator: " ").last.map(String.init) ?? ""
                #expect(!["patients", "patient", "people", "adults"].contains(last) || !name.contains(" "), "\(concept.id): \(name)")
            }
        }
    }
}

@Suite struct DateVocabularyTests {
    /// Dates are read with month names from the lexicon: a folder without them must stop the pipeline at start-up,
    /// not leave every date of every document unread.
    @Test func aLexiconWithoutMonthNamesIsRefusedAtStartUp() throws {
        let files = FileManager.default
        let home = files.temporaryDirectory.appendingPathComponent("evidence-dates-\(UUID().uuidString)")
        defer { try? files.removeItem(at: home) }
        let lexicon = try ResourceLocator.standard.locate("lexicon")
        try files.createDirectory(at: home, withIntermediateDirectories: true)
        try files.copyItem(atPath: lexicon, toPath: home.appendingPathComponent("lexicon").path)
        _ = try Pipeline(locator: ResourceLocator(roots: [home.path]))
        try files.removeItem(at: home.appendingPathComponent("lexicon/dates.json"))
        #expect(throws: ResourceError.self) { _ = try Pipeline(locator: ResourceLocator(roots: [home.path])) }
        #expect(MonthNames.standard["sept"] == 9 && MonthNames.standard.count >= 12)
    }
}
