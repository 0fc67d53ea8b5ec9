import EvidenceModel
/// Cuts a sentence into the clauses that each assert something of their own.
///
/// A semicolon, or a comma before a contrast word ("…, but …", "…, however, …", "…, yet …"), joins two
/// assertions that often differ in kind: a null trial result and a limitation of that trial, a fact and a
/// warning. Each side becomes its own claim when both sides are long enough to assert something and each
/// stands alone (names a concept or has a kind cue); a side that does not stays with its neighbour.
struct ClaimClauses: Sendable {
    /// Words that open a new clause after a comma: contrasts ("but", "however", "yet") and relative clauses
    /// that report a conclusion of their own ("which suggests", "which showed").
    let contrastWords: PhraseSet
    /// Fewest words a side must have to stand as its own claim.
    let minimumWords: Int
    /// "not only …, but …": one assertion in two parts, never cut at its "but".
    let pairedOpeners: PhraseSet
    /// ", and" followed by one of these subjects and a finite verb opens a new main clause ("…, and scientists
    /// believe …"); without them ", and" joins items of a list, which stay one claim.
    var clauseSubjects = PhraseSet([])
    var finiteVerbs: Set<String> = []

    func split(_ sentence: TextSpan, tokens: [WordToken], text: SourceText, standsAlone: (TextSpan) -> Bool) -> [TextSpan] {
        var cuts: [Int] = []
        var lastCut = 0
        for index in tokens.indices.dropFirst() {
            let gap = TextSpan(tokens[index - 1].end, tokens[index].start)
            let joiner = gap.isEmpty ? "" : text.slice(gap)
            let opener = contrastWords.matches(in: tokens, from: index, to: min(index + 4, tokens.count)).first
            let contrast = joiner.contains(",") && opener?.lowerBound == index
                && !pairedOpeners.contains(in: tokens, from: lastCut, to: index)
            let opensClause = joiner.contains(";") || contrast || (joiner.contains(",") && opensMainClause(tokens, and: index))
            guard opensClause, index - lastCut >= minimumWords, tokens.count - index >= minimumWords else { continue }
            cuts.append(index)
            lastCut = index
        }
        guard !cuts.isEmpty else { return [sentence] }
        var spans: [TextSpan] = []
        var start = sentence.start
        for cut in cuts {
            spans.append(TextSpan(start, tokens[cut - 1].end))
            start = tokens[cut].start
        }
        spans.append(TextSpan(start, sentence.end))
        // A side that asserts nothing of its own ("…, but researchers have theories") joins the side before it.
        var merged: [TextSpan] = []
        for span in spans {
            if let last = merged.last, !standsAlone(span) {
                merged[merged.count - 1] = TextSpan(last.start, span.end)
            } else if let last = merged.last, !standsAlone(last) {
                merged[merged.count - 1] = TextSpan(last.start, span.end)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// "and" at `index`, then a subject of `clauseSubjects` and a finite verb within the three words after it.
    private func opensMainClause(_ tokens: [WordToken], and index: Int) -> Bool {
        guard tokens[index].lower == "and", index + 1 < tokens.count,
              let subject = clauseSubjects.matches(in: tokens, from: index + 1, to: min(index + 4, tokens.count)).first,
              subject.lowerBound == index + 1 else { return false }
        let verbs = tokens[subject.upperBound..<min(subject.upperBound + 3, tokens.count)]
        return verbs.contains { finiteVerbs.contains($0.lower) }
    }
}
