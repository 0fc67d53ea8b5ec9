import SQLiteDB
import EvidenceModel

/// GET /v1/conditions/{id}/evidence: for one condition (and its narrower conditions), one row per studied
/// intervention, built from findings: study counts by design and by direction (each study once, with the direction
/// of its findings for the pair), the best evidence level, whether the studies conflict, the study ids (up to 20)
/// and the path of the findings behind the row.
enum EvidenceMatrixRoute {
    static let route = Route(
        path: "/v1/conditions/{id}/evidence",
        summary: "What is known about a condition: one row per studied intervention, built from the studies' findings, "
            + "with study counts by design and direction and whether they conflict.",
        parameters: [], isList: false, schema: "EvidenceMatrix"
    ) { context in
        let pool = context.services.pool
        let generation = pool.generation.load(ordering: .sequentiallyConsistent)
        return try context.read { db in
            let id = try ConceptRoutes.resolve(context.pathValues[0], type: "condition", context: context, db: db)
            return .json(try context.services.matrixCache.body(pool: pool, condition: id, generationBefore: generation) {
                try render(condition: id, db: db)
            })
        }
    }

    /// The matrix of one condition as the store's counts and cells have it now.
    static func render(condition id: String, db: Database) throws -> [UInt8] {
        let name = try db.queryFirst("SELECT name FROM concepts WHERE id = ?", [id]) { $0.text(0) } ?? id
        // Counts are kept by the store per (intervention, design, direction, level): a few rows per condition.
        let counts = try db.query("""
            SELECT e.intervention_id, c.name, e.design, e.direction, e.level, e.studies
            FROM evidence_counts e JOIN concepts c ON c.id = e.intervention_id
            WHERE e.condition_id = ? ORDER BY e.intervention_id
            """, [id]) { row in
            (intervention: row.text(0), name: row.text(1), design: row.text(2), direction: row.text(3),
             level: row.int(4), studies: row.int(5))
        }
        var groups: [MatrixRow] = []
        for count in counts {
            if groups.last?.id != count.intervention { groups.append(MatrixRow(id: count.intervention, name: count.name)) }
            groups[groups.count - 1].add(design: count.design, direction: count.direction, level: count.level,
                                         studies: count.studies)
        }
        for index in groups.indices {
            groups[index].studyIDs = try db.query("""
                SELECT study_id FROM evidence_cells WHERE condition_id = ? AND intervention_id = ?
                ORDER BY study_id LIMIT ?
                """, [id, groups[index].id, maxStudyIDs]) { $0.text(0) }
        }
        groups.sort { $0.studyCount != $1.studyCount ? $0.studyCount > $1.studyCount : $0.id < $1.id }
        var json = JSONBuffer()
        json.object { top in
            top.nested("condition") { $0.object { $0.field("id", id); $0.field("name", name) } }
            top.nested("data") { data in
                data.array(groups) { out, group in
                    out.object { row in
                        row.nested("intervention") { $0.object { $0.field("id", group.id); $0.field("name", group.name) } }
                        row.field("study_count", group.studyCount)
                        row.nested("by_design") { out in ordered(StudyDesign.allCases.map(\.rawValue), group.byDesign, &out) }
                        row.nested("by_direction") { out in ordered(Direction.allCases.map(\.rawValue), group.byDirection, &out) }
                        row.field("best_evidence_level", group.bestLevel)
                        row.field("conflicting", group.isConflicting)
                        row.field("findings", "/v1/findings?condition=" + id + "&intervention=" + group.id)
                        row.stringArray("study_ids", group.studyIDs)
                        row.field("study_ids_complete", group.studyIDs.count == group.studyCount)
                    }
                }
            }
            top.nested("meta") { $0.object { $0.field("total", groups.count) } }
        }
        return json.bytes
    }

    /// At most this many study ids per row; `study_ids_complete` says whether they are all there, and
    /// /v1/studies?condition=…&intervention=… pages through the rest.
    static let maxStudyIDs = 20

    struct MatrixRow {
        var id: String
        var name: String
        var studyCount = 0
        var byDesign: [String: Int] = [:]
        var byDirection: [String: Int] = [:]
        var bestLevel: Int?
        var studyIDs: [String] = []

        init(id: String, name: String) {
            self.id = id
            self.name = name
        }

        /// Benefit beside no effect or harm: the row's studies disagree.
        var isConflicting: Bool {
            (byDirection["benefit"] ?? 0) > 0 && ((byDirection["no_effect"] ?? 0) > 0 || (byDirection["harm"] ?? 0) > 0)
        }

        /// Each study has one design, direction and level, so the counts of one intervention add up per study.
        mutating func add(design: String, direction: String, level: Int, studies: Int) {
            studyCount += studies
            byDesign[design, default: 0] += studies
            byDirection[direction, default: 0] += studies
            if level < 9 { bestLevel = min(bestLevel ?? level, level) }
        }
    }

    /// Counts in the enumeration's order (values that never occur are left out).
    private static func ordered(_ order: [String], _ tally: [String: Int], _ out: inout JSONBuffer) {
        out.object { object in
            for key in order { if let count = tally[key] { object.field(key, count) } }
        }
    }
}
