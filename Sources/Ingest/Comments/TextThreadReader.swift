import EvidenceModel
/// Reads the posts of a thread written as plain text or Markdown in the "name line, date line, body" layout
/// (patient-community pages saved as text): a short line with the poster's name, the next line only a date, then
/// the post. A post indented further than the one above it is nested under it, as such pages show replies to a
/// reply.
///
/// The first post is the thread's opening post when nothing but a title comes before it; otherwise the page is an
/// article and every post is a reply to it.
struct TextThreadReader: Sendable {
    let headers: CommentHeaderParser
    /// A page needs at least this many posts to be read as a thread.
    static let minimumPosts = 2
    /// Lines of text before the first post that still count as a title (a heading, a subtitle).
    static let titleLines = 3

    struct Header {
        var line: Int
        var author: String
        var date: String
        var indent: Int
    }

    func read(_ text: SourceText) -> DiscussionThread? {
        let lines = TextLine.lines(of: text)
        var found: [Header] = []
        var index = 0
        while index + 1 < lines.count {
            defer { index += 1 }
            if let header = header(at: index, lines, text) {
                found.append(header)
                index += 1
            }
        }
        guard found.count >= Self.minimumPosts else { return nil }
        let before = lines[..<found[0].line].filter { !$0.isBlank }.count
        let baseIndent = found.map(\.indent).min() ?? 0
        var posts: [(post: ThreadPost, depth: Int)] = []
        for (k, header) in found.enumerated() {
            let bodyStart = lines[header.line + 1].full.end
            let bodyEnd = k + 1 < found.count ? lines[found[k + 1].line].full.start : text.count
            let span = text.trimmed(TextSpan(bodyStart, max(bodyStart, bodyEnd)))
            let extent = TextSpan(lines[header.line].content.start, span.end)
            let depth = max(0, (header.indent - baseIndent + 1) / 4)
            posts.append((ThreadPost(author: header.author, date: header.date, span: span, extent: extent,
                                     quotes: quotedLines(span, text)), depth))
        }
        var opening: ThreadPost?
        if before <= Self.titleLines, posts.first?.depth == 0 {
            opening = posts.removeFirst().post
        }
        // A nested post sits under the nearest post above it that is one level shallower.
        var replies: [ThreadPost] = []
        for (k, entry) in posts.enumerated() {
            var post = entry.post
            if entry.depth > 0 {
                post.parent = stride(from: k - 1, through: 0, by: -1).first { posts[$0].depth < entry.depth }
            }
            replies.append(post)
        }
        return DiscussionThread(opening: opening, replies: replies)
    }

    /// A name line followed by a line that is only a date, after a blank line (or at the top).
    private func header(at index: Int, _ lines: [TextLine], _ text: SourceText) -> Header? {
        let line = lines[index]
        guard !line.isBlank, line.length <= 60, !line.endsSentence, index == 0 || lines[index - 1].isBlank else { return nil }
        let dateLine = lines[index + 1]
        guard !dateLine.isBlank, dateLine.length <= 40, dateLine.hasDigit else { return nil }
        let indent = line.content.start - line.full.start
        guard dateLine.content.start - dateLine.full.start == indent else { return nil }
        guard let date = DateParser.dates(in: text.scalars, range: dateLine.content).first,
              dateOnly(date.span, dateLine.content, text) else { return nil }
        let name = text.slice(line.content)
        guard headers.isName(name) else { return nil }
        return Header(line: index, author: name, date: date.iso, indent: indent)
    }

    /// Whether the date fills its line but for a time ("2020-02-22T02:32+00:00", "3 March 2019, 14:02").
    private func dateOnly(_ date: TextSpan, _ line: TextSpan, _ text: SourceText) -> Bool {
        let rest = text.slice(TextSpan(line.start, date.start)) + text.slice(TextSpan(date.end, line.end))
        let letters = rest.lowercased().filter(\.isLetter)
        return letters.count <= 4
    }

    /// "> quoted" lines inside a post.
    func quotedLines(_ span: TextSpan, _ text: SourceText) -> [QuotedBlock] {
        var quotes: [QuotedBlock] = []
        var start = span.start
        let s = text.scalars
        var i = span.start
        while i <= span.end {
            if i == span.end || ScalarKind.isNewline(s[i]) {
                let line = text.trimmed(TextSpan(start, i))
                if !line.isEmpty, s[line.start] == ">" {
                    if let last = quotes.last, text.slice(TextSpan(last.span.end, line.start)).allSatisfy(\.isWhitespace) {
                        quotes[quotes.count - 1].span.end = line.end
                    } else {
                        quotes.append(QuotedBlock(span: line, name: nil))
                    }
                }
                start = i + 1
            }
            i += 1
        }
        return quotes
    }
}
