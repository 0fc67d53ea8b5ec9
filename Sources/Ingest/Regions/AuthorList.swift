/// The author line of a paper: "Amaya Ruiz, Jonas Berg, Mei Chen and Olusegun Adeyemi",
/// "Farah Nasser<sup>1</sup>, Pieter de Vries<sup>2</sup>", "Lee AB, Smith C*".
enum AuthorList {
    /// The names, when every comma-separated part looks like a person's name; otherwise none.
    static func names(in line: String) -> [String] {
        var cleaned = String.UnicodeScalarView()
        var inTag = false
        for scalar in line.unicodeScalars {
            if scalar == "<" { inTag = true; continue }
            if scalar == ">" { inTag = false; continue }
            // Affiliation marks: digits, asterisks, daggers, superscripts.
            if inTag || ScalarKind.isDigit(scalar) || scalar == "*" || scalar == "\u{2020}" || scalar == "\u{2021}"
                || (0x2070...0x209F).contains(scalar.value) || scalar == "\u{B9}" || scalar == "\u{B2}" || scalar == "\u{B3}" {
                continue
            }
            cleaned.append(scalar)
        }
        let text = String(cleaned).replacingAnd()
        let parts = text.split(separator: ",").map { Trim.spaces(String($0)) }.filter { !$0.isEmpty }
        guard parts.count >= 2, parts.count <= 60 else { return [] }
        var names: [String] = []
        for part in parts {
            let words = part.split(separator: " ")
            guard (1...5).contains(words.count) else { return [] }
            // Each word capitalised (particles such as "de", "van" aside), no sentence words.
            var capitalised = 0
            for word in words {
                guard let first = word.unicodeScalars.first, ScalarKind.isLetter(first) else { return [] }
                if ScalarKind.isUpper(first) { capitalised += 1 } else if word.count > 3 { return [] }
            }
            guard capitalised >= 1, words.count >= 2 || part.count <= 3 else { return [] }
            names.append(part)
        }
        return names
    }
}

private extension String {
    /// "A, B and C" → "A, B, C".
    func replacingAnd() -> String {
        var result = self
        for joiner in [", and ", " and ", " & "] {
            while let range = result.range(of: joiner) { result.replaceSubrange(range, with: ", ") }
        }
        return result
    }
}
