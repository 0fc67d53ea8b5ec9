import EvidenceModel
/// Decides a study's design from cue words, in priority order (meta-analysis before its "randomized
/// trials", case report before "the patient", in vitro before "cells" of an animal, …).
///
/// The anchor phrase speaks first ("a mouse study", "a case report"), then the anchor sentences, then the
/// sentences attached to the study. A group of trials named together is `unspecified_trials`.
struct StudyDesignClassifier: Sendable {
    let cues: StudyCues

    func design(anchorPhrases: [[WordToken]], explicit: [[WordToken]], attached: [[WordToken]], isGroup: Bool,
                reference: ReferenceEntry?, referenceTokens: [WordToken]) -> StudyDesign {
        if isGroup { return .unspecifiedTrials }
        if reference != nil {
            if let design = firstDesign(in: [referenceTokens], allowing: [.metaAnalysis, .guideline, .review, .caseReport, .caseSeries, .rct, .cohort, .caseControl, .crossSectional, .animal, .inVitro]) {
                return design
            }
            return .review
        }
        for group in [anchorPhrases, explicit, attached] {
            if let design = firstDesign(in: group, allowing: nil) { return design }
        }
        return .unspecified
    }

    private func firstDesign(in sentences: [[WordToken]], allowing: Set<StudyDesign>?) -> StudyDesign? {
        for (design, phrases) in cues.designs where allowing?.contains(design) ?? true {
            if sentences.contains(where: { phrases.contains(in: $0) }) { return design }
        }
        return nil
    }
}
