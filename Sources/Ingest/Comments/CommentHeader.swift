import EvidenceModel
/// The header line of one comment or forum post: who wrote it, its printed number, its date.
struct CommentHeader: Sendable, Hashable {
    var number: Int?
    var author: String
    /// ISO 8601, when the header shows a date.
    var date: String?
    /// Numbered, dated, "says:" or "Posted by" headers can open a comment section on their own; a bare
    /// "Name said:" or "Name wrote:" may just as well introduce a quote in an article.
    var isStrong = true
}

/// Recognises comment headers in the layouts of blogs and forums:
/// "12. Name Says:", "Name says: March 3, 2019 at 4:12 pm", "Name on 3 March 2019", "Name | 2019-03-03",
/// "Posted by Name on …", "Post by Name » …", "#3 Name", "Reply #3 by Name", "On March 3, 2019, Name wrote:".
/// Lines longer than a header can be are refused at once, so running this on every line is cheap.
struct CommentHeaderParser: Sendable {
    let cues: CommentCues
    static let maxHeaderLength = 160
    static let maxHeaderWords = 16

    private let cueWords: PhraseMatcher
    private let postPrefixWords: [[String]]

    init(cues: CommentCues) {
        self.cues = cues
        var words = Array(cues.headerVerbs)
        for prefix in cues.postPrefixes { words.append(contentsOf: prefix.split(separator: " ").map(String.init)) }
        words += ["post", "reply", "comment", "quote", "on"]
        cueWords = PhraseMatcher(words)
        postPrefixWords = cues.postPrefixes.map { $0.split(separator: " ").map(String.init) }
    }

    /// A cheap test that rules out most lines before `parse`: a header is short and carries a digit (a date,
    /// a number), a "#", or one of the words headers are made of.
    func mayBeHeader(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        guard span.length >= 2, span.length <= Self.maxHeaderLength, span.end <= scalars.count else { return false }
        var lower: [Unicode.Scalar] = []
        lower.reserveCapacity(span.length)
        for i in span.start..<span.end {
            let c = scalars[i]
            if ScalarKind.isDigit(c) || c == "#" || c == "\u{BB}" { return true }
            lower.append(ScalarKind.lowerASCII(c))
        }
        return cueWords.occursAsWord(in: lower)
    }

    func parse(_ rawLine: String) -> CommentHeader? {
        // Headers are short: a name, a verb or prefix, a date and time. A longer line is prose.
        var spaces = 0
        var length = 0
        var stars = false
        for scalar in rawLine.unicodeScalars {
            length += 1
            if scalar == " " { spaces += 1 } else if scalar == "*" { stars = true }
            if spaces > Self.maxHeaderWords || length > Self.maxHeaderLength + 40 { return nil }
        }
        // Markdown emphasis around names and labels ("**Deborah K.** on …") is no part of them.
        let line = Trim.spaces(stars ? String(String.UnicodeScalarView(rawLine.unicodeScalars.filter { $0 != "*" })) : rawLine)
        length = line.unicodeScalars.count
        guard length >= 2, length <= Self.maxHeaderLength else { return nil }
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).map(String.init)
        // A list bullet before the header (comment lists rendered from HTML).
        if let first = words.first, first.unicodeScalars.count == 1, let mark = first.unicodeScalars.first,
           ["\u{2022}", "-", "*", "\u{00B7}", "\u{25E6}"].contains(mark) {
            words.removeFirst()
        }
        guard !words.isEmpty else { return nil }

        // A printed number: "12.", "12)", "#12", "Reply #12", "Comment #12".
        var number: Int?
        var hashNumber = false
        if words.count >= 2, ["reply", "comment", "post", "answer", "response"].contains(words[0].lowercased()),
           words[1].hasPrefix("#"), let n = Int(Trim.chars(String(words[1].dropFirst()), ":")) {
            number = n
            hashNumber = true
            words.removeFirst(2)
        } else if words[0].hasPrefix("#"), let n = Int(Trim.chars(String(words[0].dropFirst()), ":")) {
            number = n
            hashNumber = true
            words.removeFirst()
        } else if let last = words[0].last, last == "." || last == ")", let n = Int(words[0].dropLast()), n >= 0, n < 100_000 {
            number = n
            words.removeFirst()
        }
        guard !words.isEmpty else { return nil }
        let lower = words.map { $0.lowercased() }

        // "Posted by Name on <date>", "Post by Name » <date>".
        for (prefix, prefixWords) in zip(cues.postPrefixes, postPrefixWords) {
            guard lower.count > prefixWords.count, Array(lower.prefix(prefixWords.count)) == prefixWords else { continue }
            let rest = Array(words.dropFirst(prefixWords.count))
            var nameWords: [String] = []
            for word in rest {
                let l = word.lowercased()
                // Stop at a separator or a date ("kale_and_k2" is a name, "04/11/2022" is not).
                if cues.separators.contains(l) || !word.unicodeScalars.contains(where: ScalarKind.isLetter) { break }
                if months(l), nameWords.count >= 1 { break }
                nameWords.append(word)
            }
            let name = Trim.chars(nameWords.joined(separator: " "), ",:")
            guard isName(name) else { return nil }
            let date = DateParser.dates(in: line).first?.iso
            // A bare "by Name" is a header only with a date ("by tomw » 21 Jan 2024"); else it is a byline or prose.
            if prefix == "by", date == nil { return nil }
            return CommentHeader(number: number, author: name, date: date)
        }

        // "On March 3, 2019, Name wrote:".
        if lower[0] == "on", let date = DateParser.dates(in: line).first, let verbAt = verbIndex(lower, from: 1, within: lower.count) {
            let scalars = Array(line.unicodeScalars)
            let afterDate = String(String.UnicodeScalarView(scalars[min(date.span.end, scalars.count)...]))
            let afterWords = afterDate.split(separator: " ").map(String.init)
            if let v = verbIndex(afterWords.map { $0.lowercased() }, from: 0, within: afterWords.count), v + 1 == afterWords.count {
                let name = Trim.spaces(Trim.chars(Trim.spaces(afterWords[..<v].joined(separator: " ")), ",:"))
                if isName(name), verbAt == lower.count - 1 { return CommentHeader(number: number, author: name, date: date.iso) }
            }
        }

        // "Name says:", "Name Says:", "Name says: March 3, 2019 at 4:12 pm".
        if let v = verbIndex(lower, from: 1, within: min(lower.count, 6)) {
            let name = words[..<v].joined(separator: " ")
            let rest = words[(v + 1)...].joined(separator: " ")
            let verbHasColon = words[v].hasSuffix(":")
            if isName(name) {
                let verb = Trim.chars(lower[v], ":")
                let strong = number != nil || verb == "says" || verb == "writes" || verb == "asks"
                if rest.isEmpty { return CommentHeader(number: number, author: name, date: nil, isStrong: strong) }
                if let date = DateParser.dates(in: rest).first, rest.unicodeScalars.count <= 60, verbHasColon || !rest.hasSuffix(".") {
                    return CommentHeader(number: number, author: name, date: date.iso)
                }
            }
            return nil
        }

        // "Name on 3 March 2019", "Name | 2019-03-03", "Name – March 3, 2019 at 4:12 pm".
        let joined = words.joined(separator: " ")
        if joined.unicodeScalars.contains(where: ScalarKind.isDigit), let date = DateParser.dates(in: joined).first {
            let scalars = Array(joined.unicodeScalars)
            var before = Trim.spaces(String(String.UnicodeScalarView(scalars[..<min(date.span.start, scalars.count)])))
            let after = Trim.spaces(String(String.UnicodeScalarView(scalars[min(date.span.end, scalars.count)...])))
            guard after.unicodeScalars.count <= 25, !after.hasSuffix(".") else { return nil }
            var beforeWords = before.split(separator: " ").map(String.init)
            var separated = false
            while let last = beforeWords.last, cues.separators.contains(last.lowercased()) || last.hasSuffix(",") && beforeWords.count <= 5 {
                separated = true
                if last.hasSuffix(","), !cues.separators.contains(last.lowercased()) {
                    beforeWords[beforeWords.count - 1] = String(last.dropLast())
                    break
                }
                beforeWords.removeLast()
            }
            before = beforeWords.joined(separator: " ")
            if (separated || hashNumber), isName(before) {
                return CommentHeader(number: number, author: before, date: date.iso)
            }
            return nil
        }

        // "#3 Name" (forum numbering without a date).
        if hashNumber {
            var nameWords = words
            if nameWords.first?.lowercased() == "by" { nameWords.removeFirst() }
            let name = Trim.chars(nameWords.joined(separator: " "), ",:")
            if isName(name) { return CommentHeader(number: number, author: name, date: nil) }
        }
        return nil
    }

    private func months(_ word: String) -> Bool { DateParser.months[Trim.chars(word, ".,")] != nil }

    private func verbIndex(_ lower: [String], from: Int, within: Int) -> Int? {
        guard from < within else { return nil }
        for i in from..<within where cues.headerVerbs.contains(Trim.chars(lower[i], ":")) {
            return i
        }
        return nil
    }

    /// A plausible commenter name: one to five words, no sentence punctuation, not a pronoun or common noun.
    func isName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard scalars.count >= 1, scalars.count <= 40 else { return false }
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count) else { return false }
        guard let first = words.first, !cues.notNames.contains(Trim.chars(first.lowercased(), ".,:")) else { return false }
        guard !cues.notNames.contains(name.lowercased()) else { return false }
        // Byline words inside ("Written by Carla Mendes") make it a byline, not a name.
        for word in words.dropFirst() where cues.notNames.contains(word.lowercased()) && word.count <= 7 {
            if ["by", "written", "filed", "on", "in", "posted", "published", "updated", "via", "from"].contains(word.lowercased()) { return false }
        }
        guard scalars.contains(where: ScalarKind.isLetter) else { return false }
        for scalar in scalars {
            switch scalar {
            case ",", ";", "?", "!", "\"", "\u{201C}", "\u{201D}", ":", "(", ")", "[", "]", "{", "}", "<", ">", "=": return false
            default: continue
            }
        }
        // A long word followed by a period is the end of a sentence, not an initial ("Dr." and "K." are fine).
        for word in words where word.hasSuffix(".") && word.count > 3 { return false }
        return true
    }
}
