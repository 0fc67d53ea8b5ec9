import EvidenceModel
/// Finds the lexicon's concepts in text: names, synonyms, abbreviations, brands and misspellings.
///
/// The text is cut into tokens once (`MatchTokenizer`) and every name of the lexicon is a path in one of two
/// tries: one over folded keys (lower case, no diacritics, singular) for names, synonyms, brands and
/// misspellings, and one over keys as written for abbreviations, which must keep their case so that "CAD"
/// is a disease and "cad" is not. At each token both tries are walked as far as the text allows and the
/// longest name wins ("vitamin K2" over "vitamin K", "coronary artery calcification" over "calcification").
/// Long words that match nothing are looked up in a misspelling index before the walk gives up.
public struct ConceptMatcher: Sendable {
    public let lexicon: Lexicon

    /// Two names of different concepts that fold to the same key; the first one wins when matching.
    public struct Collision: Sendable, Hashable, CustomStringConvertible {
        public var name: String
        public var firstConceptID: String
        public var secondConceptID: String
        public var description: String { "\"\(name)\" names both \(firstConceptID) and \(secondConceptID)" }
    }

    /// The names that clash between concepts; empty for a sound lexicon (a test keeps it so).
    public let collisions: [Collision]

    private let folded: PhraseTrie
    private let cased: PhraseTrie
    private let fuzzy: FuzzyVocabulary
    /// For each concept, the folded context words its contextual forms need nearby.
    private let contextWords: [Set<String>]

    /// Journal titles and misdiagnoses around a name (`lexicon/mentions.json`).
    private let context: MentionContext

    /// How many tokens either side of a contextual form are searched for a context word.
    static let contextWindow = 12

    public init(lexicon: Lexicon, cues: MentionContext.Cues = MentionContext.Cues()) {
        self.lexicon = lexicon
        context = MentionContext(cues: cues)
        var builder = Builder()
        for (index, concept) in lexicon.concepts.enumerated() {
            for name in [concept.name] + concept.synonyms + concept.brands {
                builder.add(name, concept: index, kind: .name, caseSensitive: false, fuzzyTarget: true, lexicon: lexicon)
            }
            for name in concept.misspellings {
                builder.add(name, concept: index, kind: .name, caseSensitive: false, fuzzyTarget: false, lexicon: lexicon)
            }
            for name in concept.abbreviations {
                builder.add(name, concept: index, kind: .name, caseSensitive: Self.isCaseSensitive(name),
                            fuzzyTarget: false, lexicon: lexicon)
            }
            for name in concept.contextual {
                builder.add(name, concept: index, kind: .contextual, caseSensitive: false, fuzzyTarget: false, lexicon: lexicon)
            }
            for name in concept.exclusions {
                builder.add(name, concept: index, kind: .exclusion, caseSensitive: false, fuzzyTarget: false, lexicon: lexicon)
            }
        }
        folded = builder.folded
        cased = builder.cased
        collisions = builder.collisions
        let ordinary = Set(lexicon.ordinaryWords.map { MatchTokenizer.fold($0, alphabetic: true) })
        fuzzy = FuzzyVocabulary(words: builder.fuzzyWords, known: builder.knownKeys, ordinary: ordinary)
        contextWords = lexicon.concepts.map { concept in
            Set(concept.context.map { word in
                MatchTokenizer.tokens(Array(word.unicodeScalars), in: TextSpan(0, word.unicodeScalars.count))
                    .map(\.folded).joined()
            })
        }
    }

    /// Mentions within `span`, in text order, not overlapping, with exact scalar offsets
    /// (`text.slice(mention.span) == mention.matched`).
    public func mentions(in text: SourceText, span: TextSpan) -> [ConceptMention] {
        let tokens = MatchTokenizer.tokens(text.scalars, in: span)
        var corrections: [String: String?] = [:]
        var result: [ConceptMention] = []
        let journalTitle = context.journalTitleTokens(tokens).union(context.organisationNameTokens(tokens))
        var index = 0
        while index < tokens.count {
            var best = walk(folded, tokens, from: index, caseSensitive: false, corrections: &corrections)
            if tokens[index].mayStartAbbreviation,
               let candidate = walk(cased, tokens, from: index, caseSensitive: true, corrections: &corrections),
               best.map({ Self.isBetter(candidate, than: $0) }) ?? true {
                best = candidate
            }
            guard let match = best else {
                index += 1
                continue
            }
            switch match.entry.kind {
            case .exclusion:
                index = match.last + 1
                continue
            case .contextual where !hasContext(tokens, around: index...match.last, concept: match.entry.concept):
                index += 1
                continue
            default:
                break
            }
            let concept = lexicon.concepts[match.entry.concept]
            if journalTitle.contains(index) || concept.type == .condition && context.isNegated(tokens, before: index) {
                index = match.last + 1
                continue
            }
            let mentionSpan = TextSpan(tokens[index].start, tokens[match.last].end)
            result.append(ConceptMention(conceptID: concept.id, span: mentionSpan,
                                         matched: MatchTokenizer.string(text.scalars, mentionSpan.start, mentionSpan.end), isFuzzy: match.isFuzzy))
            index = match.last + 1
        }
        return result
    }

    /// Mentions in the whole text.
    public func mentions(in text: SourceText) -> [ConceptMention] { mentions(in: text, span: text.fullSpan) }

    /// The ids of the concepts a stretch of text names, in order of first mention, without repeats.
    public func conceptIDs(in text: SourceText, span: TextSpan) -> [String] {
        var seen: Set<String> = []
        return mentions(in: text, span: span).map(\.conceptID).filter { seen.insert($0).inserted }
    }

    // MARK: - Walking

    private struct Match {
        var last: Int
        var entry: PhraseTrie.Entry
        var isFuzzy: Bool
        var caseSensitive: Bool
    }

    /// Longer wins; at equal length an exact match beats a corrected one, and an abbreviation as written
    /// beats a folded name.
    private static func isBetter(_ candidate: Match, than current: Match) -> Bool {
        if candidate.last != current.last { return candidate.last > current.last }
        if candidate.isFuzzy != current.isFuzzy { return !candidate.isFuzzy }
        return candidate.caseSensitive && !current.caseSensitive
    }

    private func walk(_ trie: PhraseTrie, _ tokens: [MatchToken], from start: Int, caseSensitive: Bool,
                      corrections: inout [String: String?]) -> Match? {
        var node = PhraseTrie.root
        var best: Match?
        var isFuzzy = false
        var position = start
        while position < tokens.count {
            let token = tokens[position]
            let first = position == start
            if !first, token.gap == .breaking { break }
            let gap: MatchToken.Gap = first ? .joining : token.gap
            let key = caseSensitive ? token.cased : token.folded
            if let next = trie.child(of: node, PhraseTrie.edgeKey(key, gap: gap)) {
                node = next
            } else if !caseSensitive, token.isAlphabetic,
                      let corrected = correction(of: key, cache: &corrections),
                      let next = trie.child(of: node, PhraseTrie.edgeKey(corrected, gap: gap)) {
                node = next
                isFuzzy = true
            } else if !first, !caseSensitive, gap == .joining, MatchTokenizer.skippable.contains(key) {
                position += 1  // "calcification of [her] aorta": a determiner inside a name is passed over
                continue
            } else {
                break
            }
            if let entry = trie.entry(at: node) {
                best = Match(last: position, entry: entry, isFuzzy: isFuzzy, caseSensitive: caseSensitive)
            }
            position += 1
        }
        return best
    }

    private func correction(of key: String, cache: inout [String: String?]) -> String? {
        guard key.unicodeScalars.count >= FuzzyVocabulary.minimumLength else { return nil }
        if let cached = cache[key] { return cached }
        let corrected = fuzzy.correction(of: key)
        cache[key] = .some(corrected)
        return corrected
    }

    private func hasContext(_ tokens: [MatchToken], around range: ClosedRange<Int>, concept: Int) -> Bool {
        let words = contextWords[concept]
        guard !words.isEmpty else { return true }
        let low = max(0, range.lowerBound - Self.contextWindow)
        let high = min(tokens.count - 1, range.upperBound + Self.contextWindow)
        guard low <= high else { return false }
        for position in low...high where !range.contains(position) {
            if words.contains(tokens[position].folded) { return true }
            // Context words such as "mk7" or "d3" are two tokens written together.
            if position + 1 <= high, !range.contains(position + 1), tokens[position + 1].gap == .joining,
               words.contains(tokens[position].folded + tokens[position + 1].folded) {
                return true
            }
        }
        return false
    }

    /// Abbreviations keep their case ("CAD", "MI"), except longer ones with a digit ("MK7", "T2DM"), which
    /// no ordinary word resembles, so "mk7" and "Mk-7" count too.
    static func isCaseSensitive(_ abbreviation: String) -> Bool {
        let characters = abbreviation.unicodeScalars.filter { MatchTokenizer.isLetter($0) || MatchTokenizer.isDigit($0) }
        return !(characters.contains(where: MatchTokenizer.isDigit) && characters.count >= 3)
    }
}

/// Collects the lexicon's names into the tries.
private struct Builder {
    var folded = PhraseTrie()
    var cased = PhraseTrie()
    var collisions: [ConceptMatcher.Collision] = []
    var fuzzyWords: Set<String> = []
    var knownKeys: Set<String> = []

    mutating func add(_ name: String, concept: Int, kind: PhraseTrie.Entry.Kind, caseSensitive: Bool,
                      fuzzyTarget: Bool, lexicon: Lexicon) {
        let scalars = Array(name.unicodeScalars)
        var tokens = MatchTokenizer.tokens(scalars, in: TextSpan(0, scalars.count))
        guard !tokens.isEmpty else { return }
        // Determiners inside a name are optional in text, so they are not part of its path.
        tokens = tokens.enumerated().filter { offset, token in
            offset == 0 || offset == tokens.count - 1 || !MatchTokenizer.skippable.contains(token.folded)
        }.map(\.element)
        var keys: [String] = []
        for (offset, token) in tokens.enumerated() {
            let key = caseSensitive ? token.cased : token.folded
            keys.append(PhraseTrie.edgeKey(key, gap: offset == 0 ? .joining : token.gap))
            knownKeys.insert(token.folded)
            if fuzzyTarget, token.isAlphabetic { fuzzyWords.insert(token.folded) }
        }
        let entry = PhraseTrie.Entry(concept: concept, kind: kind)
        if caseSensitive {
            record(cased.insert(keys, entry: entry), name: name, concept: concept, lexicon: lexicon)
            // "DOACs", "CKDs": the plural of an abbreviation in capitals.
            if let last = tokens.last, last.isAlphabetic, last.cased.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) {
                var plural = keys
                plural[plural.count - 1] = PhraseTrie.edgeKey(last.cased + "s", gap: tokens.count == 1 ? .joining : last.gap)
                cased.insert(plural, entry: entry)
            }
        } else {
            record(folded.insert(keys, entry: entry), name: name, concept: concept, lexicon: lexicon)
        }
    }

    private mutating func record(_ existing: PhraseTrie.Entry?, name: String, concept: Int, lexicon: Lexicon) {
        guard let existing, existing.concept != concept else { return }
        collisions.append(ConceptMatcher.Collision(name: name, firstConceptID: lexicon.concepts[existing.concept].id,
                                                    secondConceptID: lexicon.concepts[concept].id))
    }
}
