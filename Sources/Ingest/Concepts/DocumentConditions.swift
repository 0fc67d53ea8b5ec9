import EvidenceModel

/// The conditions a document names, given to its study when it reports exactly one.
///
/// News and press material report one study and name its outcomes wherever the story goes: a side-effect list in
/// a paragraph of its own, the disease in the headline, a secondary outcome after a quote. The study stage links a
/// study to the conditions of the sentences that speak of it, which misses most of these; a user who asks for the
/// studies on such a condition then gets none, though the document is about nothing else. When a document reports
/// one study, what it names as a condition in its title and body is that study's topic. Reference lists,
/// comments, boilerplate and furniture are not the story and are not read. A document reporting several studies
/// reporting several studies keeps what the study stage read, with one addition: a condition the document names
/// again and again (`topicMentions` times) is what the whole story is about, and so what each study it reports
/// looks at ("three trials of this drug in migraine", each told in its own paragraph that says "the patients").
///
/// Background is not the topic either: a disease named only where the story says how common it is, what other
/// research found, what a disease or a drug does in general, or as an example after "diseases such as" would
/// answer a query on it with a study that never looked at it (`DocumentConditionCues`).
///
/// Runs after findings and claims, so that they still read only what the study's own sentences say.
struct DocumentConditions: Sendable {
    let lexicon: Lexicon
    var cues = DocumentConditionCues()

    /// The regions whose conditions are the document's topic.
    static let topicRegions: Set<RegionKind> = [.title, .body]

    /// How many words after "such as" a name still counts as one of its examples.
    static let exampleReach = 20

    /// How often a document names a condition for it to be the topic of every study the document reports.
    static let topicMentions = 4

    func apply(to studies: inout [ExtractedStudy], _ document: AnalyzedDocument) {
        if studies.count > 1 { applyTopic(to: &studies, document) }
        guard studies.count == 1 else { return }
        let spans = document.regions.filter { Self.topicRegions.contains($0.kind) }.map(\.span)
        var conditions = studies[0].conditionIDs
        var seen = Set(conditions)
        var reader = SentenceCursor(document)
        for mention in document.concepts where !TextConceptID.isTextConcept(mention.conceptID) {
            guard !seen.contains(mention.conceptID), lexicon.concept(mention.conceptID)?.type == .condition,
                  spans.contains(where: { $0.contains(mention.span) }) else { continue }
            if let sentence = reader.sentence(containing: mention.span), sentence.region == .body {
                guard namesTopic(mention, reader.tokens(of: sentence)) else { continue }
            }
            seen.insert(mention.conceptID)
            conditions.append(mention.conceptID)
        }
        let own = Set(studies[0].conditionIDs)
        // A broader concept of another adds nothing the concept index does not hold ("cancer" beside "breast cancer").
        let implied = conditions.reduce(into: Set<String>()) { $0.formUnion(lexicon.ancestors(of: $1)) }
        studies[0].conditionIDs = conditions.filter { own.contains($0) || !implied.contains($0) }
    }

    /// Several studies: each one not read from a reference list gets the conditions the document names at least
    /// `topicMentions` times, once at least outside background.
    private func applyTopic(to studies: inout [ExtractedStudy], _ document: AnalyzedDocument) {
        let spans = document.regions.filter { Self.topicRegions.contains($0.kind) }.map(\.span)
        let references = document.regions.filter { $0.kind == .references }.map(\.span)
        var counts: [String: Int] = [:]
        var order: [String] = []
        var named: Set<String> = []
        var reader = SentenceCursor(document)
        for mention in document.concepts where !TextConceptID.isTextConcept(mention.conceptID) {
            let id = mention.conceptID
            guard lexicon.concept(id)?.type == .condition, spans.contains(where: { $0.contains(mention.span) }) else { continue }
            counts[id, default: 0] += 1
            if counts[id] == 1 { order.append(id) }
            guard !named.contains(id) else { continue }
            if let sentence = reader.sentence(containing: mention.span), sentence.region == .body,
               !namesTopic(mention, reader.tokens(of: sentence)) { continue }
            named.insert(id)
        }
        let topic = order.filter { named.contains($0) && counts[$0, default: 0] >= Self.topicMentions }
        guard !topic.isEmpty else { return }
        for index in studies.indices {
            let quoted = studies[index].mentions
            guard !quoted.allSatisfy({ span in references.contains { $0.contains(span) } }) else { continue }
            let own = studies[index].conditionIDs
            let all = own + topic.filter { !own.contains($0) }
            let implied = all.reduce(into: Set<String>()) { $0.formUnion(lexicon.ancestors(of: $1)) }
            studies[index].conditionIDs = all.filter { own.contains($0) || !implied.contains($0) }
        }
    }

    /// Whether a mention in a body sentence speaks of the document's topic: not in background, not an example.
    func namesTopic(_ mention: ConceptMention, _ tokens: [WordToken]) -> Bool {
        if cues.background.contains(in: tokens) && !cues.adverse.contains(in: tokens) { return false }
        return !isExample(mention, tokens)
    }

    /// "… diseases such as X": the mention follows an example cue that follows a generic noun.
    func isExample(_ mention: ConceptMention, _ tokens: [WordToken]) -> Bool {
        guard let at = tokens.firstIndex(where: { $0.start >= mention.span.start }) else { return false }
        for cue in cues.exampleCues.matches(in: tokens, to: at) where at - cue.upperBound <= Self.exampleReach {
            let before = tokens[max(0, cue.lowerBound - 2)..<cue.lowerBound]
            if before.contains(where: { cues.exampleHeads.contains($0.lower) }) { return true }
        }
        return false
    }
}

/// Finds the sentence of each mention, for mentions read in text order.
struct SentenceCursor {
    let document: AnalyzedDocument
    private var index = 0

    init(_ document: AnalyzedDocument) { self.document = document }

    mutating func sentence(containing span: TextSpan) -> Sentence? {
        let sentences = document.sentences
        while index < sentences.count && sentences[index].span.end <= span.start { index += 1 }
        guard index < sentences.count, sentences[index].span.contains(span) else { return nil }
        return sentences[index]
    }

    /// The sentence's words, made once by the text stages.
    func tokens(of sentence: Sentence) -> [WordToken] {
        if index < document.sentences.count, document.sentences[index].span == sentence.span,
           AnalyzedDocument.hasTokens(sentence.region) {
            return document.sentenceTokens[index]
        }
        return WordTokenizer.tokens(sentence.text, base: sentence.span.start)
    }
}
