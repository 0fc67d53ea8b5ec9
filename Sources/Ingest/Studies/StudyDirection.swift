import EvidenceModel
/// Reads the direction of a result from the clauses that report it.
///
/// Each clause (split at "but", "whereas", "although", …) gets a polarity: a negated result ("did not
/// significantly reduce") is no effect; "higher risk" is harm unless the exposure is a lack ("men with the
/// lowest levels … had a higher risk" speaks for the substance); "lower" is benefit unless the outcome is
/// one where more is better ("bone density was lower"), and "slowed the loss of" turns it back. Clauses about
/// the comparator arm ("the placebo group showed no change") and about other substances are skipped.
/// The study's direction combines its clauses: one polarity, or `mixed`.
struct StudyDirectionReader: Sendable {
    let cues: StudyCues

    /// The polarity of each clause of a stretch of text; nil entries are clauses without a result.
    func polarities(_ tokens: [WordToken], adverse: Set<Int> = [], skipClause: (Range<Int>) -> Bool) -> [Direction] {
        var result: [Direction] = []
        for clause in clauses(tokens) where !skipClause(clause) {
            if let polarity = polarity(tokens, clause, adverse: adverse) { result.append(polarity) }
        }
        return result
    }

    /// One direction when it has at least two thirds of the results read ("cut strokes by 12%", "a 12% lower
    /// risk", but "no difference in kidney stones": a clear benefit beside a null secondary outcome), three
    /// quarters when benefit and harm meet; `mixed` when results point different ways with comparable weight.
    static func combine(_ polarities: [Direction]) -> Direction {
        guard !polarities.isEmpty else { return .unclear }
        var counts: [Direction: Int] = [:]
        for polarity in polarities { counts[polarity, default: 0] += 1 }
        guard let (top, count) = counts.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key.rawValue > $1.key.rawValue })
        else { return .mixed }
        // Benefit beside harm ("less calcification, but lower bone density") is two ways: mixed unless one
        // outweighs the other three to one.
        let opposite = counts[.benefit] != nil && counts[.harm] != nil
        // A harm found beside null results ("no link with colon cancer; it did find more throat cancer") is the
        // signal the study gives: the nulls do not cancel it.
        if !opposite, let harms = counts[.harm], harms >= counts[.noEffect, default: 0],
           counts[.harm, default: 0] + counts[.noEffect, default: 0] == polarities.count { return .harm }
        if opposite ? count * 4 >= polarities.count * 3 : count * 3 >= polarities.count * 2 { return top }
        return .mixed
    }

    func clauses(_ tokens: [WordToken]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in tokens.indices where index > start && cues.clauseBreaks.contains(tokens[index].lower) {
            // "not only … but" keeps its "but" inside the clause.
            ranges.append(start..<index)
            start = index
        }
        ranges.append(start..<tokens.count)
        return ranges.filter { !$0.isEmpty }
    }

    /// `adverse`: indices of tokens naming a condition, so that "increased ferritin levels" (more of something
    /// sought) reads as benefit and "increased the risk of stroke" as harm.
    func polarity(_ tokens: [WordToken], _ clause: Range<Int>, adverse: Set<Int> = []) -> Direction? {
        if cues.evidenceQuality.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound) { return nil }
        var masked = Set<Int>()
        for range in cues.notNegations.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound) { masked.formUnion(range) }
        for range in cues.comparatorMasks.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound) { masked.formUnion(range) }
        var lowExposure = cues.lowExposure.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
        // "the lowest vitamin D levels": a low word, a few words, then levels/intake/status.
        for index in clause where ["low", "lowest", "lower"].contains(tokens[index].lower) {
            let window = (index + 1)..<min(clause.upperBound, index + 5)
            if let end = window.first(where: { ["levels", "level", "intake", "status", "concentrations", "concentration"].contains(tokens[$0].lower) }) {
                lowExposure.append(index..<(end + 1))
            }
        }
        for range in lowExposure { masked.formUnion(range) }
        func found(_ set: PhraseSet) -> [Range<Int>] {
            set.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound).filter { range in !range.contains(where: masked.contains) }
        }
        // "improved X but not Y": the clause after the break opens with "not".
        let opening = tokens[clause].prefix(3).map(\.lower)
        let opensWithNot = opening.first == "not" || (opening.count > 1 && cues.clauseBreaks.contains(opening[0]) && opening[1] == "not")
        let nulls = found(cues.null)
        if !nulls.isEmpty || opensWithNot {
            // The comparator arm's null result ("the placebo group showed no change") says nothing.
            if let comparator = found(cues.comparatorMarkers).first, let null = nulls.first, comparator.lowerBound < null.lowerBound { return nil }
            if !found(cues.safetyMarkers).isEmpty { return nil }
            return .noEffect
        }
        let invertExposure = !lowExposure.isEmpty
        if !found(cues.alwaysHarm).isEmpty { return invertExposure ? .benefit : .harm }
        if !found(cues.alwaysBenefit).isEmpty { return .benefit }
        let decrease = found(cues.decrease)
        let increase = found(cues.increase)
        guard !decrease.isEmpty || !increase.isEmpty else { return nil }
        var isBenefit = !decrease.isEmpty && (increase.isEmpty || decrease[0].lowerBound < increase[0].lowerBound)
        // More of something that is no disease nor risk ("boosted grip strength", "increased ferritin") is the
        // sought effect.
        if !isBenefit, let rise = increase.first {
            // What rises follows the word ("increased the risk of stroke", "higher rates of cancer"); a risk word may
            // also stand just before it ("cancer rates rose").
            let after = rise.upperBound..<min(clause.upperBound, rise.upperBound + 6)
            let near = max(clause.lowerBound, rise.lowerBound - 2)..<after.upperBound
            let bad = after.contains { adverse.contains($0) } || !found(cues.riskWords).filter({ near.contains($0.lowerBound) }).isEmpty
            if !bad && found(cues.goodOutcomes).isEmpty { return invertExposure ? .harm : .benefit }
        }
        if !found(cues.goodOutcomes).isEmpty && found(cues.lossWords).isEmpty { isBenefit.toggle() }
        if invertExposure { isBenefit.toggle() }
        return isBenefit ? .benefit : .harm
    }
}
