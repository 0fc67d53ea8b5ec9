import EvidenceModel

/// Renders a finding (`findings f`) as the API serves it, with its study's design and level as merged now.
/// Findings are not stored rendered, nor their quotes: a quote is the source's text at the finding's offsets
/// (schema version 7). A study's stored object embeds the same object less `study_id`, `design` and
/// `evidence_level` (EvidenceModel's RenderedJSON.study); both take the other fields from FindingObjectSQL.
enum FindingJSON {
    static let expression = """
        json_object(
            'id', f.id, 'study_id', f.study_id,
            'design', (SELECT design FROM studies WHERE id = f.study_id),
            'evidence_level', (SELECT evidence_level FROM studies WHERE id = f.study_id),
        """ + FindingObjectSQL.fieldsAfterID + ")"
}
