/// Finds the lexicon's concepts in text: names, synonyms, abbreviations, brands and misspellings.
public struct ConceptMatcher: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Placeholder: no mentions.
    public func mentions(in text: SourceText, span: TextSpan) -> [ConceptMention] {
        []
    }
}
