/// The long words of the lexicon, found again when misspelt ("calification", "vascualr"): same first and last
/// letter, one edit (two from eleven letters), one best candidate.
///
/// A symmetric-deletion index: every word is stored under each string got by deleting up to two of its
/// letters, and a text word is looked up under its own deletions. That finds all candidates within the
/// distance in a few dozen hash look-ups instead of comparing the word with every lexicon word; the
/// candidates are then checked with the optimal-string-alignment distance (a transposition counts once).
///
/// The deletions are stored as 64-bit hashes of their scalars, never as strings: building the index is then
/// a few million multiplications instead of a hundred thousand string allocations, which every `evidence
/// ingest` paid at start-up. A hash collision only adds a candidate, which the distance check rejects.
struct FuzzyVocabulary: Sendable {
    /// Words shorter than this are never corrected: short words have too many real neighbours.
    static let minimumLength = 8
    /// From this length on, two edits are allowed; below it, one.
    static let twoEditLength = 11

    private let words: [[Unicode.Scalar]]
    private let known: Set<String>
    private let ordinary: Set<String>
    private var deletions: [UInt64: [Int32]] = [:]

    /// `words` are the folded keys of lexicon words; `known` are all keys (never corrected, being right);
    /// `ordinary` are real words close to a lexicon word (never corrected, being other words).
    init(words: Set<String>, known: Set<String>, ordinary: Set<String>) {
        self.words = words.sorted().map { Array($0.unicodeScalars) }.filter { $0.count >= Self.minimumLength }
        self.known = known
        self.ordinary = ordinary
        deletions.reserveCapacity(self.words.count * 128)
        for (index, word) in self.words.enumerated() {
            Self.forEachDeletion(of: word, depth: 2) { deletions[$0, default: []].append(Int32(index)) }
        }
    }

    /// The lexicon word that `key` is a misspelling of, when there is exactly one best candidate.
    func correction(of key: String) -> String? {
        let scalars = Array(key.unicodeScalars)
        let length = scalars.count
        guard length >= Self.minimumLength, !known.contains(key), !ordinary.contains(key),
              scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let allowed = length >= Self.twoEditLength ? 2 : 1
        var best: Int32?
        var bestDistance = Int.max
        var tie = false
        var seen: Set<Int32> = []
        Self.forEachDeletion(of: scalars, depth: allowed) { variant in
            for index in deletions[variant] ?? [] where seen.insert(index).inserted {
                let word = words[Int(index)]
                // Misspellings rarely touch the first letter; requiring it keeps ordinary words out. Nor the last:
                // a word that differs from a lexicon word at its end is mostly another word of the same stem
                // ("independent" beside "independence", "concentrating" beside "concentration").
                guard word.first == scalars.first, word.last == scalars.last, abs(word.count - length) <= allowed else { continue }
                let distance = Self.distance(scalars, word, limit: allowed)
                if distance < bestDistance {
                    best = index
                    bestDistance = distance
                    tie = false
                } else if distance == bestDistance, index != best {
                    tie = true
                }
            }
        }
        guard bestDistance <= allowed, !tie, let best else { return nil }
        return String(String.UnicodeScalarView(words[Int(best)]))
    }

    /// Calls `body` with the hash of the word itself and of every string got from it by deleting up to `depth`
    /// (one or two) scalars. The same string may come more than once (deleting either "a" of "aa").
    static func forEachDeletion(of word: [Unicode.Scalar], depth: Int, _ body: (UInt64) -> Void) {
        body(hash(word, skipping: -1, -1))
        guard depth >= 1, word.count > 1 else { return }
        for first in word.indices {
            body(hash(word, skipping: first, -1))
            guard depth >= 2, word.count > 2 else { continue }
            for second in (first + 1)..<word.count { body(hash(word, skipping: first, second)) }
        }
    }

    /// FNV-1a over the scalar values, leaving out the scalars at two positions (-1 for none).
    static func hash(_ word: [Unicode.Scalar], skipping first: Int, _ second: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (position, scalar) in word.enumerated() where position != first && position != second {
            hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
