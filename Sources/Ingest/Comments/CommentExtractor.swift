import EvidenceModel
/// Finds reader comments and forum posts: their authors, numbers, dates, spans, replies and flags.
/// Concepts and doses are filled in afterwards by the pipeline.
///
/// Comments are read from the comment regions only. Each starts at a header line (see `CommentHeaderParser`);
/// its text runs to the next header, without a date line under the header ("March 3, 2019 at 4:12 pm"),
/// profile lines ("Joined: …"), trailing link lines ("Reply", "Quote") and a "Re: …" subject line that belongs
/// to the next post.
public struct CommentExtractor: Sendable {
    let cues: CommentCues
    let headers: CommentHeaderParser
    let flags: CommentFlags
    let replies: ReplyResolver
    /// Any of these means the comment may quote someone.
    let quoteMarks: PhraseMatcher

    public init(locator: ResourceLocator = .standard) throws {
        cues = try CommentCues.load(locator)
        headers = CommentHeaderParser(cues: cues)
        flags = CommentFlags(cues: cues)
        replies = ReplyResolver(cues: cues)
        quoteMarks = PhraseMatcher(cues.quoteIntros + cues.quoteVerbs + [">"])
    }

    /// A comment found on the page, before ids and replies are worked out.
    struct Draft {
        var header: CommentHeader
        var headerLine: TextSpan
        var span: TextSpan
        var date: String?
    }

    public func extract(_ text: SourceText, regions: [Region], metadata: SourceMetadata) -> [ExtractedComment] {
        let drafts = findDrafts(text, regions: regions)
        guard !drafts.isEmpty else { return [] }
        var names = drafts.map(\.header.author)
        if let author = metadata.author { names.append(author) }
        let identity = AuthorIdentity(names: names)
        let pageAuthorID = metadata.author.map { identity.id(for: $0) }

        var comments: [ExtractedComment] = []
        comments.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            let body = ScalarText.string(text.scalars, draft.span)
            let lowerScalars = ScalarText.lowered(text.scalars, draft.span)
            // Reply cues sit at the start of a comment.
            let lower = ScalarText.string(lowerScalars, TextSpan(0, min(lowerScalars.count, 400)))
            let authorID = identity.id(for: draft.header.author)
            var comment = ExtractedComment(
                number: draft.header.number ?? index + 1,
                author: draft.header.author,
                authorID: authorID,
                date: draft.header.date ?? draft.date,
                span: draft.span)
            comment.replyToIndex = replies.explicitTarget(of: body, lower: lower, earlier: comments, identity: identity)
            // A quoted question is someone else's.
            let own = ownText(body, lowerScalars)
            let ownLower = own == nil ? lowerScalars : Array((own ?? "").lowercased().unicodeScalars)
            var isQuestion = flags.hasQuestionMark(own ?? body) || flags.hasQuestionCue(ownLower)
            if let pageAuthorID, authorID == pageAuthorID {
                // The page's author answering the question just before.
                if comment.replyToIndex == nil, let previous = comments.last, previous.isQuestion, previous.authorID != authorID {
                    comment.replyToIndex = comments.count - 1
                }
                // Following up their own comment ("Nobody has answered yet, so here goes."), the author takes up the
                // latest question of the last few that nobody has answered yet.
                if comment.replyToIndex == nil, comments.last?.authorID == authorID {
                    // Answers to these questions can only come after them, so the window holds them all.
                    let window = max(0, comments.count - 5)
                    let answered = Set(comments[window...].compactMap(\.replyToIndex))
                    let recent = stride(from: comments.count - 1, through: window, by: -1)
                    comment.replyToIndex = recent.first { index in
                        comments[index].isQuestion && comments[index].authorID != authorID && !answered.contains(index)
                    }
                }
                // Questions in an answer are rhetorical ("So whats the deal with that?"); only a cue phrase counts.
                if let target = comment.replyToIndex, comments[target].isQuestion { isQuestion = flags.hasQuestionCue(ownLower) }
            }
            comment.isQuestion = isQuestion
            if comment.replyToIndex == nil {
                comment.replyToIndex = replies.answerTarget(of: lower, authorID: authorID, earlier: comments)
                    ?? replies.thanksTarget(of: lower, authorID: authorID, earlier: comments)
            }
            comment.isPromotional = flags.isPromotional(lowerScalars)
            comments.append(comment)
        }
        return comments
    }

    /// The comment without quoted lines: "> …", and "Quote from: Name …" / "Name wrote:" with the line they
    /// introduce.
    /// Nil when the comment quotes nobody.
    func ownText(_ body: String, _ lower: [Unicode.Scalar]) -> String? {
        guard quoteMarks.occurs(in: lower) else { return nil }
        var kept: [Substring] = []
        var skipNext = false
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let lower = Trim.chars(Trim.spaces(line.lowercased()), "*_")
            if skipNext {
                skipNext = false
                if !lower.isEmpty { continue }
            }
            if lower.hasPrefix(">") { continue }
            if cues.quoteIntros.contains(where: { lower.hasPrefix($0) }) || cues.quoteVerbs.contains(where: { lower.hasSuffix($0) }) {
                // Inline quotes ("Quote from X: \"…\"") end on this line; otherwise the quote is the next line.
                skipNext = !(lower.contains("\"") || lower.contains("\u{201C}"))
                continue
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    // MARK: Finding the comments

    private func findDrafts(_ text: SourceText, regions: [Region]) -> [Draft] {
        let s = text.scalars
        var drafts: [Draft] = []
        for region in regions where region.kind == .comments {
            // Lines of the region: (full span, trimmed span).
            var lines: [TextSpan] = []
            var start = region.span.start
            let end = min(region.span.end, s.count)
            var i = start
            while i <= end {
                if i == end || ScalarKind.isNewline(s[i]) {
                    lines.append(text.trimmed(TextSpan(start, i)))
                    start = i + 1
                }
                i += 1
            }
            var current: Draft?
            var contentLines: [TextSpan] = []
            func close() {
                guard var draft = current else { return }
                draft.span = span(of: contentLines, text) ?? TextSpan(draft.headerLine.end, draft.headerLine.end)
                drafts.append(draft)
                current = nil
                contentLines = []
            }
            for line in lines where !line.isEmpty {
                if headers.mayBeHeader(s, line), !endsSentenceWithoutDigits(s, line), let header = headers.parse(ScalarText.string(s, line)) {
                    // A "Re: subject" line just before a header belongs to the new post.
                    if let last = contentLines.last, Trim.chars(text.slice(last).lowercased(), "*_# ").hasPrefix("re:") {
                        contentLines.removeLast()
                    }
                    close()
                    current = Draft(header: header, headerLine: line, span: TextSpan(line.end, line.end))
                    continue
                }
                guard current != nil else { continue }
                let lineText = ScalarText.string(s, line)
                if contentLines.isEmpty, current?.date == nil, current?.header.date == nil, let date = dateOnly(lineText, line, text) {
                    current?.date = date
                    continue
                }
                if contentLines.isEmpty, isProfileLine(lineText) { continue }
                contentLines.append(line)
            }
            close()
        }
        return drafts
    }

    /// A line ending in "." "?" "!" without a digit is prose; headers end in a name, a colon or a date.
    private func endsSentenceWithoutDigits(_ s: [Unicode.Scalar], _ line: TextSpan) -> Bool {
        guard line.end > line.start, ScalarKind.isTerminal(s[line.end - 1]) else { return false }
        return !s[line.start..<line.end].contains(where: ScalarKind.isDigit)
    }

    /// The comment's text: its content lines without trailing link lines ("Reply", "Quote", "Report").
    private func span(of lines: [TextSpan], _ text: SourceText) -> TextSpan? {
        var lines = lines
        while let last = lines.last, last.length <= 40, isTrailer(ScalarText.string(text.scalars, last)) { lines.removeLast() }
        guard let first = lines.first, let last = lines.last else { return nil }
        return TextSpan(first.start, last.end)
    }

    private func isTrailer(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= 40 else { return false }
        let norm = Trim.chars(line.lowercased(), " :|\u{2022}\u{B7}[]()")
        return cues.trailerLines.contains(norm) || norm.split(separator: " ").allSatisfy { cues.trailerLines.contains(String($0)) }
    }

    private func isProfileLine(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= 60 else { return false }
        let lower = line.lowercased()
        return cues.profileLines.contains { lower.hasPrefix($0) }
    }

    /// A line that is only a date and perhaps a time ("March 3, 2019 at 4:12 pm", "2019-03-03 14:02").
    private func dateOnly(_ line: String, _ span: TextSpan, _ text: SourceText) -> String? {
        guard span.length <= 60, let date = DateParser.dates(in: text.scalars, range: span).first else { return nil }
        let rest = text.slice(TextSpan(span.start, date.span.start)) + text.slice(TextSpan(date.span.end, span.end))
        let letters = rest.lowercased().filter { $0.isLetter }
        let allowed: Set<String> = ["", "at", "am", "pm", "atam", "atpm", "on", "posted", "postedon", "edited", "utc", "gmt"]
        return allowed.contains(letters) || letters.count <= 3 ? date.iso : nil
    }
}
