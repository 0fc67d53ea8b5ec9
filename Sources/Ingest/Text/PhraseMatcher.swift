/// Finds any of a fixed set of lower-case phrases in lower-case text in one pass.
///
/// Phrases are grouped by their first scalar, so each position of the text is compared only with the few
/// phrases that can start there: linear in the text, unlike asking `contains` once per phrase (which on Linux
/// goes through Foundation and dominates the cost of long comments and pages).
///
/// Kept apart from `PhraseSet` on purpose: this one matches raw scalars anywhere (inside words, across
/// punctuation: "http", "% off"), where `PhraseSet` matches whole words of a tokenised sentence, with
/// prefix wildcards. Each is linear in its input; one in terms of the other would tokenise text that never
/// needs words, or lose the word edges that cue phrases rely on.
struct PhraseMatcher: Sendable {
    /// Phrases by first scalar: a table for ASCII (no hashing in the inner loop), a dictionary for the rest.
    private let ascii: [[[Unicode.Scalar]]]
    private let other: [Unicode.Scalar: [[Unicode.Scalar]]]
    let isEmpty: Bool

    init(_ phrases: [String]) {
        var ascii = [[[Unicode.Scalar]]](repeating: [], count: 128)
        var other: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for phrase in phrases {
            let scalars = Array(phrase.unicodeScalars)
            guard let first = scalars.first else { continue }
            if first.value < 128 { ascii[Int(first.value)].append(scalars) } else { other[first, default: []].append(scalars) }
        }
        self.ascii = ascii
        self.other = other
        isEmpty = phrases.allSatisfy(\.isEmpty)
    }

    @inline(__always)
    private func candidates(_ first: Unicode.Scalar) -> [[Unicode.Scalar]]? {
        if first.value < 128 {
            let bucket = ascii[Int(first.value)]
            return bucket.isEmpty ? nil : bucket
        }
        return other.isEmpty ? nil : other[first]
    }

    /// Whether any phrase occurs in `text` (already lower-cased).
    func occurs(in text: [Unicode.Scalar]) -> Bool {
        firstOccurrence(in: text) != nil
    }

    func occurs(in text: String) -> Bool { occurs(in: Array(text.unicodeScalars)) }

    /// The offset of the first occurrence of any phrase.
    func firstOccurrence(in text: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard !isEmpty else { return nil }
        var i = max(0, start)
        while i < text.count {
            if let candidates = candidates(text[i]) {
                for phrase in candidates where matches(phrase, text, at: i) { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether a phrase occurs as whole words: not preceded or followed by a letter or digit.
    func occursAsWord(in text: [Unicode.Scalar]) -> Bool {
        guard !isEmpty else { return false }
        for i in 0..<text.count where i == 0 || !ScalarKind.isAlphanumeric(text[i - 1]) {
            guard let candidates = candidates(text[i]) else { continue }
            for phrase in candidates where matches(phrase, text, at: i) {
                let end = i + phrase.count
                if end == text.count || !ScalarKind.isAlphanumeric(text[end]) { return true }
            }
        }
        return false
    }

    /// Whether a phrase starts `text`, ending at a word boundary when the phrase ends in a letter or digit.
    func isPrefix(of text: [Unicode.Scalar]) -> Bool {
        guard let first = text.first, let candidates = candidates(first) else { return false }
        for phrase in candidates where matches(phrase, text, at: 0) {
            guard let last = phrase.last, ScalarKind.isAlphanumeric(last), phrase.count < text.count else { return true }
            if !ScalarKind.isAlphanumeric(text[phrase.count]) { return true }
        }
        return false
    }

    @inline(__always)
    private func matches(_ phrase: [Unicode.Scalar], _ text: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + phrase.count <= text.count else { return false }
        var k = 1
        while k < phrase.count {
            if text[i + k] != phrase[k] { return false }
            k += 1
        }
        return true
    }
}
