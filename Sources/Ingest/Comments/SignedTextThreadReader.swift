import EvidenceModel

/// Reads a Q&A thread whose posts are signed under their text, as Q&A sites print them in text or Markdown:
/// a post, then "asked Jan 4, 2021 at 16:20 — Name" or "answered … — Name", then its comments, one a line,
/// each ending in "– Name <date>" ("> Welcome. Can you add more? – Vell Jan 4, 2021 at 17:02"). Posts are
/// separated by rules ("---"). The first post is the question, the source's own text; answers and comments are
/// the comments, a comment nested under the answer it follows.
struct SignedTextThreadReader: Sendable {
    let headers: CommentHeaderParser
    let cues: TextThreadCues

    func read(_ text: SourceText) -> DiscussionThread? {
        let lines = TextLine.lines(of: text)
        var posts: [ThreadPost] = []
        var isAnswer: [Bool] = []
        var segmentStart = 0
        var currentPost: Int?
        var sawQuestion = false
        for (index, line) in lines.enumerated() where !line.isBlank {
            let raw = text.slice(line.content)
            if cues.postRules.contains(Trim.spaces(raw)) {
                segmentStart = index + 1
                continue
            }
            if let (name, date) = attribution(raw) {
                // The post is the prose of its segment: from its first sentence line to its last.
                let prose = lines[segmentStart..<index].filter { line in
                    !line.isBlank && !line.isHeading && line.endsSentence && line.wordCount >= 8 && !text.slice(line.content).hasPrefix(">")
                }
                segmentStart = index + 1
                guard let first = prose.first, let last = prose.last else { continue }
                let span = TextSpan(first.content.start, last.content.end)
                posts.append(ThreadPost(author: name, date: date, span: span, extent: TextSpan(span.start, line.content.end)))
                isAnswer.append(sawQuestion)
                sawQuestion = true
                currentPost = posts.count - 1
                continue
            }
            if raw.hasPrefix(">"), let comment = signedComment(line, text) {
                var post = comment
                // Under the question, a comment answers the thread; under an answer, the answer.
                post.parent = currentPost.flatMap { isAnswer[$0] ? $0 : nil }
                posts.append(post)
                isAnswer.append(true)
                segmentStart = index + 1
            }
        }
        guard posts.count >= 2, let question = isAnswer.firstIndex(of: false), question == 0 else { return nil }
        // Indices shift by one once the question leaves the list.
        var replies = Array(posts.dropFirst())
        for k in replies.indices { replies[k].parent = replies[k].parent.map { $0 - 1 } }
        return DiscussionThread(opening: posts[0], replies: replies)
    }

    /// "answered Jan 5, 2021 at 9:11 — **Name** 8,412 rep" → (Name, 2021-01-05).
    private func attribution(_ raw: String) -> (String, String?)? {
        // Most lines of a page are paragraphs: the length check comes before any copy of the line.
        guard raw.unicodeScalars.count <= 200 else { return nil }
        let line = raw.replacingOccurrences(of: "*", with: "")
        let lower = line.lowercased()
        guard line.unicodeScalars.count <= 160, cues.attributionVerbs.contains(where: { Phrase.hasPrefix(lower, $0) }),
              let date = DateParser.dates(in: line).first else { return nil }
        for separator in cues.attributionSeparators {
            guard let range = line.range(of: separator, options: .backwards) else { continue }
            let after = Trim.spaces(String(line[range.upperBound...]))
            let name = nameWords(after)
            if !name.isEmpty, headers.isName(name) { return (name, date.iso) }
        }
        return nil
    }

    /// "> text – **Name** Jan 4, 2021 at 17:02": the comment's text and its signer.
    private func signedComment(_ line: TextLine, _ text: SourceText) -> ThreadPost? {
        let raw = text.slice(line.content)
        for separator in cues.attributionSeparators where separator != "by" {
            guard let range = raw.range(of: separator, options: .backwards) else { continue }
            let after = Trim.spaces(String(raw[range.upperBound...]).replacingOccurrences(of: "*", with: ""))
            let name = nameWords(after)
            guard !name.isEmpty, headers.isName(name), after.contains(where: \.isNumber) else { continue }
            // The comment's words: after the ">" and before the separator.
            let before = raw[..<range.lowerBound]
            let lead = raw.prefix { $0 == ">" || $0 == " " }.unicodeScalars.count
            let end = line.content.start + before.unicodeScalars.count
            let span = text.trimmed(TextSpan(line.content.start + lead, end))
            guard !span.isEmpty else { return nil }
            return ThreadPost(author: name, date: DateParser.dates(in: after).first?.iso, span: span, extent: line.content)
        }
        return nil
    }

    /// The name at the start of a signature, up to the first word without letters or a month name.
    private func nameWords(_ string: String) -> String {
        var words: [Substring] = []
        for word in string.split(separator: " ") {
            guard word.contains(where: \.isLetter), DateParser.months[Trim.chars(word.lowercased(), ".,")] == nil else { break }
            words.append(word)
            if words.count == 4 { break }
        }
        return words.joined(separator: " ")
    }
}
