import EvidenceModel
/// The cue lists of `lexicon/comments.json`, shared by the comment extractor and the region segmenter
/// (which looks for comment headers to find where a comment section starts).
struct CommentCues: Sendable, Decodable {
    var headerVerbs: Set<String>
    var postPrefixes: [String]
    var separators: Set<String>
    var trailerLines: Set<String>
    var profileLines: [String]
    var greetings: [String]
    var thanksOpeners: [String]
    var quoteIntros: [String]
    var quoteVerbs: [String]
    var questionCues: [String]
    /// Openings of a question that expects no answer ("Who wants to …?", "Why do we always …?").
    var rhetoricalOpeners: [String]
    /// Endings of a question that expects no answer, at any length ("… or everything, who knows?").
    var rhetoricalEnders: [String]
    /// Tags that make a short question rhetorical ("Nice, isn't it?").
    var rhetoricalTags: [String]
    var promotionalCues: [String]
    var promotionalLinkWords: [String]
    var notNames: Set<String>
    /// Openings of an answer ("Not really.", "Yes,"): after a question, the comment answers it.
    var answerOpeners: [String]
    /// What follows a name that opens a comment addressed to someone ("Helen, …", "Tom is right.").
    var nameFollowers: [String]
    /// Class and id words of forum and comment markup.
    var markup: MarkupCues
    /// Plain-text thread layouts.
    var textThreads: TextThreadCues

    enum CodingKeys: String, CodingKey {
        case headerVerbs = "header_verbs", postPrefixes = "post_prefixes", separators, trailerLines = "trailer_lines"
        case profileLines = "profile_lines", greetings, thanksOpeners = "thanks_openers", quoteIntros = "quote_intros"
        case quoteVerbs = "quote_verbs", questionCues = "question_cues", rhetoricalOpeners = "rhetorical_openers", rhetoricalEnders = "rhetorical_enders",
             rhetoricalTags = "rhetorical_tags", promotionalCues = "promotional_cues"
        case promotionalLinkWords = "promotional_link_words", notNames = "not_names", answerOpeners = "answer_openers"
        case nameFollowers = "name_followers", markup, textThreads = "text_threads"
    }

    static func load(_ locator: ResourceLocator) throws -> CommentCues {
        try locator.loadJSON(CommentCues.self, "lexicon/comments.json")
    }
}
