/// Renders a claim (`claims c`) as the API serves it. Claims are not stored rendered (schema version 7): the
/// object is the row's own columns, its text (the source's text at its offsets) and the names of a few
/// concepts, each found by its key (a claim's concept links are keyed by rowids since schema version 8).
enum ClaimJSON {
    static let expression = """
        json_object(
            'id', c.id, 'source_id', c.source_id,
            'text', (SELECT substr(t.text, c.start + 1, c."end" - c.start) FROM sources t WHERE t.id = c.source_id),
            'start', c.start, 'end', c."end", 'kind', c.kind,
            'hedged', json(CASE WHEN c.hedged THEN 'true' ELSE 'false' END), 'attributed_to', c.attributed_to,
            'study_id', c.study_id, 'finding_id', c.finding_id,
            'conditions', json(coalesce((
                SELECT json_group_array(json_object('id', k.id, 'name', k.name)) FROM (
                    SELECT n.id, n.name FROM claim_concepts cc JOIN concepts n ON n.rowid = cc.concept_row
                    WHERE cc.claim_row = c.rowid AND cc.role = 'condition' ORDER BY cc.ordinal
                ) k), '[]')),
            'interventions', json(coalesce((
                SELECT json_group_array(json_object('id', k.id, 'name', k.name)) FROM (
                    SELECT n.id, n.name FROM claim_concepts cc JOIN concepts n ON n.rowid = cc.concept_row
                    WHERE cc.claim_row = c.rowid AND cc.role = 'intervention' ORDER BY cc.ordinal
                ) k), '[]')))
        """
}
