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
    /// A bit per `cueKey` (modulo its size) of the ASCII first words: a token whose bit is clear starts no
    /// phrase, which spares the dictionary's string hash for most tokens of most sets.
    private var firstWordBits = [UInt64](repeating: 0, count: PhraseSet.filterWords)
    private static let filterWords = 64

    private static func bit(_ key: UInt32) -> (word: Int, mask: UInt64) {
        let slot = Int(key % UInt32(filterWords * 64))
        return (slot >> 6, 1 << UInt64(slot & 63))
    }

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
            let key = WordTokenizer.cueKey(first)
            if key != 0 {
                let (word, mask) = Self.bit(key)
                firstWordBits[word] |= mask
            }
        }
    }

    var isEmpty: Bool { exactFirst.isEmpty && prefixFirst.isEmpty }

    /// The token ranges where a phrase matches, longest match per start, in order.
    func matches(in tokens: [WordToken], from lower: Int = 0, to upper: Int? = nil) -> [Range<Int>] {
        let end = min(upper ?? tokens.count, tokens.count)
        guard lower < end else { return [] }
        var found: [Range<Int>] = []
        for index in lower..<end {
            let best = longestMatch(tokens, at: index, end: end)
            if best > 0 { found.append(index..<(index + best)) }
        }
        return found
    }

    /// Whether any phrase matches: stops at the first, without building the list of matches.
    func contains(in tokens: [WordToken], from lower: Int = 0, to upper: Int? = nil) -> Bool {
        let end = min(upper ?? tokens.count, tokens.count)
        guard lower < end else { return false }
        for index in lower..<end where longestMatch(tokens, at: index, end: end) > 0 { return true }
        return false
    }

    /// The length in tokens of the longest phrase that starts at `index` and ends by `end`; 0 for none.
    @inline(__always)
    private func longestMatch(_ tokens: [WordToken], at index: Int, end: Int) -> Int {
        var best = 0
        if mayStartPhrase(tokens[index]) {
            for phrase in exactFirst[tokens[index].lower] ?? [] where matchLength(phrase, tokens, index, end) > best {
                best = phrase.words.count
            }
        }
        for phrase in prefixFirst where tokens[index].lower.hasPrefix(phrase.words[0]) { best = max(best, 1) }
        return best
    }

    /// False only when no phrase of `exactFirst` can start with this token: an ASCII token can equal only an
    /// ASCII first word (folded words hold no compatibility characters such as the Kelvin sign), and then their
    /// keys are equal and its bit is set. A non-ASCII token (key 0) always takes the dictionary lookup.
    @inline(__always)
    private func mayStartPhrase(_ token: WordToken) -> Bool {
        guard token.cueKey != 0 else { return true }
        let (word, mask) = Self.bit(token.cueKey)
        return firstWordBits[word] & mask != 0
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
