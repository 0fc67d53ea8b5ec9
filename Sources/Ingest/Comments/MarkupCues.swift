/// The class, id and itemprop words of forum and comment markup (`lexicon/comments.json`, "markup").
struct MarkupCues: Sendable, Decodable {
    /// Words of a class or id that name a post: "post", "comment", "reply", "message", "answer".
    var postWords: Set<String>
    /// Words that make a class name a part of a post rather than the post ("post-body", "reply-author").
    var partWords: Set<String>
    var authorWords: Set<String>
    var authorItemprops: Set<String>
    /// Parts of a link to a member's profile: a short link text there is a poster's name.
    var authorLinkParts: [String]
    var dateWords: Set<String>
    var bodyWords: Set<String>
    var quoteWords: Set<String>
    var quoteHeaderWords: Set<String>
    var signatureWords: Set<String>
    /// Class words of the buttons and votes under a post: where they start, the post's text ends.
    var buttonWords: Set<String>
    /// A line that is only one of these opens a signature under a post ("--", "___").
    var signatureRules: Set<String>
    /// Page furniture: an author-like element inside these is not a poster.
    var furnitureWords: Set<String>
    /// Names shown for people without an account; several people may share one.
    var genericNames: Set<String>
    /// Role marks after a name ("Name (OP)"), no part of it.
    var authorBadges: Set<String>
    /// Words around a poster's name in a post's header row ("from:", "posted by", "date:").
    var headerLabels: [String]
    /// Class words of icons ("icon-user-add"): such an element draws a picture or a button, it names no poster.
    var iconWords: Set<String>
    /// Parts of links to signing in or up ("login", "register"): a box holding one is the visitor's, not a poster's.
    var accountLinkParts: [String]
    /// Words of a label printing a post's depth in a flat list ("level 2"): the nesting the page shows by indenting.
    var depthWords: Set<String>

    enum CodingKeys: String, CodingKey {
        case postWords = "post_words", partWords = "part_words", authorWords = "author_words"
        case authorItemprops = "author_itemprops", authorLinkParts = "author_link_parts", dateWords = "date_words"
        case bodyWords = "body_words", quoteWords = "quote_words", quoteHeaderWords = "quote_header_words"
        case signatureWords = "signature_words", signatureRules = "signature_rules", buttonWords = "button_words", furnitureWords = "furniture_words", genericNames = "generic_names"
        case authorBadges = "author_badges", headerLabels = "header_labels", iconWords = "icon_words", accountLinkParts = "account_link_parts"
        case depthWords = "depth_words"
    }
}
