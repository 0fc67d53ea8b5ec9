import EvidenceModel

/// Makes concepts of the outcomes and interventions a document names that the lexicon does not know, so that a
/// study of "brain atrophy" or of "deep brain stimulation" is not left without its condition or intervention.
///
/// Runs after lexicon matching, over the title and body. Two readings find a phrase:
/// - an outcome: the noun phrase right after a result cue ("reduced …", "the risk of …", "no difference in …"),
///   with leading determiners and degree words dropped and a measure word with "of" passed over ("levels of");
/// - an intervention: a noun phrase that ends in the head of a procedure, device, test or therapy ("knee
///   replacement surgery"), or in a programme's head after a capitalised name ("the Early Start Denver Model").
/// A phrase has one to four words, no digits, no stop word, a head that is not generic, and overlaps no lexicon
/// mention. Names of drugs and products come from `ProductNameReader`. Each phrase found becomes a concept (`TextConceptID`) with a mention wherever the document names it.
/// The word lists are data: `lexicon/text_concepts.json`.
struct TextConceptFinder: Sendable {
    let cues: TextConceptCues
    static let maximumWords = 4
    /// How many items of a list after one cue are read.
    static let maximumListItems = 8

    /// A phrase found: its folded words (the key) and its type.
    struct Candidate: Hashable {
        var words: [String]
        var type: ConceptType
    }

    /// A phrase where a cue or a head found it: the id is made from this wording.
    struct Found {
        var candidate: Candidate
        var span: TextSpan
    }

    /// The lexicon mentions with mentions of the text's own concepts added, in text order.
    func apply(to mentions: [ConceptMention], text: SourceText, sentences: [Sentence]) -> [ConceptMention] {
        let read = sentences.filter { $0.region == .body || $0.region == .title }
        guard !read.isEmpty else { return mentions }
        let covered = CoveredSpans(mentions)
        var tokenized: [[MatchToken]] = []
        var found: [Candidate] = []
        var ids: [Candidate: String] = [:]
        for sentence in read {
            let tokens = MatchTokenizer.tokens(text.scalars, in: sentence.span)
            tokenized.append(tokens)
            let free = tokens.map { !covered.overlaps($0.start, $0.end) }
            let products = ProductNameReader(cues: cues).names(tokens, free: free)
            for phrase in outcomes(tokens, free: free) + interventions(tokens, free: free) + products where ids[phrase.candidate] == nil {
                // The id keeps the words as written but the last one singular ("bright-steps-programme").
                let written = MatchTokenizer.string(text.scalars, phrase.span.start, phrase.span.end)
                guard let id = TextConceptID.make(Self.name(written), type: phrase.candidate.type) else { continue }
                ids[phrase.candidate] = id
                found.append(phrase.candidate)
            }
        }
        guard !found.isEmpty else { return mentions }
        // An intervention phrase also read as an outcome ("reduced … surgery") stays an intervention.
        let interventionWords = Set(found.filter { $0.type == .intervention }.map(\.words))
        found.removeAll { $0.type == .condition && interventionWords.contains($0.words) }
        var added: [ConceptMention] = []
        let byFirstWord = Dictionary(grouping: found) { $0.words[0] }
        for tokens in tokenized {
            var index = 0
            while index < tokens.count {
                guard let match = longestMatch(tokens, at: index, byFirstWord: byFirstWord, covered: covered),
                      let id = ids[match.candidate] else {
                    index += 1
                    continue
                }
                let span = TextSpan(tokens[index].start, tokens[match.last].end)
                let written = MatchTokenizer.string(text.scalars, span.start, span.end)
                added.append(ConceptMention(conceptID: id, span: span, matched: written))
                index = match.last + 1
            }
        }
        guard !added.isEmpty else { return mentions }
        return (mentions + added).sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The concepts of the text's own mentions, named by their first wording; other wordings are synonyms.
    static func concepts(of mentions: [ConceptMention]) -> [Concept] {
        var wordings: [String: [String]] = [:]
        var order: [String] = []
        for mention in mentions where TextConceptID.isTextConcept(mention.conceptID) {
            if wordings[mention.conceptID] == nil { order.append(mention.conceptID) }
            wordings[mention.conceptID, default: []].append(mention.matched)
        }
        var concepts: [Concept] = []
        for id in order {
            guard let type = TextConceptID.concept(id)?.type, let forms = wordings[id], let first = forms.first else { continue }
            // A headline capitalises every word; a wording in running text names it as a user would type it.
            let name = forms.map(Self.name).first { $0 == $0.lowercased() } ?? Self.name(first)
            var synonyms: [String] = []
            for form in forms.map(Self.name) + forms.map({ $0.lowercased() }) where form != name && !synonyms.contains(form) {
                synonyms.append(form)
            }
            concepts.append(Concept(id: id, type: type, name: name, synonyms: synonyms))
        }
        return concepts
    }

    /// The name a user would type: lower case unless every word is capitalised (a programme's name), the last
    /// word singular.
    static func name(_ written: String) -> String {
        let words = written.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        let proper = words.count > 1 && words.allSatisfy { $0.first?.isUppercase ?? false }
        var result = proper ? words : words.map { $0.lowercased() }
        if let last = result.last {
            let singular = MatchTokenizer.singular(last.lowercased())
            if singular != last.lowercased() { result[result.count - 1] = proper ? String(last.prefix(singular.count)) : singular }
        }
        return result.joined(separator: " ")
    }

    // MARK: - Reading phrases

    /// Outcome phrases after each result cue of a sentence.
    func outcomes(_ tokens: [MatchToken], free: [Bool]) -> [Found] {
        var result: [Found] = []
        var index = 0
        while index < tokens.count {
            guard let cueEnd = cue(tokens, at: index) else {
                index += 1
                continue
            }
            var start = cueEnd + 1
            guard start < tokens.count, tokens[start].gap == .joining else {
                index = start
                continue
            }
            // A list after the cue names several outcomes ("… included headache, acne and dizziness"): each item
            // is read, a name of the lexicon among them passed over.
            for _ in 0..<Self.maximumListItems {
                var next: Int
                if let phrase = phrase(tokens, from: start, free: free), let first = phrase.first, let last = phrase.last {
                    result.append(Found(candidate: Candidate(words: phrase.map { tokens[$0].folded }, type: .condition),
                                        span: TextSpan(tokens[first].start, tokens[last].end)))
                    next = last + 1
                } else if !free[start] {
                    next = start
                    while next < tokens.count, !free[next] { next += 1 }
                } else {
                    // An item that is no outcome ("the drug"): the list goes on after it.
                    next = start + 1
                    while next < tokens.count, tokens[next].gap == .joining,
                          tokens[next].folded != "and", tokens[next].folded != "or" { next += 1 }
                }
                guard next < tokens.count else { break }
                if tokens[next].gap == .joining, tokens[next].folded == "and" || tokens[next].folded == "or" { next += 1 }
                else if tokens[next].gap != .literal(","), tokens[next].gap != .literal(";") { break }
                if next < tokens.count, tokens[next].folded == "and" || tokens[next].folded == "or" { next += 1 }
                guard next < tokens.count else { break }
                start = next
            }
            index = cueEnd + 1
        }
        return result
    }

    /// The last token of a cue that starts at `index`, if one does.
    private func cue(_ tokens: [MatchToken], at index: Int) -> Int? {
        var best: Int?
        for words in cues.outcomeCues where index + words.count <= tokens.count {
            var matches = true
            for (offset, word) in words.enumerated() {
                let token = tokens[index + offset]
                if token.folded != word || (offset > 0 && token.gap != .joining) {
                    matches = false
                    break
                }
            }
            if matches, index + words.count - 1 > (best ?? -1) { best = index + words.count - 1 }
        }
        return best
    }

    /// The token indexes of the noun phrase that starts at `start`, or nil when none is plausible.
    func phrase(_ tokens: [MatchToken], from start: Int, free: [Bool]) -> [Int]? {
        var position = start
        var passedMeasure = false
        while position < tokens.count, position == start || tokens[position].gap == .joining, free[position] {
            let word = tokens[position].folded
            if cues.leadingWords.contains(word) {
                position += 1
            } else if !passedMeasure, cues.measureHeads.contains(word), position + 1 < tokens.count,
                      tokens[position + 1].folded == "of", tokens[position + 1].gap == .joining {
                position += 2  // "levels of", "the risk of": the outcome follows
                passedMeasure = true
            } else {
                break
            }
        }
        var words: [Int] = []
        while position < tokens.count, words.count <= Self.maximumWords {
            let token = tokens[position]
            if !words.isEmpty, token.gap != .joining { break }
            guard free[position] else {
                // The phrase runs into a name of the lexicon ("knee [osteoarthritis]"): it is that concept's.
                return nil
            }
            guard token.isAlphabetic, !cues.stopWords.contains(token.folded) else { break }
            words.append(position)
            position += 1
        }
        return acceptable(words, tokens) ? words : nil
    }

    private func acceptable(_ words: [Int], _ tokens: [MatchToken]) -> Bool {
        guard !words.isEmpty, words.count <= Self.maximumWords, let head = words.last.map({ tokens[$0].folded }) else { return false }
        if cues.genericHeads.contains(head) || cues.leadingWords.contains(head) { return false }
        // A verb form, an adverb or an adjective at the head is no noun phrase ("was reduced", "rapidly", "social").
        if head.hasSuffix("ed") || cues.adjectiveEndings.contains(where: { head.hasSuffix($0) }) { return false }
        // One word alone must have the form of an outcome's name ("neurogenesis", "tiredness", "ischaemia").
        if words.count == 1, cues.vagueWords.contains(head) || !cues.singleWordEndings.contains(where: { head.hasSuffix($0) }) {
            return false
        }
        for index in words {
            let token = tokens[index]
            // A plural or a verb's -s before the head ends the noun phrase there ("bone warrants caution"):
            // the words of a compound stay singular ("sleep problems", "hip fractures").
            if index != words.last, token.folded != token.cased.lowercased(), token.cased.lowercased().hasSuffix("s") { return false }
            if token.folded.unicodeScalars.count < 2 || cues.genericModifiers.contains(token.folded) { return false }
            // A capitalised word inside an outcome is a name (a company's, a place's), unless it is an abbreviation.
            if token.cased != token.cased.lowercased(), token.cased != token.cased.uppercased() { return false }
        }
        return head.unicodeScalars.count >= 4
    }

    /// Intervention phrases: a head of a procedure, device, test or therapy with one to three words before it.
    func interventions(_ tokens: [MatchToken], free: [Bool]) -> [Found] {
        var result: [Found] = []
        for (index, token) in tokens.enumerated() where free[index] {
            let named = cues.namedHeads.contains(token.folded)
            guard named || cues.interventionHeads.contains(token.folded) else { continue }
            // A head followed by a generic noun is a modifier of it ("surgery patients", "stimulation sessions").
            if index + 1 < tokens.count, tokens[index + 1].gap == .joining, cues.genericHeads.contains(tokens[index + 1].folded) {
                continue
            }
            var first = index
            while first > 0, index - first < Self.maximumWords - 1, tokens[first].gap == .joining, free[first - 1] {
                let previous = tokens[first - 1]
                guard previous.isAlphabetic, !cues.stopWords.contains(previous.folded),
                      !cues.leadingWords.contains(previous.folded) || named && previous.mayStartAbbreviation,
                      // A past tense before the phrase is the verb that gives it ("received …", "treated …").
                      !previous.folded.hasSuffix("ed") || named && previous.mayStartAbbreviation else { break }
                first -= 1
            }
            // A phrase that a name of the lexicon runs into is that concept's ("[epilepsy] surgery").
            if first > 0, tokens[first].gap == .joining, !free[first - 1] { continue }
            guard first < index else { continue }
            let modifiers = tokens[first..<index]
            if named, !modifiers.allSatisfy(\.mayStartAbbreviation) { continue }
            if modifiers.contains(where: { cues.genericHeads.contains($0.folded) || cues.genericModifiers.contains($0.folded)
                || $0.folded.hasSuffix("ly") }) {
                continue
            }
            // "following stimulation", "developing test": a verb form first is no name of a procedure.
            if let opening = modifiers.first, !opening.mayStartAbbreviation, opening.folded.hasSuffix("ing") { continue }
            result.append(Found(candidate: Candidate(words: tokens[first...index].map(\.folded), type: .intervention),
                                span: TextSpan(tokens[first].start, tokens[index].end)))
        }
        return result
    }

    // MARK: - Finding every place a phrase is named

    private func longestMatch(_ tokens: [MatchToken], at index: Int, byFirstWord: [String: [Candidate]],
                              covered: CoveredSpans) -> (candidate: Candidate, last: Int)? {
        guard let candidates = byFirstWord[tokens[index].folded] else { return nil }
        var best: (candidate: Candidate, last: Int)?
        for candidate in candidates where index + candidate.words.count <= tokens.count {
            let last = index + candidate.words.count - 1
            guard (best?.last ?? -1) < last else { continue }
            var matches = true
            for offset in 0..<candidate.words.count {
                let token = tokens[index + offset]
                if token.folded != candidate.words[offset] || (offset > 0 && token.gap != .joining) {
                    matches = false
                    break
                }
            }
            if matches, !covered.overlaps(tokens[index].start, tokens[last].end) { best = (candidate, last) }
        }
        return best
    }
}

/// The spans of the lexicon's mentions, for "does this stretch overlap one" in logarithmic time.
struct CoveredSpans {
    private let spans: [TextSpan]

    init(_ mentions: [ConceptMention]) {
        spans = mentions.map(\.span).sorted { $0.start < $1.start }
    }

    func overlaps(_ start: Int, _ end: Int) -> Bool {
        // The first span that starts at or after `end` and everything after it cannot overlap.
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start < end { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= 0 {
            if spans[index].end > start { return true }
            // Spans are sorted by start only; a long earlier span may still reach here, so look a few back.
            if low - index > 8 { break }
            index -= 1
        }
        return false
    }
}
