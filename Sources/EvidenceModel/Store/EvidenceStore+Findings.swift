import SQLiteDB

extension EvidenceStore {
    /// Inserts what this source reports each study found, with the findings' concept index rows. Returns the
    /// finding ids of each extracted study (by study index, then finding index), for the claims that report them.
    func insertFindings(_ extraction: Extraction, sourceID: String, studyIDs: [String?],
                        counts: inout ConceptCountDelta) throws -> [[String?]] {
        let text = extraction.source.text
        var ids: [[String?]] = []
        var ordinal = 0
        for (index, study) in extraction.studies.enumerated() {
            var ofStudy: [String?] = []
            defer { ids.append(ofStudy) }
            guard let studyID = studyIDs.indices.contains(index) ? studyIDs[index] : nil else { continue }
            for finding in study.findings {
                guard lexicon.concept(finding.interventionID) != nil, lexicon.concept(finding.outcomeID) != nil,
                      !finding.span.isEmpty, finding.span.end <= text.count else {
                    ofStudy.append(nil)
                    continue
                }
                let id = StableID.finding(studyID: studyID, sourceID: sourceID, intervention: finding.interventionID,
                                          arm: finding.arm, outcome: finding.outcomeID)
                let form = finding.formID.flatMap { lexicon.concept($0) != nil ? $0 : nil }
                try db.run("""
                    INSERT OR IGNORE INTO findings (id, study_id, source_id, ordinal, intervention_id, form_id, arm, outcome_id,
                        direction, effect, hedged, start, "end")
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [id, studyID, sourceID, ordinal, finding.interventionID, form, finding.arm, finding.outcomeID,
                          finding.direction.rawValue, finding.effect, finding.hedged, finding.span.start, finding.span.end])
                ordinal += 1
                ofStudy.append(id)
            }
        }
        // Every finding of the source is new here (an earlier version's went with it): index them all at once.
        try db.run("""
            INSERT OR IGNORE INTO finding_concept_index (concept_id, finding_id)
            SELECT c.ancestor_id, f.id FROM findings f
            JOIN concept_closure c ON c.descendant_id IN (f.intervention_id, f.form_id, f.outcome_id)
            WHERE f.source_id = ?
            """, [sourceID])
        let indexed = try db.query("""
            SELECT i.concept_id FROM findings f JOIN finding_concept_index i ON i.finding_id = f.id WHERE f.source_id = ?
            """, [sourceID]) { $0.text(0) }
        for concept in indexed { counts.findings[concept, default: 0] += 1 }
        try adjustPairCounts(sourceID: sourceID, sign: 1)
        return ids
    }

    /// Adds (sign 1) or takes away (sign -1, before the source is deleted) the source's findings in the pair counts.
    func adjustPairCounts(sourceID: String, sign: Int) throws {
        // CROSS JOIN fixes the order, from the source's few findings outwards: left to itself the planner began
        // with every condition of the lexicon, then every intervention (a fifth of the storing thread's work).
        try db.run("""
            INSERT INTO finding_pair_counts (condition_id, intervention_id, findings)
            SELECT c.concept_id, i.concept_id, ? * count(*) FROM findings f
            CROSS JOIN finding_concept_index c ON c.finding_id = f.id
            CROSS JOIN concepts cc ON cc.id = c.concept_id AND cc.type = 'condition'
            CROSS JOIN finding_concept_index i ON i.finding_id = f.id
            CROSS JOIN concepts ic ON ic.id = i.concept_id AND ic.type = 'intervention'
            WHERE f.source_id = ?
            GROUP BY c.concept_id, i.concept_id
            ON CONFLICT DO UPDATE SET findings = findings + excluded.findings
            """, [sign, sourceID])
        if sign < 0 { try db.run("DELETE FROM finding_pair_counts WHERE findings <= 0") }
    }

    /// The id of the finding a claim reports: a finding of the claim's study whose result sentence the claim
    /// overlaps (the first, in the study's order).
    static func findingID(of claim: ExtractedClaim, in extraction: Extraction, findingIDs: [[String?]]) -> String? {
        guard let study = claim.studyIndex, extraction.studies.indices.contains(study), findingIDs.indices.contains(study) else {
            return nil
        }
        for (position, finding) in extraction.studies[study].findings.enumerated()
        where finding.span.overlaps(claim.span) && findingIDs[study].indices.contains(position) {
            if let id = findingIDs[study][position] { return id }
        }
        return nil
    }
}
