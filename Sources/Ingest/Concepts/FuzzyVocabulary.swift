/// The long words of the lexicon, found again when misspelt ("calification", "vascualr").
///
/// A symmetric-deletion index: every word is stored under each string got by deleting up to two of its
/// letters, and a text word is looked up under its own deletions. That finds all candidates within the
/// distance in a few dozen hash look-ups instead of comparing the word with every lexicon word; the
/// candidates are then checked with the optimal-string-alignment distance (a transposition counts once).
struct FuzzyVocabulary: Sendable {
    /// Words shorter than this are never corrected: short words have too many real neighbours.
    static let minimumLength = 8
    /// From this length on, two edits are allowed; below it, one.
    static let twoEditLength = 11

    private let words: [String]
    private let known: Set<String>
    private let ordinary: Set<String>
    private var deletions: [String: [Int32]] = [:]

    /// `words` are the folded keys of lexicon words; `known` are all keys (never corrected, being right);
    /// `ordinary` are real words close to a lexicon word (never corrected, being other words).
    init(words: Set<String>, known: Set<String>, ordinary: Set<String>) {
        self.words = words.filter { $0.unicodeScalars.count >= Self.minimumLength }.sorted()
        self.known = known
        self.ordinary = ordinary
        for (index, word) in self.words.enumerated() {
            for variant in Self.deletionVariants(of: word, depth: 2) {
                deletions[variant, default: []].append(Int32(index))
            }
        }
    }

    /// The lexicon word that `key` is a misspelling of, when there is exactly one best candidate.
    func correction(of key: String) -> String? {
        let length = key.unicodeScalars.count
        guard length >= Self.minimumLength, !known.contains(key), !ordinary.contains(key),
              key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let allowed = length >= Self.twoEditLength ? 2 : 1
        var best: String?
        var bestDistance = Int.max
        var tie = false
        var seen: Set<Int32> = []
        for variant in Self.deletionVariants(of: key, depth: allowed) {
            for index in deletions[variant] ?? [] where seen.insert(index).inserted {
                let word = words[Int(index)]
                // Misspellings rarely touch the first letter; requiring it keeps ordinary words out.
                guard word.unicodeScalars.first == key.unicodeScalars.first,
                      abs(word.unicodeScalars.count - length) <= allowed else { continue }
                let distance = Self.distance(key, word, limit: allowed)
                if distance < bestDistance {
                    best = word
                    bestDistance = distance
                    tie = false
                } else if distance == bestDistance, word != best {
                    tie = true
                }
            }
        }
        guard bestDistance <= allowed, !tie else { return nil }
        return best
    }

    /// The word itself and every string got from it by deleting up to `depth` scalars.
    static func deletionVariants(of word: String, depth: Int) -> Set<String> {
        var result: Set<String> = [word]
        var frontier: [[Unicode.Scalar]] = [Array(word.unicodeScalars)]
        for _ in 0..<depth {
            var next: [[Unicode.Scalar]] = []
            for scalars in frontier where scalars.count > 1 {
                for index in scalars.indices {
                    var shorter = scalars
                    shorter.remove(at: index)
                    var text = String()
                    text.unicodeScalars.append(contentsOf: shorter)
                    if result.insert(text).inserted { next.append(shorter) }
                }
            }
            frontier = next
        }
        return result
    }

    /// Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
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
