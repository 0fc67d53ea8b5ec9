import Foundation
import Testing
@testable import Ingest
import EvidenceModel

/// Where the comments start on a blog: at the count of responses to the article, never inside the article. The
/// article's byline ("<date> by Name") reads like a comment header, and a menu item "Contact" like the media
/// contact heading of a press release; neither may take the article out of the body.
@Suite struct CommentRegionTests {
    typealias T = ThreadTests

    @Test func aBlogsBylineOpensNoCommentSection() throws {
        let e = try T.extract("blog_byline_comments.html")
        let text = e.source.text
        #expect(e.comments.map(\.author) == ["Halvard Berg", "Petra Lindqvist", "Marit Solheim"])
        #expect(e.comments.map(\.isQuestion) == [true, false, false])

        // The comments start after the article's last sentence.
        let lastSentence = try #require(text.string.range(of: "megadoses are a waste of money."))
        let headingStart = text.string.unicodeScalars.distance(from: text.string.unicodeScalars.startIndex, to: lastSentence.upperBound)
        for region in e.regions where region.kind == .comments {
            #expect(region.span.start >= headingStart, "comments region starts inside the article")
        }
        // Every paragraph of the article lies in the body.
        for sentence in ["A pooled analysis of twenty-five randomised trials", "large monthly doses did not help at all",
                         "megadoses are a waste of money"] {
            let range = try #require(text.string.range(of: sentence))
            let start = text.string.unicodeScalars.distance(from: text.string.unicodeScalars.startIndex, to: range.lowerBound)
            let kind = e.regions.first { $0.span.start <= start && start < $0.span.end }?.kind
            #expect(kind == .body, "\(sentence) is in \(String(describing: kind))")
        }
        // The article's own claims are found, and none lies in a comment.
        #expect(!e.claims.isEmpty)
        #expect(e.claims.allSatisfy { $0.span.end <= headingStart })
        T.expectNoReplyClaims(e)
    }
}
