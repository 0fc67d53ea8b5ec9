import EvidenceModel
/// Who a sentence's assertion belongs to.
///
/// Quoted speech: in a paragraph with a speech tag (“…,” said Dr. Helen Okafor, …; “…,” continued
/// Schurgers; According to Schurgers, “…”), every quoted sentence belongs to the speaker, and so do the
/// quoted paragraphs that follow without a tag of their own. Reported speech: "According to Dr. Samuel
/// Ortiz, doctors should …" and "Keller said that …" belong to the named person, and "He added that …" to
/// the last speaker. A surname alone is expanded to the full name given earlier ("Schurgers" → "Leon
/// Schurgers"). Organisations and documents ("according to the study") are not speakers.
struct ClaimAttribution: Sendable {
    let cues: ClaimCues

    /// The speaker of each body sentence, by sentence index (absent: not attributed).
    /// `tokens` are the sentences' words, by sentence index.
    func speakers(_ sentences: [Sentence], tokens sentenceTokens: [[WordToken]], text: SourceText) -> [Int: String] {
        var result: [Int: String] = [:]
        var knownNames: [String] = []
        var lastSpeaker: String?
        var previousParagraphSpeaker: String?
        var index = 0
        while index < sentences.count {
            // One paragraph at a time.
            let paragraph = sentences[index].paragraph
            var end = index
            while end < sentences.count, sentences[end].paragraph == paragraph, sentences[end].region == sentences[index].region { end += 1 }
            defer { index = max(end, index + 1) }
            guard sentences[index].region == .body else { previousParagraphSpeaker = nil; continue }
            let members = Array(index..<end)
            let quoted = quotedSentences(members.map { sentences[$0] }, text)
            var tagSpeaker: String?
            var sentenceSpeakers: [Int: String] = [:]
            for member in members {
                let tokens = sentenceTokens[member]
                if let name = taggedName(tokens, known: knownNames) {
                    let full = expand(name, knownNames)
                    if !knownNames.contains(full) { knownNames.append(full) }
                    tagSpeaker = tagSpeaker ?? full
                    lastSpeaker = full
                    sentenceSpeakers[member] = full
                } else if let first = tokens.first, cues.pronounSpeakers.contains(first.lower), tokens.count > 1,
                          cues.speechVerbs.contains(tokens[1].lower), let last = lastSpeaker {
                    sentenceSpeakers[member] = last
                }
            }
            let speaker = tagSpeaker ?? (quoted.first == true ? previousParagraphSpeaker : nil)
            for (offset, member) in members.enumerated() {
                if quoted[offset], let speaker {
                    result[member] = speaker
                } else if let own = sentenceSpeakers[member] {
                    result[member] = own
                }
            }
            previousParagraphSpeaker = quoted.contains(true) ? speaker : nil
        }
        return result
    }

    /// For each sentence, whether it is (or opens) quoted speech.
    private func quotedSentences(_ sentences: [Sentence], _ text: SourceText) -> [Bool] {
        guard let first = sentences.first, let last = sentences.last else { return [] }
        var inside = false
        var starts: [Int: Bool] = [:]
        var marks: [Bool] = []
        for sentence in sentences { starts[sentence.span.start] = false }
        var position = first.span.start
        var sentenceIndex = 0
        while position < min(last.span.end, text.count) {
            while sentenceIndex < sentences.count, sentences[sentenceIndex].span.end <= position { sentenceIndex += 1 }
            if sentenceIndex < sentences.count, position == sentences[sentenceIndex].span.start, marks.count == sentenceIndex {
                marks.append(inside)
            }
            switch text.scalars[position] {
            case "\u{201C}": inside = true
            case "\u{201D}": inside = false
            case "\"": inside.toggle()
            default: break
            }
            // A sentence that opens with a quotation mark is quoted.
            if marks.count == sentenceIndex + 1, inside, position - sentences[sentenceIndex].span.start < 3 { marks[sentenceIndex] = true }
            position += 1
        }
        while marks.count < sentences.count { marks.append(false) }
        return marks
    }

    /// "said Dr. Helen Okafor", "stated Kimmo Makinen", "continued Schurgers", "According to Schurgers",
    /// "Keller said".
    private func taggedName(_ tokens: [WordToken], known: [String]) -> String? {
        for (index, token) in tokens.enumerated() where cues.speechVerbs.contains(token.lower) {
            var position = index + 1
            if token.lower == "according" {
                guard position < tokens.count, tokens[position].lower == "to" else { continue }
                position += 1
            }
            if let name = nameAfter(tokens, position) { return name }
            if token.lower != "according", let name = nameBefore(tokens, index, known: known) { return name }
        }
        return nil
    }

    private func nameAfter(_ tokens: [WordToken], _ start: Int) -> String? {
        var position = start
        var skipped = 0
        // "said lead researcher Leon Schurgers": role words before the name.
        while position < tokens.count, !tokens[position].isCapitalized, skipped < 3 {
            if cues.speakerStopWords.contains(tokens[position].lower) { return nil }
            position += 1
            skipped += 1
        }
        var words: [String] = []
        while position < tokens.count, tokens[position].isCapitalized, words.count < 4 {
            let isTitle = cues.nameTitles.contains(tokens[position].lower)
            // A middle initial ("Brian F. Smith") keeps its full stop and does not end the name.
            let isInitial = tokens[position].text.unicodeScalars.count == 1
            if !isTitle { words.append(isInitial ? tokens[position].text + "." : tokens[position].text) }
            position += 1
            // A name ends at punctuation ("Kimmo Makinen, Gnosis …", "Schurgers, “The …"); "Dr. X" goes on.
            if !isTitle, !isInitial, position < tokens.count, tokens[position].start - tokens[position - 1].end > 1 { break }
        }
        return personName(words)
    }

    /// The words as a person's name: role words before it dropped ("Co-author Jane Roe"); nil for pronouns,
    /// weekdays, organisations and places ("This", "Tuesday", "Reuters Health", "New York City") and for a
    /// possessive ("Verdane's").
    func personName(_ raw: [String]) -> String? {
        var words = raw
        while let first = words.first, cues.notSpeakerWords.contains(WordTokenizer.fold(first)) { words.removeFirst() }
        while let last = words.last, last.hasSuffix(".") { words.removeLast() }
        guard !words.isEmpty else { return nil }
        for word in words {
            let folded = WordTokenizer.fold(word)
            if cues.neverInNames.contains(folded) || cues.organisationWords.contains(folded) { return nil }
            if folded.hasSuffix("'s") || folded.hasSuffix("'") { return nil }
            // "CoQ10", "K2": names are letters.
            if word.unicodeScalars.contains(where: { WordTokenizer.isDigit($0) }) { return nil }
        }
        return words.joined(separator: " ")
    }

    private func nameBefore(_ tokens: [WordToken], _ verb: Int, known: [String]) -> String? {
        var position = verb - 1
        var words: [String] = []
        while position >= 0, tokens[position].isCapitalized, words.count < 3 {
            if !cues.nameTitles.contains(tokens[position].lower) { words.insert(tokens[position].text, at: 0) }
            position -= 1
        }
        // One capitalised word before "said" is a name only when it is a known speaker's surname
        // ("Schurgers said"); "K1 continued" or "However said" are not speakers.
        guard !words.isEmpty, words.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" } }) else { return nil }
        if words.count == 1 && !known.contains(where: { $0.hasSuffix(" " + words[0]) }) { return nil }
        return personName(words)
    }

    private func expand(_ name: String, _ known: [String]) -> String {
        guard !name.contains(" ") else { return name }
        return known.first { $0.hasSuffix(" " + name) } ?? name
    }
}
