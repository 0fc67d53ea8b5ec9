/// Splits regions into sentences with exact offsets.
public struct SentenceSplitter: Sendable {
    public init(locator: ResourceLocator = .standard) throws {}

    /// Placeholder: one sentence per non-empty line.
    public func split(_ text: SourceText, regions: [Region]) -> [Sentence] {
        var sentences: [Sentence] = []
        for region in regions {
            var lineStart = region.span.start
            var paragraph = 0
            for offset in region.span.start...region.span.end {
                if offset == region.span.end || text.scalars[offset] == "\n" {
                    let span = text.trimmed(TextSpan(lineStart, offset))
                    if !span.isEmpty {
                        sentences.append(Sentence(span: span, text: text.slice(span), region: region.kind, paragraph: paragraph))
                        paragraph += 1
                    }
                    lineStart = offset + 1
                }
            }
        }
        return sentences
    }
}
