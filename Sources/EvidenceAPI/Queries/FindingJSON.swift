/// Renders a finding (`findings f`) as the API serves it, with its study's design and level as merged now.
/// Findings are not stored rendered, nor their quotes: a quote is the source's text at the finding's offsets
/// (schema version 7). A study's stored object embeds the same object less
/// `study_id`, `design` and `evidence_level` (EvidenceModel's RenderedJSON.study).
enum FindingJSON {
    static let expression = """
        json_object(
            'id', f.id, 'study_id', f.study_id,
            'design', (SELECT design FROM studies WHERE id = f.study_id),
            'evidence_level', (SELECT evidence_level FROM studies WHERE id = f.study_id),
            'intervention', json_object('id', f.intervention_id,
                                        'name', (SELECT name FROM concepts WHERE id = f.intervention_id),
                                        'form', (SELECT name FROM concepts WHERE id = f.form_id)),
            'arm', f.arm,
            'outcome', json_object('id', f.outcome_id, 'name', (SELECT name FROM concepts WHERE id = f.outcome_id)),
            'direction', f.direction, 'effect', f.effect,
            'hedged', json(CASE WHEN f.hedged THEN 'true' ELSE 'false' END),
            'source_id', f.source_id, 'start', f.start, 'end', f."end",
            'quote', (SELECT substr(t.text, f.start + 1, f."end" - f.start) FROM sources t WHERE t.id = f.source_id))
        """
}
