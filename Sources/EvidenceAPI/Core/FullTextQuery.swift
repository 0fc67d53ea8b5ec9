/// Turns what a user types into an FTS5 query that cannot be a syntax error: every word and phrase is quoted,
/// `word*` stays a prefix search and a bare `OR` between terms stays an alternative. Anything else
/// (parentheses, colons, NEAR, column filters) is plain text.
enum FullTextQuery {
    /// The FTS5 query, or nil when the input has no words at all (then nothing matches, like any other
    /// search that finds nothing).
    static func compile(_ input: String) -> String? {
        var terms: [String] = []
        var scalars = Array(input.unicodeScalars)[...]
        while let first = scalars.first {
            if first.properties.isWhitespace { scalars.removeFirst(); continue }
            if first == "\"" {
                scalars.removeFirst()
                // An unclosed quote runs to the end, as search boxes usually treat it.
                let close = scalars.firstIndex(of: "\"") ?? scalars.endIndex
                let words = tokens(scalars[..<close])
                scalars = close == scalars.endIndex ? scalars[close...] : scalars[(close + 1)...]
                if !words.isEmpty { terms.append("\"" + words.joined(separator: " ") + "\"") }
                continue
            }
            let end = scalars.firstIndex { $0.properties.isWhitespace || $0 == "\"" } ?? scalars.endIndex
            let word = scalars[..<end]
            scalars = scalars[end...]
            if String(String.UnicodeScalarView(word)) == "OR" {
                if let last = terms.last, last != "OR" { terms.append("OR") }
                continue
            }
            let prefix = word.last == "*"
            let wordTokens = tokens(word)
            for (position, token) in wordTokens.enumerated() {
                let isLast = position == wordTokens.count - 1
                terms.append("\"" + token + "\"" + (prefix && isLast ? "*" : ""))
            }
        }
        while terms.last == "OR" { terms.removeLast() }
        guard !terms.isEmpty else { return nil }
        return terms.joined(separator: " ")
    }

    /// The FTS5 query that matches `input` as one phrase in the given columns only, or nil when it has no words.
    /// Used for a concept name the lexicon does not know: a user asking for "dental plaque" gets the studies whose
    /// text names it rather than an empty list (ClinicalTrials.gov's condition search also falls back to text).
    static func phrase(_ input: String, columns: [String]) -> String? {
        let words = tokens(input.unicodeScalars)
        guard !words.isEmpty, !columns.isEmpty else { return nil }
        return "{" + columns.joined(separator: " ") + "} : \"" + words.joined(separator: " ") + "\""
    }

    /// Every query in `parts` must match: each is parenthesised, since an `OR` inside one binds looser than `AND`.
    static func all(_ parts: [String]) -> String? {
        switch parts.count {
        case 0: return nil
        case 1: return parts[0]
        default: return parts.map { "(" + $0 + ")" }.joined(separator: " AND ")
        }
    }

    /// Letters and digits runs, lower-cased: what the unicode61 tokenizer would index.
    private static func tokens<S: Sequence<Unicode.Scalar>>(_ text: S) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current).lowercased())
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current).lowercased()) }
        return result
    }
}
