import EvidenceModel
/// One line of a document as the region segmenter sees it.
struct TextLine: Sendable {
    /// The whole line, from its first scalar up to (not including) its line break.
    var full: TextSpan
    /// The line without surrounding whitespace; empty for a blank line.
    var content: TextSpan
    /// Lower-cased, spaces collapsed, a leading list marker and a trailing ":" or "|" dropped; at most
    /// `normLimit` scalars, so long lines cost no more than short ones.
    var norm: String
    var normScalars: [Unicode.Scalar]
    var length: Int { content.length }
    var isBlank: Bool { content.isEmpty }
    /// The line ends in ".", "!", "?" or an ellipsis (closing quotes aside).
    var endsSentence: Bool
    var startsUpper: Bool
    var hasListMarker: Bool
    /// A Markdown heading ("# Title", "## Section").
    var isHeading: Bool
    var wordCount: Int
    var hasDigit: Bool

    static let normLimit = 200

    /// The lines of `text`, each with its normalised form. One pass over the text.
    static func lines(of text: SourceText) -> [TextLine] {
        let s = text.scalars
        var lines: [TextLine] = []
        var start = 0
        var i = 0
        while i <= s.count {
            if i == s.count || ScalarKind.isNewline(s[i]) {
                lines.append(make(s, TextSpan(start, i), text))
                if i < s.count, s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        return lines
    }

    private static func make(_ s: [Unicode.Scalar], _ full: TextSpan, _ text: SourceText) -> TextLine {
        let content = text.trimmed(full)
        var norm: [Unicode.Scalar] = []
        var words = 0
        var hasDigit = false
        var inWord = false
        var lastWasSpace = false
        var normCount = 0
        let marker = ListMarker.at(content.start, in: s, end: content.end)
        let from = marker?.contentStart ?? content.start
        var i = from
        while i < content.end {
            let c = s[i]
            if ScalarKind.isDigit(c) { hasDigit = true }
            // Markdown emphasis and code marks say nothing about what a line is ("**Subscribe** to …").
            if c == "*" || c == "`" {
                i += 1
                continue
            }
            if ScalarKind.isWhitespace(c) {
                inWord = false
                if !lastWasSpace, normCount < normLimit { norm.append(" "); normCount += 1 }
                lastWasSpace = true
            } else {
                if !inWord { words += 1; inWord = true }
                lastWasSpace = false
                if normCount < normLimit {
                    normCount += 1
                    if c.value < 128 {
                        norm.append(ScalarKind.lowerASCII(c))
                    } else if c == "\u{2019}" {
                        norm.append("'")
                    } else {
                        for lower in c.properties.lowercaseMapping.unicodeScalars { norm.append(lower) }
                    }
                }
            }
            i += 1
        }
        // A trailing ":" or "|" does not change what a heading is ("References:", "Share |").
        while let last = norm.last, last == ":" || last == "|" || last == " " { norm.removeLast() }
        var e = content.end - 1
        while e > content.start, ScalarKind.isCloser(s[e]) { e -= 1 }
        let endsSentence = e >= content.start && !content.isEmpty && ScalarKind.isTerminal(s[e])
        let startsUpper = from < content.end && ScalarKind.isUpper(s[from])
        return TextLine(full: full, content: content, norm: ScalarText.string(norm, TextSpan(0, norm.count)), normScalars: norm,
                        endsSentence: endsSentence,
                        startsUpper: startsUpper, hasListMarker: marker != nil,
                        isHeading: marker != nil && s[content.start] == "#", wordCount: words, hasDigit: hasDigit)
    }

    /// The norm with digit runs and small number words written "#": "16 responses to" → "# responses to".
    func countPattern(numberWords: Set<String>) -> String {
        var out: [String] = []
        for word in norm.split(separator: " ") {
            if numberWords.contains(String(word)) {
                out.append("#")
                continue
            }
            var w = String.UnicodeScalarView()
            var inNumber = false
            for scalar in word.unicodeScalars {
                if ScalarKind.isDigit(scalar) || inNumber && scalar == "," {
                    if !inNumber { w.append("#") }
                    inNumber = true
                } else {
                    inNumber = false
                    w.append(scalar)
                }
            }
            out.append(String(w))
        }
        return out.joined(separator: " ")
    }
}
