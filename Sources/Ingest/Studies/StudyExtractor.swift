/// Finds the studies a document reports, resolves coreference, and fills in their attributes.
public struct StudyExtractor: Sendable {
    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {}

    /// Placeholder: no studies.
    public func extract(_ document: AnalyzedDocument) -> [ExtractedStudy] { [] }
}
