import EvidenceModel
/// Counts of subjects: "4,800 elderly subjects", "one 38-year-old woman", "26 patients", "n = 120",
/// "a cohort of 1,200 adults". The population is the noun phrase after the count, without ages.
struct SampleSizeParser: Sendable {
    private let nouns: PhraseTable
    private let stopWords: Set<String>
    private let table: UnitTable

    /// How many words may stand between the count and its noun ("244 healthy postmenopausal women").
    static let maximumModifiers = 4

    init(table: UnitTable) {
        self.table = table
        nouns = PhraseTable(table.populationNouns)
        stopWords = Set(table.populationStopWords)
    }

    func parse(_ tokens: [QuantityToken], scalars: [Unicode.Scalar]) -> [(span: TextSpan, size: Int, population: String)] {
        var result: [(TextSpan, Int, String)] = []
        var index = 0
        while index < tokens.count {
            if let found = sample(tokens, at: index, scalars: scalars) {
                result.append((found.span, found.size, found.population))
                index = found.next
            } else {
                index += 1
            }
        }
        return result
    }

    private func sample(_ tokens: [QuantityToken], at index: Int, scalars: [Unicode.Scalar])
        -> (span: TextSpan, size: Int, population: String, next: Int)? {
        let token = tokens[index]
        // "n = 120", "N=1,200"
        if token.word == "n", index + 2 < tokens.count, tokens[index + 1].isSymbol("="),
           let value = tokens[index + 2].number, value >= 1, value < 10_000_000, !tokens[index + 2].isDecimal {
            return (TextSpan(token.start, tokens[index + 2].end), Int(value), "n", index + 3)
        }
        // "a very small number of humans (23)": a bracketed count right after the population noun.
        if token.isSymbol("("), index >= 1, index + 2 < tokens.count, tokens[index + 2].isSymbol(")"),
           let value = tokens[index + 1].number, value >= 2, value < 10_000_000, !tokens[index + 1].isDecimal,
           let noun = tokens[index - 1].word, nouns.match(tokens, at: index - 1)?.last == index - 1 {
            return (TextSpan(tokens[index - 1].start, tokens[index + 2].end), Int(value), noun, index + 3)
        }
        guard let value = token.number, value >= 1, value < 10_000_000, value == value.rounded(), !token.isDecimal else { return nil }
        if token.isGlued, index >= 1, tokens[index - 1].word != nil || tokens[index - 1].isDash { return nil }  // "K2", "MK-7"
        if index >= 1, let before = tokens[index - 1].word,
           ["stage", "type", "aged", "age", "grade", "class", "phase", "group", "mk", "vitamin"].contains(before) { return nil }
        if index >= 1, tokens[index - 1].isSymbol("$", "£", "€", "#") { return nil }
        // "half a million people": a fraction of the number, and never an exact count.
        if index >= 1, tokens[index - 1].word == "half" || index >= 2 && tokens[index - 1].word == "a" && tokens[index - 2].word == "half" {
            return nil
        }
        // "one extra case for every 255 patients treated": a rate's denominator, not a population.
        if index >= 1, ["every", "per", "each"].contains(tokens[index - 1].word ?? "") { return nil }
        // "In 2007 patients …": a bare four-digit year after a preposition is a date.
        if value >= 1900, value <= 2100, !token.isWordNumber, !scalars[token.start..<token.end].contains(","), index >= 1,
           ["in", "since", "by", "from", "until", "during", "of", "to", "after", "before"].contains(tokens[index - 1].word ?? "") {
            return nil
        }
        var cursor = index + 1
        var modifiers: [String] = []
        var words = 0
        while cursor < tokens.count, !tokens[cursor].startsSentence {
            if let noun = nouns.match(tokens, at: cursor) {
                // "elderly subjects", "dialysis patients": a noun may be followed by the real head noun.
                var last = noun.last
                while let more = nouns.match(tokens, at: last + 1), !tokens[last + 1].startsSentence { last = more.last }
                let span = TextSpan(token.start, tokens[last].end)
                var population = modifiers
                population.append(String(scalars[tokens[cursor].start..<tokens[last].end].map(Character.init)))
                return (span, Int(value), population.joined(separator: " "), last + 1)
            }
            guard words < Self.maximumModifiers else { return nil }
            let current = tokens[cursor]
            if let word = current.word {
                if stopWords.contains(word) || table.massUnits[word] != nil || table.durationUnits[word] != nil && !current.isGlued
                    && !(cursor + 1 < tokens.count && tokens[cursor + 1].isDash) {
                    return nil
                }
                if let age = ageCompoundEnd(tokens, cursor) {
                    cursor = age + 1
                    words += 1
                    continue
                }
                modifiers.append(String(scalars[current.start..<current.end].map(Character.init)))
                words += 1
            } else if current.number != nil, cursor == index + 1, let age = ageCompoundEnd(tokens, cursor + 2), tokens[cursor + 1].isDash {
                // "212 14-year-olds": the age compound is itself the population's noun.
                if tokens[age].word == "olds" {
                    let population = modifiers + [String(scalars[current.start..<tokens[age].end].map(Character.init))]
                    return (TextSpan(token.start, tokens[age].end), Int(value), population.joined(separator: " "), age + 1)
                }
                cursor = age + 1  // "one 38-year-old woman"
                words += 1
                continue
            } else if current.isDash, current.isGlued, modifiers.isEmpty, cursor == index + 1, cursor + 1 < tokens.count, tokens[cursor + 1].isGlued,
                      let noun = nouns.match(tokens, at: cursor + 1), noun.last == cursor + 1 {
                // "a 20-patient trial", "a 500-person survey": the count and its noun in one compound.
                let population = String(scalars[tokens[cursor + 1].start..<tokens[noun.last].end].map(Character.init))
                return (TextSpan(token.start, tokens[noun.last].end), Int(value), population, noun.last + 1)
            } else if current.isDash, !modifiers.isEmpty {
                modifiers[modifiers.count - 1] += "-"  // "non-dialyzed"
                cursor += 1
                if cursor < tokens.count, let word = tokens[cursor].word, tokens[cursor].isGlued {
                    modifiers[modifiers.count - 1] += String(scalars[tokens[cursor].start..<tokens[cursor].end].map(Character.init))
                    _ = word
                    cursor += 1
                }
                continue
            } else {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    /// At a "year" of "38-year-old" or "14-year-olds" (the number before is not ours), the index of "old(s)".
    private func ageCompoundEnd(_ tokens: [QuantityToken], _ index: Int) -> Int? {
        guard index < tokens.count, let word = tokens[index].word, ["year", "years", "month", "months", "week", "weeks"].contains(word),
              index + 2 < tokens.count, tokens[index + 1].isDash, ["old", "olds"].contains(tokens[index + 2].word ?? "") else { return nil }
        return index + 2
    }
}
