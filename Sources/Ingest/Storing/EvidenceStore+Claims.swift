import Foundation
import SQLiteDB

extension EvidenceStore {
    func insertClaims(_ extraction: Extraction, sourceID: String, studyIDs: [String?], counts: inout ConceptCountDelta) throws {
        let text = extraction.source.text
        for claim in extraction.claims where !claim.span.isEmpty && claim.span.end <= text.count {
            let id = StableID.claim(sourceID: sourceID, span: claim.span)
            let studyID = claim.studyIndex.flatMap { studyIDs.indices.contains($0) ? studyIDs[$0] : nil }
            try db.run("""
                INSERT OR IGNORE INTO claims (id, source_id, start, "end", text, kind, hedged, attributed_to, study_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, sourceID, claim.span.start, claim.span.end, text.slice(claim.span), claim.kind.rawValue,
                      claim.hedged, claim.attributedTo, studyID])
            guard db.changes > 0 else { continue }
            fullText.add(.claims, db.lastInsertRowID)
            try insertConcepts(sql: "INSERT OR IGNORE INTO claim_concepts (claim_id, role, concept_id, ordinal) VALUES (?, ?, ?, ?)", id: id,
                               conditions: claim.conditionIDs, interventions: claim.interventionIDs)
            try db.run("""
                INSERT OR IGNORE INTO claim_concept_index (concept_id, claim_id)
                SELECT c.ancestor_id, k.claim_id FROM claim_concepts k JOIN concept_closure c ON c.descendant_id = k.concept_id
                WHERE k.claim_id = ?
                """, [id])
            for concept in try db.query("SELECT concept_id FROM claim_concept_index WHERE claim_id = ?", [id], { $0.text(0) }) {
                counts.claims[concept, default: 0] += 1
            }
            try db.run(RenderedJSON.claim, [id])
        }
    }

    func insertComments(_ extraction: Extraction, sourceID: String) throws {
        let text = extraction.source.text
        let ids = extraction.comments.map { StableID.comment(sourceID: sourceID, number: $0.number, span: $0.span) }
        for (index, comment) in extraction.comments.enumerated() where comment.span.end <= text.count {
            let replyTo = comment.replyToIndex.flatMap { $0 < index && $0 >= 0 ? ids[$0] : nil }
            let doses = comment.doses.map { dose -> [String: Any] in
                ["text": dose.text, "mcg_per_day": dose.mcgPerDay ?? NSNull(), "start": dose.span.start, "end": dose.span.end]
            }
            let dosesJSON = (try? JSONSerialization.data(withJSONObject: doses, options: [.sortedKeys]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            try db.run("""
                INSERT OR IGNORE INTO comments (id, source_id, number, author, author_id, date, start, "end", text, reply_to,
                                                is_question, is_promotional, doses)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [ids[index], sourceID, comment.number, comment.author, comment.authorID, comment.date,
                      comment.span.start, comment.span.end, text.slice(comment.span), replyTo,
                      comment.isQuestion, comment.isPromotional, dosesJSON])
            guard db.changes > 0 else { continue }
            fullText.add(.comments, db.lastInsertRowID)
            try insertConcepts(sql: "INSERT OR IGNORE INTO comment_concepts (comment_id, role, concept_id, ordinal) VALUES (?, ?, ?, ?)",
                               id: ids[index],
                               conditions: comment.conditionIDs, interventions: comment.interventionIDs)
            try db.run("""
                INSERT OR IGNORE INTO comment_concept_index (concept_id, comment_id)
                SELECT c.ancestor_id, k.comment_id FROM comment_concepts k JOIN concept_closure c ON c.descendant_id = k.concept_id
                WHERE k.comment_id = ?
                """, [ids[index]])
            try db.run(RenderedJSON.comment, [ids[index]])
        }
    }

    /// Writes the direct concept links of a claim or comment with `sql`, an INSERT of (owner, role, concept, ordinal).
    private func insertConcepts(sql: String, id: String, conditions: [String], interventions: [String]) throws {
        for (position, concept) in conditions.enumerated() where lexicon.concept(concept) != nil {
            try db.run(sql, [id, "condition", concept, position])
        }
        for (position, concept) in interventions.enumerated() where lexicon.concept(concept) != nil {
            try db.run(sql, [id, "intervention", concept, position])
        }
    }
}
