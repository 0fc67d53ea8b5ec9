import Foundation
import Testing
@testable import Ingest
import EvidenceModel

@Suite struct CommentTests {
    @Test func seedBlogComments() throws {
        let result = try Structure.analyse(try Structure.seed("003"))
        let comments = result.comments
        #expect(comments.count == 16)
        #expect(comments.map(\.number) == Array(1...16))
        #expect(comments.map(\.author) == [
            "Arrow Durfee", "Arrow Durfee", "star", "Arrow Durfee", "Paul", "Arrow Durfee", "Chuck", "Arrow", "Jack Avery",
            "Jane Perry", "ArrowDurfee", "moonglow", "gretchen", "Arrow Durfee", "Arrow Durfee", "gretchen",
        ])
        // One id for the blog author's three spellings, the same as the byline's.
        for index in [0, 1, 3, 5, 7, 10, 13, 14] { #expect(comments[index].authorID == "arrow-durfee") }
        #expect(comments[12].authorID == comments[15].authorID)
        #expect(comments[6].authorID == "chuck")
        // Spans are the comment's own text, trimmed, without the header line.
        #expect(result.text.slice(comments[0].span).hasPrefix("I purchase my MK-7"))
        #expect(result.text.slice(comments[8].span).hasSuffix("Jack Avery"))
        #expect(result.text.slice(comments[15].span).hasSuffix("Sincerely, Gretchen"))
        for comment in comments {
            let body = result.text.slice(comment.span)
            #expect(!body.contains("Says:"))
            #expect(result.text.trimmed(comment.span) == comment.span)
        }
        // Replies: a greeting by name, the blog author answering the question just before, thanks.
        #expect(comments[7].replyToIndex == 6)
        #expect(comments[5].replyToIndex == 4)
        #expect(comments[10].replyToIndex == 9)
        #expect(comments[13].replyToIndex == 12)
        #expect(comments[15].replyToIndex == 14)
        // The author following up her own answer takes up the open question (moonglow's).
        #expect(comments[14].replyToIndex == 11)
        #expect(comments[0].replyToIndex == nil)
        #expect(comments[1].replyToIndex == nil)
        // Questions: direct, indirect ("Help me understand"), not the rhetorical ones of an answer.
        for index in [4, 6, 8, 9, 11] { #expect(comments[index].isQuestion, "comment \(index + 1)") }
        for index in [0, 1, 5, 7, 10, 13, 14, 15] { #expect(!comments[index].isQuestion, "comment \(index + 1)") }
        // The coupon code.
        #expect(comments[7].isPromotional)
        #expect(comments.filter(\.isPromotional).count == 1)
    }

    @Test func wordpressLayoutWithDatesAndReplyLinks() throws {
        let string = """
        Magnesium Before Bed
        Posted on June 2, 2021 by Mira Holt

        I take magnesium glycinate every night and sleep better.

        2 Responses

        Dan Okafor says:
        June 3, 2021 at 9:15 am
        Which form do you use, and how much?
        Reply

        MiraHolt says:
        June 3, 2021 at 11:02 am
        Glycinate, 200 mg with dinner.
        Reply

        Leave a Reply
        """
        let result = try Structure.analyse(string)
        let comments = result.comments
        #expect(comments.count == 2)
        #expect(comments.map(\.author) == ["Dan Okafor", "MiraHolt"])
        #expect(comments.map(\.date) == ["2021-06-03", "2021-06-03"])
        #expect(comments.map(\.number) == [1, 2])
        #expect(result.text.slice(comments[0].span) == "Which form do you use, and how much?")
        #expect(result.text.slice(comments[1].span) == "Glycinate, 200 mg with dinner.")
        #expect(comments[1].authorID == "mira-holt")
        #expect(comments[0].isQuestion)
        #expect(!comments[1].isQuestion)
        #expect(comments[1].replyToIndex == 0)
    }

    @Test func forumPostsWithQuotesAndMentions() throws {
        let string = """
        Thread: Calcium score went up on statins?

        Posted by heartworried on 12/03/2019
        My CAC score went from 40 to 95 in two years on atorvastatin. Should I stop the statin?

        Re: Calcium score went up on statins?
        Posted by Lipid_Larry on 13/03/2019
        Quote from: heartworried on 12/03/2019
        Should I stop the statin?
        No. Statins can raise the score while making plaque more stable.

        Posted by Nora B on 14 March 2019
        @Lipid_Larry is right. Also ask about vitamin K2, although the trials are small.

        Posted by SupplementShack on 15 March 2019
        Buy K2 at www.supplementshack-store.example and use code HEART10 for 10% off!
        """
        let result = try Structure.analyse(string)
        #expect(result.metadata.kind == .forumThread)
        #expect(result.metadata.title == "Calcium score went up on statins?")
        #expect(result.metadata.author == "heartworried")
        // On a forum the opening post is a post like the others.
        let comments = result.comments
        #expect(comments.map(\.author) == ["heartworried", "Lipid_Larry", "Nora B", "SupplementShack"])
        #expect(comments.map(\.authorID) == ["heartworried", "lipid-larry", "nora-b", "supplementshack"])
        // 12/03/2019 could be either reading: only the year; 13/03/2019 can only be day first.
        #expect(comments[0].date == "2019")
        #expect(result.metadata.published == "2019")
        #expect(comments[1].date == "2019-03-13")
        #expect(comments[2].date == "2019-03-14")
        #expect(result.text.slice(comments[0].span).hasSuffix("Should I stop the statin?"))
        #expect(result.text.slice(comments[1].span).hasPrefix("Quote from"))
        #expect(comments[1].replyToIndex == 0)
        #expect(comments[2].replyToIndex == 1)
        #expect(comments[3].isPromotional)
        #expect(!comments[1].isPromotional && !comments[2].isPromotional)
        #expect(comments[0].isQuestion)
        #expect(!comments[1].isQuestion)
    }

    @Test func nameOnDateAndPipeLayouts() throws {
        let string = """
        Natto Every Morning

        I have eaten natto for a year now. My last scan looked the same as before.

        Comments

        Priya on 4 March 2022
        Did you also take vitamin D? I am wondering if it matters.

        Tom | 2022-03-05
        Priya, she mentions it in an older post. I buy mine from the market.

        Priya on 6 March 2022
        Thanks Tom!
        """
        let result = try Structure.analyse(string)
        let comments = result.comments
        #expect(comments.map(\.author) == ["Priya", "Tom", "Priya"])
        #expect(comments.map(\.date) == ["2022-03-04", "2022-03-05", "2022-03-06"])
        #expect(comments[0].isQuestion)
        #expect(comments[1].replyToIndex == 0)
        #expect(comments[2].replyToIndex == 1)
        #expect(comments[0].authorID == comments[2].authorID)
    }

    @Test func authorIdentityJoinsSpellingsConservatively() {
        let identity = AuthorIdentity(names: ["Arrow Durfee", "Arrow", "ArrowDurfee", "arrow durfee", "John Smith", "John Doe", "John"])
        #expect(identity.id(for: "Arrow") == "arrow-durfee")
        #expect(identity.id(for: "ArrowDurfee") == "arrow-durfee")
        #expect(identity.id(for: "arrow durfee") == "arrow-durfee")
        // Two full names share the first name: "John" stays on his own.
        #expect(identity.id(for: "John") == "john")
        #expect(identity.id(for: "John Smith") == "john-smith")
    }

    @Test func headerParserLayouts() throws {
        let parser = CommentHeaderParser(cues: try CommentCues.load(.standard))
        #expect(parser.parse("12. Jane Roe Says:") == CommentHeader(number: 12, author: "Jane Roe", date: nil))
        #expect(parser.parse("Jane Roe says: March 3, 2019 at 4:12 pm")?.date == "2019-03-03")
        #expect(parser.parse("#4 Kim")?.number == 4)
        #expect(parser.parse("#7 Kim – May 2, 2018") == CommentHeader(number: 7, author: "Kim", date: "2018-05-02"))
        #expect(parser.parse("Post by DrQ » Mon Jan 07, 2019 10:12 am")?.author == "DrQ")
        #expect(parser.parse("On 3 May 2020, Sam Lee wrote:")?.author == "Sam Lee")
        #expect(parser.parse("The doctor says:") == nil)
        #expect(parser.parse("My cardiologist said: take it with food.") == nil)
        #expect(parser.parse("Results were published on March 3, 2019 in a journal.") == nil)
    }

    @Test func flags() throws {
        let flags = CommentFlags(cues: try CommentCues.load(.standard))
        #expect(flags.isPromotional("enter coupon code abc123 for $5 off first purchase"))
        #expect(flags.isPromotional("get it at https://shop.example/k2"))
        #expect(!flags.isPromotional("i would not discount the role of diet."))
        #expect(flags.hasQuestionMark("Will it help?"))
        #expect(!flags.hasQuestionMark("See https://example.org/?q=k2 for more."))
        #expect(flags.hasQuestionCue("help me understand if natto interferes"))
    }

    @Test func noCommentsWithoutACommentRegion() throws {
        let result = try Structure.analyse("A Title\n\nJust an article. Dr. Lee says: eat greens.\n")
        #expect(result.comments.isEmpty)
    }

    /// Random text made of the characters the stages care about: no stage may crash, loop or break offsets.
    @Test func randomTextNeverCrashesAnyStage() throws {
        let pieces = ["a", "Word", " ", "\n", "\n\n", ".", "?", "!", "…", "...", "“", "”", "\"", "'", "’", ":", "|", "#", "##", "•", "-",
                      "1.", "12)", "#3", "@", "Dr.", "e.g.", "Says:", "says:", "on", "by", "Posted by", "Re:", "Quote from:",
                      "About Acme", "References", "16 Responses to", "Reply", "2019-03-04", "12/07/2006", "March 3, 2019",
                      "19th", "»", "›", " > ", "\t", "\r\n", "é", "👩‍⚕️", "\u{2028}", "\u{00A0}", "$5 off", "code X1Y2", "?!"]
        var generator = SystemRandomNumberGenerator()
        let segmenter = try RegionSegmenter()
        let splitter = try SentenceSplitter()
        let metadataExtractor = try MetadataExtractor(lexicon: Lexicon(concepts: []))
        let commentExtractor = try CommentExtractor()
        for _ in 0..<300 {
            var string = ""
            for _ in 0..<Int.random(in: 0...400, using: &generator) {
                string += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            let text = SourceText(string)
            let regions = segmenter.segment(text, format: .text)
            if text.count > 0 {
                #expect(regions.first?.span.start == 0 && regions.last?.span.end == text.count)
            }
            let sentences = splitter.split(text, regions: regions)
            for sentence in sentences { #expect(text.slice(sentence.span) == sentence.text) }
            let metadata = metadataExtractor.extract(text, format: .text, regions: regions, sentences: sentences)
            let comments = commentExtractor.extract(text, regions: regions, metadata: metadata)
            for (index, comment) in comments.enumerated() {
                #expect(comment.span.end <= text.count)
                if let target = comment.replyToIndex { #expect(target < index) }
            }
        }
    }

    /// Throughput of the text stages on about 5 MB, printed when STRUCTURE_BENCH is set (run in release).
    @Test func throughput() throws {
        guard ProcessInfo.processInfo.environment["STRUCTURE_BENCH"] != nil else { return }
        var string = ""
        let seeds = try ["000", "001", "003"].map { try Structure.seed($0) }.joined(separator: "\n\n")
        while string.utf8.count < 5_000_000 { string += seeds + "\n\n" }
        let clock = ContinuousClock()
        let text = SourceText(string)
        let segmenter = try RegionSegmenter()
        let splitter = try SentenceSplitter()
        let metadataExtractor = try MetadataExtractor(lexicon: Lexicon(concepts: []))
        let commentExtractor = try CommentExtractor()
        var regions: [Region] = []
        var sentences: [Sentence] = []
        var metadata = SourceMetadata()
        let r = clock.measure { regions = segmenter.segment(text, format: .text) }
        let s = clock.measure { sentences = splitter.split(text, regions: regions) }
        let m = clock.measure { metadata = metadataExtractor.extract(text, format: .text, regions: regions, sentences: sentences) }
        var count = 0
        let c = clock.measure { count = commentExtractor.extract(text, regions: regions, metadata: metadata).count }
        let html = "<html><body>" + String(repeating: "<div><p>Some <b>text</b> here &amp; there.</p><ul><li>item</li></ul></div>", count: 60_000) + "</body></html>"
        let h = try clock.measure { _ = try HTMLText.visibleText(of: Array(html.utf8)) }
        print("bytes \(string.utf8.count): regions \(r) sentences \(s) (\(sentences.count)) metadata \(m) comments \(c) (\(count)); html \(html.utf8.count) bytes \(h)")
    }
}
