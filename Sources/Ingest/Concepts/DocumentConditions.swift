import EvidenceModel

/// The conditions a document names, given to its study when it reports exactly one.
///
/// News and press material report one study and name its outcomes wherever the story goes: a side-effect list in
/// a paragraph of its own, the disease in the headline, a secondary outcome after a quote. The study stage links a
/// study to the conditions of the sentences that speak of it, which misses most of these; a user who asks for the
/// studies on such a condition then gets none, though the document is about nothing else. When a document reports
/// one study, what it names as a condition in its title and body is that study's topic. Reference lists,
/// comments, boilerplate and furniture are not the story and are not read. A document reporting several studies
/// is left as the study stage read it: which study a condition of another sentence belongs to is then unknown.
///
/// Runs after findings and claims, so that they still read only what the study's own sentences say.
struct DocumentConditions: Sendable {
    let lexicon: Lexicon

    /// The regions whose conditions are the document's topic.
    static let topicRegions: Set<RegionKind> = [.title, .body]

    func apply(to studies: inout [ExtractedStudy], _ document: AnalyzedDocument) {
        guard studies.count == 1 else { return }
        let spans = document.regions.filter { Self.topicRegions.contains($0.kind) }.map(\.span)
        var conditions = studies[0].conditionIDs
        var seen = Set(conditions)
        for mention in document.concepts where !TextConceptID.isTextConcept(mention.conceptID) {
            guard lexicon.concept(mention.conceptID)?.type == .condition, spans.contains(where: { $0.contains(mention.span) }),
                  seen.insert(mention.conceptID).inserted else { continue }
            conditions.append(mention.conceptID)
        }
        let own = Set(studies[0].conditionIDs)
        // A broader concept of another adds nothing the concept index does not hold ("cancer" beside "breast cancer").
        let implied = conditions.reduce(into: Set<String>()) { $0.formUnion(lexicon.ancestors(of: $1)) }
        studies[0].conditionIDs = conditions.filter { own.contains($0) || !implied.contains($0) }
    }
}
