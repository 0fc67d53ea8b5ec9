import EvidenceModel
/// Sizes of effect: a percentage tied to a change ("56% less progression", "over 37 % reduction",
/// "reduced by 50%", "a 30 percent lower risk"), a fraction after a verb of change ("reduced by a third"),
/// or a ratio ("hazard ratio 0.43", "HR 0.43"). `percent` is the magnitude; the direction is in the words.
/// Ratios have no percent. Percentages with no word of change ("45-80%", "95% CI") are not effects.
struct EffectSizeParser: Sendable {
    private let effectWords: Set<String>
    private let effectVerbs: Set<String>
    private let qualifiers: PhraseTable
    private let fractions: PhraseTable
    private let ratios: PhraseTable

    /// How many words before a percentage a verb of change may stand ("reduced calcification by 50%").
    static let verbReach = 5

    init(table: UnitTable) {
        effectWords = Set(table.effectWords)
        effectVerbs = Set(table.effectVerbs)
        qualifiers = PhraseTable(table.effectQualifiers)
        fractions = PhraseTable(table.fractions)
        ratios = PhraseTable(table.ratioNames)
    }

    func parse(_ tokens: [QuantityToken], scalars: [Unicode.Scalar]) -> [(span: TextSpan, percent: Double?)] {
        var result: [(TextSpan, Double?)] = []
        var index = 0
        while index < tokens.count {
            if let found = percentage(tokens, at: index) ?? fraction(tokens, at: index) ?? ratio(tokens, at: index, scalars: scalars) {
                result.append((found.span, found.percent))
                index = found.next
            } else {
                index += 1
            }
        }
        return result
    }

    private func percentage(_ tokens: [QuantityToken], at index: Int) -> (span: TextSpan, percent: Double?, next: Int)? {
        guard let value = tokens[index].number else { return nil }
        var cursor = index + 1
        guard cursor < tokens.count else { return nil }
        if tokens[cursor].isSymbol("%") || tokens[cursor].word == "percent" {
            cursor += 1
        } else if tokens[cursor].word == "per", cursor + 1 < tokens.count, tokens[cursor + 1].word == "cent" {
            cursor += 2
        } else {
            return nil
        }
        // A range ("45-80%") or a confidence level ("95% CI") is not an effect.
        if index >= 1, tokens[index - 1].isDash, index >= 2, tokens[index - 2].number != nil { return nil }
        if let next = tokens.indices.contains(cursor) ? tokens[cursor].word : nil, ["ci", "confidence"].contains(next) { return nil }
        let start = qualifierStart(tokens, before: index)
        // After: "56% less progression", "37 % reduction", "50% decreased"
        var end: Int?
        var look = cursor
        while look < tokens.count, look < cursor + 3, !tokens[look].startsSentence, let word = tokens[look].word {
            if effectWords.contains(word) { end = look }
            else if end != nil { break }
            look += 1
        }
        if let end { return (TextSpan(tokens[start].start, tokens[end].end), value, end + 1) }
        // Before: "reduced by 50%", "a reduction of 37%"
        if let verb = verbBefore(tokens, index: start) {
            return (TextSpan(tokens[verb].start, tokens[cursor - 1].end), value, cursor)
        }
        return nil
    }

    /// "reduced by a third", "cut by half"
    private func fraction(_ tokens: [QuantityToken], at index: Int) -> (span: TextSpan, percent: Double?, next: Int)? {
        guard tokens[index].word == "by", let match = fractions.match(tokens, at: index + 1),
              let verb = verbBefore(tokens, index: index + 1) else { return nil }
        return (TextSpan(tokens[verb].start, tokens[match.last].end), match.value, match.last + 1)
    }

    /// "hazard ratio 0.43", "HR = 0.43", "odds ratio of 1.5"
    private func ratio(_ tokens: [QuantityToken], at index: Int, scalars: [Unicode.Scalar]) -> (span: TextSpan, percent: Double?, next: Int)? {
        guard let match = ratios.match(tokens, at: index) else { return nil }
        // Short names ("HR", "OR") count only in capitals: "or 0.5" is a conjunction.
        if match.last == index, tokens[index].end - tokens[index].start <= 3,
           scalars[tokens[index].start..<tokens[index].end].contains(where: { $0.properties.isLowercase }) { return nil }
        var cursor = match.last + 1
        while cursor < tokens.count, cursor <= match.last + 3,
              tokens[cursor].isSymbol("=", ":", ",", "(") || ["of", "was", "is", "adjusted"].contains(tokens[cursor].word ?? "") {
            cursor += 1
        }
        guard cursor < tokens.count, tokens[cursor].number != nil, !tokens[cursor].startsSentence else { return nil }
        return (TextSpan(tokens[index].start, tokens[cursor].end), nil, cursor + 1)
    }

    /// A qualifier before the number ("over", "up to", "a") joins the span.
    private func qualifierStart(_ tokens: [QuantityToken], before index: Int) -> Int {
        for length in 1...2 where index - length >= 0 {
            if let match = qualifiers.match(tokens, at: index - length), match.last == index - 1, !tokens[index].startsSentence {
                return index - length
            }
        }
        return index
    }

    /// The index of a verb or noun of change up to `verbReach` words before, reached through "by" or "of".
    private func verbBefore(_ tokens: [QuantityToken], index: Int) -> Int? {
        guard index >= 1, ["by", "of"].contains(tokens[index - 1].word ?? "") else { return nil }
        var look = index - 2
        while look >= 0, look >= index - 1 - Self.verbReach {
            if tokens[look + 1].startsSentence { return nil }
            if let word = tokens[look].word, effectVerbs.contains(word) || effectWords.contains(word) { return look }
            if tokens[look].number != nil { return nil }
            look -= 1
        }
        return nil
    }
}
