import EvidenceModel
/// Finds calendar dates in text and writes them as ISO 8601 with only the precision the text gives.
///
/// Forms: "2006-12-07", "2006/12/07", "2006-12"; "19th March 2007", "11 Mar. 2025", "3rd of May, 2019";
/// "March 11, 2025", "Sept. 19th 2025", "Jan 3, 2019"; "April 2024" → "2024-04"; "12/07/2006"; "12-Feb-2024";
/// "2021 Jan 18".
///
/// Numeric dates with slashes or dashes are ambiguous between the American month-first and the European
/// day-first reading. When one field is over 12 (or both are equal) it decides; otherwise only the year is
/// certain, and only the year is given ("12/07/2006" → "2006"): a date is written with the precision the text
/// gives, and a guessed month would be a wrong fact half of the time. Dates with dots ("07.12.2006") are read
/// day-first, the convention of the countries that write them so.
struct FoundDate: Sendable, Hashable {
    var iso: String
    /// Scalar offsets of the date in the text.
    var span: TextSpan
}

enum DateParser {
    private struct Token {
        enum Kind { case number, word, punct }
        var kind: Kind
        var start: Int
        var end: Int
        var value = 0
        var digits = 0
        var text = ""
        var ordinal = false
        var scalar: Unicode.Scalar = " "
    }

    /// Month names and abbreviations (`lexicon/dates.json`).
    static let months: [String: Int] = MonthNames.standard

    /// Every date in `range` of `scalars`, in text order.
    static func dates(in scalars: [Unicode.Scalar], range: TextSpan) -> [FoundDate] {
        let tokens = tokenize(scalars, range)
        var found: [FoundDate] = []
        var t = 0
        while t < tokens.count {
            if let (date, next) = match(tokens, at: t) {
                found.append(date)
                t = next
            } else {
                t += 1
            }
        }
        return found
    }

    static func dates(in text: String) -> [FoundDate] {
        let scalars = Array(text.unicodeScalars)
        return dates(in: scalars, range: TextSpan(0, scalars.count))
    }

    private static func tokenize(_ s: [Unicode.Scalar], _ range: TextSpan) -> [Token] {
        var tokens: [Token] = []
        var i = max(0, range.start)
        let end = min(range.end, s.count)
        while i < end {
            let c = s[i]
            if ScalarKind.isDigit(c) {
                var token = Token(kind: .number, start: i, end: i)
                while i < end, ScalarKind.isDigit(s[i]) {
                    if token.digits < 9 { token.value = token.value * 10 + Int(s[i].value - 48) }
                    token.digits += 1
                    i += 1
                }
                // "19th", "1st", "22nd", "3rd".
                if i + 1 < end, ScalarKind.isLetter(s[i]), ScalarKind.isLetter(s[i + 1]), i + 2 >= end || !ScalarKind.isLetter(s[i + 2]) {
                    let suffix = String(String.UnicodeScalarView([ScalarKind.lowerASCII(s[i]), ScalarKind.lowerASCII(s[i + 1])]))
                    if suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" {
                        token.ordinal = true
                        i += 2
                    }
                }
                token.end = i
                tokens.append(token)
            } else if ScalarKind.isLetter(c) {
                var token = Token(kind: .word, start: i, end: i)
                var text = String()
                while i < end, ScalarKind.isLetter(s[i]) {
                    if text.unicodeScalars.count < 12 { text.unicodeScalars.append(ScalarKind.lowerASCII(s[i])) }
                    i += 1
                }
                token.end = i
                token.text = text
                tokens.append(token)
            } else if ScalarKind.isWhitespace(c) {
                i += 1
            } else {
                tokens.append(Token(kind: .punct, start: i, end: i + 1, scalar: c))
                i += 1
            }
        }
        return tokens
    }

    private static func month(_ token: Token) -> Int? {
        token.kind == .word ? months[token.text] : nil
    }

    private static func isYear(_ token: Token) -> Bool {
        token.kind == .number && token.digits == 4 && !token.ordinal && token.value >= 1800 && token.value <= 2199
    }

    private static func isDay(_ token: Token) -> Bool {
        token.kind == .number && token.digits <= 2 && token.value >= 1 && token.value <= 31
    }

    private static func punct(_ tokens: [Token], _ t: Int, _ allowed: Set<Unicode.Scalar>) -> Bool {
        t < tokens.count && tokens[t].kind == .punct && allowed.contains(tokens[t].scalar)
    }

    /// True when tokens t and t+1 touch (no space between): numeric dates are written without spaces.
    private static func adjacent(_ tokens: [Token], _ t: Int) -> Bool {
        t + 1 < tokens.count && tokens[t].end == tokens[t + 1].start
    }

    private static func match(_ tokens: [Token], at t: Int) -> (FoundDate, Int)? {
        let first = tokens[t]
        // Not the tail of a longer number ("12.2006-01" or a phone number).
        if first.kind == .number, t > 0, tokens[t - 1].end == first.start,
           tokens[t - 1].kind == .number || tokens[t - 1].kind == .punct && (tokens[t - 1].scalar == "." || tokens[t - 1].scalar == "/" || tokens[t - 1].scalar == "-") {
            return nil
        }
        // ISO: 2006-12-07, 2006/12/07, 2006-12.
        if isYear(first), punct(tokens, t + 1, ["-", "/"]), adjacent(tokens, t), adjacent(tokens, t + 1), t + 2 < tokens.count {
            let sep = tokens[t + 1].scalar
            let m = tokens[t + 2]
            if m.kind == .number, m.digits <= 2, !m.ordinal, (1...12).contains(m.value) {
                if punct(tokens, t + 3, [sep]), adjacent(tokens, t + 2), adjacent(tokens, t + 3), t + 4 < tokens.count {
                    let d = tokens[t + 4]
                    if isDay(d), !d.ordinal, !continuesNumber(tokens, t + 4), let iso = iso(first.value, m.value, d.value) {
                        return (FoundDate(iso: iso, span: TextSpan(first.start, d.end)), t + 5)
                    }
                    return nil
                }
                if sep == "-", !continuesNumber(tokens, t + 2) {
                    return (FoundDate(iso: iso(first.value, m.value), span: TextSpan(first.start, m.end)), t + 3)
                }
            }
            return nil
        }
        // Numeric day and month first: 12/07/2006, 07.12.2006.
        if first.kind == .number, first.digits <= 2, !first.ordinal, punct(tokens, t + 1, ["/", ".", "-"]),
           adjacent(tokens, t), adjacent(tokens, t + 1), t + 4 < tokens.count, tokens[t + 2].kind == .number {
            let sep = tokens[t + 1].scalar
            let second = tokens[t + 2]
            if second.kind == .number, second.digits <= 2, punct(tokens, t + 3, [sep]), adjacent(tokens, t + 2),
               adjacent(tokens, t + 3), isYear(tokens[t + 4]), !continuesNumber(tokens, t + 4) {
                let a = first.value, b = second.value
                let year = tokens[t + 4].value
                let span = TextSpan(first.start, tokens[t + 4].end)
                // Both readings possible: only the year is certain.
                if sep != ".", a <= 12, b <= 12, a != b, a >= 1, b >= 1 {
                    return (FoundDate(iso: String(year), span: span), t + 5)
                }
                var month = a, day = b
                if sep == "." || a > 12 { month = b; day = a }
                if let iso = iso(year, month, day) {
                    return (FoundDate(iso: iso, span: span), t + 5)
                }
            }
            return nil
        }
        // Year Month Day, as PubMed writes an online date: "Epub 2021 Jan 18".
        if isYear(first), t + 2 < tokens.count, let m = month(tokens[t + 1]), isDay(tokens[t + 2]), !tokens[t + 2].ordinal,
           !continuesNumber(tokens, t + 2), let iso = iso(first.value, m, tokens[t + 2].value) {
            return (FoundDate(iso: iso, span: TextSpan(first.start, tokens[t + 2].end)), t + 3)
        }
        // Day Month Year: "19th March 2007", "3rd of May, 2019", "11 Mar. 2025", "12-Feb-2024".
        if isDay(first) {
            var u = t + 1
            if u < tokens.count, tokens[u].kind == .word, tokens[u].text == "of" { u += 1 }
            let hyphenated = punct(tokens, u, ["-"]) && adjacent(tokens, t) && adjacent(tokens, u)
            if hyphenated { u += 1 }
            if u < tokens.count, let m = month(tokens[u]) {
                var v = u + 1
                if hyphenated, punct(tokens, v, ["-"]) { v += 1 }
                if punct(tokens, v, [".", ","]) { v += 1 }
                if punct(tokens, v, [","]) { v += 1 }
                if v < tokens.count, isYear(tokens[v]), let iso = iso(tokens[v].value, m, first.value) {
                    return (FoundDate(iso: iso, span: TextSpan(first.start, tokens[v].end)), v + 1)
                }
            }
            return nil
        }
        // Month Day, Year: "March 11, 2025", "Sept. 19th 2025"; Month Year: "April 2024".
        if let m = month(first) {
            // "may" and "mar" are ordinary words too: they count only before a day or year.
            var u = t + 1
            if punct(tokens, u, ["."]) { u += 1 }
            if u < tokens.count, isDay(tokens[u]) {
                var v = u + 1
                if punct(tokens, v, [","]) { v += 1 }
                if v < tokens.count, isYear(tokens[v]), let iso = iso(tokens[v].value, m, tokens[u].value) {
                    return (FoundDate(iso: iso, span: TextSpan(first.start, tokens[v].end)), v + 1)
                }
                return nil
            }
            if punct(tokens, u, [","]) { u += 1 }
            if u < tokens.count, isYear(tokens[u]), !continuesNumber(tokens, u) {
                return (FoundDate(iso: iso(tokens[u].value, m), span: TextSpan(first.start, tokens[u].end)), u + 1)
            }
        }
        return nil
    }

    /// True when the number at t runs on into more digits ("2006-12-0789", "2025.5").
    private static func continuesNumber(_ tokens: [Token], _ t: Int) -> Bool {
        guard t + 2 < tokens.count, adjacent(tokens, t), adjacent(tokens, t + 1) else { return false }
        return tokens[t + 1].kind == .punct && (tokens[t + 1].scalar == "." || tokens[t + 1].scalar == "-" || tokens[t + 1].scalar == "/")
            && tokens[t + 2].kind == .number
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= lengths[month - 1] else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func iso(_ year: Int, _ month: Int) -> String { "\(year)-\(pad(month))" }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
