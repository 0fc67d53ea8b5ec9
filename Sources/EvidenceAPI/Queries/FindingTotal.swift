import SQLiteDB

/// The total of a /v1/findings list filtered by one concept, from `concepts.finding_count` (the store keeps it
/// equal to the concept's rows in finding_concept_index, each of which has its finding), or by a condition and an
/// intervention (a matrix row's link), from `finding_pair_counts`: a page at a million studies then never counts
/// hundreds of thousands of index rows.
enum FindingTotal {
    static func shortcut(filters: Set<String>, condition: String?, intervention: String?) -> ((Database) throws -> Int)? {
        switch filters {
        case ["condition"]: return condition.map(storedCount)
        case ["intervention"]: return intervention.map(storedCount)
        case ["condition", "intervention"]:
            guard let condition, let intervention else { return nil }
            return { db in
                try db.queryFirst("SELECT findings FROM finding_pair_counts WHERE condition_id = ? AND intervention_id = ?",
                                  [condition, intervention]) { $0.int(0) } ?? 0
            }
        default: return nil
        }
    }

    private static func storedCount(_ concept: String) -> (Database) throws -> Int {
        { db in try db.queryFirst("SELECT finding_count FROM concepts WHERE id = ?", [concept]) { $0.int(0) } ?? 0 }
    }
}
