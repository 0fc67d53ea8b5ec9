import EvidenceModel
/// Reads a forum page saved as text where each post carries a marker line with its date and number, under a short
/// block naming the poster: "« Reply #3 on: May 9, 2023, 06:10 PM »" (SMF), "Jun 2, 2021 #4" (XenForo).
///
/// Above the marker stand the poster's box (name, rank, post count) and perhaps a subject line ("Re: …"); the
/// name is the box's first line. Where a lone post number stands over the marker ("#2" over "Old <date>", as
/// vBulletin prints it), or where no box stands above a numbered marker, the box, the profile lines and the subject
/// line come under it instead. The post runs from the marker to the next poster's box; a line of buttons
/// ("Like Reply Report") or a post-end line ("Logged") closes it, and what follows such a line is a signature.
/// Quotes open with a credit ("Quote from: Name on …", "Name said:") and run to a blank line or a closing line
/// ("Click to expand...").
struct MarkedTextThreadReader: Sendable {
    let headers: CommentHeaderParser
    let cues: TextThreadCues
    let quoteCues: QuoteNames
    /// Words of button lines under a post ("reply", "report", "like").
    let trailerWords: Set<String>
    /// Starts of the lines in a poster's box ("join date:", "posts:").
    let profileLines: [String]

    static let minimumPosts = 2
    /// A marker line is short: a date, a number and a word or two.
    static let markerLength = 80
    /// The poster's box: a name and a few lines of rank and counts.
    static let boxLines = 5
    /// Prose before the first post longer than this is an article, and every post is a comment on it.
    static let articleLength = 200

    struct Marker {
        var line: Int
        var date: String
        /// First line of the poster's box: where the post starts on the page.
        var boxStart: Int
        var author: String
        /// The post's first line after its header.
        var bodyFrom: Int
    }

    func read(_ text: SourceText) -> DiscussionThread? {
        let lines = TextLine.lines(of: text)
        var markers: [Marker] = []
        for index in lines.indices {
            let numberAbove = index > 0 && isPostNumber(lines[index - 1], text)
            guard let date = markerDate(lines[index], text, numbered: numberAbove) else { continue }
            if numberAbove {
                // "#2" over "Old <date>", the poster's box under them (vBulletin).
                guard let box = posterBox(below: index, lines, text) else { continue }
                markers.append(Marker(line: index, date: date, boxStart: index - 1, author: box.name, bodyFrom: box.bodyFrom))
            } else if let box = posterBox(above: index, lines, text) {
                markers.append(Marker(line: index, date: date, boxStart: box.start, author: box.name, bodyFrom: index + 1))
            } else if let box = posterBox(below: index, lines, text) {
                // "Old <date> #3" with the poster's box under it (vBulletin printing the number on the date line).
                markers.append(Marker(line: index, date: date, boxStart: index, author: box.name, bodyFrom: box.bodyFrom))
            }
        }
        guard markers.count >= Self.minimumPosts else { return nil }
        var posts: [ThreadPost] = []
        for (k, marker) in markers.enumerated() {
            let end = k + 1 < markers.count ? markers[k + 1].boxStart : lines.count
            guard let span = body(from: marker.bodyFrom, to: end, lines, text) else { continue }
            let extent = TextSpan(lines[marker.boxStart].content.start, span.end)
            posts.append(ThreadPost(author: marker.author, date: marker.date, span: span, extent: extent,
                                    quotes: quotes(in: span, lines, text)))
        }
        guard posts.count >= Self.minimumPosts else { return nil }
        let prose = lines[..<markers[0].boxStart].filter { line in
            line.endsSentence && line.wordCount >= 8
        }.map(\.length).reduce(0, +)
        if prose >= Self.articleLength { return DiscussionThread(opening: nil, replies: posts) }
        return DiscussionThread(opening: posts.removeFirst(), replies: posts)
    }

    /// The date of a marker line: a short line holding a date and a post number or "on:", and besides them only
    /// marker words ("Reply #3 on:").
    func markerDate(_ line: TextLine, _ text: SourceText, numbered numberAbove: Bool = false) -> String? {
        guard !line.isBlank, line.length <= Self.markerLength, line.hasDigit,
              let date = DateParser.dates(in: text.scalars, range: line.content).first else { return nil }
        let raw = text.slice(line.content)
        let rest = (text.slice(TextSpan(line.content.start, date.span.start)) + " " + text.slice(TextSpan(date.span.end, line.content.end))).lowercased()
        let numbered = rest.range(of: #"#\s?\d"#, options: .regularExpression) != nil
        let credited = cues.markerIntros.contains { raw.lowercased().contains($0) }
        guard numbered || credited || numberAbove else { return nil }
        let words = rest.split { !$0.isLetter }.map(String.init)
        guard words.allSatisfy({ cues.markerWords.contains($0) }) else { return nil }
        return date.iso
    }

    /// The poster's box above a marker: the block of short lines right above it, or the one above a subject line.
    func posterBox(above marker: Int, _ lines: [TextLine], _ text: SourceText) -> (start: Int, name: String)? {
        var end = marker
        for _ in 0..<2 {
            // Blank lines, then the block of lines just above.
            while end > 0, lines[end - 1].isBlank { end -= 1 }
            var start = end
            while start > 0, !lines[start - 1].isBlank, end - start < Self.boxLines + 1 { start -= 1 }
            guard start < end else { return nil }
            let first = Trim.chars(text.slice(lines[start].content), "*_#")
            if end - start <= Self.boxLines, lines[start].length <= 40, headers.isName(first), !isButtons(first) {
                return (start, first)
            }
            // A subject line ("Re: …", the topic's title) between the box and the marker.
            guard end - start == 1 else { return nil }
            end = start
        }
        return nil
    }

    /// A line that is only a post number ("#2"), perhaps with marker words ("#2 (permalink)").
    func isPostNumber(_ line: TextLine, _ text: SourceText) -> Bool {
        let raw = Trim.spaces(text.slice(line.content))
        guard raw.hasPrefix("#"), raw.count <= Self.postNumberLength else { return false }
        let afterMark = raw.dropFirst().drop { $0 == " " }
        let digits = afterMark.prefix { $0.isNumber }
        guard !digits.isEmpty else { return false }
        let words = afterMark.dropFirst(digits.count).split { !$0.isLetter }.map { $0.lowercased() }
        return words.allSatisfy { cues.markerWords.contains($0) }
    }

    /// "#12345 (permalink)": a number and a marker word or two.
    static let postNumberLength = 30

    /// The poster's box under a marker: a name, perhaps a rank, then blocks of profile lines ("Join Date: …") and
    /// a subject line ("Re: …", the topic's title), which the post's text follows.
    func posterBox(below marker: Int, _ lines: [TextLine], _ text: SourceText) -> (name: String, bodyFrom: Int)? {
        var index = marker + 1
        while index < lines.count, lines[index].isBlank { index += 1 }
        guard index < lines.count, lines[index].length <= 40 else { return nil }
        let name = Trim.chars(text.slice(lines[index].content), "*_#")
        guard headers.isName(name), !isButtons(name) else { return nil }
        // Past the rest of the box, the profile blocks and a subject line.
        while index < lines.count, !lines[index].isBlank { index += 1 }
        let title = lines.prefix(Self.titleLines).map { text.slice($0.content).lowercased() }
        while index < lines.count {
            while index < lines.count, lines[index].isBlank { index += 1 }
            var end = index
            while end < lines.count, !lines[end].isBlank { end += 1 }
            guard index < end else { break }
            let block = lines[index..<end].map { Trim.spaces(text.slice($0.content).lowercased()) }
            let profile = block.allSatisfy { line in profileLines.contains { line.hasPrefix($0) } }
            let subject = block.count == 1 && (block[0].hasPrefix("re:") || title.contains { !block[0].isEmpty && $0.hasPrefix(block[0]) })
            guard profile || subject else { break }
            index = end
        }
        return (name, index)
    }

    /// Lines of the page's head that may hold the thread's title.
    static let titleLines = 3

    /// The post's lines up to a button line or a post-end line ("Logged"): what follows them is a signature.
    func body(from first: Int, to end: Int, _ lines: [TextLine], _ text: SourceText) -> TextSpan? {
        var last: Int?
        var index = first
        while index < end {
            let line = lines[index]
            if !line.isBlank {
                let lower = Trim.spaces(text.slice(line.content).lowercased())
                // A lone "Quote:" over a quote is a label, not a button: buttons close a post that has begun.
                if cues.postEndLines.contains(lower) || last != nil && isButtons(lower) || isRule(lower)
                    || cues.pageEndPrefixes.contains(where: { lower.hasPrefix($0) }) { break }
                last = index
            }
            index += 1
        }
        guard let last, let start = (first...last).first(where: { !lines[$0].isBlank }) else { return nil }
        return TextSpan(lines[start].content.start, lines[last].content.end)
    }

    /// "__________________": the rule over a signature.
    private func isRule(_ line: String) -> Bool {
        line.count >= 2 && line.allSatisfy { "_-=~".contains($0) }
    }

    /// "Like Reply Report": every word a button's.
    private func isButtons(_ line: String) -> Bool {
        let words = line.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
        return !words.isEmpty && words.allSatisfy { trailerWords.contains($0) }
    }

    /// Quotes inside a post: from a credit line to a blank line or a closing line ("Click to expand...").
    func quotes(in span: TextSpan, _ lines: [TextLine], _ text: SourceText) -> [QuotedBlock] {
        let inside = lines.filter { $0.content.start >= span.start && $0.content.end <= span.end }
        var found: [QuotedBlock] = []
        var index = 0
        while index < inside.count {
            defer { index += 1 }
            let line = inside[index]
            guard !line.isBlank, let name = quoteCues.name(in: text.slice(line.content)) else { continue }
            var end = line.content.end
            while index + 1 < inside.count, !inside[index + 1].isBlank {
                index += 1
                end = inside[index].content.end
                if cues.quoteEndLines.contains(Trim.spaces(text.slice(inside[index].content).lowercased())) { break }
            }
            found.append(QuotedBlock(span: TextSpan(line.content.start, end), name: name))
        }
        return found
    }
}
