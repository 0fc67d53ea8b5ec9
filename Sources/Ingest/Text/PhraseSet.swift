/// A set of cue phrases matched against word tokens, loaded from the lexicon's data files.
///
/// A phrase is a sequence of lower-case words; a word ending in `*` matches any word with that prefix
/// ("activat*" matches "activating"). Phrases are indexed by their first word so that matching a sentence
/// costs one dictionary lookup per token.
struct PhraseSet: Sendable {
    private struct Phrase: Sendable {
        var words: [String]
        var prefixLast: Bool
    }

    private var exactFirst: [String: [Phrase]] = [:]
    private var prefixFirst: [Phrase] = []

    init(_ phrases: [String]) {
        for raw in phrases {
            var words = WordTokenizer.tokens(raw, base: 0).map(\.lower)
            guard !words.isEmpty else { continue }
            let prefixLast = raw.hasSuffix("*")
            if words.count == 1 && prefixLast {
                prefixFirst.append(Phrase(words: words, prefixLast: true))
                continue
            }
            let first = words.removeFirst()
            exactFirst[first, default: []].append(Phrase(words: [first] + words, prefixLast: prefixLast))
        }
    }

    var isEmpty: Bool { exactFirst.isEmpty && prefixFirst.isEmpty }

    /// The token ranges where a phrase matches, longest match per start, in order.
    func matches(in tokens: [WordToken], from lower: Int = 0, to upper: Int? = nil) -> [Range<Int>] {
        let end = min(upper ?? tokens.count, tokens.count)
        guard lower < end else { return [] }
        var found: [Range<Int>] = []
        for index in lower..<end {
            var best = 0
            for phrase in exactFirst[tokens[index].lower] ?? [] where matchLength(phrase, tokens, index, end) > best {
                best = phrase.words.count
            }
            for phrase in prefixFirst where tokens[index].lower.hasPrefix(phrase.words[0]) { best = max(best, 1) }
            if best > 0 { found.append(index..<(index + best)) }
        }
        return found
    }

    func contains(in tokens: [WordToken], from lower: Int = 0, to upper: Int? = nil) -> Bool {
        !matches(in: tokens, from: lower, to: upper).isEmpty
    }

    private func matchLength(_ phrase: Phrase, _ tokens: [WordToken], _ start: Int, _ end: Int) -> Int {
        guard start + phrase.words.count <= end else { return 0 }
        for (offset, word) in phrase.words.enumerated() {
            let token = tokens[start + offset].lower
            let isLast = offset == phrase.words.count - 1
            if isLast && phrase.prefixLast ? !token.hasPrefix(word) : token != word { return 0 }
        }
        return phrase.words.count
    }
}
