/// The API objects, rendered by SQLite's JSON functions when a row is written, so that the server answers a
/// list by concatenating stored documents instead of running a query per nested field.
///
/// Claims and findings are not stored rendered (schema version 7): they are many and small, their objects are
/// their own columns and a few concept names, and the API renders them as it reads them (EvidenceAPI's
/// ClaimJSON and FindingJSON). Sources are not stored rendered either (schema version 8): their object is their
/// own columns (EvidenceAPI's SourceJSON).
///
/// A study keeps its object stored whole, its findings (FindingJSON's object less `study_id`, `design` and
/// `evidence_level`) and its mentions with their quotes included: filling them when read cost 3.5 to 8 ms of SQL
/// for a page of 21 FakeHealth studies against 0.1 ms (schema version 8 tried it; see BENCHMARKS.md).
///
/// Subquery results lose their JSON subtype in SQLite, so each nested array goes through json() to stay an
/// array rather than become a string.
enum RenderedJSON {
    static let study = """
        UPDATE studies SET json = json_object(
            'id', id, 'title', title, 'name', name, 'design', design, 'evidence_level', evidence_level, 'species', species,
            'population', json_object('description', population_description, 'size', population_size),
            'conditions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name)) FROM (
                    SELECT concept_id, min(ordinal) AS position, min(source_id) AS first_source FROM study_report_concepts
                    WHERE study_id = studies.id AND role = 'condition' GROUP BY concept_id ORDER BY first_source, position
                ) r JOIN concepts c ON c.id = r.concept_id), '[]')),
            'interventions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name, 'form', f.name,
                    'role', (SELECT d.study_role FROM study_report_concepts d
                             WHERE d.study_id = studies.id AND d.role = 'intervention' AND d.concept_id = r.concept_id
                             ORDER BY CASE coalesce(d.study_role, 'studied') WHEN 'studied' THEN 0 WHEN 'inducer' THEN 1
                                      WHEN 'comparator' THEN 2 WHEN 'co_intervention' THEN 3 ELSE 4 END LIMIT 1),
                    'dose', json((SELECT json_object('text', d.dose_text, 'mcg_per_day', d.mcg_per_day,
                                                     'source_id', d.source_id, 'start', d.dose_start, 'end', d.dose_end)
                                  FROM study_report_concepts d
                                  WHERE d.study_id = studies.id AND d.role = 'intervention' AND d.concept_id = r.concept_id
                                    AND d.dose_text IS NOT NULL
                                  ORDER BY d.source_id LIMIT 1)))) FROM (
                    SELECT concept_id, min(source_id) AS first_source, min(ordinal) AS position, max(form_id) AS form_id
                    FROM study_report_concepts
                    WHERE study_id = studies.id AND role = 'intervention' GROUP BY concept_id ORDER BY first_source, position
                ) r JOIN concepts c ON c.id = r.concept_id LEFT JOIN concepts f ON f.id = r.form_id), '[]')),
            'comparator', comparator,
            'duration', json((SELECT json_object('text', r.duration_text, 'days', r.duration_days, 'source_id', r.source_id,
                                                 'start', r.duration_start, 'end', r.duration_end)
                              FROM study_reports r WHERE r.study_id = studies.id AND r.duration_text IS NOT NULL
                              ORDER BY r.rowid LIMIT 1)),
            'direction', direction, 'effect', effect,
            'findings', json(coalesce((
                SELECT json_group_array(json_object('id', f.id,
        """ + FindingObjectSQL.fieldsAfterID + """
                ))
                FROM (SELECT * FROM findings WHERE study_id = studies.id ORDER BY source_id, ordinal) f), '[]')),
            'publication', json_object('journal', journal, 'year', year),
            'mentions', json(coalesce((
                SELECT json_group_array(json_object('source_id', source_id, 'start', start, 'end', "end", 'quote', quote))
                FROM (SELECT m.source_id, m.start, m."end", substr(t.text, m.start + 1, m."end" - m.start) AS quote
                      FROM study_mentions m JOIN sources t ON t.id = m.source_id
                      WHERE m.study_id = studies.id ORDER BY m.source_id, m.start)), '[]')))
        WHERE id = ?
        """

    static let comment = commentUpdate + " WHERE id = ?"
    /// All comments of one source (bound to its id), in one statement.
    static let commentsOfSource = commentUpdate + " WHERE source_id = ?"

    private static let commentUpdate = """
        UPDATE comments SET json = json_object(
            'id', id, 'source_id', source_id, 'number', number, 'author', author, 'author_id', author_id, 'date', date,
            'text', text, 'start', start, 'end', "end", 'reply_to', reply_to,
            'is_question', json(CASE WHEN is_question THEN 'true' ELSE 'false' END),
            'is_promotional', json(CASE WHEN is_promotional THEN 'true' ELSE 'false' END),
            'conditions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name)) FROM (
                    SELECT concept_id FROM comment_concepts WHERE comment_id = comments.id AND role = 'condition' ORDER BY ordinal
                ) k JOIN concepts c ON c.id = k.concept_id), '[]')),
            'interventions', json(coalesce((
                SELECT json_group_array(json_object('id', c.id, 'name', c.name)) FROM (
                    SELECT concept_id FROM comment_concepts WHERE comment_id = comments.id AND role = 'intervention' ORDER BY ordinal
                ) k JOIN concepts c ON c.id = k.concept_id), '[]')),
            'doses', json(coalesce((
                SELECT json_group_array(json_object('text', json_extract(d.value, '$.text'),
                                                    'mcg_per_day', json_extract(d.value, '$.mcg_per_day')))
                FROM json_each(comments.doses) d), '[]')))
        """
}
