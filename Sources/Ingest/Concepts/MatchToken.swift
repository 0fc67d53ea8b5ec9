import Foundation
import EvidenceModel

/// A word of text as the concept matcher sees it.
///
/// Text and lexicon names are cut into the same tokens, so that matching is a walk over tokens rather than
/// a search for strings: runs of letters or of digits, split where letters meet digits ("MK7" and "MK-7" are
/// both `mk` `7`), a possessive "'s" kept inside its word ("Crohn’s" is `crohn`).
struct MatchToken: Sendable {
    /// Scalar offsets of the token in the text (end exclusive, including a possessive "'s").
    var start: Int
    var end: Int
    /// Lower case, without diacritics, a final plural "s" removed from longer words: the key for names.
    var folded: String
    /// As written (without a possessive): the key for case-sensitive abbreviations.
    var cased: String
    var isAlphabetic: Bool
    /// True when the word has a capital letter or a digit: only such words can start an abbreviation.
    var mayStartAbbreviation: Bool
    /// How the token is separated from the one before it.
    var gap: Gap

    enum Gap: Sendable, Equatable {
        /// The start of a text, or a separator no name runs across (a comma, a blank line, a bracket).
        case breaking
        /// Nothing, a hyphen, a space or a line break: names run across it ("end-stage", "MK 7").
        case joining
        /// Any other separator, kept literally so that a name that contains it ("25(OH)D") still matches.
        case literal(String)
    }
}

enum MatchTokenizer {
    /// Words that may stand between the words of a name without changing it ("calcification of *the* aorta").
    static let skippable: Set<String> = ["the", "a", "an", "his", "her", "their", "my", "your", "its", "our", "this"]

    /// Cuts `span` of `scalars` into tokens.
    static func tokens(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [MatchToken] {
        var tokens: [MatchToken] = []
        tokens.reserveCapacity(span.length / 5)
        let end = min(span.end, scalars.count)
        var position = max(0, span.start)
        var previousEnd = -1
        while position < end {
            let scalar = scalars[position]
            let alphabetic = isLetter(scalar)
            guard alphabetic || isDigit(scalar) else {
                position += 1
                continue
            }
            let start = position
            while position < end, alphabetic ? isLetter(scalars[position]) : isDigit(scalars[position]) {
                position += 1
            }
            var wordEnd = position
            var tokenEnd = position
            // A possessive "'s" belongs to its word, so that "Crohn's" and "Crohns" meet at `crohn`.
            if position + 1 < end, isApostrophe(scalars[position]), scalars[position + 1] == "s" || scalars[position + 1] == "S",
               position + 2 >= end || !(isLetter(scalars[position + 2]) || isDigit(scalars[position + 2])) {
                tokenEnd = position + 2
                position = tokenEnd
            }
            if wordEnd > start + 64 { wordEnd = start + 64 }  // absurd runs are not names; keep keys short
            let (cased, folded) = keys(scalars, start, wordEnd, alphabetic: alphabetic)
            let gap = previousEnd < 0 ? MatchToken.Gap.breaking : classify(scalars, from: previousEnd, to: start, after: tokens.last)
            let capital = !alphabetic || cased.utf8.contains { $0 >= 65 && $0 <= 90 }
                || (!cased.utf8.allSatisfy { $0 < 128 } && cased.unicodeScalars.contains { $0.properties.isUppercase })
            tokens.append(MatchToken(start: start, end: tokenEnd, folded: folded, cased: cased,
                                     isAlphabetic: alphabetic, mayStartAbbreviation: capital, gap: gap))
            previousEnd = tokenEnd
        }
        return tokens
    }

    /// The text of `start..<end`, as `SourceText.slice` gives it, without the generic String paths for ASCII.
    static func string(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var ascii = true
        for index in start..<end where !scalars[index].isASCII {
            ascii = false
            break
        }
        guard ascii else {
            var text = String()
            for index in start..<end { text.unicodeScalars.append(scalars[index]) }
            return text
        }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) { buffer[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
            return end - start
        }
    }

    /// The word as written and its folded key. ASCII words, nearly all of them, are built byte by byte:
    /// the generic String paths cost more than the whole rest of the matching.
    static func keys(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, alphabetic: Bool) -> (String, String) {
        let count = end - start
        var ascii = true
        for index in start..<end where !scalars[index].isASCII {
            ascii = false
            break
        }
        guard ascii else {
            var cased = String()
            cased.unicodeScalars.append(contentsOf: scalars[start..<end])
            return (cased, fold(cased, alphabetic: alphabetic))
        }
        let cased = String(unsafeUninitializedCapacity: count) { buffer in
            for offset in 0..<count { buffer[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
            return count
        }
        guard alphabetic else { return (cased, cased) }
        let folded = String(unsafeUninitializedCapacity: count) { buffer in
            for offset in 0..<count {
                let byte = UInt8(truncatingIfNeeded: scalars[start + offset].value)
                buffer[offset] = byte >= 65 && byte <= 90 ? byte + 32 : byte
            }
            // The same singular as `singular(_:)`, on bytes.
            guard count >= 4, buffer[count - 1] == 115 else { return count }  // "s"
            let beforeLast = buffer[count - 2]
            if beforeLast == 115 || beforeLast == 117 || beforeLast == 105 { return count }  // "s", "u", "i"
            if count > 4, beforeLast == 101, buffer[count - 3] == 105 {  // "ies"
                buffer[count - 3] = 121  // "y"
                return count - 2
            }
            return count - 1
        }
        return (cased, folded)
    }

    /// The key of a word for case-insensitive matching: lower case, no diacritics, no plural "s".
    static func fold(_ word: String, alphabetic: Bool) -> String {
        guard alphabetic else { return word }
        var key = word.unicodeScalars.allSatisfy(\.isASCII)
            ? word.lowercased()
            : word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        key = singular(key)
        return key
    }

    /// A crude singular that is applied alike to names and text, so it only has to be consistent:
    /// "arteries" → "artery", "calcifications" → "calcification", but "dialysis", "mellitus", "mass" stay.
    static func singular(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard scalars.count >= 4, let last = scalars.last, last == "s" else { return word }
        let beforeLast = scalars[scalars.index(scalars.endIndex, offsetBy: -2)]
        if beforeLast == "s" || beforeLast == "u" || beforeLast == "i" { return word }
        if word.hasSuffix("ies"), scalars.count > 4 { return String(word.dropLast(3)) + "y" }
        return String(word.dropLast())
    }

    private static func classify(_ scalars: [Unicode.Scalar], from start: Int, to end: Int, after previous: MatchToken?) -> MatchToken.Gap {
        if start == end { return .joining }
        var newlines = 0
        var hyphens = 0
        var period = false
        var other = false
        for index in start..<end {
            let scalar = scalars[index]
            switch scalar {
            case "\n": newlines += 1
            case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}": hyphens += 1
            case ".": period = true
            case " ", "\t", "\r": break
            default:
                if scalar.isASCII || !scalar.properties.isWhitespace { other = true }
            }
        }
        if other || newlines > 1 || hyphens > 1 {
            return end - start <= 8 && newlines == 0 ? .literal(literal(scalars, start, end)) : .breaking
        }
        if period {
            // "vit. K2", "St. John's": a period after a short word is an abbreviation, not a sentence end.
            guard hyphens == 0, scalars[start] == ".", let previous, previous.isAlphabetic,
                  previous.cased.unicodeScalars.count <= 3 else {
                return end - start <= 8 && newlines == 0 ? .literal(literal(scalars, start, end)) : .breaking
            }
        }
        return .joining
    }

    private static func literal(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var text = String()
        for scalar in scalars[start..<end] where !scalar.properties.isWhitespace { text.unicodeScalars.append(scalar) }
        return text
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        // µ/μ start units, not words; other letters (ö, ō) are letters.
        if scalar == "\u{00B5}" || scalar == "\u{03BC}" { return false }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" || scalar == "\u{2018}"
    }
}
