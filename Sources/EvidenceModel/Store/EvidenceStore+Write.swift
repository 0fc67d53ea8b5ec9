import Foundation
import SQLiteDB

/// What storing a document did.
public enum WriteOutcome: String, Sendable {
    case added, updated, unchanged
}

extension EvidenceStore {
    /// Stores one document's extraction in one transaction, replacing what an earlier version of the same file
    /// contributed. A failure or a crash leaves the previous version (or nothing) in place.
    ///
    /// Inside a group (`beginGroup`) the document's transaction is a savepoint nested in the group's: a failure
    /// undoes this document alone, and the group commits whole documents only.
    @discardableResult
    public func write(_ extraction: Extraction, now: Date = Date()) throws -> WriteOutcome {
        let source = extraction.source
        return try atomically {
            let previous = try storedVersion(file: source.file)
            if previous?.sha256 == source.sha256 { return .unchanged }
            let sourceID = try previous?.id ?? newSourceID(file: source.file)
            var counts = ConceptCountDelta()
            var touchedStudies: Set<String> = []
            if previous != nil {
                touchedStudies = try removeSource(id: sourceID, counts: &counts)
            }
            try insertTextConcepts(extraction.textConcepts)
            try insertSource(source, id: sourceID, extraction: extraction, now: now)
            let studyIDs = try insertStudies(extraction, sourceID: sourceID)
            let findingIDs = try insertFindings(extraction, sourceID: sourceID, studyIDs: studyIDs, counts: &counts)
            touchedStudies.formUnion(studyIDs.compactMap { $0 })
            for studyID in touchedStudies.sorted() { try refreshStudy(studyID, counts: &counts) }
            try insertClaims(extraction, sourceID: sourceID, studyIDs: studyIDs, findingIDs: findingIDs, counts: &counts)
            try insertComments(extraction, sourceID: sourceID)
            try counts.apply(to: db)
            return previous == nil ? .added : .updated
        }
    }

    /// Outside a group, a transaction of its own; inside one, a savepoint. A document that is undone takes its
    /// changes to the full-text queue with it: the external-content indexes must never be given a row twice,
    /// nor lose one the savepoint brought back.
    private func atomically<T>(_ body: () throws -> T) throws -> T {
        if inGroup {
            let queued = fullText
            do {
                return try db.savepoint(body)
            } catch {
                fullText = queued
                throw error
            }
        }
        fullText.removeAll()
        do {
            return try db.transaction(.immediate) {
                let result = try body()
                try fullText.flush(to: db)
                return result
            }
        } catch {
            fullText.removeAll()
            throw error
        }
    }

    private var inGroup: Bool { groupState == .open }

    /// Deletes a source and everything extracted from it. Returns the studies it reported, which need a merge.
    func removeSource(id: String, counts: inout ConceptCountDelta) throws -> Set<String> {
        let studies = Set(try db.query("SELECT study_id FROM study_reports WHERE source_id = ?", [id]) { $0.text(0) })
        // A study's full-text entry holds this source's quotes and concepts: out of the index while it still does.
        try fullText.reindex(.studies, try db.query("""
            SELECT s.rowid FROM studies s WHERE s.id IN (SELECT study_id FROM study_reports WHERE source_id = ?1
                                                         UNION SELECT study_id FROM study_mentions WHERE source_id = ?1)
            """, [id]) { $0.int64(0) }, in: db)
        // The claim concept index has no index by claim (schema 7): a source's rows are one key range per concept
        // (keyed by the concept's rowid since schema 9).
        let claimConcepts = try db.query("""
            SELECT n.id FROM claim_concept_rows i JOIN concepts n ON n.rowid = i.concept_row
            WHERE i.concept_row IN (SELECT rowid FROM concepts) AND i.source_id = ?
            """, [id]) { $0.text(0) }
        for concept in claimConcepts { counts.claims[concept, default: 0] -= 1 }
        if !claimConcepts.isEmpty {
            try db.run("DELETE FROM claim_concept_rows WHERE concept_row IN (SELECT rowid FROM concepts) AND source_id = ?", [id])
        }
        let findingConcepts = try db.query("""
            SELECT i.concept_id FROM findings f JOIN finding_concept_index i ON i.finding_id = f.id WHERE f.source_id = ?
            """, [id]) { $0.text(0) }
        for concept in findingConcepts { counts.findings[concept, default: 0] -= 1 }
        if !findingConcepts.isEmpty { try adjustPairCounts(sourceID: id, sign: -1) }
        // A claim's concept links are keyed by its rowid, with no foreign key to cascade (schema version 8).
        try db.run("DELETE FROM claim_concepts WHERE claim_row IN (SELECT rowid FROM claims WHERE source_id = ?)", [id])
        // Out of the full-text indexes while the rows still hold what was indexed (external content).
        try fullText.unindex(.claims, try db.query("SELECT rowid FROM claims WHERE source_id = ?", [id]) { $0.int64(0) }, in: db)
        try fullText.unindex(.comments, try db.query("SELECT rowid FROM comments WHERE source_id = ?", [id]) { $0.int64(0) }, in: db)
        try fullText.unindex(.sources, try db.query("SELECT rowid FROM sources WHERE id = ?", [id]) { $0.int64(0) }, in: db)
        // Comments point at each other through reply_to; clear those links first so the cascade needs no order.
        try db.run("UPDATE comments SET reply_to = NULL WHERE source_id = ?", [id])
        // Mentions are keyed by the source's rowid, with no foreign key to cascade (schema version 8).
        try db.run("DELETE FROM mention_rows WHERE source_row = (SELECT rowid FROM sources WHERE id = ?)", [id])
        try db.run("DELETE FROM sources WHERE id = ?", [id])
        return studies
    }

    func insertSource(_ source: ExtractedSource, id: String, extraction: Extraction, now: Date) throws {
        let text = source.text.string
        try db.run("""
            INSERT INTO sources (id, file, kind, title, published, author, publisher, industry_sponsored,
                                 sponsor_evidence, sha256, ingested_at, text, study_count, claim_count, comment_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [id, source.file, source.metadata.kind.rawValue, source.metadata.title, source.metadata.published,
                  source.metadata.author, source.metadata.publisher, source.metadata.industrySponsored,
                  source.metadata.sponsorEvidence, source.sha256, Self.timestamp(now), text,
                  Set(extraction.studies.map(\.identityKey)).count, extraction.claims.count, extraction.comments.count])
        let row = db.lastInsertRowID
        fullText.add(.sources, row)
        for region in extraction.regions where !region.span.isEmpty {
            try db.run("INSERT OR IGNORE INTO regions (source_id, kind, start, \"end\") VALUES (?, ?, ?, ?)",
                       [id, region.kind.rawValue, region.span.start, region.span.end])
        }
        for mention in extraction.mentions where lexicon.concept(mention.conceptID) != nil {
            try db.run("""
                INSERT OR IGNORE INTO mention_rows (source_row, start, "end", concept_row, fuzzy)
                SELECT ?, ?, ?, rowid, ? FROM concepts WHERE id = ?
                """, [row, mention.span.start, mention.span.end, mention.isFuzzy, mention.conceptID])
        }
    }

    /// `2026-11-24T23:59:01Z`. Formatted by hand: an `ISO8601DateFormatter` per document cost more than
    /// inserting the document's source row.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2)
            + "T" + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2) + ":" + padded(parts.tm_sec, 2) + "Z"
    }
}

/// Changes to the concepts' study and claim counts, applied once at the end of a document's transaction.
struct ConceptCountDelta {
    var studies: [String: Int] = [:]
    var claims: [String: Int] = [:]
    var findings: [String: Int] = [:]

    func apply(to db: Database) throws {
        for (concept, delta) in studies where delta != 0 {
            try db.run("UPDATE concepts SET study_count = study_count + ? WHERE id = ?", [delta, concept])
        }
        for (concept, delta) in claims where delta != 0 {
            try db.run("UPDATE concepts SET claim_count = claim_count + ? WHERE id = ?", [delta, concept])
        }
        for (concept, delta) in findings where delta != 0 {
            try db.run("UPDATE concepts SET finding_count = finding_count + ? WHERE id = ?", [delta, concept])
        }
    }
}
