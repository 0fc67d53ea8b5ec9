import EvidenceModel
/// Finds the sentences and clauses that assert something about a substance, a condition or their relation.
///
/// A claim is a body sentence (never a title, byline, heading, question, reference, comment, boilerplate or
/// furniture) that names at least one condition or intervention. A sentence reporting two studies is split
/// into one claim per study clause; other sentences at a semicolon or a contrast (`ClaimClauses`). Each claim gets its kind and hedging (`ClaimKindClassifier`), its
/// speaker (`ClaimAttribution`), the study whose mention it overlaps, and its concepts.
public struct ClaimExtractor: Sendable {
    let lexicon: Lexicon
    let cues: ClaimCues
    let classifier: ClaimKindClassifier
    let attribution: ClaimAttribution
    let journals: JournalFinder
    let cleaner: ClaimSpanCleaner
    let contrast: ClaimClauses

    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {
        self.lexicon = lexicon
        let cues = try ClaimCues(locator: locator)
        self.cues = cues
        journals = JournalFinder(cues: try StudyCues(locator: locator))
        classifier = ClaimKindClassifier(cues: cues)
        attribution = ClaimAttribution(cues: cues)
        cleaner = ClaimSpanCleaner(cues: cues)
        contrast = ClaimClauses(contrastWords: cues.contrastWords, minimumWords: cues.clauseMinimumWords,
                                pairedOpeners: cues.pairedOpeners, clauseSubjects: cues.clauseSubjects, finiteVerbs: cues.finiteVerbs)
    }

    public func extract(_ document: AnalyzedDocument, studies: [ExtractedStudy]) -> [ExtractedClaim] {
        let context = StudyContext(document, lexicon: lexicon)
        let speakers = attribution.speakers(document.sentences, tokens: document.sentenceTokens, text: document.text)
        // Every study mention, indexed by position, so that each sentence finds its studies by binary search.
        let mentionIndex = SpanLookup(studies.enumerated().flatMap { index, study in study.mentions.map { (span: $0, study: index) } }) { $0.span }
        var claims: [ExtractedClaim] = []
        var heading: [WordToken]?
        var inAboutSection = false
        let title = document.metadata.title.flatMap(StudyIdentity.normalise)
        var openingSentences = 0
        // Until the first finished sentence, an unpunctuated line is a deck or a tagline under the headline.
        var inTopMatter = true
        // The concepts of the last claim that named some: a claim without concepts of its own speaks of them.
        var topic: (conditions: [String], interventions: [String])?
        for (index, sentence) in document.sentences.enumerated() where sentence.region == .body {
            // "###" ends a press release: what follows is about the company, never a claim. (A markdown
            // heading "### Results" starts with the marker; the end marker closes its line.)
            let trimmedText = Trim.spaces(sentence.text)
            if cues.releaseEndMarkers.contains(where: { trimmedText.hasSuffix($0) }) { break }
            let tokens = document.sentenceTokens[index]
            let isTopLine = inTopMatter && !ClaimSentence.endsSentence(trimmedText)
                && !ClaimSentence.isListItem(trimmedText) && !ClaimSentence.linePrefixIsBullet(sentence.span.start, document.text)
            if ClaimSentence.endsSentence(trimmedText) { inTopMatter = false }
            if isTopLine || ClaimSentence.isHeading(sentence, document.text, tokens) || ClaimSentence.isDeck(trimmedText) {
                heading = tokens
                // "About <company>" opens boilerplate, even where the region stage did not mark it.
                inAboutSection = tokens.first?.lower == "about" && tokens.count <= 5
                continue
            }
            // A dateline opens a line among the first sentences after the headings.
            let isOpening = openingSentences < 3 && ClaimSentence.startsLine(sentence.span.start, document.text)
            openingSentences += 1
            guard !inAboutSection, ClaimSentence.isCandidate(sentence, tokens) else { continue }
            if ClaimSentence.isLabel(trimmedText, tokens), !classifier.hasClaimCue(tokens) { continue }
            // The headline repeated in the body, and labelled lines ("Keywords: …"), are not claims.
            if let title, StudyIdentity.normalise(sentence.text) == title { continue }
            if cues.nonClaimLabels.contains(in: tokens, from: 0, to: min(tokens.count, 1)),
               sentence.text.prefix(40).contains(":") { continue }
            // Product, company, funding and publication statements, unless they also assert something.
            if cues.nonClaimStatements.contains(in: tokens), !classifier.hasClaimCue(tokens) { continue }
            if cues.businessStatements.contains(in: tokens) || cues.pageFurniture.contains(in: tokens) { continue }
            // "2 Smith AB, Jones C. Trends in …": an entry of a reference list, wherever the region stage put it.
            if ClaimSentence.isReferenceEntry(tokens, document.text) { continue }
            // "Adults were randomly assigned to magnesium or a placebo": how the trial ran, not what it found.
            if cues.allocationPhrases.contains(in: tokens), !classifier.hasResultCue(tokens) { continue }
            // Names of journals ("Nephrology Dialysis Transplantation") do not make a sentence about dialysis.
            let citation = journals.find(in: tokens)?.journal
            let inSentence = mentionIndex.inside(sentence.span)
            let (sentenceClauses, contrastSplit) = clauses(sentence.span, inSentence, tokens: tokens, context: context, document: document)
            for span in sentenceClauses {
                let mentions = context.concepts.inside(span).filter { mention in
                    (context.type(mention) == .condition || context.type(mention) == .intervention)
                        && !(citation?.overlaps(mention.span) ?? false)
                }
                var inherited: (conditions: [String], interventions: [String])?
                if mentions.isEmpty, contrastSplit {
                    // A contrast clause without a concept of its own speaks of its sentence's concepts.
                    inherited = (context.conceptIDs([sentence.span], type: .condition), context.conceptIDs([sentence.span], type: .intervention))
                } else if mentions.isEmpty {
                    // A sentence that names no concept of the lexicon still asserts something when a strong kind
                    // cue is in it ("The drug cut attacks by half", "Hospitals should …"): unseen topics have
                    // names the lexicon lacks, and quotes speak of "it" and "the therapy". It goes on about what
                    // the document's last claim with concepts spoke of.
                    // Only a finished sentence: a lead-in ("Alternative approaches to consider:") or a bare list
                    // item ("Rare adverse effects reported") without a concept asserts nothing of its own.
                    guard span == sentence.span, ClaimSentence.endsSentence(trimmedText), !trimmedText.hasSuffix(":"),
                          classifier.hasStrongClaimCue(tokens),
                          !cues.nonClaimStatements.contains(in: tokens) else { continue }
                    inherited = (topic?.conditions ?? [], topic?.interventions ?? [])
                }
                let clauseTokens = tokens.filter { span.contains(TextSpan($0.start, $0.end)) }
                let hasDose = !context.doses.inside(span).isEmpty
                let studyIndex = study(for: span, inSentence)
                let cueKind = classifier.kind(document.text.slice(span), tokens: clauseTokens, hasDose: hasDose, heading: heading)
                let kind = classifier.kind(cueKind, reporting: studyIndex.map { studies[$0].design }, tokens: clauseTokens)
                // A study's method description ("researchers exposed cells to …") reports no finding.
                // A share, a comparison or an estimate in it reports a result all the same.
                let givesResult = document.text.slice(span).contains("%") || cues.resultSignals.contains(in: clauseTokens)
                if kind == .other || !classifier.hasCueBeforeFallback(clauseTokens), studyIndex != nil, !givesResult,
                   clauseTokens.contains(where: { cues.methodVerbs.contains($0.lower) }) { continue }
                var claim = ExtractedClaim(span: cleaner.clean(span, document.text, tokens: clauseTokens, opening: isOpening), kind: kind,
                                           // "…, yet X appears to …, an analysis suggests": a contrast clause
                                           // keeps the hedge of its sentence.
                                           hedged: classifier.isHedged(contrastSplit ? tokens : clauseTokens), attributedTo: speakers[index])
                claim.studyIndex = studyIndex
                claim.conditionIDs = inherited?.conditions ?? context.conceptIDs([span], type: .condition)
                claim.interventionIDs = inherited?.interventions ?? context.conceptIDs([span], type: .intervention)
                claims.append(claim)
                if !claim.conditionIDs.isEmpty || !claim.interventionIDs.isEmpty {
                    topic = (claim.conditionIDs, claim.interventionIDs)
                }
            }
        }
        return claims
    }

    /// The sentence; its study clauses when it reports several studies; else its contrast clauses
    /// (`ClaimClauses`) that each name a concept or carry a kind cue.
    private func clauses(_ sentence: TextSpan, _ mentions: [(span: TextSpan, study: Int)], tokens: [WordToken],
                         context: StudyContext, document: AnalyzedDocument) -> (spans: [TextSpan], contrast: Bool) {
        var inner: [TextSpan] = []
        for mention in mentions where mention.span != sentence && !inner.contains(mention.span) {
            inner.append(mention.span)
        }
        guard inner.count >= 2 else {
            let spans = contrast.split(sentence, tokens: tokens, text: document.text) { span in
                let own = tokens.filter { span.contains(TextSpan($0.start, $0.end)) }
                let named = context.concepts.inside(span).contains { context.type($0) == .condition || context.type($0) == .intervention }
                return named || classifier.hasClaimCue(own)
            }
            return (spans, spans.count > 1)
        }
        return (inner.sorted(), false)
    }

    /// The study whose mention overlaps the claim most.
    private func study(for span: TextSpan, _ mentions: [(span: TextSpan, study: Int)]) -> Int? {
        var best: (index: Int, overlap: Int)?
        for mention in mentions where mention.span.overlaps(span) {
            let overlap = min(mention.span.end, span.end) - max(mention.span.start, span.start)
            if best == nil || overlap > (best?.overlap ?? 0) { best = (mention.study, overlap) }
        }
        return best?.index
    }
}
