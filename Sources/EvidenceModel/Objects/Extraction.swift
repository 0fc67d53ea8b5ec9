/// Everything the pipeline extracts from one document; the storing stage writes it in one transaction.
public struct Extraction: Sendable {
    public var source: ExtractedSource
    public var studies: [ExtractedStudy]
    public var claims: [ExtractedClaim]
    public var comments: [ExtractedComment]
    /// Every concept mention in the document (not furniture), for the mentions table.
    public var mentions: [ConceptMention]
    public var regions: [Region]
    /// Concepts made from this document's text (`TextConceptID`), named as the text first writes them; the store
    /// adds those it does not hold yet.
    public var textConcepts: [Concept]

    public init(source: ExtractedSource, studies: [ExtractedStudy] = [], claims: [ExtractedClaim] = [],
                comments: [ExtractedComment] = [], mentions: [ConceptMention] = [], regions: [Region] = [],
                textConcepts: [Concept] = []) {
        self.textConcepts = textConcepts
        self.source = source
        self.studies = studies
        self.claims = claims
        self.comments = comments
        self.mentions = mentions
        self.regions = regions
    }
}

public struct ExtractedSource: Sendable {
    /// The document's identity: its path relative to the folder given to ingest (or its base name).
    public var file: String
    public var text: SourceText
    public var sha256: String
    /// Kind, title, date, author, publisher and sponsorship, as the metadata stage found them.
    public var metadata: SourceMetadata

    public init(file: String, text: SourceText, sha256: String, metadata: SourceMetadata) {
        self.file = file
        self.text = text
        self.sha256 = sha256
        self.metadata = metadata
    }

    /// A source with its metadata given field by field (tests and tools build sources this way).
    public init(file: String, text: SourceText, sha256: String, kind: SourceKind = .other, title: String? = nil,
                published: String? = nil, author: String? = nil, publisher: String? = nil,
                industrySponsored: Bool = false, sponsorEvidence: String? = nil) {
        self.init(file: file, text: text, sha256: sha256,
                  metadata: SourceMetadata(kind: kind, title: title, published: published, author: author, publisher: publisher,
                                           industrySponsored: industrySponsored, sponsorEvidence: sponsorEvidence))
    }
}

public struct StudyIntervention: Sendable, Hashable {
    /// The lexicon id of the substance (e.g. "vitamin-k2").
    public var conceptID: String
    /// The lexicon id of the specific form, when named (e.g. "mk-7").
    public var formID: String?
    public var dose: Dose?
    /// What the intervention is to the study (set by the findings stage; `studied` until then).
    public var role: InterventionRole

    public init(conceptID: String, formID: String? = nil, dose: Dose? = nil, role: InterventionRole = .studied) {
        self.conceptID = conceptID
        self.formID = formID
        self.dose = dose
        self.role = role
    }
}

public struct ExtractedStudy: Sendable {
    /// What makes two reports the same study across documents: a trial name, a title, or
    /// design + population + year. Normalised (lower-case, no punctuation). The study id is derived from it.
    public var identityKey: String
    public var title: String?
    public var name: String?
    public var design: StudyDesign
    public var species: Species?
    public var populationDescription: String?
    public var populationSize: Int?
    public var conditionIDs: [String]
    public var interventions: [StudyIntervention]
    public var comparator: String?
    public var duration: Duration?
    public var direction: Direction
    public var effect: String?
    public var journal: String?
    public var year: Int?
    /// Every place in this document where the study is spoken of.
    public var mentions: [TextSpan]
    /// What the study found for each studied intervention (or arm) on each outcome, as this document reports it.
    public var findings: [ExtractedFinding] = []

    public init(identityKey: String, title: String? = nil, name: String? = nil, design: StudyDesign = .unspecified,
                species: Species? = nil, populationDescription: String? = nil, populationSize: Int? = nil,
                conditionIDs: [String] = [], interventions: [StudyIntervention] = [], comparator: String? = nil,
                duration: Duration? = nil, direction: Direction = .unclear, effect: String? = nil,
                journal: String? = nil, year: Int? = nil, mentions: [TextSpan] = []) {
        self.identityKey = identityKey
        self.title = title
        self.name = name
        self.design = design
        self.species = species
        self.populationDescription = populationDescription
        self.populationSize = populationSize
        self.conditionIDs = conditionIDs
        self.interventions = interventions
        self.comparator = comparator
        self.duration = duration
        self.direction = direction
        self.effect = effect
        self.journal = journal
        self.year = year
        self.mentions = mentions
    }

    public var evidenceLevel: Int? { design.evidenceLevel }

    /// Marks an identity key that identifies a study within its document only: the store scopes it to the source.
    public static let localIdentityPrefix = "local:"
}

/// What one study found for one intervention (or one arm of it) on one outcome, with the quote of the result.
public struct ExtractedFinding: Sendable, Hashable {
    /// The substance (a lexicon id, e.g. "vitamin-k1").
    public var interventionID: String
    /// The specific form named for it, when one is (e.g. "mk-7").
    public var formID: String?
    /// The arm as the text names it ("high dose", "4 g a day"); nil when the result is for the intervention as a whole.
    public var arm: String?
    /// The outcome: a condition concept.
    public var outcomeID: String
    public var direction: Direction
    /// The size of the effect as written ("56% less progression"), when the result states one.
    public var effect: String?
    public var hedged: Bool
    /// The sentence (or clause) that states the result.
    public var span: TextSpan

    public init(interventionID: String, formID: String? = nil, arm: String? = nil, outcomeID: String, direction: Direction,
                effect: String? = nil, hedged: Bool = false, span: TextSpan) {
        self.interventionID = interventionID
        self.formID = formID
        self.arm = arm
        self.outcomeID = outcomeID
        self.direction = direction
        self.effect = effect
        self.hedged = hedged
        self.span = span
    }
}

public struct ExtractedClaim: Sendable {
    public var span: TextSpan
    public var kind: ClaimKind
    public var hedged: Bool
    public var attributedTo: String?
    /// Index into `Extraction.studies` of the study whose result the claim reports.
    public var studyIndex: Int?
    public var conditionIDs: [String]
    public var interventionIDs: [String]

    public init(span: TextSpan, kind: ClaimKind, hedged: Bool = false, attributedTo: String? = nil,
                studyIndex: Int? = nil, conditionIDs: [String] = [], interventionIDs: [String] = []) {
        self.span = span
        self.kind = kind
        self.hedged = hedged
        self.attributedTo = attributedTo
        self.studyIndex = studyIndex
        self.conditionIDs = conditionIDs
        self.interventionIDs = interventionIDs
    }
}

public struct ExtractedComment: Sendable {
    /// The comment's number on the page: as printed, or its position (1-based) when the page numbers none.
    public var number: Int
    /// The name exactly as the page shows it; nil when the page shows none.
    public var author: String?
    /// One id for one person's spellings on one page ("Arrow Durfee", "Arrow", "ArrowDurfee" -> "arrow-durfee").
    public var authorID: String
    /// ISO 8601 date (with only the precision given), when the comment shows one.
    public var date: String?
    /// The comment's own text (without its header line).
    public var span: TextSpan
    /// Index into `Extraction.comments` of the comment this one answers.
    public var replyToIndex: Int?
    public var isQuestion: Bool
    public var isPromotional: Bool
    public var conditionIDs: [String]
    public var interventionIDs: [String]
    public var doses: [Dose]

    public init(number: Int, author: String?, authorID: String, date: String? = nil, span: TextSpan,
                replyToIndex: Int? = nil, isQuestion: Bool = false, isPromotional: Bool = false,
                conditionIDs: [String] = [], interventionIDs: [String] = [], doses: [Dose] = []) {
        self.number = number
        self.author = author
        self.authorID = authorID
        self.date = date
        self.span = span
        self.replyToIndex = replyToIndex
        self.isQuestion = isQuestion
        self.isPromotional = isPromotional
        self.conditionIDs = conditionIDs
        self.interventionIDs = interventionIDs
        self.doses = doses
    }
}
