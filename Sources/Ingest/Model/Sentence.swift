import EvidenceModel
/// One sentence (or a line without a full stop: a heading, a list item) with its exact offsets.
public struct Sentence: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var text: String
    public var region: RegionKind
    /// Paragraphs are separated by blank lines or line breaks between blocks; used by coreference.
    public var paragraph: Int

    public init(span: TextSpan, text: String, region: RegionKind, paragraph: Int) {
        self.span = span
        self.text = text
        self.region = region
        self.paragraph = paragraph
    }
}
