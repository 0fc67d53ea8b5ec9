import EvidenceModel
/// Doses: an amount with a mass unit (or IU), an optional pill count before it and an optional frequency
/// after it, converted to micrograms per administration and per day.
///
/// Ranges ("90-360 μg daily") keep their text but get no single value: the contract's `mcg_per_day` is one
/// number, and neither end of a range is the dose anyone took; `DoseRange` gives both ends.
struct DoseParser: Sendable {
    struct Parsed: Sendable {
        var span: TextSpan
        /// Micrograms per administration; for a range, its lower end.
        var low: Double?
        /// For a range, its upper end.
        var high: Double?
        var perDay: Double?
    }

    private let table: UnitTable
    private let iuUnits: PhraseTable
    private let frequencyPhrases: PhraseTable
    private let administrationNouns: PhraseTable
    private let conversions: [(PhraseTable, Double)]

    init(table: UnitTable) {
        self.table = table
        iuUnits = PhraseTable(table.iuUnits)
        frequencyPhrases = PhraseTable(table.frequencyPhrases)
        administrationNouns = PhraseTable(table.administrationNouns)
        conversions = table.iuConversions.map { (PhraseTable($0.words), $0.mcgPerIU) }
    }

    func parse(_ tokens: [QuantityToken]) -> [Parsed] {
        var result: [Parsed] = []
        var index = 0
        while index < tokens.count {
            if let parsed = dose(tokens, at: index) {
                result.append(parsed.dose)
                index = parsed.next
            } else {
                index += 1
            }
        }
        return result
    }

    private enum Unit {
        case mass(Double)
        case iu
    }

    /// A unit starting at `index`: its kind and the index of its last token.
    private func unitAt(_ tokens: [QuantityToken], at index: Int) -> (Unit, Int)? {
        guard index < tokens.count, !tokens[index].startsSentence else { return nil }
        if let word = tokens[index].word, let factor = table.massUnits[word] { return (.mass(factor), index) }
        if let match = iuUnits.match(tokens, at: index) { return (.iu, match.last) }
        return nil
    }

    private func dose(_ tokens: [QuantityToken], at index: Int) -> (dose: Parsed, next: Int)? {
        guard let amount = tokens[index].number, amount > 0 else { return nil }
        var high: Double?
        var cursor = index + 1
        // "90-360 μg", "90 to 360 mcg"
        if cursor + 1 < tokens.count, tokens[cursor].isDash || tokens[cursor].word == "to",
           let upper = tokens[cursor + 1].number, upper > amount, unitAt(tokens, at: cursor + 2) != nil {
            high = upper
            cursor += 2
        }
        guard let (unit, unitLast) = unitAt(tokens, at: cursor) else { return nil }
        cursor = unitLast + 1
        // "90 mcg to 360 mcg"
        if high == nil, cursor + 2 < tokens.count, tokens[cursor].isDash || tokens[cursor].word == "to",
           let upper = tokens[cursor + 1].number, upper > amount, let (_, last) = unitAt(tokens, at: cursor + 2) {
            high = upper
            cursor = last + 1
        }
        // A concentration ("2.5 mg/dL") is a level, not a dose; per kilogram needs a body weight.
        var perKilogram = false
        if cursor + 1 < tokens.count, tokens[cursor].isSymbol("/"), let word = tokens[cursor + 1].word {
            if ["dl", "l", "ml", "cl", "litre", "liter", "mmol"].contains(word) { return nil }
            if ["kg", "kilogram", "bw"].contains(word) {
                perKilogram = true
                cursor += 2
            }
        }
        var start = index
        var count = 1.0
        // "2 90 mcg pills", "2 x 90 mcg", "two 90 mcg capsules"
        if index >= 1, let before = tokens[index - 1].number, !tokens[index].isGlued, isPillCount(tokens, index - 1, before) {
            count = before
            start = index - 1
        } else if index >= 2, isTimesSign(tokens[index - 1]), let before = tokens[index - 2].number, isPillCount(tokens, index - 2, before) {
            count = before
            start = index - 2
        }
        var end = cursor - 1
        if let noun = administrationNouns.match(tokens, at: cursor) {
            end = noun.last
            cursor = noun.last + 1
        }
        var perDay: Double?
        var scan = cursor
        // The frequency may follow after a few words ("360 mcg of MK-7 daily"), but not past another amount.
        while scan < tokens.count, scan <= cursor + 5, !tokens[scan].startsSentence {
            if let frequency = frequency(tokens, at: scan) {
                perDay = frequency.perDay
                end = frequency.last
                break
            }
            if tokens[scan].number != nil, unitAt(tokens, at: scan + 1) != nil { break }
            if tokens[scan].isSymbol(";", "(", ")", ":") { break }
            scan += 1
        }
        if perDay == nil, hasDailyBefore(tokens, start) { perDay = 1 }
        var factor: Double?
        switch unit {
        case .mass(let micrograms): factor = micrograms
        case .iu: factor = iuFactor(tokens, from: start, to: min(tokens.count - 1, unitLast + 5))
        }
        let span = TextSpan(tokens[start].start, tokens[end].end)
        guard let factor, !perKilogram else {
            return (Parsed(span: span, low: nil, high: nil, perDay: perDay), end + 1)
        }
        return (Parsed(span: span, low: amount * factor * count, high: high.map { $0 * factor * count }, perDay: perDay), end + 1)
    }

    /// A count of pills is a small whole number standing alone before the amount.
    private func isPillCount(_ tokens: [QuantityToken], _ index: Int, _ value: Double) -> Bool {
        guard value >= 1, value <= 20, value == value.rounded(), !tokens[index].isDecimal else { return false }
        if index > 0, tokens[index].isGlued, !tokens[index - 1].isSymbol("(") { return false }  // "K2 90 mcg" is not two pills
        return !tokens[index + 1].startsSentence
    }

    private func isTimesSign(_ token: QuantityToken) -> Bool {
        token.word == "x" || token.isSymbol("x", "*")
    }

    /// A frequency starting at `index`, in administrations per day.
    func frequency(_ tokens: [QuantityToken], at index: Int) -> (perDay: Double, last: Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        // "/day", "/d", "/week"
        if token.isSymbol("/"), index + 1 < tokens.count, let word = tokens[index + 1].word, let days = table.periodDays[word] {
            return (1 / days, index + 1)
        }
        // "twice a day", "two times a day", "2 x day", "3x/week", "once daily", "three times weekly"
        var times: Double?
        var next = index + 1
        if let word = token.word, let value = table.timesWords[word] {
            times = value
        } else if let value = token.number, value >= 1, value <= 12, next < tokens.count,
                  tokens[next].word == "times" || tokens[next].word == "x" || tokens[next].isSymbol("x", "*") {
            times = value
            next += 1
        }
        if let times {
            if next < tokens.count, let word = tokens[next].word, let perDay = table.frequencyWords[word] {
                return (times * perDay, next)
            }
            var period = next
            if period < tokens.count, ["a", "an", "per", "each", "every", "/", "in", "the"].contains(tokens[period].phraseWord ?? "") { period += 1 }
            if period < tokens.count, tokens[period].word == "the" { period += 1 }
            if period < tokens.count, let word = tokens[period].word, let days = table.periodDays[word] {
                return (times / days, period)
            }
            return nil
        }
        // "every 3 days", "every two weeks"
        if token.word == "every", index + 2 < tokens.count, let number = tokens[index + 1].number, number > 0,
           let word = tokens[index + 2].word, let days = table.periodDays[word] {
            return (1 / (number * days), index + 2)
        }
        if let phrase = frequencyPhrases.match(tokens, at: index) { return (phrase.value, phrase.last) }
        if let word = token.word, let perDay = table.frequencyWords[word] { return (perDay, index) }
        return nil
    }

    /// "a daily dose of 180 µg", "daily intake of 45 micrograms"
    private func hasDailyBefore(_ tokens: [QuantityToken], _ start: Int) -> Bool {
        var index = start - 1
        while index >= 0, index >= start - 4 {
            if tokens[index + 1].startsSentence { return false }
            if tokens[index].word == "daily" { return true }
            if tokens[index].number != nil { return false }
            index -= 1
        }
        return false
    }

    /// Micrograms per IU when a substance with a known conversion is named close to the dose.
    private func iuFactor(_ tokens: [QuantityToken], from start: Int, to end: Int) -> Double? {
        let low = max(0, start - 6)
        guard low <= end else { return nil }
        for index in low...end {
            for (words, factor) in conversions where words.match(tokens, at: index) != nil { return factor }
        }
        return nil
    }
}
