/// Trimming of short strings (names, header lines) without Foundation's CharacterSet.
enum Trim {
    /// The string without leading and trailing spaces, tabs and line breaks.
    static func spaces(_ string: String) -> String {
        let view = string.unicodeScalars
        var start = view.startIndex
        var end = view.endIndex
        while start < end, ScalarKind.isWhitespace(view[start]) { start = view.index(after: start) }
        while end > start, ScalarKind.isWhitespace(view[view.index(before: end)]) { end = view.index(before: end) }
        return start == view.startIndex && end == view.endIndex ? string : String(view[start..<end])
    }

    /// The string without the given characters at either end.
    static func chars(_ string: String, _ set: String) -> String {
        let marks = set.unicodeScalars
        let view = string.unicodeScalars
        var start = view.startIndex
        var end = view.endIndex
        while start < end, marks.contains(view[start]) { start = view.index(after: start) }
        while end > start, marks.contains(view[view.index(before: end)]) { end = view.index(before: end) }
        return start == view.startIndex && end == view.endIndex ? string : String(view[start..<end])
    }
}

extension String {
    /// The string without leading and trailing whitespace of any kind (no-break and other Unicode spaces too).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }) else { return "" }
        return String(scalars[first...last])
    }
}
