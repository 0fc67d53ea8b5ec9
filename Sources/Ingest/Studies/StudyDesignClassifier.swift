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
            if sentences.contains(where: { tokens in
                phrases.matches(in: tokens).contains { !describesOtherStudies($0, tokens) }
            }) { return design }
        }
        return nil
    }

    /// "Without randomized trials to go on", "animal studies suggest": a design word before a plural
    /// study noun describes other studies (or a meta-analysis's material), not this one.
    private func describesOtherStudies(_ match: Range<Int>, _ tokens: [WordToken]) -> Bool {
        // "institutional review board": no design at all.
        if match.upperBound < tokens.count, cues.headBlockers.contains(tokens[match.upperBound].lower) { return true }
        // "data from 12 prospective cohorts": counted, they are this study's own material (pooled cohorts).
        if match.lowerBound > 0, tokens[match.lowerBound - 1].isNumber { return false }
        let window = match.upperBound..<min(tokens.count, match.upperBound + 3)
        for index in window {
            if cues.pluralHeads.contains(tokens[index].lower) { return true }
            // Only adjectives of the design may stand between ("randomized clinical trials").
            if !cues.modifierWords.contains(tokens[index].lower) { return false }
        }
        return false
    }
}
