import SQLiteDB

extension EvidenceStore {
    /// Brings a study's cells of the evidence matrix up to date and adjusts the counts by the difference.
    /// A cell pairs the outcome of each of the study's findings (with its broader conditions) with the finding's
    /// studied intervention (with its broader interventions): only findings make cells, and findings are read for
    /// studied interventions only, so an inducer, a comparator or a substance merely named never makes a row.
    /// The cell's direction is the study's for that pair: its findings' one direction, `mixed` when they
    /// disagree (an `unclear` beside a clear one gives way), `unclear` when none is clear.
    func refreshEvidenceCells(_ studyID: String) throws {
        let old = try db.query("""
            SELECT condition_id, intervention_id, design, direction, coalesce(evidence_level, 9)
            FROM evidence_cells WHERE study_id = ?
            """, [studyID]) { Cell(row: $0) }
        try db.run("DELETE FROM evidence_cells WHERE study_id = ?", [studyID])
        // CROSS JOIN fixes the order: from the study's few findings to their concepts' ancestors.
        try db.run("""
            INSERT OR IGNORE INTO evidence_cells (condition_id, intervention_id, study_id, design, direction, evidence_level)
            SELECT oc.ancestor_id, ic.ancestor_id, s.id, s.design,
                   CASE count(DISTINCT nullif(f.direction, 'unclear'))
                       WHEN 0 THEN 'unclear' WHEN 1 THEN max(nullif(f.direction, 'unclear')) ELSE 'mixed' END,
                   s.evidence_level
            FROM studies s
            CROSS JOIN findings f ON f.study_id = s.id
            CROSS JOIN concept_closure oc ON oc.descendant_id = f.outcome_id
            CROSS JOIN concept_closure ic ON ic.descendant_id = f.intervention_id
            WHERE s.id = ?
            GROUP BY s.id, oc.ancestor_id, ic.ancestor_id
            """, [studyID])
        let before = Set(old)
        guard !before.isEmpty else {
            // A study new to the matrix (every study of a fresh ingest): count all its cells in one statement.
            try db.run("""
                INSERT INTO evidence_counts (condition_id, intervention_id, design, direction, level, studies)
                SELECT condition_id, intervention_id, design, direction, coalesce(evidence_level, 9), 1
                FROM evidence_cells WHERE study_id = ?
                ON CONFLICT DO UPDATE SET studies = studies + 1
                """, [studyID])
            return
        }
        let new = try db.query("""
            SELECT condition_id, intervention_id, design, direction, coalesce(evidence_level, 9)
            FROM evidence_cells WHERE study_id = ?
            """, [studyID]) { Cell(row: $0) }
        let after = Set(new)
        for cell in before.subtracting(after) { try adjust(cell, by: -1) }
        for cell in after.subtracting(before) { try adjust(cell, by: 1) }
    }

    private func adjust(_ cell: Cell, by delta: Int) throws {
        try db.run("""
            INSERT INTO evidence_counts (condition_id, intervention_id, design, direction, level, studies)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET studies = studies + excluded.studies
            """, [cell.condition, cell.intervention, cell.design, cell.direction, cell.level, delta])
        try db.run("""
            DELETE FROM evidence_counts WHERE condition_id = ? AND intervention_id = ? AND design = ? AND direction = ?
              AND level = ? AND studies <= 0
            """, [cell.condition, cell.intervention, cell.design, cell.direction, cell.level])
    }

    private struct Cell: Hashable {
        var condition, intervention, design, direction: String
        var level: Int

        init(row: Row) {
            condition = row.text(0)
            intervention = row.text(1)
            design = row.text(2)
            direction = row.text(3)
            level = row.int(4)
        }
    }
}
