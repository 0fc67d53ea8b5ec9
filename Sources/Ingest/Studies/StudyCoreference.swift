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

    func drafts(_ document: AnalyzedDocument, isAbstract: Bool) -> [StudyDraft] {
        var drafts: [StudyDraft] = []
        var named: [String: Int] = [:]
        var focus: Int?
        var focusParagraph = -1
        var previousAttached = false
        for (index, sentence) in document.sentences.enumerated() where sentence.region == .body {
            let tokens = document.sentenceTokens[index]
            guard !tokens.isEmpty else { continue }
            let anchors = detector.anchors(in: tokens)
            let citation = anchors.isEmpty ? journals.find(in: tokens) : nil
            if anchors.isEmpty && citation == nil {
                if cues.vagueReferences.contains(in: tokens) && !cues.attached.contains(in: tokens) {
                    previousAttached = false
                    continue
                }
                guard let current = focus else { continue }
                let sameParagraph = sentence.paragraph == focusParagraph
                let cued = cues.attached.contains(in: tokens)
                let connected = previousAttached && cues.connectors.contains(in: tokens, from: 0, to: min(tokens.count, 3))
                if sameParagraph || isAbstract || cued || connected {
                    drafts[current].attached.append(sentence.span)
                    focusParagraph = sentence.paragraph
                    previousAttached = true
                } else {
                    previousAttached = false
                }
                continue
            }
            if anchors.isEmpty, citation != nil {
                // "It has been shown in the Journal of Nutrition that …": a cited study, unless the study in
                // focus was just spoken of in this paragraph ("The study was published in …").
                if let current = focus, focusParagraph == sentence.paragraph {
                    drafts[current].explicit.append(sentence.span)
                } else {
                    drafts.append(StudyDraft(explicit: [sentence.span]))
                    focus = drafts.count - 1
                }
                focusParagraph = sentence.paragraph
                previousAttached = true
                continue
            }
            let clauses = clauseSpans(anchors, tokens, sentence.span)
            var previousTarget: Int?
            var previousEnd = -10
            for (number, anchor) in anchors.enumerated() {
                let target: Int
                switch anchor.kind {
                case .named(let name):
                    let key = name.lowercased()
                    if let known = named[key] {
                        target = known
                    } else if let previous = previousTarget, anchor.tokens.lowerBound - previousEnd <= 2 {
                        target = previous
                        drafts[target].name = drafts[target].name ?? name
                        named[key] = target
                    } else {
                        drafts.append(StudyDraft(name: name))
                        target = drafts.count - 1
                        named[key] = target
                    }
                case .indefinite:
                    // "the MAGSTIFF trial, a randomized … study": apposition names one study twice.
                    if let previous = previousTarget, anchor.tokens.lowerBound - previousEnd <= 2 {
                        target = previous
                    } else {
                        drafts.append(StudyDraft())
                        target = drafts.count - 1
                    }
                case .group:
                    drafts.append(StudyDraft(isGroup: true))
                    target = drafts.count - 1
                case .definite, .firstPerson:
                    if anchor.isMain, !drafts.isEmpty, let main = drafts.indices.first(where: { drafts[$0].reference == nil }) {
                        target = main
                    } else if let previous = previousTarget {
                        target = previous
                    } else if let current = focus {
                        target = current
                    } else {
                        drafts.append(StudyDraft())
                        target = drafts.count - 1
                    }
                }
                let clause = anchors.count > 1 ? clauses[number] : sentence.span
                if drafts[target].explicit.last != clause { drafts[target].explicit.append(clause) }
                drafts[target].anchorHeads.append(anchor.head)
                let phrase = tokens[anchor.tokens].map(\.text).joined(separator: " ")
                drafts[target].anchorPhrases.append(phrase)
                if drafts[target].anchorYear == nil {
                    drafts[target].anchorYear = tokens[anchor.tokens].compactMap { JournalFinder.year($0) }.first
                }
                previousTarget = target
                previousEnd = anchor.tokens.upperBound
                focus = target
            }
            focusParagraph = sentence.paragraph
            previousAttached = true
        }
        return drafts
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
