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
    let journals: JournalFinder

    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {
        self.lexicon = lexicon
        let cues = try StudyCues(locator: locator)
        self.cues = cues
        let journals = JournalFinder(cues: cues)
        self.journals = journals
        coreference = StudyCoreference(cues: cues, detector: StudyDetector(cues: cues), journals: journals,
                                       results: ResultContinuation(cues: cues, directions: StudyDirectionReader(cues: cues)))
        references = ReferenceParser(cues: cues)
        attributes = StudyAttributeReader(cues: cues, designs: StudyDesignClassifier(cues: cues),
                                          directions: StudyDirectionReader(cues: cues), journals: journals)
    }

    public func extract(_ document: AnalyzedDocument) -> [ExtractedStudy] {
        let context = StudyContext(document, lexicon: lexicon)
        let isAbstract = document.metadata.kind == .abstract
        var drafts = coreference.drafts(document, isAbstract: isAbstract, substances: context.substances)
        if let main = drafts.indices.first(where: { !drafts[$0].isGroup }) { drafts[main].isMainReport = true }
        for list in references.listSpans(document) {
            for entry in references.entries(document.text, in: list) {
                drafts.append(StudyDraft(explicit: [], reference: entry))
            }
        }
        let citation = isAbstract ? AbstractCitation.find(document) : nil
        var studies = drafts.map { attributes.study($0, context, documentCitation: citation) }
        foldCitingReference(&drafts, &studies, context, citation)
        // Merge drafts that report one study, then read the merged ones again.
        var merged = true
        var rounds = 0
        while merged && rounds < 8 {
            merged = false
            rounds += 1
            // Only studies with a title, a daily dose or an exact count can merge: few, so the pairwise search stays cheap.
            // (Reference entries and groups never merge by count: an entry gives none, a group is several studies.)
            let candidates = studies.indices.filter { index in
                studies[index].title != nil || studies[index].interventions.contains { $0.dose?.mcgPerDay != nil }
                    || drafts[index].reference == nil && !drafts[index].isGroup
                        && (studies[index].populationSize ?? 0) >= StudyIdentity.minimumSharedSize
            }.prefix(300)
            search: for first in candidates {
                for second in candidates where second > first && StudyIdentity.sameStudy(studies[first], studies[second]) {
                    var draft = drafts[first]
                    draft.explicit += drafts[second].explicit
                    draft.attached += drafts[second].attached.filter { !draft.attached.contains($0) }
                    draft.results += drafts[second].results.filter { !draft.results.contains($0) }
                    draft.anchorHeads += drafts[second].anchorHeads
                    draft.anchorPhrases += drafts[second].anchorPhrases
                    draft.name = draft.name ?? drafts[second].name
                    draft.anchorYear = draft.anchorYear ?? drafts[second].anchorYear
                    draft.isMainReport = draft.isMainReport || drafts[second].isMainReport
                    draft.citedBy = draft.citedBy ?? drafts[second].citedBy
                    drafts[first] = draft
                    drafts.remove(at: second)
                    studies.remove(at: second)
                    studies[first] = attributes.study(draft, context, documentCitation: citation)
                    merged = true
                    break search
                }
            }
        }
        applySourceLine(&studies, drafts, document)
        addTopicConditions(&studies, drafts, document, context)
        TopicNarrowing(lexicon: lexicon).narrow(&studies, drafts, context)
        separateLocalKeys(&studies)
        if isAbstract, let title = document.metadata.title, let main = studies.indices.first(where: { drafts[$0].reference == nil }),
           studies[main].title == nil {
            studies[main].title = title
            studies[main].identityKey = StudyIdentity.key(studies[main])
        }
        return studies
    }

    /// The reference-list entry in the journal the text gives for the study it reports ("published today in
    /// the journal X" … "Smith J et al. Title. X 2016") is that study's paper: one study, whose design, size,
    /// dose and species come from the text and whose title, journal and year the entry completes.
    private func foldCitingReference(_ drafts: inout [StudyDraft], _ studies: inout [ExtractedStudy], _ context: StudyContext,
                                     _ citation: JournalFinderCitationText?) {
        // (Reference drafts come after the text's, so removing one never moves a text draft.)
        var main = 0
        while main < drafts.count {
            defer { main += 1 }
            guard drafts[main].reference == nil, !drafts[main].isGroup,
                  let journal = studies[main].journal.flatMap(StudyIdentity.normalise), journal.count >= 3 else { continue }
            fold(into: main, journal: journal, &drafts, &studies, context, citation)
        }
    }

    private func fold(into main: Int, journal: String, _ drafts: inout [StudyDraft], _ studies: inout [ExtractedStudy],
                      _ context: StudyContext, _ citation: JournalFinderCitationText?) {
        for index in drafts.indices.reversed() where index > main {
            guard let entry = drafts[index].reference, drafts[main].citedBy == nil,
                  let other = entry.journal.flatMap(StudyIdentity.normalise), other.count >= 3,
                  other.hasPrefix(journal.prefix(12)) || journal.hasPrefix(other.prefix(12))
                    || JournalFinder.abbreviates(entry.journal ?? "", studies[main].journal ?? "") else { continue }
            if let year = studies[main].year, let entryYear = entry.year, year != entryYear { continue }
            drafts[main].citedBy = entry
            drafts.remove(at: index)
            studies.remove(at: index)
            studies[main] = attributes.study(drafts[main], context, documentCitation: citation)
            return
        }
    }

    /// "SOURCE: Journal of X, online May 2, 2011." at the end of a story cites the study it reports: it gives
    /// that study the journal the text left out, and the year of that journal's paper.
    private func applySourceLine(_ studies: inout [ExtractedStudy], _ drafts: [StudyDraft], _ document: AnalyzedDocument) {
        guard let main = drafts.indices.first(where: { drafts[$0].isMainReport }),
              let line = SourceLine.find(document, cues: cues, journals: journals, references: references) else { return }
        let lineJournal = StudyIdentity.normalise(line.journal) ?? ""
        if studies[main].journal == nil { studies[main].journal = line.journal }
        let journal = studies[main].journal.flatMap(StudyIdentity.normalise) ?? ""
        let same = !journal.isEmpty && (journal.hasPrefix(lineJournal.prefix(12)) || lineJournal.hasPrefix(journal.prefix(12))
            || JournalFinder.abbreviates(line.journal, studies[main].journal ?? "") || JournalFinder.abbreviates(studies[main].journal ?? "", line.journal))
        if same, let year = line.year, studies[main].year == nil || studies[main].year == document.metadata.published.flatMap({ Int($0.prefix(4)) }) {
            studies[main].year = year
        }
        studies[main].identityKey = StudyIdentity.key(studies[main])
    }

    /// Two studies of one document that the merge above kept apart are two studies, even when their vague
    /// descriptions give one local key ("a study of nurses" and "the present study", both on zinc):
    /// the store would otherwise join them by key.
    private func separateLocalKeys(_ studies: inout [ExtractedStudy]) {
        var seen: [String: Int] = [:]
        for index in studies.indices where studies[index].identityKey.hasPrefix(StudyIdentity.localPrefix) {
            let key = studies[index].identityKey
            let count = seen[key, default: 0]
            seen[key] = count + 1
            if count > 0 { studies[index].identityKey = key + ":\(count + 1)" }
        }
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
