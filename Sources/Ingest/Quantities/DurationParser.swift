import EvidenceModel
/// Lengths of time in days: "six weeks", "10 years", "18 months", "6-week", "for a year", "one month later",
/// "by the third month", "at month 6". A range ("6 to 12 months") counts its longer end, the time the
/// study covered. Months are 30 days and years 365.25 (from `units.json`).
struct DurationParser: Sendable {
    private let table: UnitTable
    private let populationNouns: Set<String>

    init(table: UnitTable) {
        self.table = table
        populationNouns = Set(table.populationNouns.filter { !$0.contains(" ") })
    }

    func parse(_ tokens: [QuantityToken]) -> [(span: TextSpan, days: Double)] {
        var result: [(TextSpan, Double)] = []
        var index = 0
        while index < tokens.count {
            if let found = duration(tokens, at: index) {
                result.append((found.span, found.days))
                index = found.next
            } else {
                index += 1
            }
        }
        return result
    }

    private func unitDays(_ tokens: [QuantityToken], _ index: Int) -> Double? {
        guard index < tokens.count, !tokens[index].startsSentence, let word = tokens[index].word else { return nil }
        return table.durationUnits[word]
    }

    private func duration(_ tokens: [QuantityToken], at index: Int) -> (span: TextSpan, days: Double, next: Int)? {
        let token = tokens[index]
        // "by the third month", "the second week"
        if let word = token.word, let ordinal = table.ordinals[word], let days = unitDays(tokens, index + 1) {
            var start = index
            if start >= 1, tokens[start - 1].word == "the" { start -= 1 }
            if start >= 1, ["by", "in", "during", "until", "after", "from"].contains(tokens[start - 1].word ?? "") { start -= 1 }
            return (TextSpan(tokens[start].start, tokens[index + 1].end), ordinal * days, index + 2)
        }
        // "at month 6", "by week 12"
        if let days = unitDays(tokens, index), index + 1 < tokens.count, let number = tokens[index + 1].number,
           index >= 1, ["at", "by", "after", "until", "to", "through"].contains(tokens[index - 1].word ?? ""), !tokens[index + 1].startsSentence {
            return (TextSpan(tokens[index].start, tokens[index + 1].end), number * days, index + 2)
        }
        // "for a year", "a month later", "an hour"
        // ("3 days a week", "twice a month": the "a" of a frequency.)
        if token.word == "a" || token.word == "an", let days = unitDays(tokens, index + 1),
           let unit = tokens[index + 1].word, !unit.hasSuffix("s"), !isAge(tokens, index + 2), !followsCount(tokens, index) {
            return (TextSpan(token.start, tokens[index + 1].end), days, index + 2)
        }
        guard var amount = token.number, amount > 0 else { return nil }
        // The upper end of a range ("9-19 years") is read with its lower end or not at all (an age range).
        if index >= 2, tokens[index - 1].isDash || tokens[index - 1].word == "to", tokens[index - 2].number != nil { return nil }
        var cursor = index + 1
        // "6 to 12 months", "6-12 months", "two or three weeks"
        if cursor + 1 < tokens.count, tokens[cursor].isDash || tokens[cursor].word == "to" || tokens[cursor].word == "or",
           let upper = tokens[cursor + 1].number, upper > amount, unitDays(tokens, cursor + 2) != nil {
            amount = upper
            cursor += 2
        }
        if cursor < tokens.count, tokens[cursor].isDash { cursor += 1 }  // "six-week", "10-year"
        guard let days = unitDays(tokens, cursor) else { return nil }
        if isAge(tokens, cursor + 1) { return nil }
        if isFrequency(tokens, cursor + 1) { return nil }
        if index >= 1, ["aged", "age", "ages"].contains(tokens[index - 1].word ?? "") { return nil }
        // "children and adolescents 9-19 years", "adults 40 to 70 years": the ages of a population.
        if index >= 1, let noun = tokens[index - 1].word, populationNouns.contains(noun) { return nil }
        return (TextSpan(token.start, tokens[cursor].end), amount * days, cursor + 1)
    }

    /// True when the word before `index` is a unit or a count of times ("days", "twice", "times").
    private func followsCount(_ tokens: [QuantityToken], _ index: Int) -> Bool {
        guard index >= 1, let previous = tokens[index - 1].word else { return false }
        return table.durationUnits[previous] != nil || table.timesWords[previous] != nil || previous == "times"
    }

    /// "2-3 days a week", "four days per month": how often, not for how long.
    private func isFrequency(_ tokens: [QuantityToken], _ index: Int) -> Bool {
        guard index + 1 < tokens.count, !tokens[index].startsSentence, let word = tokens[index].word,
              ["a", "per", "each", "every", "an"].contains(word), let period = tokens[index + 1].word else { return false }
        return ["week", "month", "year", "fortnight"].contains(period)
    }

    /// "-old", "old", "of age": the number before was an age.
    private func isAge(_ tokens: [QuantityToken], _ index: Int) -> Bool {
        var cursor = index
        if cursor < tokens.count, tokens[cursor].isDash { cursor += 1 }
        guard cursor < tokens.count, let word = tokens[cursor].word else { return false }
        if word == "old" || word == "olds" { return true }
        return word == "of" && cursor + 1 < tokens.count && tokens[cursor + 1].word == "age"
    }
}
