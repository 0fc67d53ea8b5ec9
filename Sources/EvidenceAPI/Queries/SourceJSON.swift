/// Renders a source (`sources s`) as the API serves it. Sources are not stored rendered (schema version 8): the
/// object is the row's own columns, so rendering it when read costs one json_object.
enum SourceJSON {
    static let expression = """
        json_object(
            'id', s.id, 'file', s.file, 'kind', s.kind, 'title', s.title, 'published', s.published, 'author', s.author,
            'publisher', s.publisher, 'industry_sponsored', json(CASE WHEN s.industry_sponsored THEN 'true' ELSE 'false' END),
            'sponsor_evidence', s.sponsor_evidence, 'sha256', s.sha256, 'ingested_at', s.ingested_at,
            'counts', json_object('studies', s.study_count, 'claims', s.claim_count, 'comments', s.comment_count))
        """
}
