/// Renders concepts with their synonyms, broader and narrower concepts and counts. Concepts are few and their
/// counts change with every ingest, so they are rendered when asked rather than stored. `origin` tests the id's
/// namespace (`TextConceptID.prefix`, written out: no interpolation reaches SQL).
enum ConceptJSON {
    static let expression = """
        json_object('id', c.id, 'name', c.name, 'type', c.type, 'origin', CASE WHEN substr(c.id, 1, 5) = 'text:' THEN 'text' ELSE 'lexicon' END,
            'synonyms', json(coalesce((SELECT json_group_array(term) FROM (
                SELECT DISTINCT term FROM concept_terms WHERE concept_id = c.id AND kind <> 'name' AND kind <> 'misspelling'
                    AND lower(term) <> lower(c.name)
                ORDER BY term)), '[]')),
            'broader', json(coalesce((SELECT json_group_array(broader_id) FROM (
                SELECT broader_id FROM concept_links WHERE narrower_id = c.id ORDER BY broader_id)), '[]')),
            'narrower', json(coalesce((SELECT json_group_array(narrower_id) FROM (
                SELECT narrower_id FROM concept_links WHERE broader_id = c.id ORDER BY narrower_id)), '[]')),
            'study_count', c.study_count, 'claim_count', c.claim_count)
        """
}
