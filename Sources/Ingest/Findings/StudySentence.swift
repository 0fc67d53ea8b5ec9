import EvidenceModel
/// One span of text that speaks of a study, with its words and the concepts named in it located by word.
struct StudySentence {
    let span: TextSpan
    let tokens: [WordToken]
    /// Concept mentions inside the span with the index of their first word.
    let mentions: [(mention: ConceptMention, token: Int)]
    /// A later sentence that speaks of the study's substances without naming the study: it must name its outcome.
    let continues: Bool

    private init(span: TextSpan, tokens: [WordToken], mentions: [(mention: ConceptMention, token: Int)], continues: Bool) {
        self.span = span
        self.tokens = tokens
        self.mentions = mentions
        self.continues = continues
    }

    /// The same words with only the mentions whose first word passes `keep`.
    func keeping(_ keep: (Int) -> Bool) -> StudySentence {
        StudySentence(span: span, tokens: tokens, mentions: mentions.filter { keep($0.token) }, continues: continues)
    }

    init(span: TextSpan, context: StudyContext, continues: Bool = false) {
        self.span = span
        self.continues = continues
        tokens = context.tokens(span)
        var located: [(ConceptMention, Int)] = []
        var cursor = 0
        for mention in context.concepts.inside(span) {
            while cursor < tokens.count, tokens[cursor].end <= mention.span.start { cursor += 1 }
            guard cursor < tokens.count, tokens[cursor].start < mention.span.end else { continue }
            located.append((mention, cursor))
        }
        mentions = located
    }

    func mentions(in clause: Range<Int>, type: ConceptType, _ context: StudyContext) -> [(mention: ConceptMention, token: Int)] {
        mentions.filter { clause.contains($0.token) && context.type($0.mention) == type }
    }

    func clauseSpan(_ clause: Range<Int>) -> TextSpan {
        guard !clause.isEmpty else { return TextSpan(span.start, span.start) }
        return TextSpan(tokens[clause.lowerBound].start, tokens[clause.upperBound - 1].end)
    }
}
