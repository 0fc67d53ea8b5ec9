/// Whether a comment asks something and whether it sells something, from `lexicon/comments.json`.
struct CommentFlags: Sendable {
    let cues: CommentCues

    /// A cue phrase of an indirect question ("Help me understand …", "I am wondering if …").
    func hasQuestionCue(_ lower: String) -> Bool {
        cues.questionCues.contains { lower.contains($0) }
    }

    /// A question mark that ends a sentence (not one inside a URL or a quoted title).
    func hasQuestionMark(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() where scalar == "?" {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            let previous = i > 0 ? scalars[i - 1] : " "
            let endsSentence = ScalarKind.isWhitespace(next) || ScalarKind.isCloser(next) || next == "?" || next == "!"
            if endsSentence, ScalarKind.isLetter(previous) || ScalarKind.isCloser(previous) || previous == " " || ScalarKind.isDigit(previous) {
                return true
            }
        }
        return false
    }

    /// Coupon codes, shop links, "$5 off", "buy from", sales pitches.
    func isPromotional(_ lower: String) -> Bool {
        if cues.promotionalCues.contains(where: { lower.contains($0) }) { return true }
        if hasPriceOff(lower) || hasCouponCode(lower) { return true }
        // A link to a shop: "https://…/shop", "k2shop.example".
        for token in lower.split(whereSeparator: { $0.isWhitespace }) where token.contains(".") || token.contains("/") {
            let bare = Trim.chars(String(token), ",;:!?()[]\"'")
            guard isLink(bare) else { continue }
            if cues.promotionalLinkWords.contains(where: { bare.contains($0) }) { return true }
        }
        return false
    }

    /// "https://…", "www.…" or a bare domain ("k2shop.example").
    private func isLink(_ token: String) -> Bool {
        if token.hasPrefix("http://") || token.hasPrefix("https://") || token.hasPrefix("www.") { return true }
        guard let dot = token.lastIndex(of: "."), dot != token.startIndex else { return false }
        let tld = token[token.index(after: dot)...].prefix { $0.isLetter }
        return tld.count >= 2 && token[..<dot].last?.isLetter == true
    }

    /// "code CAC10", "code: BAR967": a code of letters and digits after the word "code".
    private func hasCouponCode(_ lower: String) -> Bool {
        let words = lower.split(whereSeparator: { $0.isWhitespace }).map { Trim.chars(String($0), ",.;:!?()\"'") }
        for (i, word) in words.enumerated() where word == "code" && i + 1 < words.count {
            let code = words[i + 1]
            if code.count >= 4, code.contains(where: \.isNumber), code.contains(where: \.isLetter) { return true }
        }
        return false
    }

    /// "$5 off", "€10 off" ("20% off" is a cue phrase).
    private func hasPriceOff(_ lower: String) -> Bool {
        let scalars = Array(lower.unicodeScalars)
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
