import EvidenceModel
/// The document's facts, indexed by position, as the study and claim stages look them up.
struct StudyContext: Sendable {
    let document: AnalyzedDocument
    let lexicon: Lexicon
    let concepts: SpanLookup<ConceptMention>
    let doses: SpanLookup<Dose>
    let durations: SpanLookup<Duration>
    let sizes: SpanLookup<SampleSize>
    let effects: SpanLookup<EffectSize>
    /// Sentence index by start offset, so that a sentence's span finds its words already made.
    private let sentenceAt: [Int: Int]

    init(_ document: AnalyzedDocument, lexicon: Lexicon) {
        self.document = document
        self.lexicon = lexicon
        concepts = SpanLookup(document.concepts) { $0.span }
        doses = SpanLookup(document.doses) { $0.span }
        durations = SpanLookup(document.durations) { $0.span }
        sizes = SpanLookup(document.sampleSizes) { $0.span }
        effects = SpanLookup(document.effects) { $0.span }
        sentenceAt = Dictionary(document.sentences.enumerated().map { ($1.span.start, $0) }) { first, _ in first }
    }

    func tokens(_ span: TextSpan) -> [WordToken] {
        if let index = sentenceAt[span.start], document.sentences[index].span == span,
           AnalyzedDocument.hasTokens(document.sentences[index].region) {
            return document.sentenceTokens[index]
        }
        return WordTokenizer.tokens(document.text.slice(span), base: span.start)
    }

    func type(_ mention: ConceptMention) -> ConceptType? { lexicon.concept(mention.conceptID)?.type }

    /// Distinct ids of one concept type inside the spans, in order of first mention.
    func conceptIDs(_ spans: [TextSpan], type wanted: ConceptType) -> [String] {
        var seen: Set<String> = []
        var ids: [String] = []
        for span in spans {
            for mention in concepts.inside(span) where type(mention) == wanted && seen.insert(mention.conceptID).inserted {
                ids.append(mention.conceptID)
            }
        }
        return ids
    }

    /// The conditions the document's title names, in order of mention: the topic both the study stage (its
    /// headline narrowing) and the findings stage (what a broader outcome word refers to) read.
    var titleConditionIDs: [String] {
        conceptIDs(document.sentences.filter { $0.region == .title }.map(\.span), type: .condition)
    }

    /// The substances of the intervention mentions inside a span ("MK-7" counts as vitamin K2).
    func substances(_ span: TextSpan) -> Set<String> {
        Set(concepts.inside(span).filter { type($0) == .intervention }.map { lexicon.substance(of: $0.conceptID) })
    }
}
