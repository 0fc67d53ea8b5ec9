/// Cues of plain-text thread layouts (`lexicon/comments.json`, "text_threads").
struct TextThreadCues: Sendable, Decodable {
    /// Between a poster's name and the post's time on a one-line header ("u/name · 2y").
    var headerSeparators: [String]
    /// Prefixes of a handle that are no part of the name ("u/", "Posted by ").
    var handlePrefixes: [String]
    /// Units of a relative time ("2y", "3 hours ago").
    var relativeTimeUnits: Set<String>
    var relativeTimeWords: [String]
    /// The whole text of a removed post: such a post is no comment.
    var removedBodies: Set<String>
    /// Q&A sites sign a post under it: "answered Jan 5, 2021 at 9:11 — Name".
    var attributionVerbs: [String]
    var attributionSeparators: [String]
    /// Lines that separate posts ("---").
    var postRules: Set<String>
    /// Marker lines of posts saved as text ("« Reply #3 on: <date> »", "<date> #4"): besides the date and the
    /// number only these words, and a number or one of the intros.
    var markerWords: Set<String>
    var markerIntros: [String]
    /// A line that ends a post; what follows it is a signature ("Logged").
    var postEndLines: Set<String>
    /// Starts of the page's lines after the last post ("All times are GMT", "Powered by …").
    var pageEndPrefixes: [String]
    /// A line that closes a quote ("Click to expand...").
    var quoteEndLines: Set<String>
    /// Words after the number of a blog's comment-list heading ("3 Responses to …", "12 thoughts on …").
    var commentCountWords: Set<String>

    enum CodingKeys: String, CodingKey {
        case headerSeparators = "header_separators", handlePrefixes = "handle_prefixes"
        case relativeTimeUnits = "relative_time_units", relativeTimeWords = "relative_time_words"
        case removedBodies = "removed_bodies", attributionVerbs = "attribution_verbs"
        case attributionSeparators = "attribution_separators", postRules = "post_rules"
        case markerWords = "marker_words", markerIntros = "marker_intros", postEndLines = "post_end_lines", pageEndPrefixes = "page_end_prefixes", quoteEndLines = "quote_end_lines", commentCountWords = "comment_count_words"
    }
}

extension TextThreadCues {
    /// "2y", "3 hours ago", "5d ago", "2 yr. ago", "just now".
    func isRelativeTime(_ part: String) -> Bool {
        let lower = part.lowercased()
        var words = lower.split(separator: " ").map { String($0.hasSuffix(".") ? $0.dropLast() : $0) }
        for word in relativeTimeWords where !word.contains(" ") { words.removeAll { $0 == word } }
        if relativeTimeWords.contains(where: { $0.contains(" ") && lower.contains($0) }) { return true }
        let joined = words.joined()
        let digits = joined.prefix { $0.isNumber }
        guard !digits.isEmpty else { return false }
        return relativeTimeUnits.contains(String(joined.dropFirst(digits.count)))
    }
}
