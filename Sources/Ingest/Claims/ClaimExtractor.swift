/// Finds the sentences and clauses that assert something about a substance, a condition or their relation.
public struct ClaimExtractor: Sendable {
    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {}

    /// Placeholder: no claims.
    public func extract(_ document: AnalyzedDocument, studies: [ExtractedStudy]) -> [ExtractedClaim] { [] }
}
