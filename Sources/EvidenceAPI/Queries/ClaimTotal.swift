import SQLiteDB

/// The total of a /v1/claims list filtered by one concept alone, from `concepts.claim_count` (the store keeps it
/// equal to the concept's rows in claim_concept_rows, each of which has its claim). Counting through the join
/// read every claim of the concept: 75 ms for 57,000 claims at the million-study scale, on every page.
enum ClaimTotal {
    static func shortcut(filters: Set<String>, condition: String?, intervention: String?) -> ((Database) throws -> Int)? {
        switch filters {
        case ["condition"]: return condition.map(storedCount)
        case ["intervention"]: return intervention.map(storedCount)
        default: return nil
        }
    }

    private static func storedCount(_ concept: String) -> (Database) throws -> Int {
        { db in try db.queryFirst("SELECT claim_count FROM concepts WHERE id = ?", [concept]) { $0.int(0) } ?? 0 }
    }
}
