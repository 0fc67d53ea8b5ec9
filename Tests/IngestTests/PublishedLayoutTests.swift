import Foundation
import Testing
@testable import Ingest
import EvidenceModel

/// More layouts people publish threads in (our own documents under Fixtures/threads): XenForo posts under a
/// "Thread starter" byline, Disqus comments copied as Markdown with replies nested in quote marks, vBulletin text
/// with the poster's box under a numbered date line, Reddit's custom elements, old boards that stack each post as a
/// table, and a board with a visitor's box, a starter line and a member list above its posts.
@Suite struct PublishedLayoutTests {
    typealias T = ThreadTests

    @Test func xenForoPostsUnderAThreadStarterLine() throws {
        let e = try T.extract("xenforo_posts.html")
        let c = e.comments
        // The byline over the thread is no opening post: the first repeated post is, and it is no comment.
        #expect(c.map(\.author) == ["Hallam Price", "Anonymous", "Hallam Price", "Anonymous", "Odile_R"])
        #expect(e.source.metadata.author == "Odile_R")
        // Two Anonymous posters are two people; one named poster is one.
        #expect(c[1].authorID != c[3].authorID)
        #expect(c[0].authorID == c[2].authorID)
        // The quote credits Hallam Price; the answer after the question answers it; "@Hallam Price" names him.
        #expect(c[1].replyToIndex == 0)
        #expect(c[2].replyToIndex == 1)
        #expect(c[4].replyToIndex == 2)
        #expect(c.map(\.isQuestion) == [false, true, false, false, false])
        #expect(c.map(\.isPromotional) == [false, false, false, true, false])
        for index in c.indices {
            let body = T.text(e, index)
            #expect(!body.contains("Allotment keeper") && !body.contains("Plants all the way"), "signature in \(body)")
            #expect(!body.contains("Like") && !body.contains("Joined"))
        }
        T.expectNoReplyClaims(e)
    }

    @Test func disqusMarkdownWithRepliesInQuoteMarks() throws {
        let e = try T.extract("disqus_markdown.md")
        let c = e.comments
        // Emphasis, the "Mod" badge and the "→ Arjun Mehta" target are no part of a name.
        #expect(c.map(\.author) == ["Arjun Mehta", "Lena Marsh", "Guest", "Guest"])
        #expect(c[1].replyToIndex == 0)
        #expect(c[2].authorID != c[3].authorID)
        // The nested reply's own lines carry its quote marks: its question is its own. "Why do we always …?" is rhetorical.
        #expect(c.map(\.isQuestion) == [false, true, false, true])
        for index in c.indices {
            let body = T.text(e, index)
            #expect(!body.contains("Reply") && !body.contains("Share ›") && !body.contains("Powered by"), "furniture in \(body)")
            #expect(!body.hasPrefix(">"))
        }
        #expect(T.text(e, 1).hasPrefix("That is how I started too."))
        T.expectNoReplyClaims(e)
    }

    @Test func vBulletinTextWithTheBoxUnderANumberedDateLine() throws {
        let e = try T.extract("vbulletin_numbered_dates.txt")
        let c = e.comments
        #expect(c.map(\.author) == ["Osric Vale", "Guest", "GoldenRoot Direct"])
        #expect(e.source.metadata.author == "Perpetua_G")
        #expect(c.map(\.date) == ["2016-05-14", "2016-05-15", "2016-05-15"])
        #expect(c[1].replyToIndex == 0)
        #expect(c[1].isQuestion)
        // A link to a site named after the poster is the poster's own business.
        #expect(c.map(\.isPromotional) == [false, false, true])
        #expect(!T.text(e, 0).contains("Digging since dawn"))
        #expect(!T.text(e, 2).contains("All times are"))
        for index in c.indices { #expect(!T.text(e, index).contains("Join Date")) }
        T.expectNoReplyClaims(e)
    }

    @Test func redditCustomElementsNestReplies() throws {
        let e = try T.extract("reddit_elements.html")
        let c = e.comments
        // The removed comment is no comment; the reply under it moves up to the thread.
        #expect(c.map(\.author) == ["kettle_kat", "dune_walker", "kettle_kat", "sorrel_md", "maple_moth"])
        #expect(c.map(\.replyToIndex) == [nil, 0, 1, nil, nil])
        #expect(c[1].authorID == "dune-walker")
        #expect(c.map(\.isQuestion) == [false, true, false, false, false])
        for index in c.indices {
            let body = T.text(e, index)
            #expect(!body.contains("Reply") && !body.contains("ago") && !body.contains("[removed]"), "furniture in \(body)")
        }
        T.expectNoReplyClaims(e)
    }

    @Test func postsStackedAsTables() throws {
        let e = try T.extract("stacked_tables.html")
        let c = e.comments
        // Names between labels ("by … on …"), also where the date is written in a form not read.
        #expect(c.map(\.author) == ["Bettina K", "Guest", "Bettina K"])
        #expect(e.source.metadata.author == "Ffion Lloyd")
        #expect(c[1].replyToIndex == 0)
        #expect(c[2].replyToIndex == 1)
        #expect(c.map(\.isQuestion) == [false, true, false])
        #expect(!T.text(e, 2).contains("Post a reply"))
        T.expectNoReplyClaims(e)
    }

    @Test func visitorBoxStarterLineAndMemberListAreNoPosts() throws {
        let e = try T.extract("visitor_box_board.html")
        let c = e.comments
        #expect(c.map(\.author) == ["owlet_mum", "Guest", "Mirela D"])
        #expect(e.source.metadata.author == "Mirela D")
        #expect(c[2].replyToIndex == 0)
        #expect(c.map(\.isQuestion) == [false, true, false])
        T.expectNoReplyClaims(e)
    }

    @Test func wordPressTextWithIndentedReplies() throws {
        let e = try T.extract("wordpress_indented.txt")
        let c = e.comments
        // "3 Responses to …" heads a comment list: the short article is the source, every post a comment on it.
        #expect(c.map(\.author) == ["Caspar Wynn", "Nell Garrow", "Imogen Tate"])
        #expect(c.map(\.replyToIndex) == [nil, 0, nil])
        #expect(c[0].isQuestion && !c[1].isQuestion)
        for index in c.indices { #expect(!T.text(e, index).contains("Reply") && !T.text(e, index).contains("says:")) }
        T.expectNoReplyClaims(e)
    }

    @Test func discourseMarkdownWithTitledQuotes() throws {
        let e = try T.extract("discourse_markdown.md")
        let c = e.comments
        #expect(c.map(\.author) == ["delia.m", "quill_rn", "perrin_b"])
        #expect(e.source.metadata.author == "perrin_b")
        // "> **delia.m:**" credits the quote; "@quill_rn" answers quill_rn.
        #expect(c.map(\.replyToIndex) == [nil, 0, 1])
        #expect(c.map(\.isQuestion) == [false, true, false])
        #expect(!T.text(e, 2).contains("Powered by"))
        T.expectNoReplyClaims(e)
    }

    @Test func phpBBPostsWithABylineInTheirBox() throws {
        let e = try T.extract("phpbb_posts.html")
        let c = e.comments
        #expect(c.map(\.author) == ["Dr Sunniva", "Guest", "Guest"])
        #expect(c[1].authorID != c[2].authorID)
        // The cite names the quoted poster even when run into the quoted words.
        #expect(c.map(\.replyToIndex) == [nil, 0, nil])
        #expect(c.map(\.isQuestion) == [false, true, false])
        for index in c.indices {
            let body = T.text(e, index)
            #expect(!body.hasPrefix("Re:") && !body.contains("» Sat") && !body.contains("Retired GP"), "header or signature in \(body)")
        }
        T.expectNoReplyClaims(e)
    }

    @Test func patientTextWithRelativeDates() throws {
        let e = try T.extract("patient_relative_dates.txt")
        let c = e.comments
        // "2 years ago" under a name marks a post, and gives no date.
        #expect(c.map(\.author) == ["Gwilym_E", "tern_watcher", "OceanDrop Store"])
        #expect(c.map(\.date) == [nil, nil, nil])
        #expect(c.map(\.replyToIndex) == [nil, 0, nil])
        #expect(c.map(\.isQuestion) == [false, true, false])
        #expect(c.map(\.isPromotional) == [false, false, true])
        for index in c.indices {
            let body = T.text(e, index)
            #expect(!body.contains("Like") && !body.contains("Reply") && !body.contains("Posts you may"), "furniture in \(body)")
        }
        T.expectNoReplyClaims(e)
    }

    @Test func ownSiteLinks() throws {
        let flags = CommentFlags(cues: try CommentCues.load(.standard))
        let lower = { (s: String) in Array(s.lowercased().unicodeScalars) }
        #expect(flags.linksToOwnSite(lower("Back in stock at goldenroot-direct.example"), author: "GoldenRoot Direct"))
        #expect(flags.linksToOwnSite(lower("see https://www.acmetonics.example/shop"), author: "Acme Tonics"))
        // Someone else's site, and a name too short to tell, are not.
        #expect(!flags.linksToOwnSite(lower("The NHS page at nhs.example explains it"), author: "Osric Vale"))
        #expect(!flags.linksToOwnSite(lower("see bo.example"), author: "Bo"))
    }
}
