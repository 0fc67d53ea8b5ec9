import EvidenceModel
/// Gives a claim its kind and says whether it is hedged.
///
/// Kinds are tried in the order of `lexicon/claims.json`: first on the main clause (the text before
/// ", and", "; ", ", because" …, which carries what the sentence asserts), then on the whole sentence.
/// A sentence that gives an amount and calls it recommended, typical or usual is about dosage. Under a
/// heading such as "Side effects", a claim without a stronger cue takes the heading's kind.
struct ClaimKindClassifier: Sendable {
    let cues: ClaimCues

    func kind(_ sentence: String, tokens: [WordToken], hasDose: Bool, heading: [WordToken]?) -> ClaimKind {
        if hasDose, cues.dosageWithQuantity.contains(in: tokens) { return .dosage }
        // An imperative ("Avoid …", "Do not stop …", "Ask the cardiologist …") recommends.
        // ("Avoid … while taking warfarin" is still an interaction.)
        // "But don't …", "So stop …", "Please ask …": a discourse word before the imperative leaves it one.
        let opener = cues.discourseOpeners.matches(in: tokens, from: 0, to: min(tokens.count, 4)).first { $0.lowerBound == 0 }
        let verbAt = opener?.upperBound ?? 0
        if verbAt < tokens.count, tokens[0].isCapitalized, cues.imperatives.contains(tokens[verbAt].lower) {
            let interaction = cues.kinds.first { $0.0 == .interaction }?.1
            return interaction?.contains(in: tokens) == true ? .interaction : .recommendation
        }
        let main = mainClause(sentence, tokens)
        for (position, entry) in cues.kinds.enumerated() where position < cues.weakKindsFrom {
            if entry.1.contains(in: main) { return adjusted(entry.0, heading, tokens) }
        }
        // The main clause's own weaker cue ("is used for …, but evidence is uncertain") before another clause's;
        // an amount alone ("intake", "daily") does not say what the main clause asserts.
        for (position, entry) in cues.kinds.enumerated() where position >= cues.weakKindsFrom && entry.0 != .dosage && main.count < tokens.count {
            if entry.1.contains(in: main) { return adjusted(entry.0, heading, tokens) }
        }
        for (kind, phrases) in cues.kinds where phrases.contains(in: tokens) { return adjusted(kind, heading, tokens) }
        return adjusted(uncued(sentence, tokens), heading, tokens)
    }

    /// No cue of any kind list: the form of the sentence still tells two kinds from `other`. How many people a
    /// condition touches, in a population or a year ("one in …", "each year"), is epidemiology. A number
    /// compared between groups told apart by what they were given ("… of those given X, compared with … of
    /// those on a placebo") is a treatment's result: efficacy (or, beside an observational study, epidemiology).
    private func uncued(_ sentence: String, _ tokens: [WordToken]) -> ClaimKind {
        if cues.prevalence.contains(in: tokens) { return .epidemiology }
        let number = sentence.contains("%") || tokens.contains(where: \.isNumber) || cues.shareWords.contains(in: tokens)
        if number, cues.armComparisons.contains(in: tokens), cues.armWords.contains(in: tokens) { return .efficacy }
        return .other
    }

    /// Efficacy and epidemiology told apart by the design of the study the claim reports: a trial's or an
    /// experiment's result is efficacy, an observational study's association epidemiology. How common a
    /// condition is ("affects one in ten", "million adults have") stays epidemiology whatever study is near:
    /// such background is no trial's result.
    func kind(_ kind: ClaimKind, reporting design: StudyDesign?, tokens: [WordToken] = []) -> ClaimKind {
        guard let design else { return generalStatement(kind, tokens) }
        if kind == .epidemiology, cues.efficacyDesigns.contains(design), !cues.prevalence.contains(in: tokens) { return .efficacy }
        if kind == .efficacy, cues.epidemiologyDesigns.contains(design) { return .epidemiology }
        return kind
    }

    /// A statement of what a substance does in the body ("Zinc helps keep inflammation down in the gut") is
    /// mechanism, though a weak word of efficacy ("helps", "reduces") is in it. It is efficacy after all when it
    /// speaks of a study, people, a number or a judgement of a treatment (`efficacySignals`), or has a strong
    /// efficacy cue ("showed", "reduced"). The sentence must name the biology (a mechanism cue of any list).
    private func generalStatement(_ kind: ClaimKind, _ tokens: [WordToken]) -> ClaimKind {
        guard kind == .efficacy, !tokens.isEmpty, !tokens.contains(where: \.isNumber), !cues.efficacySignals.contains(in: tokens) else { return kind }
        let strongEfficacy = cues.kinds.enumerated().contains { position, entry in
            position < cues.weakKindsFrom && entry.0 == .efficacy && entry.1.contains(in: tokens)
        }
        guard !strongEfficacy else { return kind }
        let biology = cues.kinds.contains { $0.0 == .mechanism && $0.1.contains(in: tokens) }
        return biology ? .mechanism : kind
    }

    /// True when a strong cue of a result is in the tokens: of efficacy, safety or epidemiology ("rose",
    /// "well tolerated", "associated with").
    func hasResultCue(_ tokens: [WordToken]) -> Bool {
        cues.kinds.enumerated().contains { position, entry in
            position < cues.weakKindsFrom && [.efficacy, .safety, .epidemiology].contains(entry.0) && entry.1.contains(in: tokens)
        }
    }

    /// True when a cue of a strong kind list is in the tokens: enough to take a sentence without a concept
    /// of its own ("It plays a role in …") as a claim about the one before.
    func hasStrongClaimCue(_ tokens: [WordToken]) -> Bool {
        cues.kinds.enumerated().contains { position, entry in position < cues.weakKindsFrom && entry.1.contains(in: tokens) }
    }

    /// True when a kind cue is in the tokens, amounts and the last-resort lists aside ("90 mcg daily" or
    /// "cells" alone asserts nothing).
    func hasClaimCue(_ tokens: [WordToken]) -> Bool {
        cues.kinds.enumerated().contains { position, entry in
            (position < cues.weakKindsFrom || entry.0 != .dosage) && position < cues.fallbackKindsFrom && entry.1.contains(in: tokens)
        }
    }

    /// True when a cue of a list before the last-resort ones is in the tokens: a method description
    /// ("researchers exposed cells to …") names cells and tissues but asserts nothing.
    func hasCueBeforeFallback(_ tokens: [WordToken]) -> Bool {
        cues.kinds.enumerated().contains { position, entry in position < cues.fallbackKindsFrom && entry.1.contains(in: tokens) }
    }

    /// Hedged: "may", "might", "suggest", "insufficient evidence", … ("May" the month does not count).
    func isHedged(_ tokens: [WordToken]) -> Bool {
        // "more likely", "whenever possible": comparisons and idioms, not uncertainty.
        let exceptions = cues.hedgeExceptions.matches(in: tokens)
        return cues.hedges.matches(in: tokens).contains { range in
            if exceptions.contains(where: { $0.contains(range.lowerBound) }) { return false }
            let first = tokens[range.lowerBound]
            // "May 2024" is a month; "could not tolerate" reports a fact.
            if first.text == "May" && range.count == 1 && range.lowerBound > 0 { return false }
            if first.lower == "could", range.upperBound < tokens.count, tokens[range.upperBound].lower == "not" { return false }
            return true
        }
    }

    private func adjusted(_ kind: ClaimKind, _ heading: [WordToken]?, _ tokens: [WordToken]) -> ClaimKind {
        // Animal and laboratory results are efficacy, never epidemiology.
        if kind == .epidemiology, cues.labWords.contains(in: tokens) { return .efficacy }
        // More disease in those taking a product is a harm of the product.
        if kind == .epidemiology || kind == .efficacy, cues.harmIncrease.contains(in: tokens), cues.useWords.contains(in: tokens) {
            return .safety
        }
        guard kind == .efficacy || kind == .other, let heading else { return kind }
        for (headingKind, phrases) in cues.headingKinds where phrases.contains(in: heading) { return headingKind }
        return kind
    }

    private func mainClause(_ sentence: String, _ tokens: [WordToken]) -> [WordToken] {
        let lower = sentence.lowercased()
        var cut = lower.count
        for marker in cues.clauseBreaks {
            if let range = lower.range(of: marker) {
                cut = min(cut, lower.distance(from: lower.startIndex, to: range.lowerBound))
            }
        }
        guard let first = tokens.first else { return tokens }
        // Token offsets are absolute; the sentence's first token tells where the sentence starts.
        let sentenceStart = first.start - leadingOffset(sentence)
        // "While the mechanism is plausible, X should …": the leading clause only frames the main one.
        var from = 0
        if cues.leadingSubordinators.contains(first.lower), let comma = lower.firstIndex(of: ",") {
            from = lower.distance(from: lower.startIndex, to: comma)
            cut = lower.count
            let rest = lower[comma...]
            for marker in cues.clauseBreaks {
                if let range = rest.range(of: marker), range.lowerBound > comma {
                    cut = min(cut, lower.distance(from: lower.startIndex, to: range.lowerBound))
                }
            }
        }
        let main = tokens.filter { $0.start - sentenceStart >= from && $0.start - sentenceStart < cut }
        return main.isEmpty ? tokens : main
    }

    /// Scalars before the first word of the sentence (spaces, quotes, bullets).
    private func leadingOffset(_ sentence: String) -> Int {
        var count = 0
        for scalar in sentence.unicodeScalars {
            if WordTokenizer.isWordScalar(scalar) { break }
            count += 1
        }
        return count
    }
}
