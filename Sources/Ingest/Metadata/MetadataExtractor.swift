/// Finds the source's kind, title, date, author, publisher and industry sponsorship.
public struct MetadataExtractor: Sendable {
    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {}

    /// Placeholder: the first sentence is the title.
    public func extract(_ text: SourceText, format: DocumentFormat, regions: [Region], sentences: [Sentence]) -> SourceMetadata {
        SourceMetadata(kind: .other, title: sentences.first?.text)
    }
}
