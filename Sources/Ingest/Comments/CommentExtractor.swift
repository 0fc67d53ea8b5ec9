/// Finds reader comments and forum posts: their authors, numbers, dates, spans, replies and flags.
/// Concepts and doses are filled in afterwards by the pipeline.
public struct CommentExtractor: Sendable {
    public init(locator: ResourceLocator = .standard) throws {}

    /// Placeholder: no comments.
    public func extract(_ text: SourceText, regions: [Region], metadata: SourceMetadata) -> [ExtractedComment] {
        []
    }
}
