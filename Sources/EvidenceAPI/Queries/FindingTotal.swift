import SQLiteDB

/// The total of a /v1/findings list filtered by one concept alone, from `concepts.finding_count` (the store keeps
/// it equal to the concept's rows in finding_concept_index, each of which has its finding), so that a page at a
/// million studies does not count half a million index rows.
enum FindingTotal {
    static func shortcut(filters: Set<String>, condition: String?, intervention: String?) -> ((Database) throws -> Int)? {
        switch filters {
        case ["condition"]: return condition.map(storedCount)
        case ["intervention"]: return intervention.map(storedCount)
        default: return nil
        }
    }

    private static func storedCount(_ concept: String) -> (Database) throws -> Int {
        { db in try db.queryFirst("SELECT finding_count FROM concepts WHERE id = ?", [concept]) { $0.int(0) } ?? 0 }
    }
}
