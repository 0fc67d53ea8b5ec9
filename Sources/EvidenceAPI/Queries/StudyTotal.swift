import SQLiteDB

/// The total of a /v1/studies list taken from an index alone, when its filters allow. Counting through the
/// list's own query joins `studies` and looks up every match's row: at a million studies that count was most
/// of a request (hundreds of ms), page 50 as much as page 1.
enum StudyTotal {
    /// A cheaper count for these filters (the names of the query's filter parameters and their resolved values),
    /// or nil when only the list's own query can count them. Values that resolved to nothing are not shortcut:
    /// the list is empty and its count is free.
    static func shortcut(filters: Set<String>, condition: String?, intervention: String?, match: String?)
        -> ((Database) throws -> Int)?
    {
        switch filters {
        case ["condition"]:
            return condition.map(storedCount)
        case ["intervention"]:
            return intervention.map(storedCount)
        case ["condition", "intervention"]:
            guard let condition, let intervention else { return nil }
            // The two index ranges intersected, without the studies rows (every index row has its study:
            // the foreign key deletes the row with the study).
            return { db in
                try db.queryFirst("""
                    SELECT count(*) FROM study_concept_index ci
                    JOIN study_concept_index ii ON ii.study_id = ci.study_id AND ii.concept_id = ?
                    WHERE ci.concept_id = ?
                    """, [intervention, condition]) { $0.int(0) } ?? 0
            }
        case ["q"]:
            guard let match else { return nil }
            // Every studies_fts row belongs to a study: the store rewrites a study's full-text row in the
            // transaction that changes or deletes the study.
            return { db in
                try db.queryFirst("SELECT count(*) FROM studies_fts WHERE studies_fts MATCH ?", [match]) { $0.int(0) } ?? 0
            }
        default:
            return nil
        }
    }

    /// A concept's studies, its own and its narrower concepts', as the store keeps them in concepts.study_count.
    private static func storedCount(_ concept: String) -> (Database) throws -> Int {
        { db in try db.queryFirst("SELECT study_count FROM concepts WHERE id = ?", [concept]) { $0.int(0) } ?? 0 }
    }
}
