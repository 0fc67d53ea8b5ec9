import EvidenceModel
/// A trial's list of adverse reactions: "the most common side effects were headache (12%), nausea and rash",
/// "reported adverse events included: dizziness; dry mouth". Each condition listed after the cue is a harm of the
/// studied treatment (the conventions of the gold: every listed reaction is an outcome of the trial), unless a
/// negation or a null stands between the cue and the list ("no serious side effects such as …", "adverse events
/// did not differ …").
struct AdverseList {
    /// Where the list starts (the first word after the cue) and the conditions it names, in order.
    let cue: Range<Int>
    let outcomes: [String]
    let direction: Direction
    /// The sentence's words up to the end of the list.
    let end: Int

    /// The list a sentence holds after its first adverse cue, or nil when it names no condition after one.
    init?(_ sentence: StudySentence, cues: FindingCues, studyCues: StudyCues, reader: FindingReader, _ context: StudyContext) {
        let tokens = sentence.tokens
        // The cue heads a list through a link a few words on ("were", "included", "such as"): "stopped because of
        // an adverse reaction, 1% because of pregnancy" is a list of reasons, not of reactions.
        guard let cue = cues.adverseLists.matches(in: tokens).first,
              let link = cues.adverseLinks.matches(in: tokens, from: cue.upperBound, to: min(tokens.count, cue.upperBound + 9)).first
        else { return nil }
        // A comma between ends the phrase ("due to an adverse reaction, 5% were lost to follow-up").
        let gap = context.document.text.slice(TextSpan(tokens[cue.upperBound - 1].end, tokens[link.lowerBound].start))
        guard !gap.contains(","), !gap.contains(";") else { return nil }
        // The list runs to the end of the sentence, or to a clause break ("…, but the placebo group …").
        let end = (cue.upperBound..<tokens.count).first { studyCues.clauseBreaks.contains(tokens[$0].lower) } ?? tokens.count
        guard link.upperBound < end else { return nil }
        let listed = reader.outcomes(sentence, link.upperBound..<end, context, keepBroader: true)
        guard !listed.isEmpty else { return nil }
        // A negation just before the cue ("no adverse effects", "without side effects") or a null between the cue and
        // the first listed condition ("adverse events did not differ, including …") makes the list a null.
        let firstCondition = sentence.mentions(in: link.upperBound..<end, type: .condition, context).first?.token ?? end
        let before = max(0, cue.lowerBound - 5)
        let negated = cues.adverseNegations.contains(in: tokens, from: before, to: cue.lowerBound)
            || studyCues.null.contains(in: tokens, from: cue.upperBound, to: firstCondition)
            || cues.extraNull.contains(in: tokens, from: cue.upperBound, to: firstCondition)
        let fewer = cues.adverseReductions.contains(in: tokens, from: before, to: cue.lowerBound)
        self.cue = cue
        self.end = end
        outcomes = listed
        direction = negated ? .noEffect : fewer ? .benefit : .harm
        givesRates = (link.upperBound..<end).contains { tokens[$0].isNumber }
    }

    /// Whether the list gives rates or counts ("headache (12%)", "(4 subjects)"): a trial's own tally, which
    /// still belongs to the trial under a table's caption.
    let givesRates: Bool
}
