import Testing
@testable import Ingest

/// `PhraseSet` rules tokens out by a precomputed key before its dictionary lookup: it must find exactly what a
/// plain word-by-word comparison finds, for ASCII and non-ASCII words alike.
@Suite struct PhraseSetTests {
    static let phrases = ["did not", "did not significantly", "no benefit", "activat*", "reduc* risk", "café au lait",
                          "naïve", "k2", "non-dialyzed patients", "had no", "–", "über"]

    /// The longest phrase at each start, found by comparing words one by one.
    static func reference(_ tokens: [WordToken]) -> [Range<Int>] {
        let parsed = phrases.map { raw in
            (words: WordTokenizer.tokens(raw, base: 0).map(\.lower), prefix: raw.hasSuffix("*"))
        }.filter { !$0.words.isEmpty }
        var found: [Range<Int>] = []
        for start in tokens.indices {
            var best = 0
            for phrase in parsed where start + phrase.words.count <= tokens.count {
                let matched = phrase.words.indices.allSatisfy { offset in
                    let token = tokens[start + offset].lower
                    let word = phrase.words[offset]
                    return offset == phrase.words.count - 1 && phrase.prefix ? token.hasPrefix(word) : token == word
                }
                if matched { best = max(best, phrase.words.count) }
            }
            if best > 0 { found.append(start..<(start + best)) }
        }
        return found
    }

    @Test(arguments: [
        "Patients who did not significantly improve had no benefit, but activation reduced risk.",
        "The naïve cohort drank café au lait; Über-fans and NON-DIALYZED PATIENTS took K2 daily.",
        "Nothing here matches at all, even with many words to rule out quickly.",
        "Did not. did NOT significantly. Reducing risk, reduces risk; activated, ACTIVATING.",
    ])
    func findsWhatAWordByWordComparisonFinds(_ text: String) {
        let set = PhraseSet(Self.phrases)
        let tokens = WordTokenizer.tokens(text, base: 0)
        let expected = Self.reference(tokens)
        #expect(set.matches(in: tokens) == expected)
        #expect(set.contains(in: tokens) == !expected.isEmpty)
        // Within a window, as the stages ask.
        if tokens.count > 4 {
            let window = Self.reference(Array(tokens[2..<(tokens.count - 1)])).map { ($0.lowerBound + 2)..<($0.upperBound + 2) }
            #expect(set.matches(in: tokens, from: 2, to: tokens.count - 1) == window)
        }
    }

    @Test func keysAreEqualForEqualASCIIWordsAndZeroForOthers() {
        #expect(WordTokenizer.cueKey("benefit") == WordTokenizer.cueKey(String("xbenefit".dropFirst())))
        #expect(WordTokenizer.cueKey("benefit") != 0)
        #expect(WordTokenizer.cueKey("naïve") == 0)
        let tokens = WordTokenizer.tokens("Benefit naïve", base: 0)
        #expect(tokens.map(\.cueKey) == [WordTokenizer.cueKey("benefit"), 0])
    }
}
