import EvidenceModel
/// A token of text as the quantity parsers see it: a number (digits, or number words already added up),
/// a word, or a single symbol.
struct QuantityToken: Sendable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case word(String)
        case symbol(Unicode.Scalar)
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// No space between this token and the one before ("45mcg", "38-year").
    var isGlued: Bool
    /// A sentence ends between this token and the one before (a period, a question mark, a blank line).
    var startsSentence: Bool
    /// The number was written in words ("six", "twenty-five").
    var isWordNumber = false
    /// The number had a decimal point.
    var isDecimal = false

    var number: Double? { if case .number(let value) = kind { return value } else { return nil } }
    var word: String? { if case .word(let text) = kind { return text } else { return nil } }

    func isSymbol(_ scalars: Unicode.Scalar...) -> Bool {
        if case .symbol(let symbol) = kind { return scalars.contains(symbol) }
        return false
    }

    /// The token as a word of a phrase table: words as they are, "/" and "x" kept, numbers spelled in digits.
    var phraseWord: String? {
        switch kind {
        case .word(let text): return text
        case .symbol(let scalar): return scalar == "/" || scalar == "%" ? String(Character(scalar)) : nil
        case .number(let value): return value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : nil
        }
    }

    /// A hyphen or dash (a range "90-360", or a compound "six-week").
    var isDash: Bool { isSymbol("-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}") }
}

enum QuantityTokenizer {
    /// Tokens of `span`. Number words are combined into numbers when `table` is given.
    static func tokens(_ scalars: [Unicode.Scalar], in span: TextSpan, table: UnitTable?) -> [QuantityToken] {
        var raw: [QuantityToken] = []
        let end = min(span.end, scalars.count)
        var position = max(0, span.start)
        var glued = false
        var sentenceBreak = true
        while position < end {
            let scalar = scalars[position]
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || (!scalar.isASCII && scalar.properties.isWhitespace) {
                if scalar == "\n", position + 1 < end, scalars[position + 1] == "\n" { sentenceBreak = true }
                glued = false
                position += 1
                continue
            }
            let start = position
            if isDigit(scalar) {
                var value = 0.0
                var decimals = false
                var scale = 1.0
                while position < end {
                    let current = scalars[position]
                    if isDigit(current) {
                        let digit = Double(current.value - 48)
                        if decimals { scale /= 10; value += digit * scale } else { value = value * 10 + digit }
                        position += 1
                    } else if current == ",", !decimals, position + 3 < end + 1, isThousandsGroup(scalars, position + 1, end) {
                        position += 1  // "4,800": a thousands separator, never a decimal comma in English text
                    } else if current == ".", !decimals, position + 1 < end, isDigit(scalars[position + 1]) {
                        decimals = true
                        position += 1
                    } else {
                        break
                    }
                }
                var token = QuantityToken(kind: .number(value), start: start, end: position, isGlued: glued, startsSentence: sentenceBreak)
                token.isDecimal = decimals
                raw.append(token)
            } else if isWordScalar(scalar) {
                while position < end, isWordScalar(scalars[position]) || (scalars[position] == "." && isAbbreviationDot(scalars, position, end)) {
                    position += 1
                }
                raw.append(QuantityToken(kind: .word(lowerCaseWord(scalars, start, position)), start: start, end: position,
                                         isGlued: glued, startsSentence: sentenceBreak))
            } else {
                position += 1
                raw.append(QuantityToken(kind: .symbol(normaliseSymbol(scalar)), start: start, end: position, isGlued: glued, startsSentence: sentenceBreak))
            }
            sentenceBreak = false
            if scalar == "." || scalar == "?" || scalar == "!" || scalar == ";" {
                // Only a period that ends a word ends a sentence; the token itself belongs to the old one.
                if position == start + 1 { sentenceBreak = true }
            }
            glued = true
        }
        guard let table else { return raw }
        return combineNumberWords(raw, table: table)
    }

    /// The words of a phrase from the units file ("twice a day" → ["twice", "a", "day"]).
    static func words(of phrase: String) -> [String] {
        let scalars = Array(phrase.unicodeScalars)
        return tokens(scalars, in: TextSpan(0, scalars.count), table: nil).compactMap(\.phraseWord)
    }

    /// "twenty-five" → 25, "one hundred" → 100, "4 thousand" → 4000, "a hundred" → 100.
    private static func combineNumberWords(_ raw: [QuantityToken], table: UnitTable) -> [QuantityToken] {
        var result: [QuantityToken] = []
        result.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let token = raw[index]
            var value: Double?
            if let word = token.word, let number = table.numberWords[word] { value = number }
            if let word = token.word, table.numberScales[word] != nil { value = 1 }  // "hundred" alone
            guard var total = value else {
                result.append(token)
                index += 1
                continue
            }
            var last = index
            var current = table.numberScales[token.word ?? ""] ?? total
            total = 0
            var next = index + 1
            while next < raw.count {
                var look = next
                if raw[look].isDash, look + 1 < raw.count { look += 1 }  // "twenty-five"
                guard let word = raw[look].word, !raw[look].startsSentence else { break }
                if let scale = table.numberScales[word] {
                    current = max(current, 1) * scale
                    if scale >= 1000 { total += current; current = 0 }
                } else if let small = table.numberWords[word], small >= 1, small < 100,
                          (current >= 100 && current.truncatingRemainder(dividingBy: 100) == 0)
                            || (small < 10 && current.truncatingRemainder(dividingBy: 100) >= 20
                                && current.truncatingRemainder(dividingBy: 10) == 0) {
                    current += small  // "twenty five", "hundred twenty"
                } else if word == "and", look + 1 < raw.count, let after = raw[look + 1].word, table.numberWords[after] != nil, current >= 100 {
                    next = look + 1  // "one hundred and five"
                    continue
                } else {
                    break
                }
                last = look
                next = look + 1
            }
            total += current
            var combined = QuantityToken(kind: .number(total), start: token.start, end: raw[last].end, isGlued: token.isGlued,
                                         startsSentence: token.startsSentence)
            combined.isWordNumber = true
            result.append(combined)
            index = last + 1
        }
        return result
    }

    private static func isThousandsGroup(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        guard start + 3 <= end else { return false }
        for index in start..<(start + 3) where !isDigit(scalars[index]) { return false }
        return start + 3 == end || !isDigit(scalars[start + 3])
    }

    /// "b.i.d", "a.m.", "I.U.": a period between single letters stays inside the word.
    private static func isAbbreviationDot(_ scalars: [Unicode.Scalar], _ position: Int, _ end: Int) -> Bool {
        guard position + 1 < end, isWordScalar(scalars[position + 1]) else { return false }
        let before = position > 0 ? scalars[position - 1] : " "
        let twoBefore = position > 1 ? scalars[position - 2] : " "
        let after2 = position + 2 < end ? scalars[position + 2] : " "
        return !isWordScalar(twoBefore) && isWordScalar(before) && !isWordScalar(after2) || (after2 == "." && !isWordScalar(twoBefore))
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// A word in lower case with µ/μ read as "u"; built byte by byte for ASCII, which is nearly every word,
    /// because the generic String paths cost more than all the parsing.
    private static func lowerCaseWord(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var ascii = true
        for index in start..<end where !scalars[index].isASCII {
            ascii = false
            break
        }
        guard ascii else {
            var word = String()
            for index in start..<end { word.unicodeScalars.append(normalise(scalars[index])) }
            return word.lowercased()
        }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) {
                let byte = UInt8(truncatingIfNeeded: scalars[start + offset].value)
                buffer[offset] = byte >= 65 && byte <= 90 ? byte + 32 : byte
            }
            return end - start
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "'" }
        if scalar == "\u{2019}" { return true }
        return scalar.properties.isAlphabetic
    }

    /// µ (micro sign) and μ (Greek mu) both read as "u", so "µg", "μg" and "ug" are one unit; curly
    /// apostrophes read as straight ones.
    private static func normalise(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{00B5}", "\u{03BC}": return "u"
        case "\u{2019}": return "'"
        default: return scalar
        }
    }

    private static func normaliseSymbol(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{00D7}": return "x"  // ×
        case "\u{2215}", "\u{2044}": return "/"
        case "\u{FF05}": return "%"
        default: return scalar
        }
    }
}
