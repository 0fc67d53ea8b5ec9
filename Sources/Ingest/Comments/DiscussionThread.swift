import EvidenceModel
/// A discussion as the page's own structure shows it: the opening post (the source's own text) and the replies,
/// each with its author, date, text, quoted blocks and nesting. Found before the region stage, so that replies are
/// read as comments and never as the page's claims.
struct DiscussionThread: Sendable {
    /// The post that opens the thread, when the page has one; its text is the source's, not a comment.
    var opening: ThreadPost?
    /// The replies in page order.
    var replies: [ThreadPost]

    /// The thread without the replies `drop` marks (removal notices): replies nested under a dropped one move up
    /// to its parent.
    func dropping(_ drop: (ThreadPost) -> Bool) -> DiscussionThread {
        var newIndex: [Int?] = []
        var kept: [ThreadPost] = []
        for post in replies {
            if drop(post) {
                newIndex.append(nil)
                continue
            }
            var post = post
            var parent = post.parent
            while let p = parent, p < newIndex.count, newIndex[p] == nil { parent = replies[p].parent }
            post.parent = parent.flatMap { $0 < newIndex.count ? newIndex[$0] : nil }
            newIndex.append(kept.count)
            kept.append(post)
        }
        return DiscussionThread(opening: opening, replies: kept)
    }

    /// The stretch of the page the replies cover, headers included.
    var repliesExtent: TextSpan? {
        guard let first = replies.first else { return nil }
        let end = replies.map(\.extent.end).max() ?? first.extent.end
        return TextSpan(first.extent.start, end)
    }
}

/// One post of a thread.
struct ThreadPost: Sendable {
    /// The name as the page shows it; nil when it shows none.
    var author: String?
    /// ISO 8601, as precise as the page gives it.
    var date: String?
    /// The post's text: without its header, signature or buttons.
    var span: TextSpan
    /// The whole post on the page, header included.
    var extent: TextSpan
    /// Blocks quoting another post, inside `span`.
    var quotes: [QuotedBlock] = []
    /// Index into the thread's replies of the reply this one is nested under (nil: under the opening post).
    var parent: Int?
    /// Quote marks that open each line of the post itself (a reply nested in a Markdown copy: "> text"); lines with
    /// no more marks than these are its own words.
    var nestMarks: Int = 0
}

/// A quote of another post inside a reply: its text and the name it credits ("Originally Posted by X").
struct QuotedBlock: Sendable, Hashable {
    var span: TextSpan
    var name: String?
}
