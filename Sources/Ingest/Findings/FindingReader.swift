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
        /// An outcome named as a part of another ("deaths, including those from strokes") or of a composite: it
        /// gives way to a result stated for that outcome on its own.
        var component = false
        /// Read from a list of adverse reactions: a harm beside the efficacy the study set out to measure.
        var safety = false
    }

    /// `fallbackOutcomes`: what a result that names no outcome speaks of. `narrowing`: the study's conditions, to
    /// which a broader word that refers back to one of them ("calcification" in a study of arterial calcification)
    /// is narrowed.
    /// `textOutcome`: the study's lexicon conditions, which an outcome made from the text that names one of them
    /// in plain words gives way to.
    func results(_ sentences: [StudySentence], studied: [String], excluded: Set<String>, fallbackOutcomes: [String],
                 narrowing: OutcomeNarrowing = .none, textOutcome: TextOutcome = .none, _ context: StudyContext) -> [Result] {
        var results: [Result] = []
        // The outcomes the study's results name, for a contrast that names none ("whereas K1 had no correlation").
        var resultOutcomes: [String] = []
        let covariates = CovariatePhrase(cues: cues, studyCues: studyCues)
        for whole in sentences {
            for clause in clauses(whole, context) {
                let sentence = covariates.withoutCovariates(whole, clause, context.document.text)
                guard polarity(sentence, clause, context) != nil else { continue }
                for outcome in textOutcome.resolved(narrowing.narrowed(outcomes(sentence, clause, context), in: sentence, clause, context), context)
                where !resultOutcomes.contains(outcome) {
                    resultOutcomes.append(outcome)
                }
            }
        }
        let specific = unattributedTargets(studied, sentences, context)
        for whole in sentences where !isQuestion(whole, context) {
            let tokens = whole.tokens
            var carriedOutcomes: [String] = []
            var carriedInterventions: [(id: String, form: String?, arm: String?)] = []
            let sentenceStart = results.count
            // "The most common side effects were headache (12%) and nausea": a harm for each listed condition; the
            // words before the list are read as usual.
            let list = AdverseList(whole, cues: cues, studyCues: studyCues, reader: self, context)
            if let list {
                results += adverseResults(list, whole, studied: studied, excluded: excluded, specific: specific, context)
            }
            for full in clauses(whole, context) {
                // Only the words before an adverse list are a clause of their own.
                let clause = list.map { full.clamped(to: full.lowerBound..<max(full.lowerBound, $0.region.lowerBound)) } ?? full
                guard !clause.isEmpty else { continue }
                // What the result was adjusted for ("after accounting for age and blood sugar") is neither its
                // exposure nor its outcome.
                let sentence = covariates.withoutCovariates(whole, clause, context.document.text)
                // "…fewer colds with echinacea, but the benefit has not been proven": a clause that only doubts
                // the result before it, naming neither substance nor outcome, leaves that result unclear.
                if results.count > sentenceStart, isDoubt(sentence, clause, context) {
                    for index in sentenceStart..<results.count { results[index].direction = .unclear }
                    continue
                }
                // "…slightly fewer strokes with zinc, but the gap may be down to chance": a null.
                if results.count > sentenceStart, namesNothing(sentence, clause, context),
                   cues.chance.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound) {
                    for index in sentenceStart..<results.count { results[index].direction = .noEffect }
                    continue
                }
                // Narrowed before a broader one beside a narrower is dropped: in "did not reduce diarrhoea or
                // C. difficile infection" on a page about antibiotic-associated diarrhoea, both stay.
                let outcomes = withoutBroader(narrowing.narrowed(self.outcomes(sentence, clause, context, keepBroader: true),
                                                                 in: sentence, clause, context), context)
                let named = withSoleMember(interventions(sentence, clause, studied: studied, excluded: excluded, context), specific, context)
                let namesExcludedOnly = named.isEmpty && sentence.mentions(in: clause, type: .intervention, context)
                    .contains { excluded.contains(context.lexicon.substance(of: $0.mention.conceptID)) }
                defer {
                    if !outcomes.isEmpty { carriedOutcomes = textOutcome.resolved(outcomes, context) }
                    if !named.isEmpty { carriedInterventions = named }
                }
                // A clause about an inducer or a comparator only ("the warfarin group continued"), or naming
                // substances only as what something else is compared with ("less than a good diet"), is not a
                // result for the studied interventions.
                if namesExcludedOnly { continue }
                if named.isEmpty && !sentence.mentions(in: clause, type: .intervention, context).isEmpty { continue }
                guard let direction = polarity(sentence, clause, context) else { continue }
                // "For people at a higher risk of gout, cherries may be worth trying": the only direction word
                // belongs to who is meant.
                if outcomes.isEmpty, let prefix = cues.populationPrefixes.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound).first,
                   statedDirection(tokens, clause.lowerBound..<prefix.lowerBound) == nil,
                   statedDirection(tokens, prefix.upperBound..<clause.upperBound) == nil {
                    continue
                }
                let targets = !named.isEmpty ? named : !carriedInterventions.isEmpty ? carriedInterventions
                    : specific.map { (id: $0, form: nil, arm: nil) }
                let contrast = studyCues.clauseBreaks.contains(tokens[clause.lowerBound].lower)
                if sentence.continues && outcomes.isEmpty && carriedOutcomes.isEmpty { continue }
                // A bare negation ("they did not unveil the data") names neither what nor for what.
                if outcomes.isEmpty && carriedOutcomes.isEmpty && named.isEmpty && direction == .noEffect { continue }
                // "Fish oil lowered triglycerides, but there was no reduction in heart attacks": a clause whose measure
                // is no concept, before a clause that names its outcomes, is not a result on the study's condition.
                if outcomes.isEmpty && carriedOutcomes.isEmpty && !contrast && laterClauseNamesOutcome(sentence, after: clause, context) { continue }
                let ends = !outcomes.isEmpty ? textOutcome.resolved(outcomes, context) : !carriedOutcomes.isEmpty ? carriedOutcomes
                    : contrast && !named.isEmpty && !resultOutcomes.isEmpty ? resultOutcomes
                    : narrowing.narrowed(Array(fallbackOutcomes.prefix(1)), in: sentence, clause, context)
                let (rawParts, whole) = components(sentence, clause, context)
                let clauseSpan = sentence.clauseSpan(clause)
                let effect = context.effects.inside(clauseSpan).first?.text
                let hedged = cues.hedges.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound)
                    || cues.hedges.contains(in: tokens, from: 0, to: min(clause.lowerBound, tokens.count))
                // "lowered triglycerides and raised good cholesterol": each outcome takes the change named before it.
                var local: [String: Direction] = [:]
                for (outcome, change) in outcomes.count > 1 ? ownChanges(sentence, clause, outcomes, context) : [:] {
                    local[textOutcome.resolved([outcome], context).first ?? outcome] = change
                }
                let parts = Set(textOutcome.resolved(Array(rawParts), context))
                for target in targets {
                    for outcome in ends {
                        results.append(Result(interventionID: target.id, formID: target.form, arm: target.arm, outcomeID: outcome,
                                              direction: local[outcome] ?? direction, effect: effect, hedged: hedged, span: sentence.span,
                                              component: parts.contains(outcome)))
                    }
                    if let whole, !ends.contains(whole) {
                        results.append(Result(interventionID: target.id, formID: target.form, arm: target.arm, outcomeID: whole,
                                              direction: direction, effect: effect, hedged: hedged, span: sentence.span))
                    }
                }
            }
        }
        return results
    }

    /// The harms of an adverse list, for the studied substances the sentence names before it or, naming none, for
    /// the study's own; a list of what the comparator arm reported ("in the placebo group, side effects were …") is
    /// not the studied treatment's.
    private func adverseResults(_ list: AdverseList, _ sentence: StudySentence, studied: [String], excluded: Set<String>,
                                specific: [String], _ context: StudyContext) -> [Result] {
        let owner = list.owner
        let named = interventions(sentence, owner, studied: studied, excluded: excluded, context)
        if named.isEmpty, !sentence.mentions(in: owner, type: .intervention, context).isEmpty { return [] }
        if cues.comparatorArms.contains(in: sentence.tokens, from: owner.lowerBound, to: owner.upperBound) { return [] }
        let targets = !named.isEmpty ? named : specific.map { (id: $0, form: nil, arm: nil) }
        let hedged = cues.hedges.contains(in: sentence.tokens, from: 0, to: list.region.upperBound)
        return targets.flatMap { target in
            list.outcomes.map { outcome in
                Result(interventionID: target.id, formID: target.form, arm: target.arm, outcomeID: outcome,
                       direction: list.direction, effect: nil, hedged: hedged, span: sentence.span, safety: true)
            }
        }
    }

    /// "the vaccine cut cases by half" in a study of the shingles vaccine: a generic word for the study's one narrower
    /// substance (which stands in `specific` where the generic does not) speaks of that substance too.
    func withSoleMember(_ named: [(id: String, form: String?, arm: String?)], _ specific: [String],
                        _ context: StudyContext) -> [(id: String, form: String?, arm: String?)] {
        var found = named
        for entry in named where !specific.contains(entry.id) {
            let members = specific.filter { $0 != entry.id && context.lexicon.ancestors(of: $0).contains(entry.id) }
            guard members.count == 1, let member = members.first,
                  !found.contains(where: { $0.id == member && $0.arm == entry.arm }) else { continue }
            found.append((member, nil, entry.arm))
        }
        return found
    }

    /// Who a result that names no substance is for: the study's studied ones, but a generic one beside a narrower
    /// one ("vitamin K" in a study of K1 and K2) is not studied apart from them, and a member the text first names
    /// as an example of its class ("high-intensity statins (atorvastatin or rosuvastatin)", "bisphosphonates,
    /// mainly alendronate") gives way to the class.
    func unattributedTargets(_ studied: [String], _ sentences: [StudySentence], _ context: StudyContext) -> [String] {
        let lexicon = context.lexicon
        let examples = Set(studied.filter { member in
            studied.contains { $0 != member && lexicon.ancestors(of: member).contains($0) }
                && firstNamedAsExample(member, sentences, context)
        })
        return studied.filter { id in
            if examples.contains(id) { return false }
            return !studied.contains { $0 != id && !examples.contains($0) && lexicon.ancestors(of: $0).contains(id) }
        }
    }

    private func firstNamedAsExample(_ substance: String, _ sentences: [StudySentence], _ context: StudyContext) -> Bool {
        for sentence in sentences {
            if let index = sentence.mentions.firstIndex(where: { context.lexicon.substance(of: $0.mention.conceptID) == substance }) {
                return isExample(sentence, index, context)
            }
        }
        return false
    }

    /// When a clause names both a fall and a rise ("reduced X and increased Y"), the direction of each outcome read
    /// from the change word before it up to the next one; empty when the clause names one kind of change.
    private func ownChanges(_ sentence: StudySentence, _ clause: Range<Int>, _ outcomes: [String],
                            _ context: StudyContext) -> [String: Direction] {
        let tokens = sentence.tokens
        let falls = studyCues.decrease.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
        let extraRises = cues.extraRises.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
        let rises = studyCues.increase.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound) + extraRises
        guard !falls.isEmpty, !rises.isEmpty else { return [:] }
        let changes = (falls + rises).sorted { $0.lowerBound < $1.lowerBound }
        var found: [String: Direction] = [:]
        for (mention, token) in sentence.mentions(in: clause, type: .condition, context) where outcomes.contains(mention.conceptID) {
            guard let index = changes.lastIndex(where: { $0.upperBound <= token }) else { continue }
            let end = index + 1 < changes.count ? changes[index + 1].lowerBound : clause.upperBound
            let part = changes[index].lowerBound..<end
            // A rise the study stage's cues don't know ("increasing"): a harm, but for something of which more is good.
            let rise: Direction? = extraRises.contains(changes[index])
                ? (studyCues.goodOutcomes.contains(in: tokens, from: part.lowerBound, to: part.upperBound)
                   || cues.soughtOutcomes.contains(mention.conceptID) ? .benefit : .harm)
                : nil
            guard let direction = polarity(sentence, part, context) ?? rise else { continue }
            // One outcome named under two changes keeps the clause's reading where they disagree.
            if let earlier = found[mention.conceptID], earlier != direction { found[mention.conceptID] = nil; continue }
            found[mention.conceptID] = direction
        }
        return found
    }

    /// "these drugs, particularly aspirin": a member singled out holds the class's result as well.
    private func isEmphasized(_ sentence: StudySentence, _ token: Int) -> Bool {
        cues.emphasis.matches(in: sentence.tokens, from: max(0, token - 4), to: token)
            .contains { $0.upperBound <= token && token - $0.upperBound <= 2 }
    }

    /// Whether a mention stands shortly after an example cue ("such as", "mainly the drug") or inside brackets. A
    /// lone member in brackets right after its class ("vitamin K (MK-7)") names the form used, not an example.
    func isExample(_ sentence: StudySentence, _ index: Int, _ context: StudyContext) -> Bool {
        let (mention, token) = sentence.mentions[index]
        if cues.examples.matches(in: sentence.tokens, from: max(0, token - 6), to: token)
            .contains(where: { $0.upperBound <= token && token - $0.upperBound <= 4 }) {
            return true
        }
        let text = context.document.text
        let lexicon = context.lexicon
        let before = text.slice(TextSpan(sentence.span.start, mention.span.start))
        guard let open = before.lastIndex(of: "("), !before[open...].contains(")") else { return false }
        let substance = lexicon.substance(of: mention.conceptID)
        let followsClass = index > 0 && {
            let prior = sentence.mentions[index - 1].mention
            return lexicon.ancestors(of: substance).contains(lexicon.substance(of: prior.conceptID))
                && text.slice(TextSpan(prior.span.end, mention.span.start)).trimmingCharactersInSpaces() == "("
        }()
        let closesAlone = text.slice(TextSpan(mention.span.end, sentence.span.end)).trimmingCharactersInSpaces().hasPrefix(")")
        return !(followsClass && closesAlone)
    }

    /// The study stage's clauses, each cut once more where a result on one outcome is followed by a null on
    /// another ("reduced falls and had no effect on fractures", "shortened colds, with no difference in sore
    /// throat"): before, the null's cue would be read for both.
    func clauses(_ sentence: StudySentence, _ context: StudyContext) -> [Range<Int>] {
        directions.clauses(sentence.tokens).flatMap { clause -> [Range<Int>] in
            guard let cut = resultCut(sentence, clause, context) else { return [clause] }
            return [clause.lowerBound..<cut, cut..<clause.upperBound]
        }
    }

    private func resultCut(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> Int? {
        let tokens = sentence.tokens
        let nulls = studyCues.null.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
            + cues.extraNull.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
        guard let null = nulls.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let directionCues = [studyCues.decrease, studyCues.increase, studyCues.alwaysBenefit, studyCues.alwaysHarm]
            .flatMap { $0.matches(in: tokens, from: clause.lowerBound, to: null.lowerBound) }
        guard let cue = directionCues.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let conditions = sentence.mentions(in: clause, type: .condition, context).map(\.token)
        // The first result's outcome, then the joint nearest the null ("reduced falls and fractures, with no
        // effect on mortality" is cut before "with"), then the null's own outcome.
        guard let first = conditions.first(where: { $0 >= cue.upperBound && $0 < null.lowerBound }),
              first + 1 <= null.lowerBound else { return nil }
        let text = context.document.text
        for index in ((first + 1)...null.lowerBound).reversed() where index < clause.upperBound {
            let gap = text.slice(TextSpan(tokens[index - 1].end, tokens[index].start))
            guard cues.resultJoints.contains(tokens[index].lower) || gap.contains(",") || gap.contains(";") else { continue }
            return conditions.contains { $0 >= index } ? index : nil
        }
        return nil
    }

    private func laterClauseNamesOutcome(_ sentence: StudySentence, after clause: Range<Int>, _ context: StudyContext) -> Bool {
        clause.upperBound < sentence.tokens.count && !outcomes(sentence, clause.upperBound..<sentence.tokens.count, context).isEmpty
    }

    /// A clause that says the result is unsettled and names nothing of its own.
    private func isDoubt(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> Bool {
        cues.unclear.contains(in: sentence.tokens, from: clause.lowerBound, to: clause.upperBound) && namesNothing(sentence, clause, context)
    }

    private func namesNothing(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> Bool {
        sentence.mentions(in: clause, type: .intervention, context).isEmpty
            && sentence.mentions(in: clause, type: .condition, context).isEmpty
    }

    /// "Might they have benefited more?": a question reports nothing.
    private func isQuestion(_ sentence: StudySentence, _ context: StudyContext) -> Bool {
        context.document.text.slice(sentence.span).trimmingCharactersInSpaces().hasSuffix("?")
    }

    /// The direction of one clause's result; nil when it states none for the studied arm.
    func polarity(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> Direction? {
        let tokens = sentence.tokens
        if cues.unclear.contains(in: tokens, from: clause.lowerBound, to: clause.upperBound) { return .unclear }
        let masks = cues.nonResultMasks.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
        if cues.nonResult.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
            .contains(where: { cue in !masks.contains { $0.lowerBound <= cue.lowerBound && cue.upperBound <= $0.upperBound } }) {
            return nil
        }
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
        if let level = levelChange(sentence, clause, adverse: adverse, context) { return level }
        return directions.polarity(tokens, clause, adverse: adverse) ?? rateComparison(sentence, clause, context)
            ?? extraBenefit(tokens, clause)
    }

    private func statedDirection(_ tokens: [WordToken], _ range: Range<Int>) -> Direction? {
        directions.polarity(tokens, range, adverse: []) ?? extraBenefit(tokens, range)
    }

    /// "the tablets gave protection against gout": a benefit, or a null when negated ("no protection").
    private func extraBenefit(_ tokens: [WordToken], _ clause: Range<Int>) -> Direction? {
        guard let cue = cues.extraBenefit.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound).first else { return nil }
        let negated = studyCues.null.contains(in: tokens, from: clause.lowerBound, to: cue.lowerBound)
            || cues.adverseNegations.contains(in: tokens, from: max(clause.lowerBound, cue.lowerBound - 2), to: cue.lowerBound)
        return negated ? .noEffect : .benefit
    }

    /// "lower levels of markers of inflammation": a fall in a condition's levels is a benefit, a rise a harm (the
    /// reverse for an outcome of which more is better). The study stage reads "lower … levels" as a low exposure,
    /// which is right for a substance's levels but not for a condition's.
    private func levelChange(_ sentence: StudySentence, _ clause: Range<Int>, adverse: Set<Int>, _ context: StudyContext) -> Direction? {
        let tokens = sentence.tokens
        let conditions = sentence.mentions(in: clause, type: .condition, context)
        for level in cues.levelWords.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound) {
            guard let (mention, _) = conditions.first(where: { $0.token >= level.upperBound && $0.token - level.upperBound <= 1 }) else { continue }
            let before = max(clause.lowerBound, level.lowerBound - 3)
            let falls = studyCues.decrease.contains(in: tokens, from: before, to: level.lowerBound)
            let rises = studyCues.increase.contains(in: tokens, from: before, to: level.lowerBound)
            guard falls != rises else { continue }
            let sought = cues.soughtOutcomes.contains(mention.conceptID)
            return falls != sought ? .benefit : .harm
        }
        return nil
    }

    /// "developed in 3.1% of the babies given probiotics, compared with 6.4% of those given placebo": when no
    /// word states the direction, the studied arm's rate of the condition against the comparator's does.
    private func rateComparison(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> Direction? {
        let tokens = sentence.tokens
        let conditions = sentence.mentions(in: clause, type: .condition, context).filter { !cues.notOutcomes.contains($0.mention.conceptID) }
        guard !conditions.isEmpty,
              let comparison = cues.comparison.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound).first,
              let own = (clause.lowerBound..<comparison.lowerBound).reversed().lazy.compactMap({ percentage(tokens, $0, context) }).first,
              let other = (comparison.upperBound..<min(clause.upperBound, comparison.upperBound + 4)).lazy
                .compactMap({ percentage(tokens, $0, context) }).first,
              own != other else { return nil }
        let sought = conditions.allSatisfy { cues.soughtOutcomes.contains($0.mention.conceptID) }
        return (own < other) != sought ? .benefit : .harm
    }

    /// The value of a number written as a percentage ("3.1%", "6.4 per cent", "12 percent"); nil otherwise.
    private func percentage(_ tokens: [WordToken], _ index: Int, _ context: StudyContext) -> Double? {
        guard tokens[index].isNumber, let value = Double(tokens[index].text.filter { $0 != "," }) else { return nil }
        let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
        if next == "percent" || next == "per" && index + 2 < tokens.count && tokens[index + 2].lower == "cent" { return value }
        let end = tokens[index].end
        let sign = context.document.text.slice(TextSpan(end, min(end + 1, context.document.text.count)))
        return sign == "%" ? value : nil
    }

    /// The outcomes of a clause named as parts of another ("cardiovascular deaths, including those from strokes")
    /// or of a composite ("the combined number of cardiac deaths, heart attacks and strokes"), and for a composite
    /// or a list of three or more the narrowest condition all its members fall under (cardiovascular disease).
    func components(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> (parts: Set<String>, whole: String?) {
        let tokens = sentence.tokens
        let conditions = sentence.mentions(in: clause, type: .condition, context)
        var parts: Set<String> = []
        for cue in cues.parts.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
        where conditions.contains(where: { $0.token < cue.lowerBound }) {
            for (mention, token) in conditions where token >= cue.upperBound { parts.insert(mention.conceptID) }
        }
        var composite: [String] = []
        if let cue = cues.composite.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound).first {
            for (mention, token) in conditions where token >= cue.upperBound && !composite.contains(mention.conceptID) {
                composite.append(mention.conceptID)
            }
        }
        parts.formUnion(composite)
        // A list of three or more outcomes of one kind ("fewer heart attacks, strokes and cardiovascular deaths") also
        // speaks of the kind, though each keeps its own finding.
        if composite.isEmpty {
            for (mention, _) in conditions where !cues.notOutcomes.contains(mention.conceptID) && !composite.contains(mention.conceptID) {
                composite.append(mention.conceptID)
            }
            if composite.count < 3 { return (parts, nil) }
        }
        guard composite.count >= 2, let first = composite.first else { return (parts, nil) }
        let lexicon = context.lexicon
        var shared = lexicon.ancestors(of: first)
        for id in composite.dropFirst() { shared.formIntersection(lexicon.ancestors(of: id)) }
        // The narrowest: no other shared condition lies under it.
        let whole = shared.sorted().first { candidate in !shared.contains { $0 != candidate && lexicon.ancestors(of: $0).contains(candidate) } }
        return (parts, whole)
    }

    /// The outcome conditions a clause names: not procedures, not the population's description.
    func outcomes(_ sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext, keepBroader: Bool = false) -> [String] {
        var found: [String] = []
        for (mention, token) in sentence.mentions(in: clause, type: .condition, context) {
            let id = mention.conceptID
            guard !cues.notOutcomes.contains(id), !describesPopulation(sentence, token, mention), !found.contains(id) else { continue }
            found.append(id)
        }
        // "were 30 percent less likely to die": a clause that names no condition may name its outcome by a verb.
        if found.isEmpty {
            for index in clause where index < sentence.tokens.count {
                if let id = cues.outcomeVerbs[sentence.tokens[index].lower], context.lexicon.concept(id) != nil, !found.contains(id) {
                    found.append(id)
                }
            }
        }
        return keepBroader ? found : withoutBroader(found, context)
    }

    /// A broader condition beside a narrower one it contains ("calcification … arterial calcification") adds nothing.
    func withoutBroader(_ found: [String], _ context: StudyContext) -> [String] {
        found.filter { id in !found.contains { $0 != id && context.lexicon.ancestors(of: $0).contains(id) } }
    }

    /// "hemodialysis patients", "patients with chronic kidney disease", "adults on dialysis".
    private func describesPopulation(_ sentence: StudySentence, _ token: Int, _ mention: ConceptMention) -> Bool {
        let tokens = sentence.tokens
        var last = token
        while last + 1 < tokens.count, tokens[last + 1].start < mention.span.end { last += 1 }
        if last + 1 < tokens.count, cues.populationNouns.contains(tokens[last + 1].lower) { return true }
        // "at risk of gout and kidney stones": a prefix a few words before (a list may stand between).
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
    /// narrower one ("omega-3 (EPA and DHA)") gives way to it; named alone ("high-intensity statins") it is
    /// the result's own.
    func interventions(_ sentence: StudySentence, _ clause: Range<Int>, studied: [String], excluded: Set<String>,
                       _ context: StudyContext) -> [(id: String, form: String?, arm: String?)] {
        var found: [(id: String, form: String?, arm: String?)] = []
        var mentions = sentence.mentions(in: clause, type: .intervention, context)
        // "men who exercised had higher bone density than those who took calcium": after the comparison word
        // stands the comparison, when a substance came before it.
        // A sentence that opens with the comparison ("Compared with insulin users, metformin users had …") drops
        // only the agent the comparison introduces.
        if let comparison = cues.comparison.matches(in: sentence.tokens, from: clause.lowerBound, to: clause.upperBound).first {
            if mentions.contains(where: { $0.token < comparison.lowerBound }) {
                mentions = mentions.filter { $0.token < comparison.lowerBound }
            } else if comparison.lowerBound - clause.lowerBound > 1 {
                mentions = []
            } else if let introduced = mentions.first(where: { $0.token >= comparison.upperBound }) {
                let comparator = context.lexicon.substance(of: introduced.mention.conceptID)
                mentions = mentions.filter { context.lexicon.substance(of: $0.mention.conceptID) != comparator }
            }
        }
        // "Adding the tablets to the walking plan brought nothing extra": the plan is the base.
        // What follows the cue glosses the result ("…, hinting that the men had enough calcium").
        if let added = cues.addedBenefit.matches(in: sentence.tokens, from: clause.lowerBound, to: clause.upperBound).first {
            let links = cues.baseLinks.matches(in: sentence.tokens, from: clause.lowerBound, to: added.lowerBound)
            mentions = mentions.filter { mention in
                mention.token < added.lowerBound && !links.contains { $0.upperBound <= mention.token && mention.token - $0.upperBound <= 2 }
            }
        }
        let substances = mentions.map { context.lexicon.substance(of: $0.mention.conceptID) }
        // Only the study's own substances: another named beside them ("K2 may interfere with warfarin") is not studied here.
        let own = Set(studied).union(studied.flatMap { context.lexicon.ancestors(of: $0) })
        for ((mention, token), substance) in zip(mentions, substances) where !excluded.contains(substance) && own.contains(substance) {
            let arm = self.arm(sentence, token, clause, context)
            // Named beside its narrower substances ("omega-3 (EPA and DHA)"): those carry the result, unless
            // they are named as its examples ("bisphosphonates, mainly alendronate"): then the class does.
            let members = zip(mentions, substances).filter { $0.1 != substance && context.lexicon.ancestors(of: $0.1).contains(substance) }
            let examples = members.filter { member in
                sentence.mentions.firstIndex { $0.token == member.0.token }.map { isExample(sentence, $0, context) } ?? false
            }
            if !members.isEmpty && examples.count < members.count { continue }
            if context.lexicon.ancestors(of: substance).contains(where: { ancestor in
                substances.contains(ancestor) && !excluded.contains(ancestor) && own.contains(ancestor)
            }), sentence.mentions.firstIndex(where: { $0.token == token }).map({ isExample(sentence, $0, context) }) ?? false,
               !isEmphasized(sentence, token) {
                continue
            }
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
    private func arm(_ sentence: StudySentence, _ token: Int, _ clause: Range<Int>, _ context: StudyContext) -> String? {
        let tokens = sentence.tokens
        let window = max(clause.lowerBound, token - 8)..<min(clause.upperBound, token + 5)
        for index in window where cues.armWords.contains(tokens[index].lower) {
            // Before the substance: the word right before a substance ("a high omega-3 intake (EPA and DHA)"),
            // or the word and its head ("normal dose of"); a word before anything else belongs to another phrase
            // ("at a higher risk of gout, zinc …").
            if index < token {
                let beforeSubstance = sentence.mentions.contains { $0.token == index + 1 && context.type($0.mention) == .intervention }
                if beforeSubstance || (index + 1 < tokens.count && cues.armHeads.contains(tokens[index + 1].lower)) {
                    return tokens[index].lower + " dose"
                }
                continue
            }
            if index + 1 < tokens.count, cues.armHeads.contains(tokens[index + 1].lower) { return tokens[index].lower + " dose" }
        }
        return nil
    }
}
