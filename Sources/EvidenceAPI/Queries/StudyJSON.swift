/// Renders a study (`studies s`) as the API serves it: its stored object with the two arrays the store leaves
/// empty (schema version 8) filled from the rows. `json_set` replaces a key's value where it stands, so the
/// object keeps its key order; the stored object is SQLite's own minified output, which json_set writes back
/// unchanged.
///
/// The findings are FindingJSON's object less `study_id`, `design` and `evidence_level` (a study's findings
/// share them), in the order of their sources and of each source's findings; the mentions are every place a
/// source speaks of the study, with the source's text at their offsets as the quote.
enum StudyJSON {
    static let expression = """
        json_set(s.json,
            '$.findings', json(coalesce((
                SELECT json_group_array(json_object(
                    'id', f.id,
                    'intervention', json_object('id', f.intervention_id,
                                                'name', (SELECT name FROM concepts WHERE id = f.intervention_id),
                                                'form', (SELECT name FROM concepts WHERE id = f.form_id)),
                    'arm', f.arm,
                    'outcome', json_object('id', f.outcome_id, 'name', (SELECT name FROM concepts WHERE id = f.outcome_id)),
                    'direction', f.direction, 'effect', f.effect,
                    'hedged', json(CASE WHEN f.hedged THEN 'true' ELSE 'false' END),
                    'source_id', f.source_id, 'start', f.start, 'end', f."end",
                    'quote', (SELECT substr(t.text, f.start + 1, f."end" - f.start) FROM sources t WHERE t.id = f.source_id)))
                FROM (SELECT * FROM findings WHERE study_id = s.id ORDER BY source_id, ordinal) f), '[]')),
            '$.mentions', json(coalesce((
                SELECT json_group_array(json_object('source_id', source_id, 'start', start, 'end', "end", 'quote', quote))
                FROM (SELECT m.source_id, m.start, m."end", substr(t.text, m.start + 1, m."end" - m.start) AS quote
                      FROM study_mentions m JOIN sources t ON t.id = m.source_id
                      WHERE m.study_id = s.id ORDER BY m.source_id, m.start)), '[]')))
        """
}
