import EvidenceModel
/// Splits regions into sentences with exact offsets.
///
/// One linear pass over each region's scalars. A sentence ends at ".", "!", "?" or an ellipsis followed by
/// space (closing quotes and brackets stay with it), at a hard line break (a line without a full stop — a
/// heading, a list item — is a sentence of its own), and at a region's end. Soft line breaks (a line wrapped
/// in the middle of a sentence) are joined. Abbreviations come from `lexicon/sentences.json`.
public struct SentenceSplitter: Sendable {
    let rules: SentenceRules
    /// No sentence grows longer than this: a run-on text without punctuation is cut at a space, so that later
    /// stages never see one enormous sentence.
    public var maxSentenceLength = 2_000

    public init(locator: ResourceLocator = .standard) throws {
        rules = try locator.loadJSON(SentenceRules.self, "lexicon/sentences.json")
    }

    init(rules: SentenceRules) { self.rules = rules }

    /// Sentences of every region, in text order. `paragraph` counts blank lines and hard line breaks across the
    /// whole document, so two sentences share a paragraph only when nothing but soft wrapping separates them.
    public func split(_ text: SourceText, regions: [Region]) -> [Sentence] {
        var state = SplitState()
        for region in regions {
            let span = TextSpan(max(0, region.span.start), min(text.count, region.span.end))
            guard !span.isEmpty else { continue }
            state.newParagraph = true
            splitRegion(text, span: span, kind: region.kind, state: &state)
        }
        return state.sentences
    }

    struct SplitState {
        var sentences: [Sentence] = []
        var paragraph = -1
        var newParagraph = true
    }

    private func splitRegion(_ text: SourceText, span: TextSpan, kind: RegionKind, state: inout SplitState) {
        let s = text.scalars
        let end = span.end
        var start = contentStart(s, from: span.start, end: end)
        var lineStart = span.start
        let wrapped = isHardWrapped(s, span)
        var i = start

        func emit(_ to: Int) {
            let piece = text.trimmed(TextSpan(start, to))
            guard !piece.isEmpty, s[piece.start..<piece.end].contains(where: ScalarKind.isAlphanumeric) else { return }
            if state.newParagraph { state.paragraph += 1; state.newParagraph = false }
            state.sentences.append(Sentence(span: piece, text: ScalarText.string(s, piece), region: kind, paragraph: state.paragraph))
        }

        while i < end {
            let c = s[i]
            if ScalarKind.isNewline(c) {
                let brk = lineBreak(s, at: i, lineStart: lineStart, end: end, wrapped: wrapped)
                // "\r\n" is one break.
                var next = i + 1
                if c == "\r", next < end, s[next] == "\n" { next += 1 }
                lineStart = next
                if brk != .soft {
                    emit(i)
                    state.newParagraph = true
                    start = contentStart(s, from: next, end: end)
                    i = max(start, next)
                    continue
                }
                i = next
                continue
            }
            if ScalarKind.isTerminal(c) {
                let (stop, resume) = terminal(s, at: i, sentenceStart: start, end: end)
                if let stop {
                    emit(stop)
                    start = resume
                    i = resume
                    continue
                }
                i = max(i + 1, resume)
                continue
            }
            // " • " in the middle of a line separates items as much as a line break does.
            if c == "\u{2022}" || c == "\u{00B7}", i > start, i + 1 < end, ScalarKind.isSpace(s[i - 1]), ScalarKind.isSpace(s[i + 1]) {
                emit(i)
                start = i + 1
                i += 1
                continue
            }
            if i - start >= maxSentenceLength, ScalarKind.isSpace(c) || i - start >= 4 * maxSentenceLength {
                emit(i)
                start = i
            }
            i += 1
        }
        emit(end)
    }

    /// The first scalar of a line's content: after spaces and a list marker.
    private func contentStart(_ s: [Unicode.Scalar], from: Int, end: Int) -> Int {
        var i = from
        while i < end, ScalarKind.isWhitespace(s[i]) { i += 1 }
        if let marker = ListMarker.at(i, in: s, end: end) { return marker.contentStart }
        return i
    }

    enum Break { case soft, hard, paragraph }

    /// Whether the line break at `i` ends the sentence. It is soft (the line was wrapped) when the line does not
    /// end in punctuation and the next line continues in lower case, or, in text wrapped at a fixed width, when a
    /// long line stops mid-phrase and the next one is no list item.
    private func lineBreak(_ s: [Unicode.Scalar], at i: Int, lineStart: Int, end: Int, wrapped: Bool) -> Break {
        var n = i + 1
        if s[i] == "\r", n < end, s[n] == "\n" { n += 1 }
        while n < end, ScalarKind.isSpace(s[n]) { n += 1 }
        if n >= end || ScalarKind.isNewline(s[n]) { return .paragraph }
        var p = i - 1
        while p >= lineStart, ScalarKind.isSpace(s[p]) { p -= 1 }
        guard p >= lineStart else { return .hard }
        let last = s[p]
        if ScalarKind.isTerminal(last) || last == ":" { return .hard }
        if ScalarKind.isCloser(last) {
            var q = p
            while q > lineStart, ScalarKind.isCloser(s[q]) { q -= 1 }
            if ScalarKind.isTerminal(s[q]) { return .hard }
        }
        // Markdown's two trailing spaces are a deliberate break.
        if i - p > 2 { return .hard }
        if ListMarker.at(n, in: s, end: end) != nil { return .hard }
        let next = s[n]
        if ScalarKind.isLower(next) { return .soft }
        let lineLength = p + 1 - lineStart
        if wrapped, lineLength >= 50, ScalarKind.isLetter(last) || last == "," || last == "-" || last == "\u{2013}",
           ScalarKind.isLetter(next) || ScalarKind.isDigit(next) {
            return .soft
        }
        return .hard
    }

    /// True when most lines of the span are of similar width (50 to 90 scalars): text wrapped at a fixed column,
    /// as in e-mails and plain-text abstracts, where a line break in mid-sentence is no break at all.
    private func isHardWrapped(_ s: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        var lines = 0
        var wide = 0
        var length = 0
        for i in span.start..<span.end {
            if ScalarKind.isNewline(s[i]) {
                if length > 0 { lines += 1 }
                if (50...90).contains(length) { wide += 1 }
                length = 0
            } else {
                length += 1
            }
        }
        if length > 0 { lines += 1 }
        return lines >= 4 && wide * 3 >= lines * 2
    }

    /// Decides whether the terminal punctuation at `i` ends a sentence. Returns where the sentence stops (after
    /// the punctuation run and closing quotes) and where scanning resumes.
    private func terminal(_ s: [Unicode.Scalar], at i: Int, sentenceStart: Int, end: Int) -> (stop: Int?, resume: Int) {
        var j = i
        var periods = 0
        var ellipsis = false
        var bang = false
        while j < end, ScalarKind.isTerminal(s[j]) {
            if s[j] == "." { periods += 1 } else if s[j] == "\u{2026}" { ellipsis = true } else { bang = true }
            j += 1
        }
        if periods >= 2 { ellipsis = true }
        var k = j
        var closed = false
        while k < end, ScalarKind.isCloser(s[k]) { closed = true; k += 1 }
        let stop = k
        if k >= end { return (stop, k) }
        let after = s[k]

        // "kidney.Can", "it.She": a missing space after a full stop, between two ordinary words.
        if !ScalarKind.isWhitespace(after) {
            if periods == 1, !bang, !ellipsis, !closed, ScalarKind.isUpper(after), k + 1 < end, ScalarKind.isLower(s[k + 1]) {
                let word = wordBefore(s, i, floor: sentenceStart)
                if word.count >= 2, word.unicodeScalars.allSatisfy(ScalarKind.isLower), !rules.isAbbreviation(word) {
                    return (stop, k)
                }
            }
            return (nil, j)
        }
        var n = k
        while n < end, ScalarKind.isSpace(s[n]) { n += 1 }
        // At the end of a line the line-break logic takes over (list markers, paragraphs).
        if n >= end || ScalarKind.isNewline(s[n]) { return (stop, n) }
        let next = s[n]
        let nextWord = word(at: n, s, end)

        // A closing quote or bracket followed by lower case continues the sentence: '“Why?” she asked'.
        if closed, ScalarKind.isLower(next) { return (nil, k) }
        if bang { return (stop, n) }
        if ellipsis {
            return ScalarKind.isLower(next) ? (nil, k) : (stop, n)
        }
        // A single period: abbreviations, initials and numbers.
        let word = wordBefore(s, i, floor: sentenceStart)
        if !word.isEmpty {
            let bare = word.hasPrefix(".") ? String(word.dropFirst()) : word
            if rules.neverFinal.contains(bare) { return (nil, k) }
            if word == "al", precededByEt(s, i - 3, floor: sentenceStart) {
                return rules.sentenceStarters.contains(nextWord) ? (stop, n) : (nil, k)
            }
            if rules.beforeNumber.contains(bare), ScalarKind.isDigit(next) { return (nil, k) }
            if rules.canBeFinal.contains(bare) || bare.contains(".") {
                return rules.sentenceStarters.contains(nextWord) ? (stop, n) : (nil, k)
            }
            // An initial: "Leon J. Schurgers", but not "vitamin K. The".
            if bare.count == 1, let letter = bare.unicodeScalars.first, ScalarKind.isLetter(letter) {
                let original = s[i - 1]
                if ScalarKind.isUpper(original), ScalarKind.isUpper(next) {
                    let previous = wordBefore(s, i - 2, floor: sentenceStart, skippingSpaces: true)
                    let previousCapitalised = previousWordCapitalised(s, i - 2, floor: sentenceStart)
                    if previousCapitalised, !rules.letterHeads.contains(previous) { return (nil, k) }
                }
            }
            if ScalarKind.isLower(next) {
                // "approx. half" stays together; "...learn. go to" is a new sentence in careless writing.
                let isWord = bare.count >= 3 && bare.unicodeScalars.allSatisfy(ScalarKind.isLetter)
                return isWord ? (stop, n) : (nil, k)
            }
        } else if ScalarKind.isLower(next) {
            return (nil, k)
        }
        return (stop, n)
    }

    /// The lower-cased word (letters and inner periods) ending just before `i`.
    private func wordBefore(_ s: [Unicode.Scalar], _ i: Int, floor: Int, skippingSpaces: Bool = false) -> String {
        var e = i
        if skippingSpaces { while e > floor, ScalarKind.isSpace(s[e - 1]) { e -= 1 } }
        var b = e
        while b > floor, b > e - 16, ScalarKind.isLetter(s[b - 1]) || s[b - 1] == "." { b -= 1 }
        guard b < e else { return "" }
        var result = String()
        for scalar in s[b..<e] { result.unicodeScalars.append(ScalarKind.lowerASCII(scalar)) }
        return result
    }

    private func previousWordCapitalised(_ s: [Unicode.Scalar], _ i: Int, floor: Int) -> Bool {
        var e = i
        while e > floor, ScalarKind.isSpace(s[e - 1]) { e -= 1 }
        var b = e
        while b > floor, ScalarKind.isLetter(s[b - 1]) || s[b - 1] == "." { b -= 1 }
        return b < e && ScalarKind.isUpper(s[b])
    }

    private func precededByEt(_ s: [Unicode.Scalar], _ i: Int, floor: Int) -> Bool {
        // s[i] is the space before "al".
        guard i - 2 >= floor, i < s.count, ScalarKind.isSpace(s[i]) else { return false }
        return ScalarKind.lowerASCII(s[i - 2]) == "e" && ScalarKind.lowerASCII(s[i - 1]) == "t"
    }

    /// The lower-cased word starting at `n`.
    private func word(at n: Int, _ s: [Unicode.Scalar], _ end: Int) -> String {
        var result = String()
        var i = n
        while i < end, i < n + 16, ScalarKind.isLetter(s[i]) {
            result.unicodeScalars.append(ScalarKind.lowerASCII(s[i]))
            i += 1
        }
        return result
    }
}

/// The abbreviation lists of `lexicon/sentences.json`.
struct SentenceRules: Sendable, Decodable {
    /// Abbreviations that never end a sentence ("Dr.", "e.g.", "vs.").
    var neverFinal: Set<String>
    /// Abbreviations that end a sentence only when a typical sentence opener follows ("etc.", "U.S.", "et al.").
    var canBeFinal: Set<String>
    /// Abbreviations that never end a sentence before a number ("No. 5", "Fig. 2").
    var beforeNumber: Set<String>
    var sentenceStarters: Set<String>
    /// Words after which a capital letter and a period are a name, not an initial ("vitamin K.").
    var letterHeads: Set<String>

    enum CodingKeys: String, CodingKey {
        case neverFinal = "never_final", canBeFinal = "can_be_final", beforeNumber = "before_number"
        case sentenceStarters = "sentence_starters", letterHeads = "letter_heads"
    }

    func isAbbreviation(_ word: String) -> Bool {
        neverFinal.contains(word) || canBeFinal.contains(word) || beforeNumber.contains(word)
    }
}
