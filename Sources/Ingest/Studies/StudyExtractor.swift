import EvidenceModel
/// Finds the studies a document reports, resolves coreference, and fills in their attributes.
///
/// Stages: `StudyDetector` finds anchors in body sentences, `StudyCoreference` assigns sentences to
/// studies, `ReferenceParser` adds reference-list entries, `StudyAttributeReader` reads the attributes,
/// and `StudyIdentity` merges drafts that report one study and gives each its identity key.
/// Furniture, titles, metadata, boilerplate and comments never yield studies.
public struct StudyExtractor: Sendable {
    let lexicon: Lexicon
    let cues: StudyCues
    let coreference: StudyCoreference
    let references: ReferenceParser
    let attributes: StudyAttributeReader

    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {
        self.lexicon = lexicon
        let cues = try StudyCues(locator: locator)
        self.cues = cues
        let journals = JournalFinder(cues: cues)
        coreference = StudyCoreference(cues: cues, detector: StudyDetector(cues: cues), journals: journals)
        references = ReferenceParser(cues: cues)
        attributes = StudyAttributeReader(cues: cues, designs: StudyDesignClassifier(cues: cues),
                                          directions: StudyDirectionReader(cues: cues), journals: journals)
    }

    public func extract(_ document: AnalyzedDocument) -> [ExtractedStudy] {
        let context = StudyContext(document, lexicon: lexicon)
        let isAbstract = document.metadata.kind == .abstract
        var drafts = coreference.drafts(document, isAbstract: isAbstract)
        for list in references.listSpans(document) {
            for entry in references.entries(document.text, in: list) {
                drafts.append(StudyDraft(explicit: [], reference: entry))
            }
        }
        let citation = isAbstract ? AbstractCitation.find(document) : nil
        var studies = drafts.map { attributes.study($0, context, documentCitation: citation) }
        // Merge drafts that report one study, then read the merged ones again.
        var merged = true
        var rounds = 0
        while merged && rounds < 8 {
            merged = false
            rounds += 1
            // Only studies with a title or a daily dose can merge: few, so the pairwise search stays cheap.
            let candidates = studies.indices.filter { index in
                studies[index].title != nil || studies[index].interventions.contains { $0.dose?.mcgPerDay != nil }
            }.prefix(300)
            search: for first in candidates {
                for second in candidates where second > first && StudyIdentity.sameStudy(studies[first], studies[second]) {
                    var draft = drafts[first]
                    draft.explicit += drafts[second].explicit
                    draft.attached += drafts[second].attached.filter { !draft.attached.contains($0) }
                    draft.anchorHeads += drafts[second].anchorHeads
                    draft.anchorPhrases += drafts[second].anchorPhrases
                    draft.name = draft.name ?? drafts[second].name
                    draft.anchorYear = draft.anchorYear ?? drafts[second].anchorYear
                    drafts[first] = draft
                    drafts.remove(at: second)
                    studies.remove(at: second)
                    studies[first] = attributes.study(draft, context, documentCitation: citation)
                    merged = true
                    break search
                }
            }
        }
        addTopicConditions(&studies, drafts, document, context)
        if isAbstract, let title = document.metadata.title, let main = studies.indices.first(where: { drafts[$0].reference == nil }),
           studies[main].title == nil {
            studies[main].title = title
            studies[main].identityKey = StudyIdentity.key(studies[main])
        }
        return studies
    }

    /// On a question page or an abstract, the title names the topic: a study whose text gives only its
    /// population ("53 hemodialysis patients") or an outcome ("no survival advantage") is about that topic.
    private func addTopicConditions(_ studies: inout [ExtractedStudy], _ drafts: [StudyDraft], _ document: AnalyzedDocument,
                                    _ context: StudyContext) {
        guard document.metadata.kind == .medicalQA || document.metadata.kind == .abstract else { return }
        let titleSpans = document.sentences.filter { $0.region == .title }.map(\.span)
        let topic = context.conceptIDs(titleSpans, type: .condition).filter { !cues.contextConditions.contains($0) }
        guard !topic.isEmpty else { return }
        for index in studies.indices where drafts[index].reference == nil && !drafts[index].isGroup {
            guard studies[index].conditionIDs.allSatisfy(cues.contextConditions.contains) else { continue }
            studies[index].conditionIDs += topic.filter { !studies[index].conditionIDs.contains($0) }
            studies[index].identityKey = StudyIdentity.key(studies[index])
        }
    }
}
