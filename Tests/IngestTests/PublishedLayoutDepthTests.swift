import Foundation
import Testing
@testable import Ingest
import EvidenceModel

/// Layouts of the fourth round (our own documents under Fixtures/threads): vBulletin text whose post numbers
/// carry "(permalink)", on their own line or after the date, and a flat Reddit list (2019) that shows nesting
/// only by a "level N" label and an indent.
@Suite struct PublishedLayoutDepthTests {
    typealias T = ThreadTests

    @Test func vBulletinTextWithPermalinkNumbers() throws {
        let e = try T.extract("vbulletin_permalinks.txt")
        let c = e.comments
        #expect(c.map(\.author) == ["Wren Castellan", "Guest", "pollen_pete"])
        #expect(e.source.metadata.author == "pollen_pete")
        #expect(c.map(\.date) == ["2019-06-14", "2019-06-14", "2019-06-15"])
        // The quote credits Wren; "Thanks Wren" answers her.
        #expect(c[1].replyToIndex == 0)
        #expect(c[2].replyToIndex == 0)
        #expect(c.map(\.isQuestion) == [false, false, true])
        for index in c.indices {
            let body = T.text(e, index)
            #expect(!body.contains("Reply With Quote") && !body.contains("permalink") && !body.contains("Join Date"), "furniture in \(body)")
            #expect(!body.contains("Grow what you eat"), "signature in \(body)")
        }
        T.expectNoReplyClaims(e)
    }

    @Test func flatRedditCommentsNestedByLevelLabels() throws {
        let e = try T.extract("reddit_levels.html")
        let c = e.comments
        #expect(c.map(\.author) == ["arch_ann", "physio_kwame", "arch_ann", "sole_searcher", "Guest"])
        // Level 2 answers the level-1 comment above it, level 3 the level-2 one; level 1 answers the thread.
        #expect(c.map(\.replyToIndex) == [nil, 0, 1, nil, 3])
        #expect(c[0].authorID == c[2].authorID)
        #expect(c.map(\.isQuestion) == [true, false, false, false, false])
        for index in c.indices {
            let body = T.text(e, index)
            #expect(!body.contains("level") && !body.contains("Reply") && !body.contains("yr. ago"), "furniture in \(body)")
        }
        T.expectNoReplyClaims(e)
    }
}
