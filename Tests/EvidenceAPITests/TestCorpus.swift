import Foundation
import Ingest
import SQLiteDB
@testable import EvidenceAPI
import EvidenceModel

/// A small evidence database written through the real store from hand-made extractions, so that API tests
/// do not depend on how well extraction works today. Three sources, five studies, claims and comments.
final class TestCorpus {
    let folder: String
    let path: String
    let lexicon: Lexicon

    init() throws {
        folder = NSTemporaryDirectory() + "evidence-api-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/test.sqlite"
        lexicon = try Lexicon.load()
        let store = try EvidenceStore(path: path, lexicon: lexicon)
        for extraction in Self.extractions() { try store.write(extraction) }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func store() throws -> EvidenceStore { try EvidenceStore(path: path, lexicon: lexicon) }

    static func span(_ text: SourceText, _ quote: String) -> TextSpan {
        guard let range = text.string.range(of: quote) else { return TextSpan(0, 0) }
        let start = text.string.unicodeScalars.distance(from: text.string.unicodeScalars.startIndex, to: range.lowerBound)
        return TextSpan(start, start + quote.unicodeScalars.count)
    }

    static func extractions() -> [Extraction] {
        let trialText = SourceText("""
            Trial news — café edition
            In a randomised trial of 120 haemodialysis patients, vitamin K2 (MK-7) at 360 mcg/day for 18 months slowed arterial calcification.
            A rat study found vitamin K1 reversed aortic calcification.
            Vitamin K may reduce calciphylaxis risk, said Dr Ada Lovelace.
            """)
        var trial = ExtractedStudy(
            identityKey: "trial-mk7-hemodialysis", title: "MK-7 in haemodialysis", design: .rct, species: .human,
            populationDescription: "haemodialysis patients", populationSize: 120,
            conditionIDs: ["arterial-calcification", "end-stage-kidney-disease"],
            interventions: [StudyIntervention(conceptID: "vitamin-k2", formID: "mk-7",
                                              dose: Dose(span: span(trialText, "360 mcg/day"), text: "360 mcg/day", mcgPerDay: 360))],
            duration: Duration(span: span(trialText, "18 months"), text: "18 months", days: 540),
            direction: .benefit, journal: "Kidney Journal", year: 2021,
            mentions: [span(trialText, "In a randomised trial of 120 haemodialysis patients")])
        trial.findings = [ExtractedFinding(interventionID: "vitamin-k2", formID: "mk-7", outcomeID: "arterial-calcification",
                                           direction: .benefit, span: span(trialText, "In a randomised trial of 120 haemodialysis patients"))]
        var rat = ExtractedStudy(
            identityKey: "rat-k1-aorta", design: .animal, species: .rat, conditionIDs: ["aortic-calcification"],
            interventions: [StudyIntervention(conceptID: "vitamin-k1")], direction: .benefit, year: 2007,
            mentions: [span(trialText, "A rat study")])
        rat.findings = [ExtractedFinding(interventionID: "vitamin-k1", outcomeID: "aortic-calcification", direction: .benefit,
                                         span: span(trialText, "A rat study found vitamin K1 reversed aortic calcification."))]
        let first = Extraction(
            source: ExtractedSource(file: "news/trial.txt", text: trialText, sha256: "a1", kind: .newsArticle,
                                    title: "Trial news", published: "2021-05", author: "Jo Writer"),
            studies: [trial, rat],
            claims: [
                ExtractedClaim(span: span(trialText, "vitamin K2 (MK-7) at 360 mcg/day for 18 months slowed arterial calcification"),
                               kind: .efficacy, studyIndex: 0, conditionIDs: ["arterial-calcification"], interventionIDs: ["vitamin-k2"]),
                ExtractedClaim(span: span(trialText, "Vitamin K may reduce calciphylaxis risk"), kind: .efficacy, hedged: true,
                               attributedTo: "Ada Lovelace", conditionIDs: ["calciphylaxis"], interventionIDs: ["vitamin-k"]),
            ])

        let blogText = SourceText("""
            Warfarin and valves
            Warfarin is linked to valve calcification in a cohort of 900 adults.
            1. Sam Says:
            Does warfarin cause calcification? I take 5 mg a day.
            2. Lee Says:
            Hi Sam, yes it can. Buy K2 at shop.example with code SAVE10.
            """)
        var cohort = ExtractedStudy(
            identityKey: "cohort-warfarin-valves", design: .cohort, species: .human, populationSize: 900,
            conditionIDs: ["vascular-calcification"], interventions: [StudyIntervention(conceptID: "warfarin")],
            direction: .harm, year: 2015, mentions: [span(blogText, "a cohort of 900 adults")])
        cohort.findings = [ExtractedFinding(interventionID: "warfarin", outcomeID: "vascular-calcification", direction: .harm,
                                            span: span(blogText, "Warfarin is linked to valve calcification in a cohort of 900 adults."))]
        // The same trial as in the first document, reported again: it must stay one study.
        let again = ExtractedStudy(identityKey: "trial-mk7-hemodialysis", design: .rct, conditionIDs: ["calciphylaxis"],
                                   mentions: [span(blogText, "Warfarin and valves")])
        let second = Extraction(
            source: ExtractedSource(file: "blog.md", text: blogText, sha256: "b1", kind: .blogPost, title: "Warfarin and valves",
                                    published: "2019-03-19", industrySponsored: false),
            studies: [cohort, again],
            claims: [ExtractedClaim(span: span(blogText, "Warfarin is linked to valve calcification in a cohort of 900 adults."),
                                    kind: .safety, studyIndex: 0, conditionIDs: ["vascular-calcification"], interventionIDs: ["warfarin"])],
            comments: [
                ExtractedComment(number: 1, author: "Sam", authorID: "sam",
                                 span: span(blogText, "Does warfarin cause calcification? I take 5 mg a day."), isQuestion: true,
                                 conditionIDs: ["vascular-calcification"], interventionIDs: ["warfarin"],
                                 doses: [Dose(span: span(blogText, "5 mg a day"), text: "5 mg a day", mcgPerDay: 5000)]),
                ExtractedComment(number: 2, author: "Lee", authorID: "lee",
                                 span: span(blogText, "Hi Sam, yes it can. Buy K2 at shop.example with code SAVE10."),
                                 replyToIndex: 0, isPromotional: true, interventionIDs: ["vitamin-k2"]),
            ])

        let guideText = SourceText("Guideline: statins do not prevent coronary artery calcification.")
        var guideline = ExtractedStudy(identityKey: "guideline-statins", title: "Statins and CAC", design: .guideline,
                                       conditionIDs: ["coronary-artery-calcification"],
                                       interventions: [StudyIntervention(conceptID: "statins")], direction: .noEffect,
                                       journal: "Guide", year: 2024, mentions: [TextSpan(0, 9)])
        guideline.findings = [ExtractedFinding(interventionID: "statins", outcomeID: "coronary-artery-calcification",
                                               direction: .noEffect, span: TextSpan(11, guideText.count))]
        let third = Extraction(
            source: ExtractedSource(file: "guide.html", text: guideText, sha256: "c1", kind: .medicalQA, title: "Guide"),
            studies: [guideline],
            claims: [ExtractedClaim(span: TextSpan(11, guideText.count), kind: .efficacy,
                                    conditionIDs: ["coronary-artery-calcification"], interventionIDs: ["statins"])])
        return [first, second, third]
    }
}
