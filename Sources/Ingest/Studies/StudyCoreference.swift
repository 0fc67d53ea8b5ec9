import EvidenceModel
/// Walks the body sentences in order, and decides for each which study it speaks of: a new one, the one
/// in focus ("the study", "the researchers"), a named one seen before, or none.
///
/// Continuation: a sentence without an anchor continues the study in focus when it is in the same
/// paragraph, when it speaks of the study's subjects ("the rats", "the control group", "participants"), or
/// when it opens with a connector ("In contrast,", "Additionally,") right after an attached sentence.
/// Vague references ("previous studies have …") never attach: they speak of other studies.
struct StudyCoreference: Sendable {
    let cues: StudyCues
    let detector: StudyDetector
    let journals: JournalFinder
    let results: ResultContinuation

    /// `substances`: the substances of the intervention mentions inside a span (`StudyContext.substances`).
    func drafts(_ document: AnalyzedDocument, isAbstract: Bool, substances: (TextSpan) -> Set<String> = { _ in [] }) -> [StudyDraft] {
        var drafts: [StudyDraft] = []
        var named: [String: Int] = [:]
        var focus: Int?
        var focusParagraph = -1
        var previousAttached = false
        // True while the sentences being attached follow a result told in a paragraph of its own.
        var resultChain = false
        for (index, sentence) in document.sentences.enumerated() where sentence.region == .body {
            let tokens = document.sentenceTokens[index]
            guard !tokens.isEmpty else { continue }
            // "Reference: Smith J, et al. … a record-linkage cohort. …": the citation line of the reported study
            // (read by `SourceLine`), not a study of its own.
            if SourceLine.isLabelled(sentence, cues: cues) { continue }
            if LinkLine.isLink(sentence, cues: cues) {
                previousAttached = false
                continue
            }
            let wasResultChain = resultChain
            resultChain = false
            let vague = cues.vagueReferences.matches(in: tokens).first
            var anchors = detector.anchors(in: tokens)
            if let vague {
                // "Only a handful of studies exist; their findings were weak": a definite phrase after a vague
                // reference speaks of those studies, not of the study in focus.
                anchors = anchors.filter { anchor in
                    if case .definite = anchor.kind, !anchor.isMain, anchor.tokens.lowerBound >= vague.lowerBound { return false }
                    return true
                }
            }
            // "X, published weekly, is the official journal of …": the journal describing itself, no study.
            if anchors.isEmpty, cues.journalBlurbs.contains(in: tokens) {
                previousAttached = false
                continue
            }
            let citation = anchors.isEmpty ? journals.find(in: tokens) : nil
            if anchors.isEmpty && citation == nil {
                // Vague references ("previous studies have reported …") speak of other studies: never attached.
                if vague != nil {
                    previousAttached = false
                    continue
                }
                guard let current = focus else { continue }
                let sameParagraph = sentence.paragraph == focusParagraph
                let cued = cues.attached.contains(in: tokens)
                let connected = previousAttached && cues.connectors.contains(in: tokens, from: 0, to: min(tokens.count, 3))
                // One sentence a paragraph (news style): the sentence right after a study's that gives a count,
                // a duration or an effect ("By year five, 40 of them had …") continues its report.
                let continuing = sameParagraph || isAbstract || cued || connected || previousAttached && hasStudyQuantity(document, sentence.span)
                // What continues a result told on its own is read like it: for its outcomes only.
                if continuing && !(wasResultChain && !cued && !isAbstract) {
                    drafts[current].attached.append(sentence.span)
                    focusParagraph = sentence.paragraph
                    previousAttached = true
                } else if continuing || results.continues(tokens, sentence.span, document.text, study: drafts[current],
                                                          previousAttached: previousAttached, substances: substances) {
                    drafts[current].results.append(sentence.span)
                    focusParagraph = sentence.paragraph
                    previousAttached = true
                    resultChain = true
                } else {
                    previousAttached = false
                }
                continue
            }
            if anchors.isEmpty, citation != nil {
                // "It has been shown in the Journal of Nutrition that …": a cited study, unless the study in
                // focus was just spoken of in this paragraph or the sentence before ("The study was published in …").
                // A news story names the journal of the study it reports once, often paragraphs later: a study in
                // focus without a journal yet takes it.
                // ("It has been shown in the Journal of Nutrition that …" cites another study, whatever came before.)
                if let current = focus, focusParagraph == sentence.paragraph || vague == nil && (previousAttached || !hasJournal(drafts[current], tokens: document)) {
                    drafts[current].explicit.append(sentence.span)
                } else if citation?.isNamedOnly == true {
                    // "The FASEB Journal, April 2017, vol. 31 …": a journal named with no verb of publishing is a
                    // citation line, not a report of a study of its own.
                    previousAttached = false
                    continue
                } else {
                    drafts.append(StudyDraft(explicit: [sentence.span]))
                    focus = drafts.count - 1
                }
                focusParagraph = sentence.paragraph
                previousAttached = true
                continue
            }
            let clauses = clauseSpans(anchors, tokens, sentence.span)
            // "The results, published in the Journal of X, agree with an analysis of earlier trials": the journal
            // before a new study's phrase is the study in focus's; the new study has the rest of the sentence.
            var leadEnd: Int?
            if let first = anchors.first, first.kind == .indefinite || { if case .named = first.kind { return true }; return false }(),
               let current = focus, !drafts[current].isGroup, drafts[current].reference == nil,
               let cited = journals.find(in: Array(tokens[..<first.tokens.lowerBound])), cited.journal.end <= tokens[first.tokens.lowerBound].start {
                let end = tokens[first.tokens.lowerBound].start
                drafts[current].explicit.append(TextSpan(sentence.span.start, end))
                leadEnd = end
            }
            var previousTarget: Int?
            var previousEnd = -10
            for (number, anchor) in anchors.enumerated() {
                var target: Int
                // A study noun inside a quoted title ("Their paper, “…: A Pooled Analysis of Prospective Studies”") names
                // the paper of the study just spoken of, not another study.
                let quoted = insideQuotedTitle(anchor, tokens, document.text)
                if quoted, let known = previousTarget ?? focus {
                    target = known
                    if case .named(let name) = anchor.kind {
                        drafts[target].name = drafts[target].name ?? name
                        for alias in Self.aliases(of: name) where named[alias] == nil { named[alias] = target }
                    }
                } else {
                switch anchor.kind {
                case .named(let name):
                    let aliases = Self.aliases(of: name)
                    if let known = aliases.lazy.compactMap({ named[$0] }).first {
                        target = known
                    } else if let known = Self.variant(of: name, named) {
                        // "the ACME study approach" after "the ACME-B trial": the trial without its letter.
                        target = known
                    } else if let previous = previousTarget, anchor.tokens.lowerBound - previousEnd <= 2 || linksSameStudy(tokens, from: previousEnd, to: anchor.tokens.lowerBound) {
                        // ("The findings are based on the X study": one study told twice.)
                        target = previous
                        drafts[target].name = drafts[target].name ?? name
                    } else if let main = drafts.indices.first(where: { drafts[$0].isMainReport || !drafts[$0].isGroup && drafts[$0].reference == nil }),
                              Self.namesPlace(name, before: sentence.span.start, document) {
                        // "the Leeds study", "the UCL study": named after where it was done, a place the document
                        // gave before as the researchers' (no trial name), so it is the study being reported.
                        target = main
                    } else if let main = mainDraft(drafts), drafts[main].name == nil, namesReportedPaper(anchor, tokens),
                              !hasJournal(drafts[main], tokens: document) {
                        // "Results of the ACME trial will be published in …", when the study being reported has no
                        // name nor journal yet: its name, given with its paper.
                        target = main
                        drafts[main].name = name
                    } else {
                        drafts.append(StudyDraft(name: name))
                        target = drafts.count - 1
                    }
                    for alias in aliases where named[alias] == nil { named[alias] = target }
                case .indefinite:
                    // "the MAGSTIFF trial, a randomized … study": apposition names one study twice (nothing but
                    // punctuation between; "the trial, the chemist ran a pilot study" is another study).
                    if let previous = previousTarget, isApposition(tokens, from: previousEnd, to: anchor.tokens.lowerBound) {
                        target = previous
                    } else if let previous = previousTarget, let given = givenName(tokens, from: previousEnd, to: anchor.tokens.lowerBound) {
                        // "The study, named Reset, was a 20-patient trial": one study, and its name.
                        target = previous
                        drafts[target].name = drafts[target].name ?? given
                        for alias in Self.aliases(of: given) where named[alias] == nil { named[alias] = target }
                    } else if anchor.isPartitive {
                        // "In one of the studies, …": a member of the studies told together, a study of its own.
                        drafts.append(member(of: drafts, focus: focus, document))
                        target = drafts.count - 1
                    } else if anchor.head == "work", let earlier = drafts.lastIndex(where: { $0.anchorHeads.contains("work") }) {
                        // "Previous work from the team found …" … "their previous work found …": the authors' earlier
                        // work is one study however often the text comes back to it.
                        target = earlier
                    } else if let current = focus, drafts[current].openedByDefinite, drafts[current].explicit.count <= 2,
                              isPlain(anchor, tokens, loose: drafts[current].explicit.count == 1 && isHeading(drafts[current].explicit[0], document.text)) {
                        // "this study and editorial" … "according to a study appearing in JAMA": one study.
                        target = current
                        drafts[current].openedByDefinite = false
                    } else if let current = focus, !drafts[current].isGroup, reportsFocus(anchor, tokens) {
                        // "were based on an analysis of British residents": the study in focus, described again.
                        // (After earlier work cited in passing, "the team carried out a meta-analysis" is the team's
                        // study being reported, not the earlier one.)
                        target = drafts[current].isBackground ? (mainDraft(drafts) ?? current) : current
                    } else {
                        var opened = StudyDraft()
                        // "a 2016 pooled analysis", "an earlier trial", "another study": earlier or other work.
                        opened.isBackground = isDistinct(anchor, tokens) && focus != nil
                        drafts.append(opened)
                        target = drafts.count - 1
                    }
                case .group:
                    drafts.append(StudyDraft(isGroup: true))
                    target = drafts.count - 1
                case .definite where ordinal(anchor, tokens) != nil && !anchor.isMain:
                    target = ordinalTarget(ordinal(anchor, tokens) ?? "", &drafts, named: named, focus: focus, document)
                case .definite, .firstPerson:
                    if anchor.isMain, !drafts.isEmpty, let main = drafts.indices.first(where: { drafts[$0].reference == nil }) {
                        target = main
                    } else if let previous = previousTarget {
                        target = previous
                    } else if let current = focus, drafts[current].isBackground, sentence.paragraph != focusParagraph,
                              let main = drafts.indices.first(where: { drafts[$0].reference == nil && !drafts[$0].isGroup && !drafts[$0].isBackground }),
                              main != current {
                        // "A 2016 pooled analysis found … [new paragraph] The study was funded by …": the earlier work
                        // was cited in passing; a new paragraph's "the study" is the one being reported again.
                        target = main
                    } else if let current = focus {
                        target = current
                    } else {
                        var opened = StudyDraft()
                        opened.openedByDefinite = anchor.kind == .definite
                        drafts.append(opened)
                        target = drafts.count - 1
                    }
                }
                }
                // "a second trial", "the first of the trials", "the third study": what a later "the second trial" names.
                if let ordinal = ordinal(anchor, tokens) ?? (anchor.isPartitive ? "first" : nil), named["#" + ordinal] == nil {
                    named["#" + ordinal] = target
                    // A second study told means the study before it was the first.
                    if ordinal != "first", named["#first"] == nil, let main = mainDraft(drafts), main != target { named["#first"] = main }
                }
                var clause = anchors.count > 1 ? clauses[number] : sentence.span
                if number == 0, let leadEnd { clause = TextSpan(max(clause.start, leadEnd), clause.end) }
                // "Earlier work hinted at this, said the first author of the new study": the mention is the
                // anchor's clause, not the vague part before it.
                if let vague, vague.upperBound <= anchor.tokens.lowerBound {
                    clause = TextSpan(max(clause.start, clauseStart(before: anchor.tokens.lowerBound, tokens, document.text)), clause.end)
                }
                if drafts[target].explicit.last != clause { drafts[target].explicit.append(clause) }
                drafts[target].anchorHeads.append(anchor.head)
                let phrase = tokens[anchor.tokens].map(\.text).joined(separator: " ")
                drafts[target].anchorPhrases.append(phrase)
                if drafts[target].anchorYear == nil {
                    drafts[target].anchorYear = tokens[anchor.tokens].compactMap { JournalFinder.year($0) }.first
                        ?? (anchor.kind == .indefinite ? Self.yearAfter(anchor, tokens) : nil)
                }
                previousTarget = target
                previousEnd = anchor.tokens.upperBound
                // Trials named together are a collective mention: what follows still speaks of the study in focus.
                if !drafts[target].isGroup || focus == nil { focus = target }
            }
            focusParagraph = sentence.paragraph
            previousAttached = true
        }
        return drafts
    }

    /// A name seen before that is this one with a short suffix after a hyphen ("ACME" for "ACME-B", "ACME-2"), when
    /// only one study goes by such a name.
    static func variant(of name: String, _ named: [String: Int]) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3, !lower.contains(" ") else { return nil }
        let targets = Set(named.filter { key, _ in
            key.hasPrefix(lower + "-") && key.count - lower.count <= 3
        }.values)
        return targets.count == 1 ? targets.first : nil
    }

    /// "are based on", "come from": a few words ending in a link that makes the phrase after it the one before.
    private func linksSameStudy(_ tokens: [WordToken], from: Int, to: Int) -> Bool {
        guard to > from, to - from <= 4 else { return false }
        return cues.sameStudyLinks.matches(in: tokens, from: from, to: to).contains { $0.upperBound == to }
    }

    /// The ordinal of a study phrase ("the second trial", "a third study", "the first of the trials"); none for
    /// "the first study to show …", "the first trial of its kind": the study in focus, first of its kind.
    private func ordinal(_ anchor: StudyAnchor, _ tokens: [WordToken]) -> String? {
        guard let word = tokens[anchor.tokens].first(where: { cues.ordinals.contains($0.lower) })?.lower else { return nil }
        if word == "first" || word == "1st",
           cues.noveltyAfter.matches(in: tokens, from: anchor.tokens.upperBound, to: min(tokens.count, anchor.tokens.upperBound + 8))
            .contains(where: { $0.lowerBound <= anchor.tokens.upperBound + 4 }) { return nil }
        return word
    }

    /// "the second trial": the study a phrase with that ordinal named before; the first, once a second was told, is
    /// the study the document reports; else a study of its own, a member of the studies told together.
    private func ordinalTarget(_ ordinal: String, _ drafts: inout [StudyDraft], named: [String: Int], focus: Int?,
                               _ document: AnalyzedDocument) -> Int {
        if let known = named["#" + ordinal] { return known }
        if ordinal == "first" || ordinal == "1st" {
            // "The first study …" before any other was counted: the study in focus, as "the study" would be.
            if let current = focus { return current }
        }
        drafts.append(member(of: drafts, focus: focus, document))
        return drafts.count - 1
    }

    /// A new study that is one of the studies told together before ("Two trials published in X …", or, in the
    /// study in focus, "the studies, published in X, found …"): it is published where they are.
    private func member(of drafts: [StudyDraft], focus: Int?, _ document: AnalyzedDocument) -> StudyDraft {
        var draft = StudyDraft()
        if let group = drafts.lastIndex(where: \.isGroup) {
            draft.groupSpans = drafts[group].explicit
        } else if let current = focus {
            draft.groupSpans = drafts[current].explicit.filter { span in
                let tokens = WordTokenizer.tokens(document.text.slice(span), base: span.start)
                return zip(tokens, tokens.dropFirst()).contains { ["the", "these", "both"].contains($0.lower) && cues.pluralHeads.contains($1.lower) }
            }
        }
        return draft
    }

    /// "The study, named Reset, was a 20-patient trial": between two study phrases, a name given by "named",
    /// "called" … and otherwise only linking words. The name, when so.
    private func givenName(_ tokens: [WordToken], from: Int, to: Int) -> String? {
        guard to > from, to - from <= 5,
              let giver = (from..<to).first(where: { cues.nameGivers.contains(tokens[$0].lower) }), giver + 1 < to else { return nil }
        let name = (giver + 1..<to).prefix { tokens[$0].isCapitalized || tokens[$0].hasInnerCapital }
        guard !name.isEmpty, let last = name.last else { return nil }
        let rest = Array(from..<giver) + Array((last + 1)..<to)
        guard rest.allSatisfy({ cues.appositionWords.contains(tokens[$0].lower) }) else { return nil }
        return name.map { tokens[$0].text }.joined(separator: " ")
    }

    /// The study the document reports: its first draft that is neither earlier work, a group nor a reference.
    /// "Results from the X trial, published today in …", "outcomes of the X study will appear in …": results words
    /// just before the name and a verb of publishing after it.
    private func namesReportedPaper(_ anchor: StudyAnchor, _ tokens: [WordToken]) -> Bool {
        let lead = tokens[max(0, anchor.tokens.lowerBound - 3)..<anchor.tokens.lowerBound].map(\.lower)
        guard lead.contains(where: { ["results", "outcomes", "findings", "data"].contains($0) }),
              lead.contains(where: { ["of", "from"].contains($0) }) else { return false }
        return cues.publicationVerbs.contains(in: tokens, from: anchor.tokens.upperBound, to: min(tokens.count, anchor.tokens.upperBound + 25))
    }

    private func mainDraft(_ drafts: [StudyDraft]) -> Int? {
        drafts.indices.first { drafts[$0].reference == nil && !drafts[$0].isGroup && !drafts[$0].isBackground }
    }

    /// "a similar study", "another trial", "a second experiment": an indefinite phrase that says it names
    /// a study other than the one already spoken of.
    private func isDistinct(_ anchor: StudyAnchor, _ tokens: [WordToken]) -> Bool {
        let from = max(0, anchor.tokens.lowerBound - 1)
        return tokens[from..<anchor.tokens.upperBound].contains { cues.distinctModifiers.contains($0.lower) }
            || anchor.tokens.contains { tokens[$0].isNumber }
    }

    /// "a study", "a new study": nothing said of it but that it is a study (no design, species or place word).
    /// `loose`: the study in focus is only a heading so far ("About the trial"), and the first sentence
    /// under it that tells of "a clinical trial" or "a randomized study" is that trial: words of kind, not of another.
    private func isPlain(_ anchor: StudyAnchor, _ tokens: [WordToken], loose: Bool = false) -> Bool {
        guard !isDistinct(anchor, tokens) else { return false }
        let modifiers = tokens[anchor.tokens].dropFirst().dropLast()
        return modifiers.allSatisfy { word in
            cues.mainStudyModifiers.contains(word.lower) || loose && cues.nonNameWords.contains(word.lower) && !word.isCapitalized
        }
    }

    /// A mention that is a heading line: short, and not a sentence (no closing full stop).
    private func isHeading(_ span: TextSpan, _ text: SourceText) -> Bool {
        let line = text.slice(span)
        let trimmed = line.reversed().drop { $0.isWhitespace }
        return line.count <= 60 && trimmed.first != "." && !line.contains("\n")
    }

    /// "based on an analysis of …", "drew on an analysis of …": an indefinite analysis after "on" describes
    /// how the study in focus was done, not another study (a meta-analysis or pooled analysis is its own).
    /// "The team carried out a meta-analysis of these trials", "they conducted a study": the authors doing the
    /// study in focus, named again with an indefinite phrase.
    private func reportsFocus(_ anchor: StudyAnchor, _ tokens: [WordToken]) -> Bool {
        guard anchor.tokens.lowerBound > 0, !isDistinct(anchor, tokens) else { return false }
        let before = tokens[anchor.tokens.lowerBound - 1].lower
        if before == "on", ["analysis", "meta-analysis"].contains(anchor.head), anchor.tokens.count <= 2 { return true }
        let lead = Array(tokens[..<anchor.tokens.lowerBound])
        // "the first time a placebo-controlled trial has found …", "this is a small study": the study in focus
        // described or praised, not another one.
        if let leadIn = cues.focusLeadIns.matches(in: lead).last, leadIn.upperBound == anchor.tokens.lowerBound { return true }
        guard let verb = cues.conductVerbs.matches(in: lead).last, verb.upperBound == anchor.tokens.lowerBound else { return false }
        // The doer is the study's own authors: "the team", "the researchers", "they", "we".
        // ("He conducted an experiment in which he took …": a lone researcher doing the study in focus.)
        return lead[..<verb.lowerBound].suffix(5).contains { cues.authorSubjects.contains($0.lower) || cues.loneAuthors.contains($0.lower) }
    }

    /// "A review that pooled 14 trials in 2019 concluded …": "in" and a year shortly after a new study's phrase
    /// date it (not a period: "in 2004 to 2015", "in 2004 and 2015").
    static func yearAfter(_ anchor: StudyAnchor, _ tokens: [WordToken]) -> Int? {
        let window = anchor.tokens.upperBound..<min(tokens.count, anchor.tokens.upperBound + 8)
        for index in window where index > 0 && tokens[index - 1].lower == "in" {
            guard let year = JournalFinder.year(tokens[index]) else { continue }
            if index + 1 < tokens.count, ["to", "and", "through", "-", "until"].contains(tokens[index + 1].lower) { return nil }
            return year
        }
        return nil
    }

    /// The names a trial goes by: "Sleep And Zinc (SAZ)" (its words arrive as "Sleep And Zinc SAZ") is also
    /// "SAZ" and "Sleep And Zinc" when the last word is the initials of the others.
    static func aliases(of name: String) -> [String] {
        let lower = name.lowercased()
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 3, let last = words.last, last.count >= 2, last.allSatisfy({ $0.isUppercase }) else { return [lower] }
        let rest = words.dropLast()
        let initials = String(rest.compactMap(\.first)).uppercased()
        guard initials == last else { return [lower] }
        return [lower, last.lowercased(), rest.joined(separator: " ").lowercased()]
    }

    /// True when one of the draft's explicit sentences already names a journal.
    private func hasJournal(_ draft: StudyDraft, tokens document: AnalyzedDocument) -> Bool {
        draft.explicit.contains { span in
            journals.find(in: WordTokenizer.tokens(document.text.slice(span), base: span.start)) != nil
        }
    }

    /// "the MAGSTIFF trial, a randomized … study", "results of a rat study", "a third trial, this one in
    /// children": nothing but punctuation or a few linking words between two phrases that name one study.
    private func isApposition(_ tokens: [WordToken], from: Int, to: Int) -> Bool {
        guard to >= from, to - from <= 2 else { return false }
        return tokens[from..<to].allSatisfy { cues.appositionWords.contains($0.lower) }
    }

    /// True when a one-word name ("Leeds", "UCL") stands in the document's text before the sentence: the
    /// study is named after its researchers' place, not given a trial name of its own.
    static func namesPlace(_ name: String, before offset: Int, _ document: AnalyzedDocument) -> Bool {
        // ("Okafor's rat study" is a person's other study, not the place of the reported one.)
        guard !name.contains(" "), name.count >= 2, !name.hasSuffix("'s"), !name.hasSuffix("\u{2019}s") else { return false }
        let earlier = document.text.slice(TextSpan(0, offset))
        let words = WordTokenizer.tokens(earlier, base: 0)
        return words.contains { $0.text == name }
    }

    /// A study noun inside a quoted title ("… : A Pooled Analysis of Prospective Studies”) names the paper's design,
    /// not another study.
    private func insideQuotedTitle(_ anchor: StudyAnchor, _ tokens: [WordToken], _ text: SourceText) -> Bool {
        let position = tokens[anchor.tokens.lowerBound].start
        let sentenceStart = tokens[0].start
        var index = position - 1
        var straight = 0
        var typographic: Bool?
        while index >= sentenceStart {
            let scalar = text.scalars[index]
            if typographic == nil, scalar == "\u{201D}" { typographic = false }
            if typographic == nil, scalar == "\u{201C}" { typographic = true }
            if scalar == "\"" { straight += 1 }
            index -= 1
        }
        return typographic ?? (straight % 2 == 1)
    }

    /// Where the clause holding a token begins: after the last comma, semicolon or dash before it.
    private func clauseStart(before tokenIndex: Int, _ tokens: [WordToken], _ text: SourceText) -> Int {
        guard tokenIndex > 0 else { return tokens[0].start }
        var index = tokens[tokenIndex].start - 1
        let floor = tokens[0].start
        while index > floor {
            let scalar = text.scalars[index]
            if scalar == "," || scalar == ";" || scalar == "\u{2014}" || scalar == ":" {
                // The first word after the mark.
                return tokens.first { $0.start > index }?.start ?? tokens[tokenIndex].start
            }
            index -= 1
        }
        return floor
    }

    /// A count of subjects, a duration or an effect size inside the span.
    private func hasStudyQuantity(_ document: AnalyzedDocument, _ span: TextSpan) -> Bool {
        document.sampleSizes.contains { span.contains($0.span) } || document.durations.contains { span.contains($0.span) }
            || document.effects.contains { span.contains($0.span) }
    }

    /// When one sentence reports several studies ("Several trials reported X, although a later trial did
    /// not …"), each anchor owns the clause from its connector to the next anchor's.
    private func clauseSpans(_ anchors: [StudyAnchor], _ tokens: [WordToken], _ sentence: TextSpan) -> [TextSpan] {
        var starts: [Int] = [sentence.start]
        for anchor in anchors.dropFirst() {
            var start = tokens[anchor.tokens.lowerBound].start
            var back = anchor.tokens.lowerBound - 1
            while back >= 0, back >= anchor.tokens.lowerBound - 3 {
                if cues.clauseBreaks.contains(tokens[back].lower) { start = tokens[back].start; break }
                back -= 1
            }
            starts.append(max(start, starts.last ?? sentence.start))
        }
        var spans: [TextSpan] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : sentence.end
            spans.append(TextSpan(start, max(start, end)))
        }
        return spans
    }
}
