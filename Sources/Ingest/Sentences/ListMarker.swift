/// List bullets and numbering at the start of a line: "•", "-", "*", "1.", "2)", "3/", "a)", "(4)", "#" headings and
/// "> " quotes. The sentence splitter leaves them out of sentences; the comment finder reads numbers from them.
struct ListMarker: Sendable {
    /// Where the text after the marker (and its spaces) starts.
    var contentStart: Int
    /// The number printed, for numbered items.
    var number: Int?

    private static let bullets: Set<Unicode.Scalar> = [
        "\u{2022}", "\u{25E6}", "\u{25AA}", "\u{2023}", "\u{00B7}", "-", "*", "+", "\u{2013}", "\u{2014}", "\u{25CB}",
        "\u{25A0}", "\u{25BA}", "\u{2713}", "\u{2714}", "\u{2043}", "\u{25CF}", "\u{27A2}", "\u{2192}", ">", "#",
    ]

    /// The marker starting at `position` (which must be the line's first non-space scalar), if any.
    /// A marker must be followed by a space, so "-5 mg" or "2.5 mg" are not markers.
    static func at(_ position: Int, in scalars: [Unicode.Scalar], end: Int) -> ListMarker? {
        guard position < end else { return nil }
        var i = position
        let first = scalars[i]
        if bullets.contains(first) {
            // "##" headings and ">>" quotes: one run of the same mark.
            while i < end, scalars[i] == first, i - position < 6 { i += 1 }
            return afterSpaces(i, scalars, end).map { ListMarker(contentStart: $0, number: nil) }
        }
        var open = false
        if first == "(" { open = true; i += 1 }
        var value = 0
        var digits = 0
        while i < end, ScalarKind.isDigit(scalars[i]), digits < 3 {
            value = value * 10 + Int(scalars[i].value - 48)
            digits += 1
            i += 1
        }
        if digits == 0 {
            // A single letter item: "a)", "(b)".
            guard i < end, ScalarKind.isLower(scalars[i]), scalars[i].value < 128 else { return nil }
            i += 1
            guard i < end, scalars[i] == ")" else { return nil }
            return afterSpaces(i + 1, scalars, end).map { ListMarker(contentStart: $0, number: nil) }
        }
        guard i < end else { return nil }
        let mark = scalars[i]
        if open {
            guard mark == ")" else { return nil }
        } else {
            guard mark == "." || mark == ")" || mark == "/" else { return nil }
        }
        return afterSpaces(i + 1, scalars, end).map { ListMarker(contentStart: $0, number: value) }
    }

    /// The first non-space position after `i`, when at least one space follows.
    private static func afterSpaces(_ start: Int, _ scalars: [Unicode.Scalar], _ end: Int) -> Int? {
        var i = start
        while i < end, ScalarKind.isSpace(scalars[i]) { i += 1 }
        return i > start && i < end ? i : nil
    }
}
