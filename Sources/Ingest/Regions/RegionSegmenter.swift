/// Splits a document into title, metadata, body, references, comments, boilerplate and furniture.
public struct RegionSegmenter: Sendable {
    public init(locator: ResourceLocator = .standard) throws {}

    /// Regions in text order, covering the text. Placeholder: the whole text is body.
    public func segment(_ text: SourceText, format: DocumentFormat) -> [Region] {
        [Region(kind: .body, span: text.fullSpan)]
    }
}
