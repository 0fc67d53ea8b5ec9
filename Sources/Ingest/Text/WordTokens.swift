/// A word (letters, digits, and inner hyphens or apostrophes) with its absolute scalar offsets.
///
/// The study and claim stages reason over words, not characters: cue phrases, determiners and names are
/// all matched on these tokens. Tokenising is one linear pass over a sentence's scalars.
///
/// The concept matcher has tokens of its own (`MatchToken`): it folds diacritics and plurals and splits
/// letters from digits ("MK7" = "MK-7"), which would break the number and hyphen handling that cue phrases
/// and quantities need here.
struct WordToken: Sendable, Hashable {
    /// The word as written.
    var text: String
    /// Lower-cased, with typographic dashes and apostrophes folded to ASCII, for cue matching.
    var lower: String
    var start: Int
    var end: Int
    /// A hash of `lower` computed once when the token is made, so that the many cue sets that look each token
    /// up can rule most tokens out without hashing the string again (see `PhraseSet`). 0 for a word that is not
    /// all ASCII: those always take the full lookup, whose string equality follows Unicode equivalence.
    var cueKey: UInt32 = 0

    var isCapitalized: Bool { text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
    /// True for words written with an upper-case letter after the first ("VitaVasK", "MAGSTIFF", "MK-7").
    var hasInnerCapital: Bool { text.unicodeScalars.dropFirst().contains { $0.properties.isUppercase } }
    var isNumber: Bool { text.unicodeScalars.first.map { $0.properties.numericType != nil } ?? false }
    /// The integer value of a plain or comma-grouped number ("4,800" -> 4800).
    var integerValue: Int? { Int(text.filter { $0 != "," }) }
}

enum WordTokenizer {
    /// Tokens of `text`, whose first scalar sits at absolute offset `base`.
    static func tokens(_ text: String, base: Int) -> [WordToken] {
        var tokens: [WordToken] = []
        let scalars = Array(text.unicodeScalars)
        // Words are copied out as UTF-8 bytes: growing a String scalar by scalar was a tenth of the ingest.
        let utf8 = Array(text.utf8)
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(scalars.count + 1)
        var byte = 0
        for scalar in scalars {
            byteOffsets.append(byte)
            byte += UTF8.width(scalar)
        }
        byteOffsets.append(byte)
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            index += 1
            while index < scalars.count {
                // A footnote number glued to a lower-case word ("study1") is not part of the word.
                if isDigit(scalars[index]), index - start >= 4, !isDigit(scalars[index - 1]),
                   scalars[start..<index].allSatisfy({ $0.properties.isLowercase }) { break }
                if isWordScalar(scalars[index]) { index += 1; continue }
                // Keep "MK-7", "non-dialyzed", "don't", "4,800" and "8.2" as one word.
                if isJoiner(scalars[index]), index + 1 < scalars.count, isWordScalar(scalars[index + 1]) {
                    let isNumberSeparator = scalars[index] == "," || scalars[index] == "."
                    if isNumberSeparator && !(isDigit(scalars[index - 1]) && isDigit(scalars[index + 1])) { break }
                    index += 2
                    continue
                }
                break
            }
            let text = String(decoding: utf8[byteOffsets[start]..<byteOffsets[index]], as: UTF8.self)
            let lower = fold(text)
            tokens.append(WordToken(text: text, lower: lower, start: base + start, end: base + index, cueKey: cueKey(lower)))
        }
        return tokens
    }

    /// FNV-1a of an all-ASCII word's bytes, never 0; 0 for any other word (see `WordToken.cueKey`).
    static func cueKey(_ lower: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in lower.utf8 {
            if byte >= 0x80 { return 0 }
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash | 1
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: Unicode property lookups dominated this tokenizer in the ingest profile.
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "\u{2013}", "'", "\u{2019}", ",", ".", "/": return true
        default: return false
        }
    }

    /// Lower-case with dashes and apostrophes folded, so that "K–dependent" matches "k-dependent".
    static func fold(_ text: String) -> String {
        // Nearly every word is ASCII: lower-case its bytes without going through Unicode case mapping.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}": result.append("-")
            case "\u{2019}", "\u{2018}": result.append("'")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
