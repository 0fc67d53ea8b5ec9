import EvidenceModel
/// Which body sentences can be claims: not headings, questions or lead-ins ("Vitamin K2 functions by:").
enum ClaimSentence {
    static func isCandidate(_ sentence: Sentence, _ tokens: [WordToken]) -> Bool {
        guard tokens.count >= 3 else { return false }
        let trimmed = sentence.text.trimmingCharactersInSpaces()
        guard let last = trimmed.unicodeScalars.last else { return false }
        if last == "?" { return false }
        // A lead-in ("Vitamin K2 functions by:") is unfinished; "… not associated with toxicity:" is not.
        if last == ":" && !isListItem(trimmed) {
            let words = trimmed.split(separator: " ")
            let before = words.last.map { String($0.dropLast()).lowercased() } ?? ""
            if ["by", "include", "includes", "including", "following", "are", "is", "as", "to", "of", "for", "with", "these", "below", "follows"].contains(before) || words.count <= 3 {
                return false
            }
        }
        return true
    }

    /// An entry of a reference list: authors given as surnames with initials, several beside a year or after
    /// the entry's number ("2 Smith AB, Jones C"), or one before "et al.". A quote's speaker ("said Ann B. Cole")
    /// gives one such name.
    static func isReferenceEntry(_ tokens: [WordToken], _ text: SourceText) -> Bool {
        var names = 0
        var etAl = false
        var year = false
        for (index, token) in tokens.enumerated() {
            if token.lower == "et", index + 1 < tokens.count, tokens[index + 1].lower == "al" { etAl = true }
            if token.isNumber, token.text.count == 4, token.text.hasPrefix("19") || token.text.hasPrefix("20") { year = true }
            guard index + 1 < tokens.count, token.isCapitalized, token.text.count >= 2, !isInitials(token.text) else { continue }
            // Initials follow the surname after a space and close with a comma, a full stop, "and" or "et al."; an acronym
            // in brackets ("Administration (FDA)") and "The U.S." do not.
            let initials = tokens[index + 1]
            guard isInitials(initials.text), text.slice(TextSpan(token.end, initials.start)) == " " else { continue }
            let after = index + 2 < tokens.count ? text.slice(TextSpan(initials.end, tokens[index + 2].start)) : "."
            let nextIsInitial = index + 2 < tokens.count && tokens[index + 2].text.count == 1 && isInitials(tokens[index + 2].text)
            if after.hasPrefix(",") || (after.hasPrefix(".") && !nextIsInitial) || (index + 2 < tokens.count && ["and", "et"].contains(tokens[index + 2].lower)) { names += 1 }
        }
        let numbered = tokens.first?.isNumber ?? false
        return (names >= 1 && etAl) || (names >= 2 && (year || numbered))
    }

    /// One to three capital letters: a name's initials ("AB", "C").
    private static func isInitials(_ word: String) -> Bool {
        (1...3).contains(word.count) && word.unicodeScalars.allSatisfy { $0.properties.isUppercase }
    }

    /// A few words without a sentence's punctuation ("Irritable bowel syndrome", "My story" in a menu): a name
    /// or a label, which asserts nothing unless a kind cue is in it (the caller checks the cue).
    static func isLabel(_ trimmed: String, _ tokens: [WordToken]) -> Bool {
        tokens.count <= 4 && !endsSentence(trimmed)
    }

    /// A heading: a short line without closing punctuation that is not a list item ("Mechanism of Action",
    /// "## What the research shows").
    static func isHeading(_ sentence: Sentence, _ text: SourceText, _ tokens: [WordToken]) -> Bool {
        let trimmed = sentence.text.trimmingCharactersInSpaces()
        if trimmed.hasPrefix("#") { return true }
        guard let last = trimmed.unicodeScalars.last else { return false }
        if ".!?:;\u{201D}\"".unicodeScalars.contains(last) { return false }
        if isListItem(trimmed) || linePrefixIsBullet(sentence.span.start, text) { return false }
        guard tokens.count <= 12 else { return false }
        let capitalised = tokens.filter { $0.isCapitalized || $0.hasInnerCapital || $0.isNumber }.count
        return tokens.count <= 4 || capitalised * 2 >= tokens.count
    }

    /// True when the text closes with a sentence's punctuation; closing quotation marks and brackets, and a
    /// citation marker glued to the full stop ("… disease.12,13", "… disease.[4]"), may follow it.
    static func endsSentence(_ trimmed: String) -> Bool {
        let trailing = "\"\u{201D}\u{2019}')]*_[,\u{00B9}\u{00B2}\u{00B3}\u{2070}\u{2074}\u{2075}\u{2076}\u{2077}\u{2078}\u{2079}".unicodeScalars
        for scalar in trimmed.unicodeScalars.reversed().prefix(12) {
            if ".!?;:".unicodeScalars.contains(scalar) { return true }
            if !(trailing.contains(scalar) || WordTokenizer.isDigit(scalar)) { return false }
        }
        return false
    }

    /// A deck under a headline: a line wholly in emphasis marks that does not end a sentence
    /// ("*Eight-week trial finds fewer colds; maker plans a second study*").
    static func isDeck(_ trimmed: String) -> Bool {
        let scalars = trimmed.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first == "*" || first == "_", last == first else { return false }
        let inner = Trim.chars(trimmed, "*_ ")
        guard let end = inner.unicodeScalars.last, !inner.contains("\n") else { return false }
        return !".!?".unicodeScalars.contains(end)
    }

    static func isListItem(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if "•-*–·".unicodeScalars.contains(first) { return true }
        let digits = text.unicodeScalars.prefix { WordTokenizer.isDigit($0) }
        return !digits.isEmpty && text.unicodeScalars.dropFirst(digits.count).first.map { $0 == "." || $0 == ")" } == true
    }

    /// True when only spaces and emphasis marks stand between the start of the line and `offset`.
    static func startsLine(_ offset: Int, _ text: SourceText) -> Bool {
        var position = min(offset, text.count) - 1
        while position >= 0, text.scalars[position] != "\n" {
            guard " \t*_".unicodeScalars.contains(text.scalars[position]) else { return false }
            position -= 1
        }
        return true
    }

    /// True when the line holding `offset` starts with a bullet or a number before the sentence.
    static func linePrefixIsBullet(_ offset: Int, _ text: SourceText) -> Bool {
        var position = min(offset, text.count) - 1
        var prefix = String.UnicodeScalarView()
        while position >= 0, text.scalars[position] != "\n", prefix.count < 12 {
            prefix.insert(text.scalars[position], at: prefix.startIndex)
            position -= 1
        }
        let trimmed = String(prefix).trimmingCharactersInSpaces()
        return !trimmed.isEmpty && isListItem(trimmed + " ")
    }
}
