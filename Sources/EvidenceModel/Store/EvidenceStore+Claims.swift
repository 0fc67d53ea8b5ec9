import Foundation
import SQLiteDB

extension EvidenceStore {
    func insertClaims(_ extraction: Extraction, sourceID: String, studyIDs: [String?], findingIDs: [[String?]] = [],
                      counts: inout ConceptCountDelta) throws {
        let text = extraction.source.text
        for claim in extraction.claims where !claim.span.isEmpty && claim.span.end <= text.count {
            let id = StableID.claim(sourceID: sourceID, span: claim.span)
            let studyID = claim.studyIndex.flatMap { studyIDs.indices.contains($0) ? studyIDs[$0] : nil }
            let findingID: String? = studyID == nil ? nil : Self.findingID(of: claim, in: extraction, findingIDs: findingIDs)
            try db.run("""
                INSERT OR IGNORE INTO claims (id, source_id, start, "end", kind, hedged, attributed_to, study_id, finding_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, sourceID, claim.span.start, claim.span.end, claim.kind.rawValue,
                      claim.hedged, claim.attributedTo, studyID, findingID])
            guard db.changes > 0 else { continue }
            let row = db.lastInsertRowID
            fullText.add(.claims, row)
            // Keyed by the claim's and the concept's rowids (schema version 8).
            try insertConcepts(sql: """
                INSERT OR IGNORE INTO claim_concepts (claim_row, role, concept_row, ordinal)
                SELECT ?1, ?2, rowid, ?4 FROM concepts WHERE id = ?3
                """, id: row, conditions: claim.conditionIDs, interventions: claim.interventionIDs)
        }
        // The derived rows of all the source's claims at once (every claim of the source is new here: an earlier
        // version's were deleted first): three statements a document instead of three a claim.
        try db.run("""
            INSERT OR IGNORE INTO claim_concept_rows (concept_row, source_id, start, claim_row)
            SELECT a.rowid, cl.source_id, cl.start, cl.rowid FROM claims cl
            JOIN claim_concepts k ON k.claim_row = cl.rowid JOIN concepts n ON n.rowid = k.concept_row
            JOIN concept_closure c ON c.descendant_id = n.id JOIN concepts a ON a.id = c.ancestor_id
            WHERE cl.source_id = ?
            """, [sourceID])
        // The rows just written, counted from what wrote them (the index has no index by claim to join on).
        let indexed = try db.query("""
            SELECT c.ancestor_id FROM claims cl
            JOIN claim_concepts k ON k.claim_row = cl.rowid JOIN concepts n ON n.rowid = k.concept_row
            JOIN concept_closure c ON c.descendant_id = n.id
            WHERE cl.source_id = ? GROUP BY c.ancestor_id, cl.id
            """, [sourceID]) { $0.text(0) }
        for concept in indexed { counts.claims[concept, default: 0] += 1 }
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
                """, [ids[index], sourceID, comment.number, Self.shownAuthor(comment.author), comment.authorID, comment.date,
                      comment.span.start, comment.span.end, text.slice(comment.span), replyTo,
                      comment.isQuestion, comment.isPromotional, dosesJSON])
            guard db.changes > 0 else { continue }
            fullText.add(.comments, db.lastInsertRowID)
            try insertConcepts(sql: "INSERT OR IGNORE INTO comment_concepts (comment_id, role, concept_id, ordinal) VALUES (?, ?, ?, ?)",
                               id: ids[index],
                               conditions: comment.conditionIDs, interventions: comment.interventionIDs)
        }
        try db.run("""
            INSERT OR IGNORE INTO comment_concept_index (concept_id, source_id, start, comment_id)
            SELECT c.ancestor_id, m.source_id, m.start, k.comment_id FROM comments m
            JOIN comment_concepts k ON k.comment_id = m.id
            JOIN concept_closure c ON c.descendant_id = k.concept_id
            WHERE m.source_id = ?
            """, [sourceID])
        try db.run(RenderedJSON.commentsOfSource, [sourceID])
    }

    /// Writes the direct concept links of a claim or comment with `sql`, an INSERT of (owner, role, concept, ordinal):
    /// the owner is the comment's id, or the claim's rowid.
    private func insertConcepts(sql: String, id: any SQLiteBindable, conditions: [String], interventions: [String]) throws {
        for (position, concept) in conditions.enumerated() where lexicon.concept(concept) != nil {
            try db.run(sql, [id, "condition", concept, position])
        }
        for (position, concept) in interventions.enumerated() where lexicon.concept(concept) != nil {
            try db.run(sql, [id, "intervention", concept, position])
        }
    }

    /// A comment's author as stored: NULL, not an empty string, when the page shows no name.
    static func shownAuthor(_ author: String?) -> String? {
        guard let author, !author.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return author
    }
}
