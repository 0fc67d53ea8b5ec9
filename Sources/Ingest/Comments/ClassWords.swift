import EvidenceModel
/// The words of class names, ids and itemprops, as markup cues compare them: "bbp-reply-author" → bbp, reply,
/// author; "ItemComment" → item, comment; "post_message_123" → post, message. Digits are dropped, so that the
/// numbered ids of repeated posts ("post_123", "post_124") read alike.
enum ClassWords {
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previousLower = false
        func close() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current = String.UnicodeScalarView()
        }
        for scalar in name.unicodeScalars {
            if ScalarKind.isLetter(scalar) {
                // "ItemComment": a capital after a small letter starts a word.
                if ScalarKind.isUpper(scalar), previousLower { close() }
                current.append(scalar)
                previousLower = !ScalarKind.isUpper(scalar)
            } else {
                close()
                previousLower = false
            }
        }
        close()
        return words
    }

    /// A class name with its digits written "#", so numbered names compare equal ("post-17" → "post-#").
    static func pattern(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasDigit = false
        for scalar in name.lowercased().unicodeScalars {
            if ScalarKind.isDigit(scalar) {
                if !lastWasDigit { out.append("#") }
                lastWasDigit = true
            } else {
                out.append(scalar)
                lastWasDigit = false
            }
        }
        return String(out)
    }
}
