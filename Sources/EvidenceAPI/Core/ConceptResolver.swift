import SQLiteDB
import EvidenceModel

/// Resolves what a user types for `condition=` or `intervention=` (an id, a name, a synonym, a brand, an
/// abbreviation, or a near miss of one) to a concept id.
struct ConceptResolver: Sendable {
    struct Term: Sendable {
        var key: String
        var conceptID: String
        var type: String
    }

    private var byKey: [String: [(id: String, type: String)]] = [:]
    private var terms: [Term] = []

    init(db: Database) throws {
        let rows = try db.query("""
            SELECT t.term_key, t.concept_id, c.type FROM concept_terms t JOIN concepts c ON c.id = t.concept_id
            UNION SELECT c.id, c.id, c.type FROM concepts c
            """) { Term(key: ConceptKey.normalize($0.text(0)), conceptID: $0.text(1), type: $0.text(2)) }
        for term in rows where !term.key.isEmpty {
            byKey[term.key, default: []].append((term.conceptID, term.type))
            terms.append(term)
        }
    }

    /// The concept of `type` that `input` names, or nil. Exact keys first; then, for inputs of six or more
    /// letters, the closest term within edit distance 2 (1 for shorter words), when it is unambiguous.
    func resolve(_ input: String, type: String) -> String? {
        let key = ConceptKey.normalize(input)
        guard !key.isEmpty else { return nil }
        if let matches = byKey[key]?.filter({ $0.type == type }), let first = matches.first { return first.id }
        guard key.count >= 5 else { return nil }
        let limit = key.count >= 8 ? 2 : 1
        var best: (distance: Int, ids: Set<String>) = (limit + 1, [])
        for term in terms where term.type == type && abs(term.key.count - key.count) <= limit {
            let distance = EditDistance.between(key, term.key, limit: limit)
            if distance < best.distance { best = (distance, [term.conceptID]) }
            else if distance == best.distance { best.ids.insert(term.conceptID) }
        }
        return best.ids.count == 1 ? best.ids.first : nil
    }
}

enum EditDistance {
    /// Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`.
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return min(previous[y.count], limit + 1)
    }
}
