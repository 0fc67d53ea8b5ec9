/// Person names as comment sections print them, and the ids that join one person's spellings.
enum PersonName {
    /// Splits a run-together name at its inner capitals: "ArrowDurfee" → "Arrow Durfee". Names in upper case
    /// ("JOHN") or with one capital are left alone.
    static func splitCamelCase(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in name.unicodeScalars {
            if let p = previous, ScalarKind.isLower(p), ScalarKind.isUpper(scalar) { out.append(" ") }
            out.append(scalar)
            previous = scalar
        }
        return String(out)
    }

    /// Lower-case words of letters and digits: "Dr. Arrow-Durfee" → ["dr", "arrow", "durfee"].
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in splitCamelCase(name).unicodeScalars {
            if ScalarKind.isAlphanumeric(scalar) {
                for lower in String(scalar).lowercased().unicodeScalars { current.append(lower) }
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// A URL-safe id: "Arrow Durfee" and "ArrowDurfee" → "arrow-durfee".
    static func slug(_ name: String) -> String {
        let joined = words(name).joined(separator: "-")
        return joined.isEmpty ? "anonymous" : joined
    }

    /// The name without spaces or punctuation, for comparing spellings.
    static func compact(_ name: String) -> String { words(name).joined() }
}
