import EvidenceModel
/// Cuts what is not part of an assertion off the ends of a claim's span: a dateline before the text
/// ("CITY, Date /Wire/ -- "), emphasis marks around a line, and citation markers at the end ("… arteries 3",
/// "… arteries.[12]", "… arteries.4,5", superscript digits).
struct ClaimSpanCleaner: Sendable {
    let cues: ClaimCues

    /// `opening`: the span is the first body sentence, the only place a dateline can be.
    func clean(_ span: TextSpan, _ text: SourceText, tokens: [WordToken], opening: Bool) -> TextSpan {
        var result = text.trimmed(span)
        if opening { result.start = afterDateline(result, text) }
        result.end = beforeCitation(result, text, tokens: tokens)
        result = withoutEmphasis(result, text)
        return result.isEmpty ? text.trimmed(span) : result
    }

    /// Where the text starts after a dateline: the opening segments between dashes ("--", "—", "–", "-" between
    /// spaces) that a slash, a word in capitals or a year after a comma mark as one ("LEHI, Utah, March 27,
    /// 2025 /PRNewswire/ -- ", "Newswire — CHICAGO – May 6, 2017 – "); a first segment of one or two words (the
    /// wire's name) may stand before them.
    private func afterDateline(_ span: TextSpan, _ text: SourceText) -> Int {
        let s = text.scalars
        let limit = min(span.end - 3, span.start + 160)
        var cut = span.start
        var segmentStart = span.start
        var segments = 0
        var position = span.start + 1
        while position < limit {
            // A dateline is one phrase: a sentence's full stop before any dash means there is none.
            if s[position] == ".", s[position + 1] == " ", position - segmentStart > 40 { break }
            let isDash = s[position] == "\u{2014}" || s[position] == "\u{2013}" || s[position] == "-"
            guard isDash, s[position - 1] == " " else { position += 1; continue }
            var after = position + 1
            while after < span.end, s[after] == "-" { after += 1 }
            guard after < span.end, s[after] == " " else { position += 1; continue }
            while after < span.end, s[after] == " " { after += 1 }
            let segment = s[segmentStart..<position]
            if isDateline(segment) {
                cut = after
            } else if !(segments == 0 && segment.split(separator: " ").count <= 2) {
                break
            }
            segments += 1
            segmentStart = after
            position = after
        }
        return cut
    }

    private func isDateline(_ prefix: ArraySlice<Unicode.Scalar>) -> Bool {
        if prefix.contains("/") { return true }
        var capitals = 0
        var digits = 0
        var longestCapitals = 0
        var longestDigits = 0
        for scalar in prefix {
            capitals = scalar.properties.isUppercase ? capitals + 1 : 0
            digits = WordTokenizer.isDigit(scalar) ? digits + 1 : 0
            longestCapitals = max(longestCapitals, capitals)
            longestDigits = max(longestDigits, digits)
        }
        return longestCapitals >= 4 || (longestDigits == 4 && prefix.contains(","))
    }

    /// The end without a closing citation marker.
    private func beforeCitation(_ span: TextSpan, _ text: SourceText, tokens: [WordToken]) -> Int {
        let s = text.scalars
        var end = span.end
        // "[12]", "[3, 4]", "[1][2]" at the very end (a full stop after them stays out).
        var stripped = false
        while true {
            var probe = end
            if probe > span.start, s[probe - 1] == ".", !stripped { probe -= 1 }
            guard probe > span.start, s[probe - 1] == "]" else { break }
            var open = probe - 2
            while open > span.start, WordTokenizer.isDigit(s[open]) || s[open] == "," || s[open] == " " || s[open] == "-" || s[open] == "\u{2013}" { open -= 1 }
            guard open > span.start, s[open] == "[", open + 1 < probe - 1 else { break }
            end = open
            stripped = true
        }
        if stripped {
            while end > span.start, s[end - 1] == " " { end -= 1 }
            return end
        }
        // Superscript digits.
        while end > span.start, "\u{00B9}\u{00B2}\u{00B3}\u{2070}\u{2074}\u{2075}\u{2076}\u{2077}\u{2078}\u{2079}".unicodeScalars.contains(s[end - 1]) { end -= 1 }
        if end < span.end { return end }
        // Digits (and commas or dashes between them) at the end.
        var digitsStart = end
        while digitsStart > span.start, WordTokenizer.isDigit(s[digitsStart - 1]) || ((s[digitsStart - 1] == "," || s[digitsStart - 1] == "-") && digitsStart < end && WordTokenizer.isDigit(s[digitsStart])) {
            digitsStart -= 1
        }
        guard digitsStart < end, end - digitsStart <= 8, digitsStart > span.start, WordTokenizer.isDigit(s[digitsStart]) else { return end }
        let before = s[digitsStart - 1]
        // "arteries.4,5": glued to the full stop.
        if before == "." || before == ")" {
            guard digitsStart - 2 >= span.start, s[digitsStart - 2].properties.isLowercase || before == ")" else { return end }
            return digitsStart
        }
        // "in specific populations 3", "for MK-7 4": a short number after a word that does not take a count.
        guard before == " ", end - digitsStart <= 2 else { return end }
        guard let word = tokens.last(where: { $0.end <= digitsStart - 1 }), word.end == digitsStart - 1,
              !word.isNumber, !cues.citationNumberHeads.contains(word.lower) else { return end }
        return word.end
    }

    /// "*Eight-week trial finds …*": emphasis marks that wrap the whole span are not part of it.
    private func withoutEmphasis(_ span: TextSpan, _ text: SourceText) -> TextSpan {
        let s = text.scalars
        var start = span.start
        var end = span.end
        while start < end, s[start] == "*" || s[start] == "_" { start += 1 }
        while end > start, s[end - 1] == "*" || s[end - 1] == "_" { end -= 1 }
        return TextSpan(start, end)
    }
}
