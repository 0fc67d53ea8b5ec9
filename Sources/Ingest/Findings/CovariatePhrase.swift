import EvidenceModel
/// What an observational result was adjusted for: "after accounting for weight, age and blood sugar, …", "even
/// after considering other factors, like aspirin use, …". The substances and conditions named there are
/// covariates: neither the result's exposure nor its outcome.
struct CovariatePhrase: Sendable {
    let cues: FindingCues
    let studyCues: StudyCues

    /// The word ranges of the clause that name covariates: from an adjustment cue to the last comma or dash before
    /// the first word that states a direction after it (the list of covariates ends where the result's subject
    /// begins: "after accounting for age, weight and smoking, coffee drinkers had a lower risk"), or to the
    /// clause's end when the result came first ("… lower risk, after adjusting for age and diabetes").
    func ranges(_ tokens: [WordToken], _ clause: Range<Int>, _ text: SourceText) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for cue in cues.adjustment.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound) {
            let directions = [studyCues.decrease, studyCues.increase, studyCues.alwaysBenefit, studyCues.alwaysHarm, studyCues.null]
                .flatMap { $0.matches(in: tokens, from: cue.upperBound, to: clause.upperBound) }
            var end = clause.upperBound
            if let direction = directions.map(\.lowerBound).min() {
                end = direction
                if let joint = (cue.upperBound + 1..<max(cue.upperBound + 1, direction)).last(where: { index in
                    let gap = text.slice(TextSpan(tokens[index - 1].end, tokens[index].start))
                    return gap.contains(",") || gap.contains("—") || gap.contains("–") || gap.contains(";")
                }) {
                    end = joint
                }
            }
            if end > cue.upperBound { found.append(cue.upperBound..<end) }
        }
        return found
    }

    /// The sentence as one clause of it reads once its covariates are set aside.
    func withoutCovariates(_ sentence: StudySentence, _ clause: Range<Int>, _ text: SourceText) -> StudySentence {
        let covariates = ranges(sentence.tokens, clause, text)
        guard !covariates.isEmpty else { return sentence }
        return sentence.keeping { token in !covariates.contains { $0.contains(token) } }
    }
}
