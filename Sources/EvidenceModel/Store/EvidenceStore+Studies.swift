import Foundation
import SQLiteDB

extension EvidenceStore {
    /// Inserts this source's report of each study. Returns each extracted study's id (by index).
    func insertStudies(_ extraction: Extraction, sourceID: String) throws -> [String?] {
        let text = extraction.source.text
        var ids: [String?] = []
        for (ordinal, study) in extraction.studies.enumerated() {
            let key = study.identityKey.isEmpty ? "\(sourceID)#\(ordinal)"
                : study.identityKey.hasPrefix(ExtractedStudy.localIdentityPrefix) ? "\(sourceID)|\(study.identityKey)"
                : study.identityKey
            let id = StableID.study(identityKey: key)
            ids.append(id)
            try db.run("""
                INSERT INTO studies (id, identity_key, design, direction) VALUES (?, ?, 'unspecified', 'unclear')
                ON CONFLICT (id) DO NOTHING
                """, [id, key])
            // A new study is indexed at the end; one that exists leaves its full-text index before this report
            // changes what it is indexed by.
            if db.changes > 0 {
                fullText.add(.studies, db.lastInsertRowID)
            } else {
                try fullText.reindex(.studies, try db.query("SELECT rowid FROM studies WHERE id = ?", [id]) { $0.int64(0) }, in: db)
            }
            // Two extracted studies of one document may share a key; the first report wins, mentions add up.
            try db.run("""
                INSERT OR IGNORE INTO study_reports (study_id, source_id, ordinal, title, name, design, evidence_level,
                    species, population_description, population_size, comparator, duration_text, duration_days,
                    duration_start, duration_end, direction, effect, journal, year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, sourceID, ordinal, study.title, study.name, study.design.rawValue, study.evidenceLevel,
                      study.species?.rawValue, study.populationDescription, study.populationSize, study.comparator,
                      study.duration?.text, study.duration?.days, study.duration?.span.start, study.duration?.span.end,
                      study.direction.rawValue, study.effect, study.journal, study.year])
            for span in study.mentions where !span.isEmpty && span.end <= text.count {
                try db.run("""
                    INSERT OR IGNORE INTO study_mentions (study_id, source_id, start, "end") VALUES (?, ?, ?, ?)
                    """, [id, sourceID, span.start, span.end])
            }
            for (position, condition) in study.conditionIDs.enumerated() where lexicon.concept(condition) != nil {
                try db.run("""
                    INSERT OR IGNORE INTO study_report_concepts (study_id, source_id, role, concept_id, ordinal)
                    VALUES (?, ?, 'condition', ?, ?)
                    """, [id, sourceID, condition, position])
            }
            for (position, intervention) in study.interventions.enumerated() where lexicon.concept(intervention.conceptID) != nil {
                let form = intervention.formID.flatMap { lexicon.concept($0) != nil ? $0 : nil }
                try db.run("""
                    INSERT OR IGNORE INTO study_report_concepts (study_id, source_id, role, concept_id, form_id, dose_text,
                        mcg_per_day, dose_start, dose_end, ordinal, study_role)
                    VALUES (?, ?, 'intervention', ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [id, sourceID, intervention.conceptID, form, intervention.dose?.text, intervention.dose?.mcgPerDay,
                          intervention.dose?.span.start, intervention.dose?.span.end, position, intervention.role.rawValue])
            }
        }
        return ids
    }

    /// Re-merges a study from its reports (first non-empty value in report order, a specific design or direction
    /// over a vague one), rebuilds its concept index and full-text row, or deletes it when no report is left.
    func refreshStudy(_ id: String, counts: inout ConceptCountDelta) throws {
        let before = Set(try db.query("SELECT concept_id FROM study_concept_index WHERE study_id = ?", [id]) { $0.text(0) })
        let hasReports = try db.queryFirst("SELECT 1 FROM study_reports WHERE study_id = ? LIMIT 1", [id]) { _ in true } ?? false
        // Already out of its full-text index (insertStudies, removeSource): this only makes sure.
        try fullText.reindex(.studies, try db.query("SELECT rowid FROM studies WHERE id = ?", [id]) { $0.int64(0) }, in: db)
        guard hasReports else {
            try refreshEvidenceCells(id)   // the study has no cells left: its counts go
            // The foreign key clears claims.study_id; a claim is rendered when read, so it says so at once.
            try db.run("DELETE FROM studies WHERE id = ?", [id])
            for concept in before { counts.studies[concept, default: 0] -= 1 }
            return
        }
        try db.run(Self.mergeStudySQL, [id])
        try db.run("DELETE FROM study_concept_index WHERE study_id = ?", [id])
        try db.run("""
            INSERT OR IGNORE INTO study_concept_index (concept_id, study_id)
            SELECT c.ancestor_id, r.study_id FROM study_report_concepts r
            JOIN concept_closure c ON c.descendant_id = r.concept_id OR c.descendant_id = r.form_id
            WHERE r.study_id = ?
            """, [id])
        try db.run(RenderedJSON.study, [id])
        try refreshEvidenceCells(id)
        let after = Set(try db.query("SELECT concept_id FROM study_concept_index WHERE study_id = ?", [id]) { $0.text(0) })
        for concept in after.subtracting(before) { counts.studies[concept, default: 0] += 1 }
        for concept in before.subtracting(after) { counts.studies[concept, default: 0] -= 1 }
    }

    static let mergeStudySQL: String = {
        let plain = ["title", "name", "species", "population_description", "population_size", "comparator",
                     "duration_text", "duration_days", "effect", "journal", "year"]
        var sets = plain.map { column in
            "\(column) = (SELECT \(column) FROM study_reports r WHERE r.study_id = studies.id AND \(column) IS NOT NULL ORDER BY r.rowid LIMIT 1)"
        }
        sets.append("""
            design = coalesce((SELECT design FROM study_reports r WHERE r.study_id = studies.id AND design <> 'unspecified'
                               ORDER BY r.rowid LIMIT 1), 'unspecified')
            """)
        sets.append("""
            evidence_level = (SELECT evidence_level FROM study_reports r WHERE r.study_id = studies.id
                              AND evidence_level IS NOT NULL ORDER BY r.rowid LIMIT 1)
            """)
        sets.append("""
            direction = coalesce((SELECT direction FROM study_reports r WHERE r.study_id = studies.id AND direction <> 'unclear'
                                  ORDER BY r.rowid LIMIT 1), 'unclear')
            """)
        return "UPDATE studies SET " + sets.joined(separator: ",\n") + " WHERE id = ?"
    }()
}
