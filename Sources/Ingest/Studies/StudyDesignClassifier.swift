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
        for (rank, group) in [anchorPhrases, explicit, attached].enumerated() {
            guard let design = firstDesign(in: group, allowing: nil, inSentences: rank > 0) else { continue }
            // "a clinical trial … followed for 10 years": a trial follows its patients too. Its follow-up alone
            // makes it no cohort; what its other sentences say of its arms decides, else a controlled trial.
            if design == .cohort, calledTrial(anchorPhrases + explicit), onlyFollowUp(anchorPhrases + explicit + attached) {
                let trials: Set<StudyDesign> = [.rct, .controlledTrial, .singleArmTrial]
                return firstDesign(in: explicit + attached, allowing: trials, inSentences: true) ?? .controlledTrial
            }
            return design
        }
        return .unspecified
    }

    private func calledTrial(_ sentences: [[WordToken]]) -> Bool {
        sentences.contains { $0.contains { $0.lower == "trial" } }
    }

    /// True when every cohort cue found is a follow-up cue.
    private func onlyFollowUp(_ sentences: [[WordToken]]) -> Bool {
        guard let cohort = cues.designs.first(where: { $0.0 == .cohort })?.1 else { return false }
        return sentences.allSatisfy { tokens in
            let followUp = cues.followUpCues.matches(in: tokens)
            return cohort.matches(in: tokens).allSatisfy { match in followUp.contains { $0.overlaps(match) } }
        }
    }

    private func firstDesign(in sentences: [[WordToken]], allowing: Set<StudyDesign>?, inSentences: Bool = false) -> StudyDesign? {
        for (design, phrases) in cues.designs where allowing?.contains(design) ?? true {
            if sentences.contains(where: { tokens in
                phrases.matches(in: tokens).contains { !describesOtherStudies($0, tokens) && !(inSentences && isLooseReview($0, tokens)) }
            }) { return design }
        }
        return nil
    }

    /// The bare word "review" in a sentence ("the panel will review it", "under review", "a review of the
    /// records found …" in a trial's report) is a weak cue: only a review named as such ("a review", "this
    /// review", "their review") is one; the anchor phrase and "systematic review" are read as before.
    private func isLooseReview(_ match: Range<Int>, _ tokens: [WordToken]) -> Bool {
        guard match.count == 1, cues.looseDesignWords.contains(tokens[match.lowerBound].lower) else { return false }
        guard match.lowerBound > 0 else { return true }
        let previous = tokens[match.lowerBound - 1]
        return !cues.reviewDeterminers.contains(previous.lower) && JournalFinder.year(previous) == nil
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
