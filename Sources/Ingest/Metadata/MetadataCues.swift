/// The cue lists of `lexicon/metadata.json`.
struct MetadataCues: Sendable, Decodable {
    struct Kinds: Sendable, Decodable {
        var pressRelease: [String]
        var reportedPress: [String]
        /// News agencies, reporters and independent comment ("not involved in the study"): journalism's marks.
        var newsSources: [String]
        /// Lines that end a press release ("###", "-30-"), matched against whole lines.
        var endMarkers: Set<String>
        var medicalQA: [String]
        var blogPost: [String]
        var forumThread: [String]
        var abstractLabels: Set<String>

        enum CodingKeys: String, CodingKey {
            case pressRelease = "press_release", reportedPress = "reported_press", medicalQA = "medical_qa"
            case blogPost = "blog_post", forumThread = "forum_thread", abstractLabels = "abstract_labels"
            case newsSources = "news_sources", endMarkers = "end_markers"
        }
    }

    struct Author: Sendable, Decodable {
        var cues: [String]
        var notCues: [String]
        var stopWords: Set<String>
        var particles: Set<String>
        /// Reviewers and answerers: the author of a Q&A page when it names no writer.
        var reviewerCues: [String]
        var honorifics: Set<String>

        enum CodingKeys: String, CodingKey {
            case cues, notCues = "not_cues", stopWords = "stop_words", particles
            case reviewerCues = "reviewer_cues", honorifics
        }
    }

    struct Dates: Sendable, Decodable {
        var cues: [String]
        /// Words of cues that date a later change, not the page ("Last updated", "Reviewed").
        var updateCues: [String]

        enum CodingKeys: String, CodingKey {
            case cues, updateCues = "update_cues"
        }
    }

    struct Publisher: Sendable, Decodable {
        var cues: [String]
        var liability: [String]
    }

    struct Sponsor: Sendable, Decodable {
        var selfAnnouncement: [String]
        var pressMaterial: [String]
        var tradeNames: [String]
        var executiveRoles: [String]
        var companyWords: Set<String>
        /// A researcher's ties, funding or donated pills ("consultant to", "funded by"): never sponsorship evidence.
        var disclosureBlockers: [String]
        /// Universities, hospitals, charities, agencies: an "About" section or an officer of one is no company's.
        var publicBodies: [String]

        enum CodingKeys: String, CodingKey {
            case selfAnnouncement = "self_announcement", pressMaterial = "press_material", tradeNames = "trade_names"
            case executiveRoles = "executive_roles", companyWords = "company_words"
            case disclosureBlockers = "disclosure_blockers", publicBodies = "public_bodies"
        }
    }

    var kinds: Kinds
    var author: Author
    var dates: Dates
    var publisher: Publisher
    var sponsor: Sponsor
    var titlePrefixes: [String]

    enum CodingKeys: String, CodingKey {
        case kinds, author, dates, publisher, sponsor
        case titlePrefixes = "title_prefixes"
    }
}
