/// A place where the text names a concept of the lexicon.
public struct ConceptMention: Sendable, Hashable, Codable {
    public var conceptID: String
    public var span: TextSpan
    /// The text as written (may be a misspelling, a brand or an abbreviation).
    public var matched: String
    /// True when matched within an edit distance rather than exactly.
    public var isFuzzy: Bool

    public init(conceptID: String, span: TextSpan, matched: String, isFuzzy: Bool = false) {
        self.conceptID = conceptID
        self.span = span
        self.matched = matched
        self.isFuzzy = isFuzzy
    }
}
