import EvidenceModel
/// Reads what a study found, one finding per studied intervention (or arm) and outcome.
///
/// Each sentence that speaks of the study is cut into clauses ("may reduce X but not Y" is two). A clause with
/// a result gets its direction read for itself, with its negation and hedging. Its outcomes are the conditions
/// it names (or the ones the sentence named before it, for "whereas K1 had no correlation"; or the study's
/// main outcome, for "the lesions healed"), never a procedure or the population ("hemodialysis patients").
/// Its interventions are the studied ones it names (a generic "vitamin K" stands for the study's K1 and K2);
/// a clause naming none speaks of the study's studied interventions.
struct FindingReader: Sendable {
    let cues: FindingCues
    let studyCues: StudyCues
    let directions: StudyDirectionReader

    /// A result read from one clause, before the results of one pair are combined.
    struct Result {
        var interventionID: String
        var formID: String?
        var arm: String?
        var outcomeID: String
        var direction: Direction
        var effect: String?
        var hedged: Bool
        var span: TextSpan
    }

    /// `fallbackOutcomes`: what a result that names no outcome speaks of. `studyConditions`: the study's conditions,
    /// to which a broader word ("calcification" in a study of arterial calcification) is narrowed.
    func results(_ sentences: [StudySentence], studied: [String], excluded: Set<String>, fallbackOutcomes: [String],
                 studyConditions: [String], _ context: StudyContext) -> [Result] {
        var results: [Result] = []
        // The outcomes the study's results name, for a contrast that names none ("whereas K1 had no correlation").
        var resultOutcomes: [String] = []
        for sentence in sentences {
            for clause in directions.clauses(sentence.tokens) where polarity(sentence, clause, context) != nil {
                for outcome in narrowed(outcomes(sentence, clause, context), to: studyConditions, context)
                where !resultOutcomes.contains(outcome) {
                    resultOutcomes.append(outcome)
                }
            }
        }
        for sentence in sentences where !isQuestion(sentence, context) {
            let tokens = sentence.tokens
            var carriedOutcomes: [String] = []
            var carriedInterventions: [(id: String, form: String?, arm: String?)] = []
            for clause in directions.clauses(tokens) {
                let outcomes = narrowed(self.outcomes(sentence, clause, context), to: studyConditions, context)
                let named = interventions(sentence, clause, studied: studied, excluded: excluded, context)
                let namesExcludedOnly = named.isEmpty && sentence.mentions(in: clause, type: .intervention, context)
                    .contains { excluded.contains(context.lexicon.substance(of: $0.mention.conceptID)) }
                defer {
                    if !outcomes.isEmpty { carriedOutcomes = outcomes }
                    if !named.isEmpty { carriedInterventions = named }
                }
                // A clause about an inducer or a comparator only ("the warfarin group continued"), or naming
                // substances only as what something else is compared with ("less than a good diet"), is not a
                // result for the studied interventions.
                if namesExcludedOnly { continue }
                if named.isEmpty && !sentence.mentions(in: clause, type: .intervention, context).isEmpty { continue }
                guard let direction = polarity(sentence, clause, context) else { continue }
                // A result that names no substance is for the study's studied ones; a generic one beside a
                // narrower one ("vitamin K" in a study of K1 and K2) is not studied apart from them.
                let specific = studied.filter { generic in
                    !studied.contains { $0 != generic && context.lexicon.ancestors(of: $0).contains(generic) }
                }
                let targets = !named.isEmpty ? named : !carriedInterventions.isEmpty ? carriedInterventions
                    : specific.map { (id: $0, form: nil, arm: nil) }
                let contrast = studyCues.clauseBreaks.contains(tokens[clause.lowerBound].lower)
                if sentence.continues && outcomes.isEmpty && carriedOutcomes.isEmpty { continue }
                // A bare negation ("they did not unveil the data") names neither what nor for what.
                if outcomes.isEmpty && carriedOutcomes.isEmpty && named.isEmpty && direction == .noEffect { continue }
                let ends = !outcomes.isEmpty ? outcomes : !carriedOutcomes.isEmpty ? carriedOutcomes
                    : contrast && !named.isEmpty && !resultOutcomes.isEmpty ? resultOutcomes : Array(fallbackOutcomes.prefix(1))
                let clauseSpan = sentence.clauseSpan(clause)
                let effect = context.effects.inside(clauseSpan).first?.text
                let hedged = cues.hedges.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound)
                    || cues.hedges.contains(in: tokens, from: 0, to: min(clause.lowerBound, tokens.count))
                for target in targets {
                    for outcome in ends {
                        results.append(Result(interventionID: target.id, formID: target.form, arm: target.arm, outcomeID: outcome,
                                              direction: direction, effect: effect, hedged: hedged, span: sentence.span))
                    }
                }
            }
        }
        return results
    }

    /// "Might they have benefited more?": a question reports nothing.
    private func isQuestion(_ sentence: StudySentence, _ context: StudyContext) -> Bool {
        context.document.text.slice(sentence.span).trimmingCharactersInSpaces().hasSuffix("?")
    }

    /// The direction of one clause's result; nil when it states none for the studied arm.
    func polarity(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> Direction? {
        let tokens = sentence.tokens
        if cues.unclear.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound) { return .unclear }
        if cues.nonResult.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound) { return nil }
        let namesIntervention = !sentence.mentions(in: clause, type: .intervention, context).isEmpty
        // "The placebo group showed no change": the comparator's own course, unless the clause names a substance
        // whose arm it is ("the low-dose arm of K1 stayed level").
        let aboutComparator = cues.comparatorArms.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound)
        if aboutComparator && !namesIntervention { return nil }
        let nullFound = cues.extraNull.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound)
            || (namesIntervention && studyCues.null.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound)
                && studyCues.comparatorMarkers.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound))
        if nullFound && !studyCues.safetyMarkers.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound) {
            return .noEffect
        }
        var adverse = Set<Int>()
        for (mention, token) in sentence.mentions where context.type(mention) == .condition && !cues.soughtOutcomes.contains(mention.conceptID) {
            var index = token
            while index < tokens.count, tokens[index].start < mention.span.end {
                adverse.insert(index)
                index += 1
            }
        }
        // "an increase in dietary zinc reduces oxidative stress": a rise of the exposure itself says nothing of the
        // result, which follows the substance.
        let substances = sentence.mentions(in: clause, type: .intervention, context)
        for (mention, token) in substances.reversed() {
            let before = max(clause.lowerBound, token - 3)..<token
            guard studyCues.increase.contains(in: tokens, from: before.lowerBound, to: before.upperBound) else { continue }
            var end = token
            while end < clause.upperBound, tokens[end].start < mention.span.end { end += 1 }
            if end < clause.upperBound, let tail = directions.polarity(tokens, end..<clause.upperBound, adverse: adverse) {
                return tail
            }
        }
        return directions.polarity(tokens, clause, adverse: adverse)
    }

    /// The outcome conditions a clause names: not procedures, not the population's description.
    func outcomes(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> [String] {
        var found: [String] = []
        for (mention, token) in sentence.mentions(in: clause, type: .condition, context) {
            let id = mention.conceptID
            guard !cues.notOutcomes.contains(id), !describesPopulation(sentence, token, mention), !found.contains(id) else { continue }
            found.append(id)
        }
        // A broader condition beside a narrower one it contains ("calcification … arterial calcification") adds nothing.
        return found.filter { id in !found.contains { $0 != id && context.lexicon.ancestors(of: $0).contains(id) } }
    }

    /// A broader word for one of the study's conditions ("calcification" in a study of arterial calcification) is
    /// that condition.
    func narrowed(_ outcomes: [String], to conditions: [String], _ context: StudyContext) -> [String] {
        var result: [String] = []
        for outcome in outcomes {
            let specific = conditions.first { $0 != outcome && context.lexicon.ancestors(of: $0).contains(outcome) } ?? outcome
            if !result.contains(specific) { result.append(specific) }
        }
        return result
    }

    /// "hemodialysis patients", "patients with chronic kidney disease", "adults on dialysis".
    private func describesPopulation(_ sentence: StudySentence, _ token: Int, _ mention: ConceptMention) -> Bool {
        let tokens = sentence.tokens
        var last = token
        while last + 1 < tokens.count, tokens[last + 1].start < mention.span.end { last += 1 }
        if last + 1 < tokens.count, cues.populationNouns.contains(tokens[last + 1].lower) { return true }
        // "at risk of heart attack and stroke": a prefix a few words before (a list may stand between).
        if cues.populationPrefixes.matches(in: tokens, from: max(0, token - 8), to: token)
            .contains(where: { token - $0.upperBound <= 4 }) {
            return true
        }
        // A population noun, a link, then the condition (a determiner or an adjective may stand between).
        let before = tokens[max(0, token - 4)..<token].map(\.lower)
        if let link = before.lastIndex(where: { cues.populationLinks.contains($0) }), link > 0,
           cues.populationNouns.contains(before[link - 1]) {
            return true
        }
        return false
    }

    /// The studied substances a clause names, each with its form and arm. A generic substance named beside a
    /// narrower one ("vitamin K (both K1 and K2)") gives way to it; named alone ("high-intensity statins") it is
    /// the result's own.
    func interventions(_ sentence: StudySentence, _ clause: Range<Int>, studied: [String], excluded: Set<String>,
                       _ context: StudyContext) -> [(id: String, form: String?, arm: String?)] {
        var found: [(id: String, form: String?, arm: String?)] = []
        var mentions = sentence.mentions(in: clause, type: .intervention, context)
        // "men who exercised had higher bone density than those who took calcium": after the comparison word
        // stands the comparison, when a substance came before it.
        if let comparison = cues.comparison.matches(in: sentence.tokens, from: clause.lowerBound, to: clause.upperBound).first {
            mentions = mentions.filter { $0.token < comparison.lowerBound }
        }
        let substances = mentions.map { context.lexicon.substance(of: $0.mention.conceptID) }
        // Only the study's own substances: another named beside them ("K2 may interfere with warfarin") is not studied here.
        let own = Set(studied).union(studied.flatMap { context.lexicon.ancestors(of: $0) })
        for ((mention, token), substance) in zip(mentions, substances) where !excluded.contains(substance) && own.contains(substance) {
            let arm = self.arm(sentence, token, clause)
            // Named beside its narrower substances ("vitamin K (both K1 and K2)"): those carry the result.
            if substances.contains(where: { $0 != substance && context.lexicon.ancestors(of: $0).contains(substance) }) { continue }
            let ids = [substance]
            for id in ids where !found.contains(where: { $0.id == id && $0.arm == arm }) {
                let form = mention.conceptID != id && context.lexicon.substance(of: mention.conceptID) == id ? mention.conceptID : nil
                found.append((id, form, arm))
            }
        }
        return found
    }

    /// The arm named by its amount near the mention: "a normal dose of K1", "high vitamin K intake",
    /// "K1 at high dose", or a dose written beside it ("4 g a day of fish oil").
    private func arm(_ sentence: StudySentence, _ token: Int, _ clause: Range<Int>) -> String? {
        let tokens = sentence.tokens
        let window = max(clause.lowerBound, token - 8)..<min(clause.upperBound, token + 5)
        for index in window where cues.armWords.contains(tokens[index].lower) {
            // Before the substance: the word itself, or the word and its head ("normal dose of").
            if index < token { return tokens[index].lower + " dose" }
            if index + 1 < tokens.count, cues.armHeads.contains(tokens[index + 1].lower) { return tokens[index].lower + " dose" }
        }
        return nil
    }
}
