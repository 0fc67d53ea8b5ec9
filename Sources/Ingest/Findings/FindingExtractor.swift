import EvidenceModel
/// The findings stage, after the study stage: gives each intervention of each study its role, reads the
/// study's findings for its studied interventions, and sums the study's direction up from them.
public struct FindingExtractor: Sendable {
    let lexicon: Lexicon
    let cues: FindingCues
    let roles: InterventionRoleReader
    let reader: FindingReader

    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {
        self.lexicon = lexicon
        let cues = try FindingCues(locator: locator)
        let studyCues = try StudyCues(locator: locator)
        let directions = StudyDirectionReader(cues: studyCues)
        self.cues = cues
        roles = InterventionRoleReader(cues: cues, clauses: directions)
        reader = FindingReader(cues: cues, studyCues: studyCues, directions: directions)
    }

    /// Fills in roles, findings and the summed-up direction of every study of the document.
    public func apply(_ studies: inout [ExtractedStudy], _ document: AnalyzedDocument) {
        let context = StudyContext(document, lexicon: lexicon)
        let references = document.regions.filter { $0.kind == .references }.map(\.span)
        for index in studies.indices {
            // A reference-list entry is a citation: its words are a title, not a reported result.
            let spans = studies[index].mentions.filter { span in !references.contains { $0.overlaps(span) } }
            guard !spans.isEmpty else {
                for position in studies[index].interventions.indices { studies[index].interventions[position].role = .mentioned }
                continue
            }
            apply(&studies[index], sentences: spans.map { StudySentence(span: $0, context: context) }, context)
        }
    }

    func apply(_ study: inout ExtractedStudy, sentences: [StudySentence], _ context: StudyContext) {
        let substances = study.interventions.map(\.conceptID)
        let cueRoles = roles.cueRoles(sentences, substances: Set(substances), context)
        let excluded = Set(cueRoles.keys)
        let candidates = substances.filter { !excluded.contains($0) }
        let mainOutcome = mainOutcome(study, sentences, context)
        let results = reader.results(sentences, studied: candidates, excluded: excluded, mainOutcome: mainOutcome, context)
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
        if let direction = Self.summary(study.findings) { study.direction = direction }
    }

    /// The outcome a result without one speaks of ("the lesions healed"): the study's first condition that the
    /// text names as an outcome somewhere (not only as its population's description).
    private func mainOutcome(_ study: ExtractedStudy, _ sentences: [StudySentence], _ context: StudyContext) -> String? {
        var named: Set<String> = []
        for sentence in sentences { named.formUnion(reader.outcomes(sentence, 0..<sentence.tokens.count, context)) }
        return study.conditionIDs.first { named.contains($0) } ?? study.conditionIDs.first { !cues.notOutcomes.contains($0) }
    }

    /// The first intervention not excluded by a cue: the study's own, when nothing else says so.
    private func candidatesStart(_ study: ExtractedStudy, _ excluded: Set<String>) -> Int? {
        study.interventions.firstIndex { !excluded.contains($0.conceptID) }
    }

    /// One finding per intervention, arm and outcome; results of one pair that disagree make it `mixed`
    /// (an `unclear` beside a clear result gives way).
    static func combine(_ results: [FindingReader.Result]) -> [ExtractedFinding] {
        var order: [String] = []
        var groups: [String: [FindingReader.Result]] = [:]
        for result in results {
            let key = result.interventionID + "|" + (result.arm ?? "") + "|" + result.outcomeID
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(result)
        }
        return order.compactMap { key in
            guard let group = groups[key], let first = group.first else { return nil }
            let clear = group.filter { $0.direction != .unclear }
            let chosen = clear.first ?? first
            let directions = Set(clear.map(\.direction))
            let direction: Direction = clear.isEmpty ? .unclear : directions.count == 1 ? chosen.direction : .mixed
            return ExtractedFinding(interventionID: chosen.interventionID, formID: group.lazy.compactMap(\.formID).first,
                                    arm: chosen.arm, outcomeID: chosen.outcomeID, direction: direction,
                                    effect: group.lazy.compactMap(\.effect).first, hedged: group.allSatisfy(\.hedged),
                                    span: chosen.span)
        }
    }

    /// The study's direction from its findings: their one direction, or `mixed` when they disagree. Arms of one
    /// pair count once each; nil when there is nothing to sum up.
    static func summary(_ findings: [ExtractedFinding]) -> Direction? {
        let clear = findings.map(\.direction).filter { $0 != .unclear }
        guard !findings.isEmpty else { return nil }
        guard !clear.isEmpty else { return .unclear }
        return StudyDirectionReader.combine(clear)
    }
}
