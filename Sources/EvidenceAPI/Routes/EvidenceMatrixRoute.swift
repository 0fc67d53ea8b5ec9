import Ingest
import SQLiteDB

/// GET /v1/conditions/{id}/evidence: for one condition (and its narrower conditions), one row per intervention
/// with study counts by design and by direction, the best evidence level, and the study ids.
enum EvidenceMatrixRoute {
    static let route = Route(
        path: "/v1/conditions/{id}/evidence",
        summary: "What is known about a condition: one row per intervention, with study counts by design and direction.",
        parameters: [], isList: false, schema: "EvidenceMatrix"
    ) { context in
        try context.services.pool.read { db in
            let id = try ConceptRoutes.resolve(context.pathValues[0], type: "condition", context: context, db: db)
            let name = try db.queryFirst("SELECT name FROM concepts WHERE id = ?", [id]) { $0.text(0) } ?? id
            // Each study counts once per intervention substance, however many forms or sources name it.
            let rows = try db.query("""
                SELECT DISTINCT r.concept_id, c.name, s.id, s.design, s.direction, s.evidence_level
                FROM study_concept_index ci
                JOIN studies s ON s.id = ci.study_id
                JOIN study_report_concepts r ON r.study_id = s.id AND r.role = 'intervention'
                JOIN concepts c ON c.id = r.concept_id
                WHERE ci.concept_id = ?
                ORDER BY r.concept_id, s.id
                """, [id]) { row in
                (intervention: row.text(0), name: row.text(1), study: row.text(2), design: row.text(3),
                 direction: row.text(4), level: row.optionalInt(5))
            }
            var groups: [(id: String, name: String, rows: [(design: String, direction: String, level: Int?, study: String)])] = []
            for row in rows {
                if groups.last?.id != row.intervention { groups.append((row.intervention, row.name, [])) }
                groups[groups.count - 1].rows.append((row.design, row.direction, row.level, row.study))
            }
            groups.sort { $0.rows.count != $1.rows.count ? $0.rows.count > $1.rows.count : $0.id < $1.id }
            var json = JSONBuffer()
            json.object { top in
                top.nested("condition") { $0.object { $0.field("id", id); $0.field("name", name) } }
                top.nested("data") { data in
                    data.array(groups) { out, group in
                        out.object { row in
                            row.nested("intervention") { $0.object { $0.field("id", group.id); $0.field("name", group.name) } }
                            row.field("study_count", group.rows.count)
                            row.nested("by_design") { out in counts(StudyDesign.allCases.map(\.rawValue), group.rows.map(\.design), &out) }
                            row.nested("by_direction") { out in counts(Direction.allCases.map(\.rawValue), group.rows.map(\.direction), &out) }
                            row.field("best_evidence_level", group.rows.compactMap(\.level).min())
                            row.stringArray("study_ids", group.rows.map(\.study))
                        }
                    }
                }
                top.nested("meta") { $0.object { $0.field("total", groups.count) } }
            }
            return .json(json.bytes)
        }
    }

    /// Counts of each value that occurs, in the enumeration's order (values that never occur are left out).
    private static func counts(_ order: [String], _ values: [String], _ out: inout JSONBuffer) {
        var tally: [String: Int] = [:]
        for value in values { tally[value, default: 0] += 1 }
        out.object { object in
            for key in order { if let count = tally[key] { object.field(key, count) } }
        }
    }
}
