/// What `condition=` or `intervention=` of /v1/studies matches when the lexicon knows no concept by that name.
///
/// A lexicon never covers every outcome a health story reports ("dental plaque", "school grades"). Answering
/// an empty list for those would tell a user there is no study when the database holds several that name it;
/// so an unknown name is matched as one phrase of the study's own words (its title and the sentences that
/// mention it), after the stemming of the full-text index. The answer says so in `meta.matched_as_text`.
/// A name that resolves to a concept never takes this path: concept answers stay exact.
enum TextConceptMatch {
    /// The full-text columns of `studies_fts` a name is looked for in: not `concepts` (the names of known
    /// concepts, which an unknown name cannot be) nor `journal` (a word of a journal's name is no topic).
    static let columns = ["title", "quotes"]

    static func phrase(_ name: String) -> String? {
        FullTextQuery.phrase(name, columns: columns)
    }
}
