import EvidenceModel
/// Works out which earlier comment a comment answers, conservatively: only when the text shows it.
///
/// Shown by: a greeting by name at the start ("Hi Chuck," → the latest earlier comment by Chuck), an @name,
/// a quote of an earlier post ("Quote from: Name", "Name wrote:"), or thanks opening a comment right after
/// someone else's ("Thanks so much for your answers"). The page author answering the question just before is
/// handled by the extractor, which knows the page's author.
struct ReplyResolver: Sendable {
    let cues: CommentCues
    /// How far back a reply is looked for: a greeting answers a recent comment, and the bound keeps pages with
    /// thousands of comments linear.
    static let lookback = 200
    /// Longest first, so that "thank you" wins over "thanks".
    let greetings: [String]

    let quoteVerbs: PhraseMatcher

    init(cues: CommentCues) {
        self.cues = cues
        greetings = cues.greetings.sorted { $0.count > $1.count }
        quoteVerbs = PhraseMatcher(cues.quoteVerbs)
    }

    func explicitTarget(of body: String, lower: String, earlier: [ExtractedComment], identity: AuthorIdentity) -> Int? {
        guard !earlier.isEmpty else { return nil }
        let head = String(body.prefix(200))
        let headLower = String(lower.prefix(200))

        // Quotes: "Quote from: Name on …", "Quoting Name", "Originally posted by Name".
        for intro in cues.quoteIntros where headLower.hasPrefix(intro) {
            let rest = String(head.dropFirst(intro.count))
            if let target = latest(byNameAtStartOf: rest, earlier, identity) { return target }
        }
        // "Name wrote:" on the first line.
        let firstLine = String(head.prefix { $0 != "\n" })
        let firstLower = Array(firstLine.lowercased().unicodeScalars)
        if let at = quoteVerbs.firstOccurrence(in: firstLower), at <= 60 {
            let name = ScalarText.string(firstLower, TextSpan(0, at))
            if name.split(separator: " ").count <= 4, let target = latest(named: Trim.spaces(name), earlier, identity) { return target }
        }
        // A greeting by name: "Hi Chuck,", "Dear Dr. Lee", "Thanks Maria!".
        for greeting in greetings where Phrase.hasPrefix(headLower, greeting) {
            let rest = String(firstLine.dropFirst(greeting.count))
            if let target = latest(byNameAtStartOf: rest, earlier, identity) { return target }
            break
        }
        // A comment opening with an earlier commenter's name: "Helen, my unit …", "Tom is right."
        let firstWord = String(firstLine.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        if firstWord.count >= 3, firstWord.first?.isUppercase == true, !cues.notNames.contains(firstWord.lowercased()) {
            let after = firstLine.dropFirst(firstWord.count)
            if cues.nameFollowers.contains(where: { after.hasPrefix($0) }), let target = latest(addressed: firstWord, earlier) {
                return target
            }
        }
        // An @name anywhere near the start.
        if let at = head.firstIndex(of: "@") {
            let handle = head[head.index(after: at)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
            if !handle.isEmpty, let target = latest(named: Trim.chars(String(handle), ".-"), earlier, identity) { return target }
        }
        return nil
    }

    /// A salutation to a name no one on the page goes by ("Hi Susie," where Susie signs as "straydog") greets the
    /// writer of the comment just before, when someone else wrote it: people sign with names their handles do not
    /// show. `known` tells whether a name refers to someone on the page.
    func unknownGreetingTarget(of body: String, authorID: String, earlier: [ExtractedComment], known: (String) -> Bool) -> Int? {
        guard let previous = earlier.last, previous.authorID != authorID else { return nil }
        let firstLine = String(body.drop { $0.isWhitespace }.prefix { $0 != "\n" }.prefix(60))
        let lower = firstLine.lowercased()
        for salutation in ["hi", "hello", "hey", "dear", "hiya"] where Phrase.hasPrefix(lower, salutation) {
            let rest = firstLine.dropFirst(salutation.count).drop { $0 == " " }
            let name = rest.prefix { $0.isLetter }
            guard name.count >= 2, name.first?.isUppercase == true, !cues.notNames.contains(name.lowercased()) else { return nil }
            let after = rest.dropFirst(name.count).first
            guard after == nil || after == "," || after == "!" || after == "." || after == " " && rest.dropFirst(name.count + 1).first == "-" else { return nil }
            return known(String(name)) ? nil : earlier.count - 1
        }
        return nil
    }

    /// Thanks at the start of a comment answers the comment just before, when someone else wrote it.
    func thanksTarget(of lower: String, authorID: String, earlier: [ExtractedComment]) -> Int? {
        let start = String(lower.drop { $0.isWhitespace }.prefix(40))
        guard cues.thanksOpeners.contains(where: { Phrase.hasPrefix(start, $0) }) else { return nil }
        // Nobody thanks a sales pitch: past one, the thanks go to the comment before it.
        var index = earlier.count - 1
        while index >= 0, earlier[index].isPromotional, earlier.count - index <= Self.pitchesSkipped { index -= 1 }
        guard index >= 0, earlier[index].authorID != authorID, !earlier[index].isPromotional else { return nil }
        return index
    }

    /// Sales pitches in a row that thanks look past.
    static let pitchesSkipped = 2

    /// The latest earlier comment whose author a first name addresses: one of the author's name words
    /// ("Helen" → "haemo_helen") or the start of a one-word handle ("Tom" → "tomw").
    private func latest(addressed name: String, _ earlier: [ExtractedComment]) -> Int? {
        let word = name.lowercased()
        for index in stride(from: earlier.count - 1, through: max(0, earlier.count - Self.lookback), by: -1) {
            let words = PersonName.words(earlier[index].author ?? "")
            if words.contains(word) { return index }
            if words.count == 1, let only = words.first, only.hasPrefix(word), only.count - word.count <= 2 { return index }
        }
        return nil
    }

    /// An answer ("Not really.", "Yes, …") right after someone else's question answers it.
    func answerTarget(of lower: String, authorID: String, earlier: [ExtractedComment]) -> Int? {
        guard let previous = earlier.last, previous.isQuestion, previous.authorID != authorID else { return nil }
        // The question just above was put to this poster (it replies to one of their comments): this answers it.
        if let asked = previous.replyToIndex, asked < earlier.count, earlier[asked].authorID == authorID { return earlier.count - 1 }
        let start = String(lower.drop { $0.isWhitespace }.prefix(30))
        return cues.answerOpeners.contains { Phrase.hasPrefix(start, $0) } ? earlier.count - 1 : nil
    }

    /// The latest earlier comment by a name written at the start of `rest` (up to three words, ending at
    /// punctuation).
    private func latest(byNameAtStartOf rest: String, _ earlier: [ExtractedComment], _ identity: AuthorIdentity) -> Int? {
        let trimmed = Trim.chars(Trim.spaces(rest), ":@")
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        var nameWords: [String] = []
        for word in words.prefix(3) {
            let bare = Trim.chars(String(word), ",.!:;-\u{2013}\u{2014}")
            guard !bare.isEmpty else { break }
            nameWords.append(bare)
            if bare != String(word) { break }
        }
        // Try the longest name first: "Jane Perry" before "Jane".
        while !nameWords.isEmpty {
            if let target = latest(named: nameWords.joined(separator: " "), earlier, identity) { return target }
            nameWords.removeLast()
        }
        return nil
    }

    private func latest(named name: String, _ earlier: [ExtractedComment], _ identity: AuthorIdentity) -> Int? {
        guard !name.isEmpty, !cues.notNames.contains(name.lowercased()), let reference = identity.reference(name) else { return nil }
        for index in stride(from: earlier.count - 1, through: max(0, earlier.count - Self.lookback), by: -1) {
            if identity.refers(reference, to: earlier[index].authorID) { return index }
        }
        return nil
    }
}
