import Foundation
import Testing
@testable import Ingest
import EvidenceModel

@Suite struct SentenceTests {
    @Test func abbreviationsDoNotEndSentences() throws {
        let text = "Dr. Lee and Mr. Ortiz compared MK-4 vs. MK-7, e.g. in older adults, i.e. those over 70. "
            + "Smith et al. reported it in the U.S. Food and Drug Administration files (Fig. 2, No. 14). "
            + "The dose was approx. 90 mcg. It worked."
        #expect(try Structure.sentences(text) == [
            "Dr. Lee and Mr. Ortiz compared MK-4 vs. MK-7, e.g. in older adults, i.e. those over 70.",
            "Smith et al. reported it in the U.S. Food and Drug Administration files (Fig. 2, No. 14).",
            "The dose was approx. 90 mcg.",
            "It worked.",
        ])
    }

    @Test func abbreviationThatEndsASentence() throws {
        let text = "The trial ran in the U.S. The results follow, etc. We then compared groups."
        #expect(try Structure.sentences(text) == ["The trial ran in the U.S.", "The results follow, etc.", "We then compared groups."])
    }

    @Test func decimalsAndInitials() throws {
        let text = "Patients took 2.5 mg or 0.45 mg daily. Leon J. Schurgers led it. Low vitamin K. The end."
        #expect(try Structure.sentences(text) == [
            "Patients took 2.5 mg or 0.45 mg daily.", "Leon J. Schurgers led it.", "Low vitamin K.", "The end.",
        ])
    }

    @Test func bulletsAndNumberedItemsAreSentencesWithoutTheirMarker() throws {
        let text = "Options include:\n\n  • Diet changes\n  - More leafy greens\n  * Less salt\n  1. Ask a doctor\n  2/ Check levels\n  3) Retest in 6 months"
        #expect(try Structure.sentences(text) == [
            "Options include:", "Diet changes", "More leafy greens", "Less salt", "Ask a doctor", "Check levels", "Retest in 6 months",
        ])
    }

    @Test func linesWithoutFullStopAreSentences() throws {
        let text = "Safety of Magnesium\nMagnesium is usually well tolerated. High doses cause diarrhoea\nKidney Patients\nAsk first."
        #expect(try Structure.sentences(text) == [
            "Safety of Magnesium", "Magnesium is usually well tolerated.", "High doses cause diarrhoea", "Kidney Patients", "Ask first.",
        ])
    }

    @Test func softWrappedLinesAreJoined() throws {
        let text = "i wonder whether the tablets i take\nhave caused this, my doctor is not\nsure. Any help welcome"
        let sentences = try Structure.sentences(text)
        #expect(sentences.count == 2)
        #expect(sentences.first?.hasSuffix("not\nsure.") == true)
    }

    @Test func curlyQuotesStayWithTheirSentence() throws {
        let text = "“We saw fewer fractures.” The author added: “It is early. We need more data.” “Why?” she asked."
        #expect(try Structure.sentences(text) == [
            "“We saw fewer fractures.”", "The author added: “It is early.", "We need more data.”", "“Why?” she asked.",
        ])
    }

    @Test func ellipsesQuestionsAndExclamations() throws {
        let text = "It helped… a little. Then it stopped... Why? Nobody knows! Really?! yes, really."
        #expect(try Structure.sentences(text) == [
            "It helped… a little.", "Then it stopped...", "Why?", "Nobody knows!", "Really?!", "yes, really.",
        ])
    }

    @Test func missingSpaceAfterFullStop() throws {
        #expect(try Structure.sentences("A scan showed plaque in the aorta.Could diet help? See Dr.Stone.") == [
            "A scan showed plaque in the aorta.", "Could diet help?", "See Dr.Stone.",
        ])
    }

    @Test func offsetsAreExactUnicodeScalars() throws {
        let string = "Ça va. 👩‍⚕️ said “90 µg daily.” Done"
        let text = SourceText(string)
        let sentences = try SentenceSplitter().split(text, regions: [Region(kind: .body, span: text.fullSpan)])
        #expect(sentences.count == 3)
        for sentence in sentences {
            #expect(text.slice(sentence.span) == sentence.text)
            #expect(sentence.region == .body)
        }
        #expect(sentences[1].text == "👩‍⚕️ said “90 µg daily.”")
        #expect(sentences[1].span.start == 7)
    }

    @Test func paragraphsCountBlankLinesAndHardBreaks() throws {
        let string = "First one. Second one.\n\nThird one.\nFourth\ncontinues here."
        let text = SourceText(string)
        let sentences = try SentenceSplitter().split(text, regions: [Region(kind: .body, span: text.fullSpan)])
        #expect(sentences.map(\.paragraph) == [0, 0, 1, 2])
        #expect(sentences.last?.text == "Fourth\ncontinues here.")
    }

    @Test func sentencesNeverCrossRegions() throws {
        let string = "Title without stop\nBody sentence one. Body two"
        let text = SourceText(string)
        let regions = [Region(kind: .title, span: TextSpan(0, 19)), Region(kind: .body, span: TextSpan(19, text.count))]
        let sentences = try SentenceSplitter().split(text, regions: regions)
        #expect(sentences.map(\.region) == [.title, .body, .body])
        #expect(sentences.map(\.text) == ["Title without stop", "Body sentence one.", "Body two"])
    }

    @Test func hostileTextEndsQuicklyWithBoundedSentences() throws {
        let splitter = try SentenceSplitter()
        let runOn = String(repeating: "word ", count: 20_000) + String(repeating: "x", count: 30_000)
        let junk = String(repeating: ".?!…\n\n• 1. ”“", count: 5_000) + String(repeating: "e.g. ", count: 5_000)
        for string in [runOn, junk, "", "\n\n\n", "."] {
            let text = SourceText(string)
            let sentences = splitter.split(text, regions: [Region(kind: .body, span: text.fullSpan)])
            for sentence in sentences {
                #expect(sentence.span.length <= splitter.maxSentenceLength * 4 + 1)
                #expect(text.slice(sentence.span) == sentence.text)
            }
        }
    }

    @Test func seedCommentsSplitIntoCleanSentences() throws {
        let text = SourceText(try Structure.seed("003"))
        let regions = try RegionSegmenter().segment(text, format: .text)
        let sentences = try SentenceSplitter().split(text, regions: regions)
        // Comment headers lose their printed number; nothing is just a number.
        #expect(sentences.contains { $0.text == "Arrow Durfee Says:" })
        #expect(!sentences.contains { $0.text.allSatisfy { $0.isNumber || $0 == "." } })
        #expect(sentences.contains { $0.text == "Hi Chuck," && $0.region == .comments })
        for sentence in sentences { #expect(text.slice(sentence.span) == sentence.text) }
    }
}

/// Helpers shared by the text-structure tests (HTML, regions, sentences, metadata, comments).
enum Structure {
    /// Sentences of a text taken as one body region.
    static func sentences(_ string: String, kind: RegionKind = .body) throws -> [String] {
        let text = SourceText(string)
        return try SentenceSplitter().split(text, regions: [Region(kind: kind, span: text.fullSpan)]).map(\.text)
    }

    static func regions(_ string: String, format: DocumentFormat = .text) throws -> (SourceText, [Region]) {
        let text = SourceText(string)
        return (text, try RegionSegmenter().segment(text, format: format))
    }

    /// The region kind at the first occurrence of `needle`.
    static func kind(of needle: String, in text: SourceText, _ regions: [Region]) -> RegionKind? {
        guard let range = text.string.range(of: needle) else { return nil }
        let scalars = text.string.unicodeScalars
        let offset = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
        return regions.first { $0.span.contains(offset: offset) }?.kind
    }

    static func seed(_ prefix: String) throws -> String {
        let folder = try ResourceLocator.standard.locate("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        guard let name = names.first(where: { $0.hasPrefix(prefix) }) else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    static func fixture(_ name: String) throws -> String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/structure/\(name)").path
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Everything the text stages produce for one document.
    static func analyse(_ string: String, format: DocumentFormat = .text) throws
        -> (text: SourceText, regions: [Region], sentences: [Sentence], metadata: SourceMetadata, comments: [ExtractedComment]) {
        let text = SourceText(string)
        let regions = try RegionSegmenter().segment(text, format: format)
        let sentences = try SentenceSplitter().split(text, regions: regions)
        let lexicon = try Lexicon(concepts: [
            Concept(id: "vitamin-k2", type: .intervention, name: "vitamin K2", brands: ["MenaQ7", "K2Vital", "OsteoMax"]),
        ])
        let metadata = try MetadataExtractor(lexicon: lexicon).extract(text, format: format, regions: regions, sentences: sentences)
        let comments = try CommentExtractor().extract(text, regions: regions, metadata: metadata)
        return (text, regions, sentences, metadata, comments)
    }
}
