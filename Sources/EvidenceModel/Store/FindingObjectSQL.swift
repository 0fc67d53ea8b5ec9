/// The fields of a finding's object after its `id`, over a row of `findings f`. Two objects are made of them: the
/// finding the API serves (EvidenceAPI's FindingJSON, which adds its study's id, design and level) and each
/// finding a stored study embeds (RenderedJSON.study); one text keeps the two from drifting apart.
public enum FindingObjectSQL {
    public static let fieldsAfterID = """
        'intervention', json_object('id', f.intervention_id,
                                    'name', (SELECT name FROM concepts WHERE id = f.intervention_id),
                                    'form', (SELECT name FROM concepts WHERE id = f.form_id)),
        'arm', f.arm,
        'outcome', json_object('id', f.outcome_id, 'name', (SELECT name FROM concepts WHERE id = f.outcome_id)),
        'direction', f.direction, 'effect', f.effect,
        'hedged', json(CASE WHEN f.hedged THEN 'true' ELSE 'false' END),
        'source_id', f.source_id, 'start', f.start, 'end', f."end",
        'quote', (SELECT substr(t.text, f.start + 1, f."end" - f.start) FROM sources t WHERE t.id = f.source_id)
        """
}
