/// Person names as comment sections print them, and the ids that join one person's spellings.
enum PersonName {
    /// Lower-case words of letters and digits: "Dr. Arrow-Durfee" → ["dr", "arrow", "durfee"]. Run-together
    /// names stay one word ("VitaDeals" → ["vitadeals"]); their compact form still meets the spaced spelling.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
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

    /// A URL-safe id: "Arrow Durfee" → "arrow-durfee", "NephroNurse_Sam" → "nephronurse-sam".
    static func slug(_ name: String) -> String {
        let joined = words(name).joined(separator: "-")
        return joined.isEmpty ? "anonymous" : joined
    }

    /// The name without spaces or punctuation, for comparing spellings.
    static func compact(_ name: String) -> String { words(name).joined() }
}
