import EvidenceModel
/// Reads the posts of a thread written as plain text or Markdown: in the "name line, date line, body" layout
/// (patient-community pages saved as text: a short line with the poster's name, the next line only a date, then the
/// post), or under one-line headers of a name and a time ("u/name · OP · 2y", as link aggregators print them).
/// A post indented further than the one above it is nested under it, as such pages show replies to a reply.
/// A post whose whole text is a removal notice ("[removed]") is no post. Comment lists copied as Markdown nest a
/// reply in quote marks instead ("> **Name** → Other • 4 years ago"): a header under more marks than the post above
/// is nested under it, and in its text only lines with still more marks quote someone.
///
/// The first post is the thread's opening post when nothing but a title comes before it; otherwise the page is an
/// article and every post is a reply to it.
struct TextThreadReader: Sendable {
    let headers: CommentHeaderParser
    let cues: TextThreadCues
    /// A line that starts the page's furniture ("More posts you may like", "Related threads"): the last post ends
    /// before it.
    let startsFurniture: @Sendable (TextLine) -> Bool
    /// Words of button lines under a post ("Reply • Share ›"), which are not its text.
    var trailerWords: Set<String> = []
    /// Role marks after a name ("Mod", "OP"), which are not part of it.
    var badges: Set<String> = []
    /// Signs between a reply's poster and the poster it answers ("Name → Other").
    static let replyArrows: [Character] = ["\u{2192}", "\u{21AA}", "\u{27A6}", "\u{21B3}"]
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
        /// Quote marks before the header (a Markdown copy's nesting).
        var marks: Int = 0
    }

    func read(_ text: SourceText) -> DiscussionThread? {
        let raw = TextLine.lines(of: text)
        let marks = raw.map { Self.quoteMarks($0, text) }
        let lines = raw.indices.map { Self.unmarked(raw[$0], marks[$0], text) }
        var found: [Header] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            if var header = header(at: index, lines, text) ?? oneLineHeader(at: index, lines, text) {
                header.marks = marks[index]
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
               let furniture = lines[(header.line + header.lines)...].first(where: { !$0.isBlank && (startsFurniture($0) || endsPage($0, text)) }) {
                bodyEnd = furniture.full.start
            }
            var span = withoutTrailers(text.trimmed(TextSpan(bodyStart, max(bodyStart, bodyEnd))), text)
            // A nested reply's text starts after the quote marks of its first lines.
            while header.marks > 0, span.start < span.end, text.scalars[span.start] == ">" || ScalarKind.isWhitespace(text.scalars[span.start]) {
                span = TextSpan(span.start + 1, span.end)
            }
            let extent = TextSpan(lines[header.line].content.start, span.end)
            let depth = max(0, (header.indent - baseIndent + 1) / 4) + header.marks
            // A removal notice, perhaps with the vote and link line under it.
            let bodyLines = text.slice(span).split(whereSeparator: \.isNewline)
            if let first = bodyLines.first, bodyLines.count <= 2, cues.removedBodies.contains(Trim.spaces(first.lowercased())) { continue }
            var post = ThreadPost(author: header.author, date: header.date, span: span, extent: extent,
                                  quotes: quotedLines(span, text, marks: header.marks))
            post.nestMarks = header.marks
            posts.append((post, depth))
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
        // The date line: a date, or a time relative to when the page was saved ("4 years ago"), which gives no date.
        var iso: String?
        if let date = DateParser.dates(in: text.scalars, range: dateLine.content).first, dateOnly(date.span, dateLine.content, text) {
            iso = date.iso
        } else if !isRelativeTime(text.slice(dateLine.content)) {
            return nil
        }
        let name = text.slice(line.content)
        guard headers.isName(name) else { return nil }
        return Header(line: index, author: name, date: iso, indent: indent, lines: 2)
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
        var name = postersName(parts[0])
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

    /// The poster's part of a one-line header: without Markdown emphasis ("**Name**"), the poster answered
    /// ("Name → Other") and role marks after the name ("Name Mod", "name OP").
    func postersName(_ raw: String) -> String {
        var name = raw
        if let arrow = name.firstIndex(where: { Self.replyArrows.contains($0) }) { name = String(name[..<arrow]) }
        name = Trim.spaces(name.replacingOccurrences(of: "**", with: ""))
        var words = name.split(separator: " ")
        while words.count > 1, let last = words.last, badges.contains(last.lowercased()) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// "Powered by …", "Also on …": a line of the page after the last post.
    private func endsPage(_ line: TextLine, _ text: SourceText) -> Bool {
        guard !line.endsSentence else { return false }
        let lower = Trim.chars(Trim.spaces(text.slice(line.content).lowercased()), "*_")
        return cues.pageEndPrefixes.contains { lower.hasPrefix($0) }
    }

    /// How many quote marks open a line ("> > text": two).
    static func quoteMarks(_ line: TextLine, _ text: SourceText) -> Int {
        var count = 0
        for scalar in text.scalars[line.content.start..<line.content.end] {
            if scalar == ">" { count += 1 } else if scalar != " " && scalar != "\t" { break }
        }
        return count
    }

    /// The line past its quote marks.
    static func unmarked(_ line: TextLine, _ marks: Int, _ text: SourceText) -> TextLine {
        guard marks > 0 else { return line }
        var seen = 0
        var at = line.content.start
        while at < line.content.end, seen < marks {
            if text.scalars[at] == ">" { seen += 1 }
            at += 1
        }
        var inner = line
        inner.content = text.trimmed(TextSpan(at, line.content.end))
        return inner
    }

    /// The post's text without the button lines and bare quote marks under it ("2 • Reply • Share ›", ">").
    func withoutTrailers(_ span: TextSpan, _ text: SourceText) -> TextSpan {
        var result = span
        while !result.isEmpty {
            var lineStart = result.end
            while lineStart > result.start, !ScalarKind.isNewline(text.scalars[lineStart - 1]) { lineStart -= 1 }
            guard lineStart > result.start else { break }
            let last = text.slice(TextSpan(lineStart, result.end))
            let words = last.lowercased().split { !$0.isLetter }.map(String.init)
            let buttons = !words.isEmpty && words.allSatisfy { trailerWords.contains($0) }
            let bare = !last.contains(where: { $0.isLetter || $0.isNumber })
            guard buttons || bare else { break }
            result = text.trimmed(TextSpan(result.start, lineStart))
        }
        return result
    }

    /// "2y", "3 hours ago", "5d ago", "just now".
    private func isRelativeTime(_ part: String) -> Bool { cues.isRelativeTime(part) }

    /// Whether the date fills its line but for a time ("2020-02-22T02:32+00:00", "3 March 2019, 14:02").
    private func dateOnly(_ date: TextSpan, _ line: TextSpan, _ text: SourceText) -> Bool {
        let rest = text.slice(TextSpan(line.start, date.start)) + text.slice(TextSpan(date.end, line.end))
        let letters = rest.lowercased().filter(\.isLetter)
        return letters.count <= 4
    }

    /// "> quoted" lines inside a post: lines with more quote marks than the post's own header.
    func quotedLines(_ span: TextSpan, _ text: SourceText, marks: Int = 0) -> [QuotedBlock] {
        var quotes: [QuotedBlock] = []
        var start = span.start
        let s = text.scalars
        var i = span.start
        while i <= span.end {
            if i == span.end || ScalarKind.isNewline(s[i]) {
                let line = text.trimmed(TextSpan(start, i))
                if !line.isEmpty, s[line.start] == ">", Self.marks(in: text.slice(line)) > marks {
                    if let last = quotes.last, text.slice(TextSpan(last.span.end, line.start)).allSatisfy(\.isWhitespace) {
                        quotes[quotes.count - 1].span.end = line.end
                    } else {
                        quotes.append(QuotedBlock(span: line, name: credit(text.slice(line))))
                    }
                }
                start = i + 1
            }
            i += 1
        }
        return quotes
    }

    /// The name a quote opens with on a line of its own ("> **name:**", "> name said:").
    func credit(_ line: String) -> String? {
        let bare = Trim.chars(Trim.spaces(line.drop { $0 == ">" || $0 == " " }.replacingOccurrences(of: "**", with: "")), "_")
        guard bare.hasSuffix(":") else { return nil }
        var name = String(bare.dropLast())
        for verb in [" said", " wrote", " writes", " says"] where name.lowercased().hasSuffix(verb) { name = String(name.dropLast(verb.count)) }
        name = Trim.spaces(name)
        return headers.isName(name) && name.split(separator: " ").count <= 3 ? name : nil
    }

    static func marks(in line: String) -> Int {
        var count = 0
        for c in line {
            if c == ">" { count += 1 } else if c != " " && c != "\t" { break }
        }
        return count
    }
}
