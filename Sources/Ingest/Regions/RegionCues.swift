/// The cue phrases of `lexicon/regions.json`: what furniture, reference headings, boilerplate, comment
/// sections and metadata lines look like. Kept as data so that a new site's widgets need no code change.
struct RegionCues: Sendable, Decodable {
    struct PhraseSet: Sendable, Decodable {
        var equals: Set<String>
        var prefixes: [String]
        var contains: [String]
        var sectionPrefixes: [String]
        let prefixMatcher: PhraseMatcher
        let containsMatcher: PhraseMatcher
        let sectionMatcher: PhraseMatcher

        enum CodingKeys: String, CodingKey {
            case equals, prefixes, contains
            case sectionPrefixes = "section_prefixes"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            equals = try c.decodeIfPresent(Set<String>.self, forKey: .equals) ?? []
            prefixes = try c.decodeIfPresent([String].self, forKey: .prefixes) ?? []
            contains = try c.decodeIfPresent([String].self, forKey: .contains) ?? []
            sectionPrefixes = try c.decodeIfPresent([String].self, forKey: .sectionPrefixes) ?? []
            prefixMatcher = PhraseMatcher(prefixes)
            containsMatcher = PhraseMatcher(contains)
            sectionMatcher = PhraseMatcher(sectionPrefixes)
        }
    }

    struct Boilerplate: Sendable, Decodable {
        var aboutPrefix: String
        var aboutExceptions: [String]
        var lines: Set<String>
        var prefixes: [String]

        enum CodingKeys: String, CodingKey {
            case aboutPrefix = "about_prefix", aboutExceptions = "about_exceptions", lines, prefixes
        }
    }

    struct Metadata: Sendable, Decodable {
        var prefixes: [String]
        var maxLength: Int

        enum CodingKeys: String, CodingKey {
            case prefixes
            case maxLength = "max_length"
        }
    }

    var shortLine: Int
    var furniture: PhraseSet
    var references: Set<String>
    var boilerplate: Boilerplate
    var commentSections: PhraseSet
    var metadata: Metadata
    var menuRun: Int
    /// Lines that name a forum thread or question: "Thread: …", "Topic: …".
    var titlePrefixes: [String]
    /// Small numbers written as words, read like digits in a comment-section heading ("Two responses to …").
    var countWords: Set<String>
    /// Headings that count the responses to an article ("# responses to", "# thoughts on"): what stands above one
    /// is the article, never comments. A board's "# replies" is not one.
    var articleCommentCounts: [String]

    enum CodingKeys: String, CodingKey {
        case shortLine = "short_line", furniture, references, boilerplate
        case commentSections = "comment_sections", metadata
        case menuRun = "menu_run", titlePrefixes = "title_prefixes", countWords = "count_words"
        case articleCommentCounts = "article_comment_counts"
    }
}

extension RegionCues.PhraseSet {
    /// Whether a normalised line matches: equal to a phrase, starting with one (at a word boundary), or — for a
    /// short line — containing one.
    func matches(_ line: TextLine, isShort: Bool) -> Bool {
        if equals.contains(line.norm) { return true }
        if prefixMatcher.isPrefix(of: line.normScalars) { return true }
        if isShort, containsMatcher.occurs(in: line.normScalars) { return true }
        return false
    }

    func startsSection(_ line: TextLine) -> Bool {
        sectionMatcher.isPrefix(of: line.normScalars)
    }
}

/// Phrase matching at word boundaries.
enum Phrase {
    /// True when `line` starts with `prefix` and the prefix does not stop in the middle of a word
    /// ("share this" matches "share this article" but "share" does not match "shared").
    static func hasPrefix(_ line: String, _ prefix: String) -> Bool {
        guard line.hasPrefix(prefix) else { return false }
        guard let lastOfPrefix = prefix.unicodeScalars.last, ScalarKind.isAlphanumeric(lastOfPrefix) else { return true }
        let rest = line.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
        guard let next = rest.first else { return true }
        return !ScalarKind.isAlphanumeric(next)
    }
}
