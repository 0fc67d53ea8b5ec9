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
    func polarities(_ tokens: [WordToken], skipClause: (Range<Int>) -> Bool) -> [Direction] {
        var result: [Direction] = []
        for clause in clauses(tokens) where !skipClause(clause) {
            if let polarity = polarity(tokens, clause) { result.append(polarity) }
        }
        return result
    }

    static func combine(_ polarities: [Direction]) -> Direction {
        let kinds = Set(polarities)
        if kinds.isEmpty { return .unclear }
        if kinds.count == 1, let only = kinds.first { return only }
        if kinds.contains(.mixed) || kinds.contains(.benefit) { return .mixed }
        // Harm and no effect together: still no single direction.
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

    func polarity(_ tokens: [WordToken], _ clause: Range<Int>) -> Direction? {
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
        if !found(cues.goodOutcomes).isEmpty && found(cues.lossWords).isEmpty { isBenefit.toggle() }
        if invertExposure { isBenefit.toggle() }
        return isBenefit ? .benefit : .harm
    }
}
