import EvidenceModel
/// A study while it is being assembled: where the text speaks of it, before its attributes are read.
struct StudyDraft: Sendable {
    /// Text the document uses for it explicitly: anchor sentences (or their clause, when one sentence
    /// reports two studies) and reference-list entries.
    var explicit: [TextSpan] = []
    /// Sentences that continue an explicit mention ("She started receiving …", "The rats were divided …").
    var attached: [TextSpan] = []
    /// Anchor kinds and their head nouns, in order of mention.
    var anchorHeads: [String] = []
    var name: String?
    var isGroup = false
    var reference: ReferenceEntry?
    /// Year written in an anchor ("A 2022 case report", "the 2010 … report").
    var anchorYear: Int?
    /// The anchor phrases' text, for design cues that belong to the anchor ("case report", "mouse study").
    var anchorPhrases: [String] = []

    var mentions: [TextSpan] { (explicit + attached + (reference.map { [$0.span] } ?? [])).sorted() }
}
