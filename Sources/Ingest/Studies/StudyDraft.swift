import EvidenceModel
/// A study while it is being assembled: where the text speaks of it, before its attributes are read.
struct StudyDraft: Sendable {
    /// Text the document uses for it explicitly: anchor sentences (or their clause, when one sentence
    /// reports two studies) and reference-list entries.
    var explicit: [TextSpan] = []
    /// Sentences that continue an explicit mention ("She started receiving …", "The rats were divided …").
    var attached: [TextSpan] = []
    /// Sentences that give a further result of it in a paragraph of their own (`ResultContinuation`): they add
    /// the outcomes they name to its conditions, and nothing else (its design and direction come from the rest).
    var results: [TextSpan] = []
    /// Anchor kinds and their head nouns, in order of mention.
    var anchorHeads: [String] = []
    var name: String?
    var isGroup = false
    var reference: ReferenceEntry?
    /// Year written in an anchor ("A 2022 case report", "the 2010 … report").
    var anchorYear: Int?
    /// The anchor phrases' text, for design cues that belong to the anchor ("case report", "mouse study").
    var anchorPhrases: [String] = []
    /// True for the document's first study that is not a reference entry nor a group: the one it reports.
    var isMainReport = false
    /// True while the only phrases naming it were definite ("this study" in a press release's preamble, before
    /// the lead's "a study appearing in …"): the first plain indefinite phrase then names the same study.
    var openedByDefinite = false
    /// The sentences of the studies told together that this one is a member of ("Two trials published in X … In
    /// the second, …"): they give its journal and year when its own sentences do not, and nothing else.
    var groupSpans: [TextSpan] = []
    /// True for other work the text cites while reporting its study ("a 2016 analysis", "another trial").
    var isBackground = false

    /// The reference-list entry of the paper that reports this study when the text describes it too: it gives
    /// the title, journal and year, never the design (the text's description wins).
    var citedBy: ReferenceEntry?

    var mentions: [TextSpan] { (explicit + attached + results + ([reference, citedBy].compactMap { $0?.span })).sorted() }
}
