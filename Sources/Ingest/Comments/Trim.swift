/// Trimming of short strings (names, header lines) without Foundation's CharacterSet.
enum Trim {
    /// The string without leading and trailing spaces, tabs and line breaks.
    static func spaces(_ string: String) -> String {
        let scalars = Array(string.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, ScalarKind.isWhitespace(scalars[start]) { start += 1 }
        while end > start, ScalarKind.isWhitespace(scalars[end - 1]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The string without the given characters at either end.
    static func chars(_ string: String, _ set: String) -> String {
        let chars = Set(set.unicodeScalars)
        let scalars = Array(string.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, chars.contains(scalars[start]) { start += 1 }
        while end > start, chars.contains(scalars[end - 1]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
