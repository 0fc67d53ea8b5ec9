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
    let htmlThreads: HTMLThreadReader
    let textThreads: TextThreadReader
    let signedThreads: SignedTextThreadReader
    let markedThreads: MarkedTextThreadReader

    public init(locator: ResourceLocator = .standard) throws {
        cues = try CommentCues.load(locator)
        headers = CommentHeaderParser(cues: cues)
        flags = CommentFlags(cues: cues)
        replies = ReplyResolver(cues: cues)
        quoteMarks = PhraseMatcher(cues.quoteIntros + cues.quoteVerbs + [">"])
        htmlThreads = HTMLThreadReader(cues: cues.markup, quoteCues: QuoteNames(cues: cues), textCues: cues.textThreads)
        signedThreads = SignedTextThreadReader(headers: headers, cues: cues.textThreads)
        markedThreads = MarkedTextThreadReader(headers: headers, cues: cues.textThreads, quoteCues: QuoteNames(cues: cues),
                                               trailerWords: Set(cues.trailerLines.filter { !$0.contains(" ") }), profileLines: cues.profileLines)
        let regionCues = try locator.loadJSON(RegionCues.self, "lexicon/regions.json")
        textThreads = TextThreadReader(headers: headers, cues: cues.textThreads, startsFurniture: { regionCues.furniture.startsSection($0) },
                                       trailerWords: Set(cues.trailerLines.filter { !$0.contains(" ") }), badges: cues.markup.authorBadges)
    }

    /// A comment found on the page, before ids and replies are worked out.
    struct Draft {
        var header: CommentHeader
        var headerLine: TextSpan
        var span: TextSpan
        var date: String?
        /// From the page's structure: the draft this one is nested under, and the blocks it quotes.
        var parent: Int?
        var quotes: [QuotedBlock] = []
        /// Quote marks opening each of its own lines (see `ThreadPost.nestMarks`).
        var nestMarks = 0
        /// Spaces before the header line: a header indented further than the one above answers it.
        var indent = 0
    }

    /// The thread a page's structure shows: from the HTML outline's repeated post blocks, else from the text's
    /// "name line, date line" posts. Nil when the page shows no such structure; comments are then found from
    /// their header lines in the comment regions.
    func thread(in text: SourceText, format: DocumentFormat, outline: HTMLOutline?) -> DiscussionThread? {
        if let outline, !outline.isEmpty, let found = htmlThreads.read(text, outline: outline) {
            // A removed post ("[removed]") is no comment.
            let thread = found.dropping { cues.textThreads.removedBodies.contains(Trim.spaces(text.slice($0.span).lowercased())) }
            if !thread.replies.isEmpty { return thread }
        }
        // Numbered marker lines are the more particular layout: a rank line above one could pass for a poster's name.
        if let thread = markedThreads.read(text), !thread.replies.isEmpty { return thread }
        if let thread = textThreads.read(text), !thread.replies.isEmpty { return thread }
        if let thread = signedThreads.read(text), !thread.replies.isEmpty { return thread }
        return nil
    }

    /// A forum page read from its post headers ("Name Says:", "Posted by Name on …") when the first post starts
    /// right under the title: that post is the thread's opening post, not a comment. Nil for an article followed by
    /// its comments, and when the regions hold fewer than two posts.
    func headerThread(_ text: SourceText, regions: [Region], outline: HTMLOutline? = nil) -> DiscussionThread? {
        let drafts = findDrafts(text, regions: regions)
        guard drafts.count >= 2, let first = drafts.first else { return nil }
        var prose = 0
        for region in regions where region.kind == .body && region.span.start < first.headerLine.start {
            prose += proseLength(TextSpan(region.span.start, min(region.span.end, first.headerLine.start)), text)
        }
        guard prose < Self.articleLength, !countsComments(before: first.headerLine.start, text) else { return nil }
        let posts = drafts.map { draft in
            var post = ThreadPost(author: draft.header.author, date: draft.header.date ?? draft.date, span: draft.span,
                                  extent: TextSpan(draft.headerLine.start, max(draft.headerLine.end, draft.span.end)))
            if let outline {
                datedFromMarkup(&post, outline, text)
                cutAtButtons(&post, outline, text)
            }
            return post
        }
        return DiscussionThread(opening: posts[0], replies: Array(posts.dropFirst()))
    }

    /// A line just above the first post that counts what follows as answers to the article ("3 Responses to …",
    /// "12 thoughts on …"): a blog's comment list under its article, however short the article. A board's "3 replies"
    /// is not one.
    private func countsComments(before start: Int, _ text: SourceText) -> Bool {
        let head = text.slice(TextSpan(max(0, start - Self.countLineReach), start))
        for line in head.split(whereSeparator: \.isNewline).suffix(3) {
            let words = Trim.chars(Trim.spaces(line.lowercased()), "#*_ ").split(separator: " ")
            guard words.count >= 3, words[0].allSatisfy(\.isNumber) else { continue }
            if cues.textThreads.commentCountWords.contains(words[1] + " " + words[2]) { return true }
        }
        return false
    }

    /// How far above the first post a count of the comments may stand.
    static let countLineReach = 300

    /// Prose before the first post header longer than this is an article, and every post is a comment on it.
    static let articleLength = 200

    /// The length of the sentences in a span: lines of eight words or more that end a sentence (menus and
    /// breadcrumbs do not).
    private func proseLength(_ span: TextSpan, _ text: SourceText) -> Int {
        var total = 0
        for line in text.slice(span).split(whereSeparator: \.isNewline) {
            let trimmed = Trim.spaces(String(line))
            guard let last = trimmed.unicodeScalars.last, ScalarKind.isTerminal(last) else { continue }
            if trimmed.split(separator: " ").count >= 8 { total += trimmed.unicodeScalars.count }
        }
        return total
    }

    /// A post's text ends where the buttons and votes under it start ("Reply Share Report", "Was this helpful?").
    private func cutAtButtons(_ post: inout ThreadPost, _ outline: HTMLOutline, _ text: SourceText) {
        for block in outline.blocks where block.start > post.span.start && block.start < post.span.end {
            let words = block.classes.flatMap(ClassWords.words)
            guard words.contains(where: { cues.markup.buttonWords.contains($0) }) else { continue }
            post.span = text.trimmed(TextSpan(post.span.start, block.start))
            return
        }
    }

    /// A post's date from a `datetime` attribute inside it, and its text without the shown date that opens it.
    private func datedFromMarkup(_ post: inout ThreadPost, _ outline: HTMLOutline, _ text: SourceText) {
        for block in outline.blocks where block.start >= post.extent.start && block.start < post.span.end {
            guard let value = block.attributes["datetime"], let date = DateParser.dates(in: value).first else { continue }
            if post.date == nil { post.date = date.iso }
            let shown = text.trimmed(block.span)
            if !shown.isEmpty, shown.start <= post.span.start + 1, shown.end < post.span.end {
                post.span = text.trimmed(TextSpan(shown.end, post.span.end))
            }
            return
        }
    }

    public func extract(_ text: SourceText, regions: [Region], metadata: SourceMetadata) -> [ExtractedComment] {
        extract(text, regions: regions, metadata: metadata, thread: nil)
    }

    func extract(_ text: SourceText, regions: [Region], metadata: SourceMetadata, thread: DiscussionThread?) -> [ExtractedComment] {
        if let thread {
            let drafts = thread.replies.map { post in
                Draft(header: CommentHeader(number: nil, author: post.author ?? "", date: post.date),
                      headerLine: TextSpan(post.extent.start, post.span.start), span: cleaned(post.span, text), date: post.date,
                      parent: post.parent, quotes: post.quotes, nestMarks: post.nestMarks)
            }
            return comments(drafts, text, pageAuthor: thread.opening?.author ?? metadata.author, numbered: false, thread: true)
        }
        return comments(findDrafts(text, regions: regions), text, pageAuthor: metadata.author, numbered: true, thread: false)
    }

    private func comments(_ drafts: [Draft], _ text: SourceText, pageAuthor: String?, numbered: Bool, thread: Bool) -> [ExtractedComment] {
        guard !drafts.isEmpty else { return [] }
        var names = drafts.map(\.header.author)
        if let pageAuthor { names.append(pageAuthor) }
        let identity = AuthorIdentity(names: names, markup: cues.markup)
        let pageAuthorID = pageAuthor.map { identity.id(for: $0) }

        var comments: [ExtractedComment] = []
        comments.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            let body = ScalarText.string(text.scalars, draft.span)
            let lowerScalars = ScalarText.lowered(text.scalars, draft.span)
            let own = ownWords(draft, body: body, lower: lowerScalars, text)
            let ownLower = own == nil ? lowerScalars : Array((own ?? "").lowercased().unicodeScalars)
            // Reply cues sit at the start of a comment; on a thread, after any quote (the header path reads quote
            // credits at the start itself).
            let ownBody = own ?? body
            let afterQuotes = thread && !draft.quotes.isEmpty
            let cueBody = afterQuotes ? ownBody : body
            let lower = String(String.UnicodeScalarView((afterQuotes ? ownLower : lowerScalars).prefix(400)))
            let authorID = identity.id(for: draft.header.author, occurrence: index)
            var comment = ExtractedComment(
                number: numbered ? draft.header.number ?? index + 1 : index + 1,
                author: Self.shownName(draft.header.author),
                authorID: authorID,
                date: draft.header.date ?? draft.date,
                span: draft.span)
            // What the text shows first (a quote, a name), then the nesting: a nested reply on a patient forum
            // answers the thread it sits in, and a name tells better whom.
            comment.replyToIndex = quoteTarget(draft.quotes, text, earlier: comments, identity: identity)
            if comment.replyToIndex == nil, let named = replies.explicitTarget(of: cueBody, lower: lower, earlier: comments, identity: identity) {
                // On a thread, naming the opening poster ("@name, thanks for posting this") speaks to the opening post,
                // unless the opener's reply is just above and this poster is already in the conversation.
                let continuing = named == comments.count - 1 && comments.contains { $0.authorID == authorID }
                comment.replyToIndex = thread && comments[named].authorID == pageAuthorID && !continuing ? nil : named
            }
            if comment.replyToIndex == nil, let parent = draft.parent, parent < comments.count, !(thread && namesOpener(cueBody, pageAuthor)) {
                comment.replyToIndex = parent
                // Under their own post, its poster answers the question just put to them in the same list.
                if comments[parent].authorID == authorID, let previous = comments.last, previous.replyToIndex == parent,
                   previous.isQuestion, previous.authorID != authorID {
                    comment.replyToIndex = comments.count - 1
                }
            }
            // The opening poster answering a reply that spoke to them ("Thanks for this @name", "Hi Name, …").
            if thread, comment.replyToIndex == nil, let pageAuthorID, authorID == pageAuthorID, let previous = comments.last,
               previous.authorID != authorID {
                if let thanked = replies.thanksTarget(of: lower, authorID: authorID, earlier: comments) {
                    comment.replyToIndex = thanked
                } else if previous.replyToIndex == nil && namesOpener(ScalarText.string(text.scalars, previous.span), pageAuthor) {
                    comment.replyToIndex = comments.count - 1
                }
            }
            // A quoted question is someone else's.
            var isQuestion = flags.hasQuestionMark(ownBody) || flags.hasQuestionCue(ownLower)
            if let pageAuthorID, authorID == pageAuthorID {
                // The page's author answering the question just before.
                if comment.replyToIndex == nil, let previous = comments.last, previous.isQuestion, previous.authorID != authorID {
                    comment.replyToIndex = comments.count - 1
                }
                // Following up their own comment ("Nobody has answered yet, so here goes."), the author takes up the
                // latest question of the last few that nobody has answered yet.
                if !thread, comment.replyToIndex == nil, comments.last?.authorID == authorID {
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
                if thread, comment.replyToIndex == nil {
                    let known = { (name: String) -> Bool in
                        guard let reference = identity.reference(name) else { return false }
                        if let pageAuthorID, identity.refers(reference, to: pageAuthorID) { return true }
                        return comments.contains { identity.refers(reference, to: $0.authorID) }
                            || names.contains { PersonName.words($0).contains { $0.hasPrefix(name.lowercased()) } }
                    }
                    comment.replyToIndex = replies.unknownGreetingTarget(of: cueBody, authorID: authorID, earlier: comments, known: known)
                }
                // On a thread, thanks without a name go to the opening post, not to the reply above.
                if !thread, comment.replyToIndex == nil {
                    comment.replyToIndex = replies.thanksTarget(of: lower, authorID: authorID, earlier: comments)
                }
            }
            comment.isPromotional = flags.isPromotional(thread ? ownLower : lowerScalars)
                || flags.linksToOwnSite(ownLower, author: draft.header.author)
            // Answered, a poster goes on with the one who answered them: the reply just above answered their post.
            if thread, comment.replyToIndex == nil, !comment.isPromotional, let previous = comments.last, previous.authorID != authorID,
               !previous.isPromotional, let answered = previous.replyToIndex, comments[answered].authorID == authorID {
                comment.replyToIndex = comments.count - 1
            }
            comments.append(comment)
        }
        return comments
    }

    /// The author as the page shows it: nil when it shows no name (a header with a date and no name).
    static func shownName(_ name: String) -> String? {
        let trimmed = Trim.spaces(name)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether a comment speaks to the opening poster near its start: "@name", or a salutation with their name or
    /// its first letters ("Hi Georgie" to "georgiea").
    func namesOpener(_ body: String, _ opener: String?) -> Bool {
        guard let opener, let first = PersonName.words(opener).first, first.count >= 3 else { return false }
        let head = String(body.prefix(200)).lowercased()
        let compact = PersonName.compact(opener)
        var words: [Substring] = []
        var previousAt = false
        for token in head.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "@" && $0 != "_" }) {
            let word = token.drop { $0 == "@" }
            if token.hasPrefix("@") || previousAt { words.append(word) }
            previousAt = false
            if words.count > 3 { break }
        }
        let salutations = ["hi", "hello", "hey", "dear", "hiya", "thanks", "thank you"]
        let firstLine = head.prefix { $0 != "\n" }
        for salutation in salutations where Phrase.hasPrefix(String(firstLine), salutation) {
            let rest = firstLine.dropFirst(salutation.count).drop { $0 == " " || $0 == "," }
            words.append(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        return words.contains { word in
            let w = PersonName.compact(String(word))
            return w.count >= 4 && (compact.hasPrefix(w) || w.hasPrefix(compact))
        }
    }

    /// The earlier comment a quote block points at: by the name it credits, else by the words it repeats.
    func quoteTarget(_ quotes: [QuotedBlock], _ text: SourceText, earlier: [ExtractedComment], identity: AuthorIdentity) -> Int? {
        for quote in quotes {
            // The quoted words, without the credit line ("Name said:", "Quote from: Name on …").
            let lines = text.slice(quote.span).split(whereSeparator: \.isNewline).filter { line in
                let lower = Trim.spaces(line.lowercased())
                return !cues.quoteIntros.contains { lower.hasPrefix($0) } && !cues.quoteVerbs.contains { lower.hasSuffix($0) }
            }
            // A credit run into the quote ("Name wrote: the words") is no part of the words.
            let words = lines.map { line -> Substring in
                let lower = line.lowercased()
                for verb in cues.quoteVerbs {
                    if let at = lower.range(of: verb + " "), lower.distance(from: lower.startIndex, to: at.lowerBound) <= Self.inlineCreditLength {
                        return line.dropFirst(lower.distance(from: lower.startIndex, to: at.upperBound))
                    }
                }
                return line
            }
            let quoted = Self.squeezed(words.joined(separator: " "))
            let probe = quoted.count >= 20 ? String(quoted.prefix(60)) : nil
            let holds = { (index: Int) -> Bool in probe.map { Self.squeezed(text.slice(earlier[index].span)).contains($0) } ?? false }
            if let name = quote.name, let reference = identity.reference(name) {
                let byName = stride(from: earlier.count - 1, through: 0, by: -1).filter { identity.refers(reference, to: earlier[$0].authorID) }
                if let index = byName.first(where: holds) ?? byName.first { return index }
                continue
            }
            if probe != nil, let index = stride(from: earlier.count - 1, through: 0, by: -1).first(where: holds) { return index }
        }
        return nil
    }

    /// The longest name a credit run into its quote stands for.
    static let inlineCreditLength = 60

    private static func squeezed(_ string: String) -> String {
        string.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == ">" }).joined(separator: " ")
    }

    /// The comment's own words: without quoted lines and blocks, and without the quote marks a Markdown copy nests
    /// the reply itself in. Nil when it quotes nobody.
    func ownWords(_ draft: Draft, body: String, lower: [Unicode.Scalar], _ text: SourceText) -> String? {
        guard draft.nestMarks > 0 else {
            return draft.quotes.isEmpty ? ownText(body, lower) : ownText(draft.span, quotes: draft.quotes, text)
        }
        let plain = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var rest = line[...]
            var dropped = 0
            while dropped < draft.nestMarks, let first = rest.first, first == ">" || first == " " || first == "\t" {
                if first == ">" { dropped += 1 }
                rest = rest.dropFirst()
            }
            return rest
        }.joined(separator: "\n")
        return ownText(plain, Array(plain.lowercased().unicodeScalars)) ?? plain
    }

    /// The comment's text without its quoted blocks.
    func ownText(_ span: TextSpan, quotes: [QuotedBlock], _ text: SourceText) -> String {
        var parts: [String] = []
        var at = span.start
        for quote in quotes.sorted(by: { $0.span.start < $1.span.start }) where quote.span.start >= at {
            parts.append(text.slice(TextSpan(at, min(quote.span.start, span.end))))
            at = max(at, quote.span.end)
        }
        if at < span.end { parts.append(text.slice(TextSpan(at, span.end))) }
        // A quote's credit line ("Quote from: Name on …") sits just before the quote block.
        let joined = parts.joined(separator: "\n")
        return ownText(joined, Array(joined.lowercased().unicodeScalars)) ?? joined
    }

    /// A post's text without a leading date or profile line and trailing link lines ("Reply", "Quote").
    func cleaned(_ span: TextSpan, _ text: SourceText) -> TextSpan {
        var lines: [TextSpan] = []
        var start = span.start
        var i = span.start
        let s = text.scalars
        while i <= span.end {
            if i == span.end || ScalarKind.isNewline(s[i]) {
                let line = text.trimmed(TextSpan(start, i))
                if !line.isEmpty { lines.append(line) }
                start = i + 1
            }
            i += 1
        }
        while let first = lines.first, lines.count > 1, isProfileLine(text.slice(first)) || dateOnly(text.slice(first), first, text) != nil {
            lines.removeFirst()
        }
        return self.span(of: lines, text) ?? span
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
            // Where posts open with strong headers ("Posted by …", "Name says:"), a bare "Name wrote:" inside one
            // introduces a quote, not a post.
            let strongOnly = lines.contains { line in
                !line.isEmpty && headers.mayBeHeader(s, line) && headers.parse(ScalarText.string(s, line))?.isStrong == true
            }
            func close() {
                guard var draft = current else { return }
                draft.span = span(of: contentLines, text) ?? TextSpan(draft.headerLine.end, draft.headerLine.end)
                drafts.append(draft)
                current = nil
                contentLines = []
            }
            for line in lines where !line.isEmpty {
                if headers.mayBeHeader(s, line), !endsSentenceWithoutDigits(s, line), let header = headers.parse(ScalarText.string(s, line)),
                   header.isStrong || !strongOnly {
                    // A "Re: subject" line just before a header belongs to the new post.
                    if let last = contentLines.last, Trim.chars(text.slice(last).lowercased(), "*_# ").hasPrefix("re:") {
                        contentLines.removeLast()
                    }
                    close()
                    var draft = Draft(header: header, headerLine: line, span: TextSpan(line.end, line.end))
                    var lineStart = line.start
                    while lineStart > 0, s[lineStart - 1] == " " || s[lineStart - 1] == "\t" { lineStart -= 1 }
                    draft.indent = line.start - lineStart
                    // Nested by indentation, as text copies of threaded comments show replies.
                    if draft.indent > 0 {
                        draft.parent = drafts.indices.last { drafts[$0].indent < draft.indent }
                    }
                    current = draft
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
        if cues.trailerLines.contains(norm) { return true }
        // "⬆ 41 ⬇ Reply Share": vote counts and arrows around link words.
        let words = norm.split(separator: " ").filter { $0.contains(where: \.isLetter) }
        return !words.isEmpty && words.allSatisfy { cues.trailerLines.contains(String($0)) }
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
