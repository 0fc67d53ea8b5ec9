import EvidenceModel
/// A document after the text stages, as the study, claim and comment stages see it.
public struct AnalyzedDocument: Sendable {
    public var text: SourceText
    public var format: DocumentFormat
    public var regions: [Region]
    public var sentences: [Sentence]
    public var metadata: SourceMetadata
    /// Concept mentions outside furniture, in text order.
    public var concepts: [ConceptMention]
    public var doses: [Dose]
    public var durations: [Duration]
    public var sampleSizes: [SampleSize]
    public var ages: [Age]
    public var effects: [EffectSize]
    /// The words of each sentence (by index, at absolute offsets), made once: the study, claim and attribution
    /// stages all read them, and tokenising each sentence in every stage was a sixth of the extraction. Furniture
    /// and reader comments are read by none of those stages: their entries are empty (`hasTokens` says so).
    let sentenceTokens: [[WordToken]]

    /// Whether `sentenceTokens` holds the words of a sentence of this region.
    static func hasTokens(_ region: RegionKind) -> Bool { region != .furniture && region != .comments }

    public init(text: SourceText, format: DocumentFormat, regions: [Region], sentences: [Sentence],
                metadata: SourceMetadata, concepts: [ConceptMention], doses: [Dose], durations: [Duration],
                sampleSizes: [SampleSize], ages: [Age], effects: [EffectSize]) {
        sentenceTokens = sentences.map {
            Self.hasTokens($0.region) ? WordTokenizer.tokens($0.text, base: $0.span.start) : []
        }
        self.text = text
        self.format = format
        self.regions = regions
        self.sentences = sentences
        self.metadata = metadata
        self.concepts = concepts
        self.doses = doses
        self.durations = durations
        self.sampleSizes = sampleSizes
        self.ages = ages
        self.effects = effects
    }
}
