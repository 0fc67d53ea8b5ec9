import EvidenceModel
/// Ages in years: "38-year-old", "37 years old", "aged 65 and over", "65 years of age", "mean age of 62",
/// "I'm only 37", "in their 60s", "6-month-old". For an age range the lower end is taken.
struct AgeParser: Sendable {
    func parse(_ tokens: [QuantityToken]) -> [(span: TextSpan, years: Double)] {
        var result: [(TextSpan, Double)] = []
        var index = 0
        while index < tokens.count {
            if let found = age(tokens, at: index) {
                result.append((found.span, found.years))
                index = found.next
            } else {
                index += 1
            }
        }
        return result
    }

    private func word(_ tokens: [QuantityToken], _ index: Int) -> String? {
        index >= 0 && index < tokens.count ? tokens[index].word : nil
    }

    private func age(_ tokens: [QuantityToken], at index: Int) -> (span: TextSpan, years: Double, next: Int)? {
        let token = tokens[index]
        // "aged 65 and over", "aged 60-75", "age of 62", "ages 40 to 60", "at age 40"
        if let first = token.word, ["aged", "age", "ages"].contains(first) {
            var cursor = index + 1
            // "age of 62", "age was 67", "aged between 60 and 75", "aged ≥65", "aged over 70"
            while cursor < index + 4, cursor < tokens.count, !tokens[cursor].startsSentence,
                  ["of", "between", "was", "is", "were", "over", "under", "above", "at", "least", "range", "from"].contains(word(tokens, cursor) ?? "")
                    || tokens[cursor].isSymbol("\u{2265}", "\u{2264}", ">", "<", "=", ":", "~") {
                cursor += 1
            }
            guard cursor < tokens.count, let value = tokens[cursor].number, value > 0, value < 130, !tokens[cursor].startsSentence else { return nil }
            var end = cursor
            // "67 ± 8 years": the spread belongs to the age
            if end + 2 < tokens.count, tokens[end + 1].isSymbol("\u{00B1}"), tokens[end + 2].number != nil { end += 2 }
            if end + 2 < tokens.count, tokens[end + 1].isDash || ["to", "and"].contains(word(tokens, end + 1) ?? ""), tokens[end + 2].number != nil {
                end += 2
            }
            if ["year", "years"].contains(word(tokens, end + 1) ?? "") { end += 1 }
            if ["and", "or"].contains(word(tokens, end + 1) ?? ""), ["over", "older", "above", "up", "under", "younger", "below"].contains(word(tokens, end + 2) ?? "") {
                end += 2
            }
            return (TextSpan(token.start, tokens[end].end), value, end + 1)
        }
        // "I'm only 37", "I am 37"
        if token.word == "i'm" || (token.word == "i" && word(tokens, index + 1) == "am") {
            var cursor = index + (token.word == "i'm" ? 1 : 2)
            if ["only", "just", "now", "nearly", "almost", "about", "over"].contains(word(tokens, cursor) ?? "") { cursor += 1 }
            guard cursor < tokens.count, let value = tokens[cursor].number, value >= 1, value < 120, !tokens[cursor].isDecimal else { return nil }
            // "I'm 5 weeks in" or "I'm 90 mcg short" is not an age.
            if let after = word(tokens, cursor + 1), !["years", "year", "yrs", "and", "but", "so", "now", "with", "in", "myself"].contains(after),
               !tokens[cursor + 1].startsSentence, !tokens[cursor + 1].isGlued { return nil }
            var end = cursor
            if ["years", "year", "yrs"].contains(word(tokens, end + 1) ?? "") {
                end += 1
                if word(tokens, end + 1) == "old" { end += 1 }
            }
            return (TextSpan(token.start, tokens[end].end), value, end + 1)
        }
        // "in their 60s", "in his 70s"
        if token.word == "in", ["their", "his", "her", "my", "our", "your", "the"].contains(word(tokens, index + 1) ?? ""),
           index + 3 < tokens.count, let decade = tokens[index + 2].number, decade >= 10, decade < 110,
           tokens[index + 3].word == "s" || tokens[index + 3].word == "'s" {
            return (TextSpan(token.start, tokens[index + 3].end), decade, index + 4)
        }
        guard let value = token.number, value > 0, value < 130 else { return nil }
        // "38-year-old", "37 years old", "6-month-old", "65 years of age"
        var cursor = index + 1
        if cursor < tokens.count, tokens[cursor].isDash { cursor += 1 }
        guard let unit = word(tokens, cursor) else { return nil }
        let divisor: Double
        switch unit {
        case "year", "years", "yr", "yrs": divisor = 1
        case "month", "months": divisor = 12
        case "week", "weeks": divisor = 52
        default: return nil
        }
        var next = cursor + 1
        if next < tokens.count, tokens[next].isDash { next += 1 }
        if word(tokens, next) == "old" || word(tokens, next) == "olds" {
            return (TextSpan(token.start, tokens[next].end), value / divisor, next + 1)
        }
        if word(tokens, cursor + 1) == "of", word(tokens, cursor + 2) == "age" {
            return (TextSpan(token.start, tokens[cursor + 2].end), value / divisor, cursor + 3)
        }
        return nil
    }
}
