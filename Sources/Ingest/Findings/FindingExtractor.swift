import EvidenceModel
/// The findings stage, after the study stage: gives each intervention of each study its role, reads the
/// study's findings for its studied interventions, and sums the study's direction up from them.
public struct FindingExtractor: Sendable {
    let lexicon: Lexicon
    let cues: FindingCues
    let studyCues: StudyCues
    let roles: InterventionRoleReader
    let reader: FindingReader

    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {
        self.lexicon = lexicon
        let cues = try FindingCues(locator: locator)
        let studyCues = try StudyCues(locator: locator)
        let directions = StudyDirectionReader(cues: studyCues)
        self.cues = cues
        self.studyCues = studyCues
        roles = InterventionRoleReader(cues: cues, clauses: directions)
        reader = FindingReader(cues: cues, studyCues: studyCues, directions: directions)
    }

    /// Fills in roles, findings and the summed-up direction of every study of the document.
    public func apply(_ studies: inout [ExtractedStudy], _ document: AnalyzedDocument) {
        let context = StudyContext(document, lexicon: lexicon)
        let references = document.regions.filter { $0.kind == .references }.map(\.span)
        // A reference-list entry is a citation: its words are a title, not a reported result.
        let own = studies.map { study in study.mentions.filter { span in !references.contains { $0.overlaps(span) } } }
        let extra = continuingSentences(studies, own, context)
        let namedAt = OutcomeNarrowing.namedAt(context)
        let titleConditions = context.titleConditionIDs.filter { !cues.notOutcomes.contains($0) }
        let dominant = dominantSubstance(context)
        for index in studies.indices {
            guard !own[index].isEmpty else {
                for position in studies[index].interventions.indices { studies[index].interventions[position].role = .mentioned }
                continue
            }
            // A study introduced without its substance ("a review pooled five trials"): the substances of the
            // sentence that goes on to report its result are the study's.
            if studies[index].interventions.isEmpty {
                for substance in extra[index].flatMap({ context.conceptIDs([$0], type: .intervention) })
                where !studies[index].interventions.contains(where: { $0.conceptID == context.lexicon.substance(of: substance) }) {
                    studies[index].interventions.append(StudyIntervention(conceptID: context.lexicon.substance(of: substance), formID: nil, role: .studied))
                }
            }
            // Still without one ("A second, controlled trial then enrolled 90 adults"): a document about one
            // treatment speaks of it throughout, so the substance it names far more than any other is the study's.
            if studies[index].interventions.isEmpty, let dominant {
                studies[index].interventions.append(StudyIntervention(conceptID: dominant, formID: nil, role: .studied))
            }
            narrowGenericInterventions(&studies[index], context)
            apply(&studies[index], sentences: own[index].map { StudySentence(span: $0, context: context) },
                  continuing: extra[index].map { StudySentence(span: $0, context: context, continues: true) },
                  namedAt: namedAt, titleConditions: titleConditions, context)
        }
    }

    /// "Surgery" in a study of epilepsy is epilepsy surgery: a generic intervention gives way to the narrower concept of
    /// the lexicon named after one of the study's conditions and the generic ("epilepsy" + "surgery"). The generic word
    /// in the text then speaks of that one narrower concept (`FindingReader.withSoleMember`).
    func narrowGenericInterventions(_ study: inout ExtractedStudy, _ context: StudyContext) {
        let lexicon = context.lexicon
        let conditionNames = study.conditionIDs.compactMap { lexicon.concept($0)?.name.lowercased() }
        guard !conditionNames.isEmpty else { return }
        for position in study.interventions.indices {
            let generic = study.interventions[position].conceptID
            guard let name = lexicon.concept(generic)?.name.lowercased() else { continue }
            let named = lexicon.narrower(of: generic).first { narrower in
                guard let narrowerName = lexicon.concept(narrower)?.name.lowercased() else { return false }
                return conditionNames.contains { narrowerName == $0 + " " + name }
            }
            guard let named, !study.interventions.contains(where: { $0.conceptID == named }) else { continue }
            study.interventions[position].conceptID = named
            study.interventions[position].formID = nil
        }
    }

    /// Body sentences that no study claims but that report a result for a substance a study named before them
    /// ("the pills did not change the risk of a second illness", paragraphs after the trial was
    /// introduced): each goes to the latest study before it that names that substance. Questions are no results,
    /// and a heading between the study and the sentence ends the study's section: what a page says under "Side
    /// effects" or "How it works" is no longer that study's result.
    func continuingSentences(_ studies: [ExtractedStudy], _ own: [[TextSpan]], _ context: StudyContext) -> [[TextSpan]] {
        var extra: [[TextSpan]] = Array(repeating: [], count: studies.count)
        let claimed = own.flatMap { $0 }.sorted()
        let firstMention = own.map { $0.map(\.start).min() }
        let headings = context.document.sentences.filter { $0.region == .body && Self.isHeading($0.text) }.map(\.span.start)
        var previousSentence: Sentence?
        for sentence in context.document.sentences where sentence.region == .body {
            let span = sentence.span
            let previous = previousSentence
            previousSentence = sentence
            if claimed.contains(where: { $0.overlaps(span) }) || sentence.text.trimmingCharactersInSpaces().hasSuffix("?") { continue }
            let named = context.substances(span)
            guard !named.isEmpty else {
                if let index = adverseListOwner(sentence, studies, own, headings, context)
                    ?? anaphorOwner(sentence, studies, own, headings, context) {
                    extra[index].append(span)
                }
                continue
            }
            var best: (index: Int, start: Int)?
            // The sentence right after a study that names no substance ("A review pooled five trials. People given
            // omega-3 had …") reports that study's result.
            if let previous, let index = own.indices.last(where: { index in
                studies[index].interventions.isEmpty && own[index].contains { $0.overlaps(previous.span) } }),
               previous.paragraph == sentence.paragraph {
                extra[index].append(span)
                continue
            }
            for index in studies.indices {
                guard let first = firstMention[index], first < span.start,
                      studies[index].interventions.contains(where: { named.contains($0.conceptID) }) else { continue }
                let latest = own[index].filter { $0.start < span.start }.map(\.start).max() ?? first
                if best.map({ latest > $0.start }) ?? true { best = (index, latest) }
            }
            if let best, !headings.contains(where: { $0 > best.start && $0 < span.start }) { extra[best.index].append(span) }
        }
        return extra
    }

    /// "People on the treatment had fewer colds": a sentence that names no substance but refers back to one ("the
    /// drug", "those who took it") and names a condition reports the result of the latest study before it that has a
    /// substance, when no heading stands between.
    private func anaphorOwner(_ sentence: Sentence, _ studies: [ExtractedStudy], _ own: [[TextSpan]], _ headings: [Int],
                              _ context: StudyContext) -> Int? {
        let tokens = context.tokens(sentence.span)
        guard cues.treatmentAnaphors.contains(in: tokens),
              context.concepts.inside(sentence.span).contains(where: { context.type($0) == .condition }) else { return nil }
        var best: (index: Int, start: Int)?
        for index in studies.indices where !studies[index].interventions.isEmpty {
            guard let latest = own[index].filter({ $0.start < sentence.span.start }).map(\.start).max() else { continue }
            if best.map({ latest > $0.start }) ?? true { best = (index, latest) }
        }
        guard let best, !headings.contains(where: { $0 > best.start && $0 < sentence.span.start }) else { return nil }
        return best.index
    }

    /// The substance the body names at least three times and at least twice as often as any other; nil when no
    /// one substance stands out.
    func dominantSubstance(_ context: StudyContext) -> String? {
        var counts: [String: Int] = [:]
        for sentence in context.document.sentences where sentence.region == .body || sentence.region == .title {
            for mention in context.concepts.inside(sentence.span) where context.type(mention) == .intervention {
                counts[context.lexicon.substance(of: mention.conceptID), default: 0] += 1
            }
        }
        let ranked = counts.sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
        guard let top = ranked.first, top.value >= 3 else { return nil }
        if ranked.count > 1, ranked[1].value * 2 > top.value { return nil }
        return top.key
    }

    /// A list of adverse reactions that names no substance ("The most common side effects were …") belongs to the
    /// latest study before it that has a substance. A heading between ends that study's section, unless the list
    /// gives rates: a trial's tally under a table's caption is still the trial's.
    private func adverseListOwner(_ sentence: Sentence, _ studies: [ExtractedStudy], _ own: [[TextSpan]], _ headings: [Int],
                                  _ context: StudyContext) -> Int? {
        let view = StudySentence(span: sentence.span, context: context)
        guard let list = AdverseList(view, cues: cues, studyCues: studyCues, reader: reader, context) else { return nil }
        var best: (index: Int, start: Int)?
        for index in studies.indices where !studies[index].interventions.isEmpty {
            guard let latest = own[index].filter({ $0.start < sentence.span.start }).map(\.start).max() else { continue }
            if best.map({ latest > $0.start }) ?? true { best = (index, latest) }
        }
        guard let best else { return nil }
        if !list.givesRates, headings.contains(where: { $0 > best.start && $0 < sentence.span.start }) { return nil }
        return best.index
    }

    /// A line of a few words without a sentence's closing mark: "Side effects", "What the evidence says".
    static func isHeading(_ text: String) -> Bool {
        let trimmed = text.trimmingCharactersInSpaces()
        guard let last = trimmed.unicodeScalars.last, !".!?:;\"”)…".unicodeScalars.contains(last) else { return false }
        return trimmed.split(separator: " ").count <= 8
    }

    /// `sentences`: the study's own; `continuing`: later sentences that report results for its substances, which
    /// add findings but never roles.
    func apply(_ study: inout ExtractedStudy, sentences own: [StudySentence], continuing: [StudySentence] = [],
               namedAt: [String: [Int]] = [:], titleConditions: [String] = [], _ context: StudyContext) {
        let substances = study.interventions.map(\.conceptID)
        var cueRoles = roles.cueRoles(own, substances: Set(substances), context)
        // A substance named only as what a result was adjusted for ("after considering aspirin use") is no exposure.
        for substance in covariatesOnly(own + continuing, context) where cueRoles[substance] == nil && substances.contains(substance) {
            cueRoles[substance] = .mentioned
        }
        // A study compares something with something: when the cues leave it nothing studied ("placebo (n = 800);
        // drug A (n = 810)" reads as A introduced by the comparison), the comparator it names first is its own.
        if !substances.isEmpty, substances.allSatisfy({ cueRoles[$0] == .comparator }), let first = substances.first {
            cueRoles[first] = nil
        }
        let sentences = (own + continuing).sorted { $0.span < $1.span }
        let excluded = Set(cueRoles.keys)
        let candidates = substances.filter { !excluded.contains($0) }
        let conditions = study.conditionIDs.filter { !cues.notOutcomes.contains($0) }
        let fallback = fallbackOutcomes(study, sentences, context)
        let lexical = fallback.filter { !TextConceptID.isTextConcept($0) }
            + conditions.filter { !TextConceptID.isTextConcept($0) && !fallback.contains($0) }
        let results = reader.results(sentences, studied: candidates, excluded: excluded, fallbackOutcomes: fallback,
                                     narrowing: OutcomeNarrowing(conditions: conditions, titleConditions: titleConditions,
                                                                 namedAt: namedAt, wholeMarkers: cues.wholeMarkers),
                                     textOutcome: TextOutcome(conditions: lexical, generic: cues.textOutcomeGeneric), context)
        study.findings = Self.combine(results)
        let found = Set(study.findings.map(\.interventionID))
        for position in study.interventions.indices {
            let substance = study.interventions[position].conceptID
            if let role = cueRoles[substance] {
                study.interventions[position].role = role
            } else if found.contains(substance) || position == candidatesStart(study, excluded)
                        || roles.inDesign(sentences, substance: substance, context) {
                study.interventions[position].role = .studied
            } else {
                study.interventions[position].role = .mentioned
            }
        }
        // A finding for a substance the study stage did not list (a form named only in the result) adds it.
        for finding in study.findings where !study.interventions.contains(where: { $0.conceptID == finding.interventionID }) {
            study.interventions.append(StudyIntervention(conceptID: finding.interventionID, formID: finding.formID, role: .studied))
        }
        if study.findings.isEmpty, let finding = studyLevelFinding(study, own, fallback, context) { study.findings = [finding] }
        let primary = study.interventions.first { $0.role == .studied && found.contains($0.conceptID) }?.conceptID
        // A trial's listed adverse reactions don't turn its efficacy result into a harm: the study's direction is
        // read from its other findings, and with none, the study stage's reading of its sentences stands.
        let safetyOnly = Set(results.filter(\.safety).map { $0.interventionID + "|" + $0.outcomeID })
            .subtracting(results.filter { !$0.safety }.map { $0.interventionID + "|" + $0.outcomeID })
        let efficacy = study.findings.filter { $0.interventionID == primary && !safetyOnly.contains($0.interventionID + "|" + $0.outcomeID) }
        if primary != nil, let direction = Self.summary(efficacy) {
            study.direction = direction
        }
    }

    /// A study whose sentences state no result clause by clause (a question and its one-word answer, a count of
    /// cases not overlooked) still reports one: the direction the study stage read, for its first studied substance on
    /// the main outcome its sentences name. Nothing when that direction is unclear or the study names no outcome.
    private func studyLevelFinding(_ study: ExtractedStudy, _ own: [StudySentence], _ fallback: [String],
                                   _ context: StudyContext) -> ExtractedFinding? {
        guard study.direction != .unclear, let outcome = fallback.first,
              let substance = study.interventions.first(where: { $0.role == .studied })?.conceptID else { return nil }
        let named = own.first { sentence in sentence.mentions.contains { $0.mention.conceptID == outcome } }
        guard let span = (named ?? own.first)?.span else { return nil }
        return ExtractedFinding(interventionID: substance, outcomeID: outcome, direction: study.direction, hedged: false, span: span)
    }

    /// The substances every mention of which stands among a result's covariates.
    private func covariatesOnly(_ sentences: [StudySentence], _ context: StudyContext) -> Set<String> {
        let covariates = CovariatePhrase(cues: cues, studyCues: studyCues)
        var inside: Set<String> = []
        var outside: Set<String> = []
        for sentence in sentences {
            let ranges = reader.clauses(sentence, context).flatMap { covariates.ranges(sentence.tokens, $0, context.document.text) }
            for (mention, token) in sentence.mentions where context.type(mention) == .intervention {
                let substance = context.lexicon.substance(of: mention.conceptID)
                if ranges.contains(where: { $0.contains(token) }) { inside.insert(substance) } else { outside.insert(substance) }
            }
        }
        return inside.subtracting(outside)
    }

    /// The outcomes a result without one speaks of ("the lesions healed", "whereas K1 had no correlation"): the
    /// study's conditions that the text names as outcomes (not only as its population's description), but for
    /// settings such as dialysis or mortality alone; else its first such condition.
    private func fallbackOutcomes(_ study: ExtractedStudy, _ sentences: [StudySentence], _ context: StudyContext) -> [String] {
        var named: Set<String> = []
        for sentence in sentences { named.formUnion(reader.outcomes(sentence, 0..<sentence.tokens.count, context)) }
        // The lexicon's conditions before those made from the text: a plain phrase in the lead ("bone thinning") is
        // seldom the study's main outcome under its own name.
        let conditionIDs = study.conditionIDs.filter { !TextConceptID.isTextConcept($0) }
            + study.conditionIDs.filter(TextConceptID.isTextConcept)
        let outcomes = conditionIDs.filter { named.contains($0) && !cues.notOutcomes.contains($0) }
        let specific = outcomes.filter { !studyCues.contextConditions.contains($0) }
        if !specific.isEmpty { return specific }
        if let first = outcomes.first ?? conditionIDs.first(where: { !cues.notOutcomes.contains($0) }) { return [first] }
        return []
    }

    /// The first intervention not excluded by a cue: the study's own, when nothing else says so.
    private func candidatesStart(_ study: ExtractedStudy, _ excluded: Set<String>) -> Int? {
        study.interventions.firstIndex { !excluded.contains($0.conceptID) }
    }

    /// One finding per intervention, arm and outcome, with the direction its results give (an `unclear` beside a
    /// clear result gives way).
    static func combine(_ results: [FindingReader.Result]) -> [ExtractedFinding] {
        var order: [String] = []
        var groups: [String: [FindingReader.Result]] = [:]
        for result in results {
            let key = result.interventionID + "|" + (result.arm ?? "") + "|" + result.outcomeID
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(result)
        }
        return order.compactMap { key in
            guard let all = groups[key] else { return nil }
            // A part named within another outcome ("including those from strokes") gives way to a result stated
            // for it on its own ("no difference in non-fatal heart attacks").
            let whole = all.filter { !$0.component }
            let group = whole.isEmpty ? all : whole
            guard let first = group.first else { return nil }
            let clear = group.filter { $0.direction != .unclear }
            let chosen = clear.first ?? first
            // One pair stated several times (a press release's lead, its body, a quote) takes the direction most of
            // them give; `mixed` when they split with comparable weight.
            let direction: Direction = clear.isEmpty ? .unclear : StudyDirectionReader.combine(clear.map(\.direction))
            return ExtractedFinding(interventionID: chosen.interventionID, formID: group.lazy.compactMap(\.formID).first,
                                    arm: chosen.arm, outcomeID: chosen.outcomeID, direction: direction,
                                    effect: group.lazy.compactMap(\.effect).first, hedged: group.allSatisfy(\.hedged),
                                    span: chosen.span)
        }
    }

    /// The study's direction from the findings of its primary studied intervention (the first it names with a
    /// result: "K2 helped, whereas K1 had no correlation" is a study of K2 that found a benefit): their one
    /// direction, or `mixed` when they disagree; nil when there is nothing to sum up.
    /// Each statement weighs once: "fewer heart attacks, strokes and deaths" is one result, not three beside a harm
    /// stated once.
    static func summary(_ findings: [ExtractedFinding]) -> Direction? {
        guard !findings.isEmpty else { return nil }
        var order: [TextSpan] = []
        var bySpan: [TextSpan: [Direction]] = [:]
        for finding in findings where finding.direction != .unclear {
            if bySpan[finding.span] == nil { order.append(finding.span) }
            bySpan[finding.span, default: []].append(finding.direction)
        }
        let clear = order.compactMap { bySpan[$0].map(StudyDirectionReader.combine) }
        guard !clear.isEmpty else { return .unclear }
        return StudyDirectionReader.combine(clear)
    }
}
