import EvidenceModel
/// Reads the posts of a thread written as plain text or Markdown: in the "name line, date line, body" layout
/// (patient-community pages saved as text: a short line with the poster's name, the next line only a date, then the
/// post), or under one-line headers of a name and a time ("u/name · OP · 2y", as link aggregators print them).
/// A post indented further than the one above it is nested under it, as such pages show replies to a reply.
/// A post whose whole text is a removal notice ("[removed]") is no post.
///
/// The first post is the thread's opening post when nothing but a title comes before it; otherwise the page is an
/// article and every post is a reply to it.
struct TextThreadReader: Sendable {
    let headers: CommentHeaderParser
    let cues: TextThreadCues
    /// A line that starts the page's furniture ("More posts you may like", "Related threads"): the last post ends
    /// before it.
    let startsFurniture: @Sendable (TextLine) -> Bool
    /// A page needs at least this many posts to be read as a thread.
    static let minimumPosts = 2
    /// Lines of text before the first post that still count as a title (a heading, a subtitle).
    static let titleLines = 3

    struct Header {
        var line: Int
        var author: String
        var date: String?
        var indent: Int
        /// Lines the header takes (two for a name line and a date line).
        var lines: Int
    }

    func read(_ text: SourceText) -> DiscussionThread? {
        let lines = TextLine.lines(of: text)
        var found: [Header] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            if let header = header(at: index, lines, text) ?? oneLineHeader(at: index, lines, text) {
                found.append(header)
                index += header.lines - 1
            }
        }
        guard found.count >= Self.minimumPosts else { return nil }
        let before = lines[..<found[0].line].filter { !$0.isBlank }.count
        let baseIndent = found.map(\.indent).min() ?? 0
        var posts: [(post: ThreadPost, depth: Int)] = []
        for (k, header) in found.enumerated() {
            let bodyStart = lines[header.line + header.lines - 1].full.end
            var bodyEnd = k + 1 < found.count ? lines[found[k + 1].line].full.start : text.count
            if k + 1 == found.count,
               let furniture = lines[(header.line + header.lines)...].first(where: { !$0.isBlank && startsFurniture($0) }) {
                bodyEnd = furniture.full.start
            }
            let span = text.trimmed(TextSpan(bodyStart, max(bodyStart, bodyEnd)))
            let extent = TextSpan(lines[header.line].content.start, span.end)
            let depth = max(0, (header.indent - baseIndent + 1) / 4)
            // A removal notice, perhaps with the vote and link line under it.
            let bodyLines = text.slice(span).split(whereSeparator: \.isNewline)
            if let first = bodyLines.first, bodyLines.count <= 2, cues.removedBodies.contains(Trim.spaces(first.lowercased())) { continue }
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
        guard index + 1 < lines.count else { return nil }
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
        return Header(line: index, author: name, date: date.iso, indent: indent, lines: 2)
    }

    /// "u/name · OP · 2y", "Posted by u/name · 3 hours ago", "name · 12 March 2021": a name, then after a
    /// separator only a time and role marks.
    private func oneLineHeader(at index: Int, _ lines: [TextLine], _ text: SourceText) -> Header? {
        let line = lines[index]
        guard !line.isBlank, line.length <= 100, line.hasDigit || line.norm.contains("ago") else { return nil }
        let raw = text.slice(line.content)
        guard let separator = cues.headerSeparators.first(where: { raw.contains($0) }) else { return nil }
        let parts = raw.components(separatedBy: separator).map { Trim.spaces($0) }
        guard parts.count >= 2, parts.count <= 4 else { return nil }
        var name = parts[0]
        for prefix in cues.handlePrefixes where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        for prefix in cues.handlePrefixes where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        // "[deleted]" stands where a removed account's name was.
        guard headers.isName(Trim.chars(name, "[]")), name.split(separator: " ").count <= 3 else { return nil }
        var date: String?
        var sawTime = false
        for part in parts.dropFirst() {
            if let found = DateParser.dates(in: part).first {
                date = found.iso
                sawTime = true
            } else if isRelativeTime(part) {
                sawTime = true
            } else if part.unicodeScalars.count > 12 || part.contains(where: \.isNumber) {
                return nil
            }
        }
        guard sawTime else { return nil }
        return Header(line: index, author: name, date: date, indent: line.content.start - line.full.start, lines: 1)
    }

    /// "2y", "3 hours ago", "5d ago", "just now".
    private func isRelativeTime(_ part: String) -> Bool {
        var words = part.lowercased().split(separator: " ").map(String.init)
        for word in cues.relativeTimeWords where !word.contains(" ") { words.removeAll { $0 == word } }
        if cues.relativeTimeWords.contains(where: { $0.contains(" ") && part.lowercased().contains($0) }) { return true }
        let joined = words.joined()
        let digits = joined.prefix { $0.isNumber }
        guard !digits.isEmpty else { return false }
        return cues.relativeTimeUnits.contains(String(joined.dropFirst(digits.count)))
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
