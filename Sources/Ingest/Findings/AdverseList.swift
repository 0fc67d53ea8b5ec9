import EvidenceModel
/// A trial's list of adverse reactions: "the most common side effects were headache (12%), nausea and rash",
/// "reported adverse events included: dizziness; dry mouth", or the list first: "headache and nausea were the most
/// common side effects". Each listed condition is a harm of the studied treatment (the conventions of the gold:
/// every listed reaction is an outcome of the trial), unless a negation or a null goes with the list ("no serious
/// side effects such as …", "adverse events did not differ …").
struct AdverseList {
    /// The words of the statement: what comes before them is read as a clause of its own.
    let region: Range<Int>
    /// Where the substance the list belongs to may be named: before the statement ("of Kyleena-treated women, the
    /// most common …") or, for a list that comes first, after the cue ("… side effects of the drug").
    let owner: Range<Int>
    let outcomes: [String]
    let direction: Direction
    /// Whether the list gives rates or counts ("headache (12%)", "(4 subjects)"): a trial's own tally, which still
    /// belongs to the trial under a table's caption.
    let givesRates: Bool

    init?(_ sentence: StudySentence, cues: FindingCues, studyCues: StudyCues, reader: FindingReader, _ context: StudyContext) {
        let tokens = sentence.tokens
        guard let cue = cues.adverseLists.matches(in: tokens).first else { return nil }
        // The list runs to the end of the sentence, or to a clause break ("…, but the placebo group …").
        let end = (cue.upperBound..<tokens.count).first { studyCues.clauseBreaks.contains(tokens[$0].lower) } ?? tokens.count
        let start = (0..<cue.lowerBound).last { studyCues.clauseBreaks.contains(tokens[$0].lower) } ?? 0
        let text = context.document.text
        func unbroken(_ from: Int, _ to: Int) -> Bool {
            guard from < to else { return true }
            let gap = text.slice(TextSpan(tokens[from].end, tokens[to].start))
            return !gap.contains(",") && !gap.contains(";")
        }
        // The cue heads a list through a link a few words on ("were", "included", "such as"), with no comma between:
        // "stopped because of an adverse reaction, 1% because of pregnancy" is a list of reasons, not of reactions.
        let forward = cues.adverseLinks.matches(in: tokens, from: cue.upperBound, to: min(end, cue.upperBound + 9)).first
            .flatMap { link in unbroken(cue.upperBound - 1, link.lowerBound) && link.upperBound < end ? link : nil }
        let listRange: Range<Int>
        let negationWindow: Range<Int>
        if let link = forward {
            listRange = link.upperBound..<end
            let first = sentence.mentions(in: listRange, type: .condition, context).first?.token ?? end
            negationWindow = cue.upperBound..<first
            region = cue.lowerBound..<end
            owner = 0..<cue.lowerBound
        } else if let link = cues.adverseLinks.matches(in: tokens, from: max(start, cue.lowerBound - 6), to: cue.lowerBound).last,
                  unbroken(link.upperBound - 1, cue.lowerBound) {
            // "Headache and nausea were the most common side effects."
            listRange = start..<link.lowerBound
            negationWindow = link.lowerBound..<cue.lowerBound
            region = start..<end
            owner = cue.upperBound..<end
        } else {
            return nil
        }
        let listed = reader.outcomes(sentence, listRange, context, keepBroader: true)
        guard !listed.isEmpty else { return nil }
        // A negation just before the cue ("no adverse effects", "without side effects") or a null between the cue and
        // the list ("adverse events did not differ, including …") makes the list a null; "fewer side effects" a benefit.
        let before = max(0, cue.lowerBound - 5)
        let negated = cues.adverseNegations.contains(in: tokens, from: before, to: cue.lowerBound)
            || studyCues.null.contains(in: tokens, from: negationWindow.lowerBound, to: negationWindow.upperBound)
            || cues.extraNull.contains(in: tokens, from: negationWindow.lowerBound, to: negationWindow.upperBound)
        let fewer = cues.adverseReductions.contains(in: tokens, from: before, to: cue.lowerBound)
        outcomes = listed
        direction = negated ? .noEffect : fewer ? .benefit : .harm
        givesRates = listRange.contains { tokens[$0].isNumber }
    }
}
