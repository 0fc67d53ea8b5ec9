import EvidenceModel
/// Turns a draft into an `ExtractedStudy`: design, species, population, interventions with doses,
/// conditions, comparator, duration, direction, effect, journal, year and title.
struct StudyAttributeReader: Sendable {
    let cues: StudyCues
    let designs: StudyDesignClassifier
    let directions: StudyDirectionReader
    let journals: JournalFinder

    func study(_ draft: StudyDraft, _ context: StudyContext, documentCitation: JournalFinderCitationText?) -> ExtractedStudy {
        let text = context.document.text
        let explicitSpans = draft.explicit + (draft.reference.map { [$0.span] } ?? [])
        // Attached sentences count for results when they speak of the subjects or of the study's substances.
        let relevantAttached = draft.attached.filter { span in
            let tokens = context.tokens(span)
            return cues.attached.contains(in: tokens) || !context.substances(span).isEmpty
        }
        let evidence = explicitSpans + relevantAttached
        // "Men taking the capsule showed less X": an arm's result, whatever the capsule is called, gives outcomes.
        let armResults = draft.attached.filter { span in
            !relevantAttached.contains(span) && cues.armSubjects.contains(in: context.tokens(span))
        }
        var study = ExtractedStudy(identityKey: "", mentions: draft.mentions)
        study.name = draft.name
        study.design = design(draft, context)
        study.species = species(study.design, draft.mentions, context, isReference: draft.reference != nil)
        study.conditionIDs = context.conceptIDs(evidence + draft.results + armResults, type: .condition)
        study.interventions = interventions(evidence, context)
        // The first exact count; a lead's "almost 5,000" gives way to the body's "4,873" (CONVENTIONS), and
        // alone it gives no size.
        // An abstract's sentences all tell its one study: its methods' count ("we identified 8,000 adults who …")
        // is the population even when the sentence names no substance.
        let sizeSpans = context.document.metadata.kind == .abstract && draft.reference == nil ? explicitSpans + draft.attached
            : explicitSpans + relevantAttached
        let sizes = sizeSpans.lazy.compactMap { self.size(in: $0, context) }
        if let size = sizes.first(where: \.exact) ?? sizes.first {
            study.populationSize = size.exact ? size.size : nil
            study.populationDescription = size.population
        } else if study.design == .caseReport {
            study.populationSize = 1
        }
        study.duration = duration(explicitSpans, draft.attached, context)
        study.direction = direction(evidence, primary: study.interventions.first?.conceptID, context)
        study.effect = evidence.lazy.compactMap { context.effects.inside($0).first?.text }.first
        study.comparator = comparator(evidence, text)
        if let reference = draft.reference {
            study.title = reference.title
            study.journal = reference.journal
            study.year = reference.year
        } else {
            study.title = quotedTitle(draft.explicit, text)
            // The first journal named; its year may be written at a later mention ("… issues of Blood in 2007").
            for span in draft.explicit + draft.attached {
                guard let citation = journals.find(in: context.tokens(span)) else { continue }
                let journal = text.slice(citation.journal)
                if study.journal == nil { study.journal = journal }
                if journal == study.journal, study.year == nil { study.year = citation.year }
                if study.year != nil { break }
            }
            // A member of studies told together is published where they are ("Two trials published in X …").
            if study.journal == nil {
                for span in draft.groupSpans {
                    guard let citation = journals.find(in: context.tokens(span)) else { continue }
                    study.journal = text.slice(citation.journal)
                    study.year = study.year ?? citation.year
                    break
                }
            }
            if study.journal == nil, let citation = documentCitation {
                study.journal = citation.journal
                study.year = study.year ?? citation.year
            }
            if let cited = draft.citedBy {
                study.title = study.title ?? cited.title
                study.journal = study.journal ?? cited.journal
                study.year = study.year ?? cited.year
            }
            study.year = study.year ?? draft.anchorYear
            // "The paper came out in 2019": a year after a publication verb, in another sentence than the journal.
            if study.year == nil {
                study.year = (draft.explicit + draft.attached).lazy.compactMap { self.publicationYear(context.tokens($0)) }.first
            }
            study.year = study.year ?? documentCitation?.year
            // "The study appears online in the journal X" under a dated line: published that year.
            if study.year == nil, study.journal != nil, draft.isMainReport || !draft.groupSpans.isEmpty, let published = context.document.metadata.published {
                study.year = Int(published.prefix(4)).flatMap { (1900...2100).contains($0) ? $0 : nil }
            }
        }
        study.identityKey = StudyIdentity.key(study)
        if let reference = draft.reference, study.name == nil, study.title == nil {
            // A reference without a title is told apart by the whole citation (authors, journal, year, pages):
            // its journal and year alone would make every such paper in that journal and year one study.
            study.identityKey = StudyIdentity.citationKey(text.slice(reference.span)) ?? study.identityKey
        }
        return study
    }

    private func design(_ draft: StudyDraft, _ context: StudyContext) -> StudyDesign {
        let phrases = draft.anchorPhrases.map { WordTokenizer.tokens($0, base: 0) }
        // An organisation's report ("the 2010 Institute of Medicine report") is a guideline.
        // ("their report shows" is the authors' report of their study: no guideline.)
        let organisationReport = phrases.contains { phrase in
            phrase.contains { cues.reportOrganisations.contains($0.lower) } && phrase.last.map { ["report", "guideline"].contains($0.lower) } == true
        }
        if draft.reference == nil, organisationReport || draft.anchorHeads.contains("guideline"),
           !phrases.contains(where: { $0.contains { $0.lower == "case" } }) {
            return .guideline
        }
        let referenceTokens = draft.reference.map { context.tokens($0.span) + WordTokenizer.tokens($0.label ?? "", base: 0) } ?? []
        // "a 2015 analysis of asthma trials", "an analysis of 9 studies": a pooled analysis of other studies.
        if draft.reference == nil, draft.explicit.contains(where: { Self.analysisOfStudies(context.tokens($0), cues) }) {
            return .metaAnalysis
        }
        var design = designs.design(anchorPhrases: phrases, explicit: draft.explicit.map(context.tokens),
                                    attached: draft.attached.map(context.tokens), isGroup: draft.isGroup,
                                    reference: draft.reference, referenceTokens: referenceTokens)
        // "followed 1,250 adults", "were followed for 10 years" without another cue: a cohort.
        if design == .unspecified, (draft.explicit + draft.attached).contains(where: { Self.followsUp(context.tokens($0)) }) {
            design = .cohort
        }
        // The paper's citation names the design the text left out ("…: a record-linkage cohort").
        if design == .unspecified, let cited = draft.citedBy {
            let tokens = context.tokens(cited.span)
            design = designs.design(anchorPhrases: [], explicit: [tokens], attached: [], isGroup: false, reference: nil, referenceTokens: [])
        }
        // A member of studies told together has their design when its own sentences give none.
        if design == .unspecified, !draft.groupSpans.isEmpty {
            let shared: Set<StudyDesign> = [.rct, .controlledTrial, .singleArmTrial, .cohort, .caseControl, .crossSectional, .animal]
            let found = designs.design(anchorPhrases: [], explicit: draft.groupSpans.map(context.tokens), attached: [], isGroup: false,
                                       reference: nil, referenceTokens: [])
            if shared.contains(found) { design = found }
        }
        // A trial never called randomised is a controlled trial (CONVENTIONS).
        if design == .unspecified, draft.anchorHeads.contains("trial") { design = .controlledTrial }
        return design
    }

    /// The year written shortly after "published", "came out", "appeared online" …, unless the words between
    /// speak of a period ("published data from 2000 to 2005").
    private func publicationYear(_ tokens: [WordToken]) -> Int? {
        for match in cues.publicationVerbs.matches(in: tokens) {
            for index in match.upperBound..<min(tokens.count, match.upperBound + 6) {
                if ["from", "between", "since", "until", "through", "data", "records"].contains(tokens[index].lower) { break }
                if let year = JournalFinder.year(tokens[index]) { return year }
            }
        }
        return nil
    }

    static func analysisOfStudies(_ tokens: [WordToken], _ cues: StudyCues) -> Bool {
        for index in tokens.indices.dropLast() where ["analysis", "review"].contains(tokens[index].lower) && tokens[index + 1].lower == "of" {
            let window = (index + 2)..<min(tokens.count, index + 6)
            if window.contains(where: { cues.pluralHeads.contains(tokens[$0].lower) && tokens[$0].lower != "analyses" }) { return true }
        }
        return false
    }

    static func followsUp(_ tokens: [WordToken]) -> Bool {
        for index in tokens.indices.dropLast() where tokens[index].lower == "followed" {
            let next = tokens[index + 1]
            if next.isNumber || next.lower == "for" || next.lower == "up" { return true }
            // "followed them for up to 30 years", "followed the women over a decade".
            let window = (index + 2)..<min(tokens.count, index + 5)
            if ["them", "the", "these", "those", "participants", "all"].contains(next.lower),
               window.contains(where: { ["for", "over", "up"].contains(tokens[$0].lower) }) { return true }
        }
        return false
    }

    private func species(_ design: StudyDesign, _ spans: [TextSpan], _ context: StudyContext, isReference: Bool) -> Species? {
        if design == .inVitro { return .cell }
        // (A review the text describes is of human studies unless it names animals, like any other design.)
        if isReference || design == .guideline { return nil }
        var found = context.conceptIDs(spans, type: .species).compactMap(Self.species(of:))
        if design == .animal, !found.contains(where: { $0 != .human && $0 != .cell && $0 != .other }) {
            // The species written as a plain word when the lexicon matcher left it out.
            let words = Set(spans.flatMap { context.tokens($0).map(\.lower) })
            for (word, animal) in cues.speciesWords where words.contains(word) {
                found.insert(animal, at: 0)
                break
            }
        }
        // A named animal ("rats") beats the generic "animal model".
        if design == .animal { return found.first { $0 != .human && $0 != .cell && $0 != .other } ?? .other }
        if let animal = found.first(where: { $0 != .human && $0 != .cell }), design == .unspecified { return animal }
        return .human
    }

    static func species(of id: String) -> Species? {
        switch id {
        case "cell-culture": return .cell
        case "other-animal": return .other
        default: return Species(rawValue: id)
        }
    }

    /// Interventions by substance, with the form and the dose written nearest to them.
    private func interventions(_ spans: [TextSpan], _ context: StudyContext) -> [StudyIntervention] {
        var result: [StudyIntervention] = []
        func index(of substance: String) -> Int {
            if let found = result.firstIndex(where: { $0.conceptID == substance }) { return found }
            result.append(StudyIntervention(conceptID: substance))
            return result.count - 1
        }
        for span in spans {
            let mentions = context.concepts.inside(span).filter { context.type($0) == .intervention }
            for mention in mentions {
                let substance = context.lexicon.substance(of: mention.conceptID)
                let position = index(of: substance)
                if substance != mention.conceptID, result[position].formID == nil { result[position].formID = mention.conceptID }
            }
            for dose in context.doses.inside(span) {
                let nearest = mentions.min { distance($0.span, dose.span) < distance($1.span, dose.span) }
                guard let nearest else { continue }
                let position = index(of: context.lexicon.substance(of: nearest.conceptID))
                let daily = dailyDose(dose, context)
                if result[position].dose == nil || result[position].dose?.mcgPerDay == nil && daily.mcgPerDay != nil {
                    result[position].dose = daily
                }
            }
        }
        return result
    }

    /// "45 mg of menatetrenone (MK-4) daily": when the frequency is written after the substance, the
    /// quantity stage may leave the dose per administration only; "daily" close behind makes it per day.
    private func dailyDose(_ dose: Dose, _ context: StudyContext) -> Dose {
        let text = context.document.text
        guard dose.mcgPerDay == nil, let amount = dose.mcgPerAdministration else { return dose }
        let after = text.slice(TextSpan(dose.span.end, min(text.count, dose.span.end + 40))).lowercased()
        let clause = after.prefix { !".;,".contains($0) }
        // A trial's arm given "for six months" without a frequency is read as a daily amount (CONVENTIONS).
        let window = TextSpan(dose.span.end, min(text.count, dose.span.end + 80))
        let armClause = text.slice(window).lowercased().prefix { !".;,".contains($0) }
        let forDuration = armClause.hasPrefix(" of ") && armClause.contains(" for ")
            && context.durations.inside(TextSpan(window.start, window.start + armClause.unicodeScalars.count)).first != nil
        guard ["daily", "per day", "a day", "each day", "every day", "everyday"].contains(where: { clause.contains($0) }) || forDuration else { return dose }
        var result = dose
        result.mcgPerDay = amount
        return result
    }

    private func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }

    /// The first count of subjects in the span. "eight men and nine women" is one population of 17; a count
    /// that is not exact ("nearly 400", "over 50,000") or an arm's ("12 of 80 children") is no size, and
    /// the first such count still ends the search (the study's population is written once).
    private func size(in span: TextSpan, _ context: StudyContext) -> (size: Int, population: String, exact: Bool)? {
        let text = context.document.text
        let found = context.sizes.inside(span).filter { size in
            let words = WordTokenizer.tokens(size.population, base: 0).map(\.lower)
            // "32 randomized trials" counts trials, not people.
            let units = ["trial", "stud", "report", "case", "review", "analys", "group", "time", "year", "week", "month", "day"]
            return !words.contains { word in units.contains { word.hasPrefix($0) } } && size.size > 0
        }
        // "(n = 410) … (n = 402)": counts of arms, not of the study.
        let armCounts = found.filter { $0.population == "n" }.count >= 2
        guard let first = found.first(where: { !armCounts || $0.population != "n" }) else { return nil }
        let before = WordTokenizer.tokens(text.slice(TextSpan(max(span.start, first.span.start - 30), first.span.start)), base: 0)
        var approximate = !before.isEmpty && cues.approximateQualifiers.matches(in: before).contains { $0.upperBound == before.count }
        // "over 3,000 cases and 4,200 controls": the second of two counts joined by "and" is no population alone.
        if let previous = context.sizes.inside(span).last(where: { $0.span.end <= first.span.start }),
           text.slice(TextSpan(previous.span.end, first.span.start)).trimmingCharactersInSpaces().lowercased() == "and" {
            approximate = true
        }
        // "12 of 80 children": a number, then "of", before the count.
        let isArm = before.count >= 2 && before[before.count - 1].lower == "of" && before[before.count - 2].isNumber
        var total = first.size
        var population = first.population
        var exact = !approximate && !isArm
        var last = first
        for next in found.dropFirst() {
            let between = text.slice(TextSpan(last.span.end, max(last.span.end, next.span.start))).trimmingCharactersInSpaces().lowercased()
            guard between == "and" || between == "," || between == ", and" else { break }
            let nextBefore = WordTokenizer.tokens(text.slice(TextSpan(max(span.start, next.span.start - 30), next.span.start)), base: 0)
            if cues.approximateQualifiers.matches(in: nextBefore).contains(where: { $0.upperBound == nextBefore.count }) { exact = false }
            total += next.size
            population += " and " + next.population
            last = next
        }
        return (total, population, exact)
    }

    /// The duration of treatment or follow-up: one introduced by "for", "over", "after", "within", "by" or
    /// "during" wins; among equals, the longest ("by the third month" after "one month later").
    private func duration(_ explicit: [TextSpan], _ attached: [TextSpan], _ context: StudyContext) -> Duration? {
        var best: (score: Int, duration: Duration)?
        for (rank, spans) in [explicit, attached].enumerated() {
            for span in spans {
                let tokens = context.tokens(span)
                for duration in context.durations.inside(span) {
                    var score = rank == 0 ? 1 : 0
                    let before = tokens.filter { $0.end <= duration.span.start }.suffix(4).map(\.lower)
                    let inside = tokens.filter { duration.span.contains(TextSpan($0.start, $0.end)) }.prefix(1).map(\.lower)
                    if (before + inside).contains(where: { ["for", "over", "after", "within", "by", "during", "lasting"].contains($0) }) { score += 2 }
                    let after = tokens.first { $0.start >= duration.span.end }?.lower ?? ""
                    if ["mortality", "survival", "risk", "rate", "apart", "ago", "old"].contains(after) { score -= 3 }
                    // "for more than two decades" is a bound; "after about 9 years" is the length.
                    let lead = tokens.filter { $0.end <= duration.span.end }.suffix(6)
                    if cues.boundQualifiers.contains(in: Array(lead)) { score -= 3 }
                    if let current = best, current.score > score || current.score == score && current.duration.days >= duration.days { continue }
                    best = (score, duration)
                }
            }
        }
        guard let best, best.score >= 0 else { return nil }
        return best.duration
    }

    private func direction(_ spans: [TextSpan], primary: String?, _ context: StudyContext) -> Direction {
        var polarities: [Direction] = []
        for span in spans {
            let tokens = context.tokens(span)
            var adverse = Set<Int>()
            let conditions = context.concepts.inside(span).filter { context.type($0) == .condition }
            if !conditions.isEmpty {
                for (index, token) in tokens.enumerated() where conditions.contains(where: { $0.span.contains(TextSpan(token.start, token.end)) }) {
                    adverse.insert(index)
                }
            }
            polarities += directions.polarities(tokens, adverse: adverse) { clause in
                // A clause about another substance only ("whereas K1 had no correlation") is not this result.
                // Only a contrasting clause ("whereas …", "while …") can be about something else.
                guard let primary, clause.count > 0, ["whereas", "while", "but", "although"].contains(tokens[clause.lowerBound].lower)
                else { return false }
                let clauseSpan = TextSpan(tokens[clause.lowerBound].start, tokens[clause.upperBound - 1].end)
                let substances = context.substances(clauseSpan)
                return !substances.isEmpty && !substances.contains(primary)
            }
        }
        return StudyDirectionReader.combine(polarities)
    }

    private func comparator(_ spans: [TextSpan], _ text: SourceText) -> String? {
        for span in spans {
            let sentence = text.slice(span).lowercased()
            if let placebo = cues.placeboWords.first(where: { sentence.contains($0) }) { return placebo }
            for marker in cues.comparatorIntroducers {
                guard let range = sentence.range(of: marker) else { continue }
                let rest = sentence[range.upperBound...]
                let phrase = rest.prefix { !",.;:)".contains($0) }.split(separator: " ").prefix(5).joined(separator: " ")
                if !phrase.isEmpty { return phrase }
            }
        }
        return nil
    }

    /// A title in typographic quotes inside an explicit mention: “Exploring Novel Therapeutic Strategies …”.
    private func quotedTitle(_ spans: [TextSpan], _ text: SourceText) -> String? {
        for span in spans {
            var open: Int?
            for index in span.start..<min(span.end, text.count) {
                let scalar = text.scalars[index]
                if scalar == "\u{201C}" { open = index + 1 }
                if scalar == "\u{201D}", let start = open {
                    let candidate = ReferenceParser.clean(text.slice(TextSpan(start, index))) ?? ""
                    let words = candidate.split(separator: " ")
                    if words.count >= 4, words.filter({ $0.first?.isUppercase == true }).count * 2 >= words.count { return candidate }
                    open = nil
                }
            }
        }
        return nil
    }
}

/// The journal and year of a whole abstract page ("Kidney Int Rep. 2021;6(4):955-964").
struct JournalFinderCitationText: Sendable {
    var journal: String
    var year: Int?
}
