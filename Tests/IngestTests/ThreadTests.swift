import Foundation
import Testing
@testable import Ingest
import EvidenceModel

/// Threads in the layouts people publish (our own documents under Fixtures/threads): forum boards with quote
/// blocks and signatures, nested blog comments, Disqus-like lists, patient-forum text with indented replies, and
/// "Posted by … / Name wrote:" text. The opening post is the source's text, never a comment; no reply is a claim.
@Suite struct ThreadTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/threads")

    /// The thread ingested as the service ingests it: read (with the HTML outline), then extracted.
    static func extract(_ name: String) throws -> Extraction {
        let path = folder.appendingPathComponent(name).path
        let reader = DocumentReader()
        let format = DocumentFormat(fileExtension: (name as NSString).pathExtension) ?? .text
        let file = try reader.load(path: path)
        let read = try reader.read(file, format: format)
        return try SharedPipeline.get().extract(file: name, text: read.text, sha256: file.sha256, format: format, outline: read.outline)
    }

    static func text(_ extraction: Extraction, _ index: Int) -> String {
        extraction.source.text.slice(extraction.comments[index].span)
    }

    /// No claim of the page lies in a reply.
    static func expectNoReplyClaims(_ extraction: Extraction) {
        for claim in extraction.claims {
            for comment in extraction.comments {
                #expect(!claim.span.overlaps(comment.span), "claim \(extraction.source.text.slice(claim.span)) is in a reply")
            }
        }
        let commentRegions = extraction.regions.filter { $0.kind == .comments }
        for comment in extraction.comments {
            #expect(commentRegions.contains { $0.span.contains(comment.span) }, "comment \(comment.number) outside the comment regions")
        }
    }

    @Test func forumWithQuoteBlocksAndSignatures() throws {
        let e = try Self.extract("forum_quotes_signatures.html")
        let c = e.comments
        #expect(c.map(\.author) == ["CalfRaiser", "nightwalker", "Guest", "Guest"])
        #expect(c.map(\.number) == [1, 2, 3, 4])
        #expect(e.source.metadata.author == "nightwalker")
        // The opening poster replying is the same person; two guests are two people.
        #expect(c[1].authorID == "nightwalker")
        #expect(c[2].authorID != c[3].authorID)
        #expect(c.map(\.date) == ["2023-02-04", "2023-02-04", "2023-02-05", "2023-02-06"])
        // The quote names CalfRaiser: the reply answers comment 1; the quoted question is not its own.
        #expect(c[1].replyToIndex == 0)
        #expect(c[0].isQuestion)
        #expect(!c[1].isQuestion)
        #expect(c[0].replyToIndex == nil)
        #expect(c.map(\.isPromotional) == [false, false, true, false])
        // Signatures, post counts and join dates are furniture.
        for index in c.indices {
            let body = Self.text(e, index)
            #expect(!body.contains("slow marathoner") && !body.contains("ten thousand steps"))
            #expect(!body.contains("Joined") && !body.contains("Posts:"))
        }
        #expect(Self.text(e, 1).hasSuffix("stretch tonight."))
        Self.expectNoReplyClaims(e)
    }

    @Test func nestedBlogComments() throws {
        let e = try Self.extract("blog_nested_comments.html")
        let c = e.comments
        #expect(c.map(\.author) == ["Tomasz", "Ines Varga", "Priya"])
        #expect(c.map(\.number) == [1, 2, 3])
        // The nested reply answers the comment it sits under; the blog's author is the same person as the byline.
        #expect(c[1].replyToIndex == 0)
        #expect(c[1].authorID == "ines-varga")
        // Thanking the blog's author by name speaks to the post, not to her reply.
        #expect(c[2].replyToIndex == nil)
        #expect(c.map(\.isQuestion) == [true, false, false])
        #expect(c.map(\.date) == ["2022-11-02", "2022-11-02", "2022-11-04"])
        for index in c.indices {
            #expect(!Self.text(e, index).contains("Reply"))
            #expect(!Self.text(e, index).contains("says:"))
        }
        #expect(Self.text(e, 0) == "How much do you take each day, and do you stop in summer?")
        Self.expectNoReplyClaims(e)
    }

    @Test func disqusLikeList() throws {
        let e = try Self.extract("disqus_comments.html")
        let c = e.comments
        #expect(c.map(\.author) == ["kelp_fan", "thyroid_tess", "BargainVits"])
        #expect(c[1].replyToIndex == 0)
        #expect(c.map(\.isQuestion) == [false, true, false])
        #expect(c.map(\.isPromotional) == [false, false, true])
        for index in c.indices {
            let body = Self.text(e, index)
            #expect(!body.contains("Like") && !body.contains("Share"))
        }
        Self.expectNoReplyClaims(e)
    }

    @Test func patientForumWithIndentedReplies() throws {
        let e = try Self.extract("patient_indented.txt")
        let c = e.comments
        #expect(c.map(\.author) == ["Guest", "rowan_b", "Guest", "marta_k"])
        #expect(c.map(\.number) == [1, 2, 3, 4])
        #expect(e.source.metadata.author == "rowan_b")
        // Indented under the first guest's reply.
        #expect(c[1].replyToIndex == 0)
        #expect(c[0].replyToIndex == nil)
        // Greeting the opening poster speaks to the thread.
        #expect(c[3].replyToIndex == nil)
        #expect(c[0].authorID != c[2].authorID)
        #expect(c.map(\.isQuestion) == [false, false, false, true])
        #expect(c.map(\.isPromotional) == [false, false, true, false])
        #expect(c.map(\.date) == ["2021-04-03", "2021-04-03", "2021-04-05", "2021-04-06"])
        #expect(Self.text(e, 1) == "Thanks, three months is longer than I expected.")
        Self.expectNoReplyClaims(e)
    }

    @Test func postedByAndWroteQuotes() throws {
        let e = try Self.extract("forum_wrote_quotes.txt")
        let c = e.comments
        #expect(c.map(\.author) == ["ann_t", "glen_r"])
        #expect(e.source.metadata.author == "glen_r")
        // The quoted question is glen_r's, not ann_t's.
        #expect(!c[0].isQuestion)
        #expect(c[0].replyToIndex == nil)
        #expect(c[1].replyToIndex == 0)
        #expect(c[1].authorID == "glen-r")
        Self.expectNoReplyClaims(e)
    }

    @Test func redditLikeText() throws {
        let e = try Self.extract("reddit_text.txt")
        let c = e.comments
        // The removed post is no comment; "u/" and the OP mark are no part of the names.
        #expect(c.map(\.author) == ["quiet_lantern", "owl_at_3am", "DreamDropsShop"])
        #expect(e.source.metadata.author == "owl_at_3am")
        #expect(c[1].replyToIndex == 0)
        #expect(c.map(\.isQuestion) == [false, true, false])
        #expect(c.map(\.isPromotional) == [false, false, true])
        // Vote lines and the page's "More posts" list are not comment text.
        for index in c.indices {
            #expect(!Self.text(e, index).contains("Reply"))
            #expect(!Self.text(e, index).contains("More posts"))
        }
        Self.expectNoReplyClaims(e)
    }

    @Test func questionAndAnswersSignedUnderTheirText() throws {
        let e = try Self.extract("qa_signed_posts.md")
        let c = e.comments
        #expect(c.map(\.author) == ["mod_ravi", "lena_pk", "Dr. Okon", "lena_pk"])
        #expect(e.source.metadata.author == "lena_pk")
        // A comment under the question answers the thread; @name points at its person; under an answer, the answer.
        #expect(c.map(\.replyToIndex) == [nil, 0, nil, 2])
        #expect(c.map(\.isQuestion) == [true, false, false, false])
        #expect(c.map(\.date) == ["2022-03-02", "2022-03-02", "2022-03-03", "2022-03-03"])
        #expect(Self.text(e, 3) == "Clear and short, thank you.")
        Self.expectNoReplyClaims(e)
    }

    @Test func quoteCreditsAreRead() throws {
        let names = QuoteNames(cues: try CommentCues.load(.standard))
        #expect(names.name(in: "Quote from: CalfRaiser on February 04, 2023\nAre you sure?") == "CalfRaiser")
        #expect(names.name(in: "Quote:\nOriginally Posted by dana_k\nIt helped me") == "dana_k")
        #expect(names.name(in: "georgie said:\nthanks all") == "georgie")
        #expect(names.name(in: "Nothing credited here.") == nil)
    }

    @Test func genericNamesAndBadges() throws {
        let cues = try CommentCues.load(.standard)
        let identity = AuthorIdentity(names: ["Guest", "Guest", "rowan_b (OP)", "rowan_b", "sankary_09990", "sankary_29422"], markup: cues.markup)
        #expect(identity.id(for: "Guest", occurrence: 0) != identity.id(for: "Guest", occurrence: 1))
        #expect(identity.id(for: "rowan_b (OP)", occurrence: 2) == identity.id(for: "rowan_b", occurrence: 3))
        #expect(identity.id(for: "sankary_09990", occurrence: 4) == identity.id(for: "sankary_29422", occurrence: 5))
    }

    @Test func classWords() {
        #expect(ClassWords.words("ItemComment") == ["item", "comment"])
        #expect(ClassWords.words("bbp-reply-author") == ["bbp", "reply", "author"])
        #expect(ClassWords.words("post_message_123") == ["post", "message"])
        #expect(ClassWords.pattern("post-17") == "post-#")
    }
}

/// The layouts of older and text-copied boards: rows of a table without class names, marker lines with a date and a
/// post number, buttons under posts, rhetorical questions, names that are part of a handle.
@Suite struct BoardLayoutTests {
    @Test func tableRowsWithoutClassNames() throws {
        let e = try ThreadTests.extract("table_board.html")
        let c = e.comments
        // The first row is the opening post, the source's own text.
        #expect(c.map(\.author) == ["Guest", "Guest", "Marsh Mary"])
        #expect(e.source.metadata.author == "heron_hal")
        #expect(c.map(\.date) == ["2009-04-02", "2009-04-03", "2009-04-03"])
        // Two guests are two people; the signature under the rule is furniture.
        #expect(c[0].authorID != c[1].authorID)
        #expect(!ThreadTests.text(e, 0).contains("Just a walker"))
        #expect(!ThreadTests.text(e, 0).contains("Posted:"))
        #expect(c.map(\.isPromotional) == [false, true, false])
        // "Guest wrote: …" run into the quote: the reply answers the post it quotes, found by its words.
        #expect(c[2].replyToIndex == 0)
        ThreadTests.expectNoReplyClaims(e)
    }

    @Test func markerLinesOfTextCopies() throws {
        let e = try ThreadTests.extract("smf_text.txt")
        let c = e.comments
        #expect(c.map(\.author) == ["old_gardener_ted", "Guest"])
        #expect(e.source.metadata.author == "rosehip_ruth")
        #expect(c.map(\.date) == ["2022-06-03", "2022-06-04"])
        // "Logged" ends a post; the signature after it is not text.
        #expect(!ThreadTests.text(e, 0).contains("Digging since"))
        #expect(!ThreadTests.text(e, 0).contains("Logged"))
        // The quote credits old_gardener_ted; the question is the guest's own.
        #expect(c[1].replyToIndex == 0)
        #expect(c.map(\.isQuestion) == [false, true])
        ThreadTests.expectNoReplyClaims(e)
    }

    @Test func numberedPostsWithExpandableQuotes() throws {
        let e = try ThreadTests.extract("xenforo_text.txt")
        let c = e.comments
        // Rank lines ("Well-Known Member") are not names; the poster's box starts with the name.
        #expect(c.map(\.author) == ["Dora Vance", "finn_laps", "Dora Vance"])
        #expect(e.source.metadata.author == "finn_laps")
        #expect(c.map(\.replyToIndex) == [nil, 0, 1])
        #expect(c.map(\.isQuestion) == [false, true, false])
        #expect(c[0].authorID == c[2].authorID)
        for index in c.indices {
            #expect(!ThreadTests.text(e, index).contains("Like Reply Report"))
            #expect(!ThreadTests.text(e, index).contains("You must log in"))
        }
        ThreadTests.expectNoReplyClaims(e)
    }

    @Test func buttonsUnderPostsAreFurniture() throws {
        let e = try ThreadTests.extract("buttons_board.html")
        let c = e.comments
        #expect(c.map(\.author) == ["porter_pete", "Guest"])
        for index in c.indices {
            #expect(!ThreadTests.text(e, index).contains("Was this helpful"))
            #expect(!ThreadTests.text(e, index).contains("REPLY"))
        }
        // "Who wants to …?" expects no answer.
        #expect(c.map(\.isQuestion) == [false, false])
    }

    @Test func rhetoricalQuestionsAreNotQuestions() throws {
        let flags = CommentFlags(cues: try CommentCues.load(.standard))
        #expect(!flags.hasQuestionMark("Who needs a pill for that? Not me."))
        #expect(!flags.hasQuestionMark("Sam, why do we always reach for tablets first?"))
        #expect(!flags.hasQuestionMark("It was the diet or the tea or the rest, who knows?"))
        #expect(!flags.hasQuestionMark("Typical, isn't it?"))
        #expect(flags.hasQuestionMark("Which brand did you take?"))
        #expect(flags.hasQuestionMark("how is the ankle now...?"))
        #expect(flags.hasQuestionMark("The rash came back, isn't it supposed to stay away once the course ends?"))
    }

    @Test func answersAndTheCommentsUnderThem() throws {
        let e = try ThreadTests.extract("qa_answers_and_comments.html")
        let c = e.comments
        // The question is the source's text; comments and answers are read together, in page order.
        #expect(e.source.metadata.author == "Pia Lund")
        #expect(c.map(\.author) == ["Omar K", "Pia Lund", "Dr Ada Fell", "Pia Lund", "Dr Ada Fell", "Jonas R"])
        #expect(ThreadTests.text(e, 1) == "Two large mugs, sometimes three.")
        // Under an answer, a comment answers it; its poster then answers the question put to them.
        #expect(c.map(\.replyToIndex) == [nil, 0, nil, 2, 3, nil])
        #expect(c.map(\.isQuestion) == [true, false, false, true, false, false])
        ThreadTests.expectNoReplyClaims(e)
    }

    @Test func numberOverDateWithTheBoxUnderIt() throws {
        let e = try ThreadTests.extract("vbulletin_text.txt")
        let c = e.comments
        #expect(e.source.metadata.author == "ergo_ellen")
        #expect(c.map(\.author) == ["Guest", "Stroke Side Sid", "ergo_ellen"])
        // Join dates, post counts, subject lines and signatures are not text; the quoted words are not Sid's.
        #expect(ThreadTests.text(e, 0) == "Evening for me, it helps me wind down.")
        #expect(!ThreadTests.text(e, 2).contains("Catch, drive"))
        #expect(!ThreadTests.text(e, 2).contains("All times"))
        // The quote answers the guest; the opening poster's thanks answer the latest reply.
        #expect(c.map(\.replyToIndex) == [nil, 0, 1])
        ThreadTests.expectNoReplyClaims(e)
    }

    @Test func nameThatIsPartOfAHandle() throws {
        let cues = try CommentCues.load(.standard)
        let identity = AuthorIdentity(names: ["lakeside_tom", "Tomasz"], markup: cues.markup)
        let tom = try #require(identity.reference("Tom"))
        #expect(identity.refers(tom, to: identity.id(for: "lakeside_tom")))
        #expect(!identity.refers(tom, to: identity.id(for: "Tomasz")))
        let names = QuoteNames(cues: cues)
        #expect(names.name(inBlock: "lakeside_tom:\nthe poles help") == "lakeside_tom")
        #expect(names.name(in: "Marsh Mary wrote: the poles help") == "Marsh Mary")
        #expect(names.name(in: "lakeside_tom:\nthe poles help") == nil)
    }
}
