import EvidenceModel
/// Whether a comment asks something and whether it sells something, from `lexicon/comments.json`.
struct CommentFlags: Sendable {
    let cues: CommentCues
    let questionCues: PhraseMatcher
    let promotionalCues: PhraseMatcher

    let linkWords: PhraseMatcher
    private let codeWord = PhraseMatcher(["code"])

    init(cues: CommentCues) {
        self.cues = cues
        questionCues = PhraseMatcher(cues.questionCues)
        promotionalCues = PhraseMatcher(cues.promotionalCues)
        linkWords = PhraseMatcher(cues.promotionalLinkWords)
    }

    /// A cue phrase of an indirect question ("Help me understand …", "I am wondering if …").
    func hasQuestionCue(_ lower: String) -> Bool {
        questionCues.occurs(in: lower)
    }

    func hasQuestionCue(_ lower: [Unicode.Scalar]) -> Bool {
        questionCues.occurs(in: lower)
    }

    /// A question mark that ends a sentence (not one inside a URL or a quoted title), of a question that is not
    /// rhetorical.
    func hasQuestionMark(_ text: String) -> Bool { questionCount(text) > 0 }

    /// How many such questions the text asks.
    func questionCount(_ text: String) -> Int {
        var count = 0
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() where scalar == "?" {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            let previous = i > 0 ? scalars[i - 1] : " "
            // "…still suffering?." ends a sentence too.
            let endsSentence = ScalarKind.isWhitespace(next) || ScalarKind.isCloser(next) || next == "?" || next == "!"
                || next == "." && (i + 2 >= scalars.count || ScalarKind.isWhitespace(scalars[i + 2]))
            // "how are you doing...?" asks too.
            let ellipsis = previous == "." && i >= 2 && scalars[i - 2] == "."
            if endsSentence, ScalarKind.isLetter(previous) || ScalarKind.isCloser(previous) || previous == " " || ScalarKind.isDigit(previous) || ellipsis,
               !isRhetorical(scalars, questionEnd: i) {
                count += 1
            }
        }
        return count
    }

    /// A question that opens with a rhetorical phrase ("Who wants to pay for …?"), perhaps after a name it is
    /// addressed to ("Ruth, who needs …?").
    func isRhetorical(_ scalars: [Unicode.Scalar], questionEnd: Int) -> Bool {
        var start = questionEnd
        while start > 0, !(ScalarKind.isTerminal(scalars[start - 1]) || ScalarKind.isNewline(scalars[start - 1])) { start -= 1 }
        var sentence = Trim.spaces(ScalarText.string(scalars, TextSpan(start, questionEnd)).lowercased()).replacingOccurrences(of: "\u{2019}", with: "'")
        // A vocative before a comma: "Ruth, who wants …".
        if let comma = sentence.firstIndex(of: ","), sentence[..<comma].split(separator: " ").count <= 2 {
            let rest = Trim.spaces(String(sentence[sentence.index(after: comma)...]))
            if cues.rhetoricalOpeners.contains(where: { Phrase.hasPrefix(rest, $0) }) { sentence = rest }
        }
        if cues.rhetoricalOpeners.contains(where: { Phrase.hasPrefix(sentence, $0) }) { return true }
        let bare = Trim.chars(sentence, " ,.-")
        if cues.rhetoricalEnders.contains(where: { bare.hasSuffix(" " + $0) || bare == $0 }) { return true }
        return sentence.split(separator: " ").count <= Self.tagQuestionWords && cues.rhetoricalTags.contains { bare.hasSuffix(" " + $0) }
    }

    /// A tag question this short is a remark ("Typical, isn't it?"); a longer one may really ask.
    static let tagQuestionWords = 5

    /// Coupon codes, shop links, "$5 off", "buy from", sales pitches.
    func isPromotional(_ lower: String) -> Bool { isPromotional(Array(lower.unicodeScalars)) }

    func isPromotional(_ scalars: [Unicode.Scalar]) -> Bool {
        if promotionalCues.occurs(in: scalars) { return true }
        if hasPriceOff(scalars) || hasCouponCode(scalars) { return true }
        // A link to a shop: "https://…/shop", "k2shop.example".
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "." || scalars[i] == "/" else { i += 1; continue }
            // The token around this dot or slash.
            var start = i
            while start > 0, !ScalarKind.isWhitespace(scalars[start - 1]) { start -= 1 }
            var end = i
            while end < scalars.count, !ScalarKind.isWhitespace(scalars[end]) { end += 1 }
            let token = Trim.chars(ScalarText.string(scalars, TextSpan(start, end)), ",;:!?()[]\"'")
            if isLink(token), linkWords.occurs(in: token) { return true }
            i = end
        }
        return false
    }

    /// A link to the poster's own business: a web address named after the poster ("Acme Tonics" linking
    /// acmetonics.example).
    func linksToOwnSite(_ scalars: [Unicode.Scalar], author: String) -> Bool {
        let name = PersonName.compact(author)
        guard name.count >= Self.siteNameLength else { return false }
        for token in ScalarText.string(scalars, TextSpan(0, scalars.count)).split(whereSeparator: \.isWhitespace) {
            var link = Trim.chars(String(token), ",;:!?()[]\"'.").lowercased()
            guard isLink(link) else { continue }
            for prefix in ["https://", "http://", "www."] where link.hasPrefix(prefix) { link = String(link.dropFirst(prefix.count)) }
            let site = String(link.prefix { $0 != "." && $0 != "/" }.filter { $0.isLetter || $0.isNumber })
            guard site.count >= Self.siteNameLength else { continue }
            if name.hasPrefix(site) || site.hasPrefix(name) { return true }
        }
        return false
    }

    /// Fewest letters of a site's name and a poster's name compared as one business.
    static let siteNameLength = 5

    /// "https://…", "www.…" or a bare domain ("k2shop.example").
    private func isLink(_ token: String) -> Bool {
        if token.hasPrefix("http://") || token.hasPrefix("https://") || token.hasPrefix("www.") { return true }
        guard let dot = token.lastIndex(of: "."), dot != token.startIndex else { return false }
        let tld = token[token.index(after: dot)...].prefix { $0.isLetter }
        return tld.count >= 2 && token[..<dot].last?.isLetter == true
    }

    /// "code CAC10", "code: BAR967": a code of letters and digits after the word "code".
    private func hasCouponCode(_ s: [Unicode.Scalar]) -> Bool {
        var from = 0
        while let at = codeWord.firstOccurrence(in: s, from: from) {
            from = at + 4
            guard at == 0 || !ScalarKind.isLetter(s[at - 1]) else { continue }
            var i = at + 4
            while i < s.count, s[i] == ":" || ScalarKind.isSpace(s[i]) { i += 1 }
            var letters = 0, digits = 0
            while i < s.count, ScalarKind.isAlphanumeric(s[i]) {
                if ScalarKind.isDigit(s[i]) { digits += 1 } else { letters += 1 }
                i += 1
            }
            if letters > 0, digits > 0, letters + digits >= 4 { return true }
        }
        return false
    }

    /// "$5 off", "€10 off" ("20% off" is a cue phrase).
    private func hasPriceOff(_ scalars: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i + 3 < scalars.count {
            if scalars[i] == " ", scalars[i + 1] == "o", scalars[i + 2] == "f", scalars[i + 3] == "f",
               i + 4 == scalars.count || !ScalarKind.isLetter(scalars[i + 4]) {
                var j = i - 1
                var digits = 0
                while j >= 0, ScalarKind.isDigit(scalars[j]) || scalars[j] == "." || scalars[j] == "," { digits += 1; j -= 1 }
                if digits > 0, j >= 0, ["$", "\u{20AC}", "\u{A3}"].contains(scalars[j]) { return true }
            }
            i += 1
        }
        return false
    }
}
