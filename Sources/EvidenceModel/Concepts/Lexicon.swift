/// The domain knowledge: conditions, interventions (with forms and brands) and species, kept as data in
/// `lexicon/concepts.json` and served by the API.
public enum ConceptType: String, Sendable, Codable, CaseIterable {
    case condition
    case intervention
    case species
}

public struct Concept: Sendable, Codable, Hashable {
    /// A stable slug, e.g. "vitamin-k2". Used as the API id.
    public var id: String
    public var type: ConceptType
    /// The canonical name, e.g. "vitamin K2".
    public var name: String
    /// Other names, matched case-insensitively on word boundaries.
    public var synonyms: [String]
    /// Short forms matched case-sensitively ("CKD", "MK-7"), so that ordinary words are not taken for them.
    public var abbreviations: [String]
    /// Common misspellings, matched exactly (long words are also matched within a small edit distance).
    public var misspellings: [String]
    /// Trade names of products (interventions only), e.g. "MenaQ7".
    public var brands: [String]
    /// Ids of broader concepts (is-a / form-of links). Narrower links are derived from these.
    public var broader: [String]
    /// True when this intervention is a chemical form of its broader substance (MK-7 of vitamin K2).
    public var isForm: Bool
    /// Ambiguous short forms ("k2" in lower case) that count only when one of `context` is near.
    public var contextual: [String]
    /// Words that make a `contextual` form mean this concept when they occur close by ("vitamin", "mcg").
    public var context: [String]
    /// Phrases that contain one of this concept's names but do not mean it (a company named after a food).
    public var exclusions: [String]

    public init(id: String, type: ConceptType, name: String, synonyms: [String] = [], abbreviations: [String] = [],
                misspellings: [String] = [], brands: [String] = [], broader: [String] = [], isForm: Bool = false,
                contextual: [String] = [], context: [String] = [], exclusions: [String] = []) {
        self.id = id
        self.type = type
        self.name = name
        self.synonyms = synonyms
        self.abbreviations = abbreviations
        self.misspellings = misspellings
        self.brands = brands
        self.broader = broader
        self.isForm = isForm
        self.contextual = contextual
        self.context = context
        self.exclusions = exclusions
    }

    enum CodingKeys: String, CodingKey {
        case id, type, name, synonyms, abbreviations, misspellings, brands, broader, contextual, context, exclusions
        case isForm = "is_form"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(ConceptType.self, forKey: .type)
        name = try c.decode(String.self, forKey: .name)
        synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        abbreviations = try c.decodeIfPresent([String].self, forKey: .abbreviations) ?? []
        misspellings = try c.decodeIfPresent([String].self, forKey: .misspellings) ?? []
        brands = try c.decodeIfPresent([String].self, forKey: .brands) ?? []
        broader = try c.decodeIfPresent([String].self, forKey: .broader) ?? []
        isForm = try c.decodeIfPresent(Bool.self, forKey: .isForm) ?? false
        contextual = try c.decodeIfPresent([String].self, forKey: .contextual) ?? []
        context = try c.decodeIfPresent([String].self, forKey: .context) ?? []
        exclusions = try c.decodeIfPresent([String].self, forKey: .exclusions) ?? []
    }

    /// Every name that the matcher looks for, whatever its kind.
    public var allNames: [String] { [name] + synonyms + abbreviations + misspellings + brands + contextual }
}

public struct Lexicon: Sendable {
    public let concepts: [Concept]
    /// Ordinary English words that lie within a small edit distance of a lexicon word ("morality" of
    /// "mortality"); the matcher never takes them for misspellings.
    public let ordinaryWords: [String]
    private let index: [String: Int]
    private let narrowerIDs: [String: [String]]

    public init(concepts: [Concept], ordinaryWords: [String] = []) throws(LexiconError) {
        var index: [String: Int] = [:]
        for (position, concept) in concepts.enumerated() {
            guard index[concept.id] == nil else { throw LexiconError.duplicateID(concept.id) }
            guard !TextConceptID.isTextConcept(concept.id) else { throw LexiconError.reservedID(concept.id) }
            index[concept.id] = position
        }
        var narrower: [String: [String]] = [:]
        for concept in concepts {
            for parent in concept.broader {
                guard index[parent] != nil else { throw LexiconError.unknownBroader(concept.id, parent) }
                narrower[parent, default: []].append(concept.id)
            }
        }
        self.concepts = concepts
        self.ordinaryWords = ordinaryWords
        self.index = index
        self.narrowerIDs = narrower
        for concept in concepts where self.ancestors(of: concept.id).contains(concept.id) {
            throw LexiconError.cycle(concept.id)
        }
    }

    /// Loads `lexicon/concepts.json`.
    public static func load(from locator: ResourceLocator = .standard) throws -> Lexicon {
        struct File: Decodable {
            var concepts: [Concept]
            var ordinaryWords: [String]?
            enum CodingKeys: String, CodingKey {
                case concepts
                case ordinaryWords = "ordinary_words"
            }
        }
        let file = try locator.loadJSON(File.self, "lexicon/concepts.json")
        return try Lexicon(concepts: file.concepts, ordinaryWords: file.ordinaryWords ?? [])
    }

    /// A concept of the lexicon, or one made from a document's text (`TextConceptID`), by id.
    public func concept(_ id: String) -> Concept? {
        if let position = index[id] { return concepts[position] }
        return TextConceptID.concept(id)
    }

    /// Direct narrower concepts.
    public func narrower(of id: String) -> [String] { narrowerIDs[id] ?? [] }

    /// All broader concepts, transitively (not including `id`).
    public func ancestors(of id: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = concept(id)?.broader ?? []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, seen.count < 10_000 else { continue }
            stack.append(contentsOf: concept(next)?.broader ?? [])
        }
        return seen
    }

    /// All narrower concepts, transitively (not including `id`).
    public func descendants(of id: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = narrower(of: id)
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack.append(contentsOf: narrower(of: next))
        }
        return seen
    }

    /// For a form (MK-7), the substance it is a form of (vitamin K2); for anything else, itself.
    public func substance(of id: String) -> String {
        var current = id
        var steps = 0
        while let concept = concept(current), concept.isForm, let parent = concept.broader.first, steps < 16 {
            current = parent
            steps += 1
        }
        return current
    }
}

public enum LexiconError: Error, Sendable, CustomStringConvertible {
    case duplicateID(String)
    case unknownBroader(String, String)
    case cycle(String)
    case reservedID(String)

    public var description: String {
        switch self {
        case .duplicateID(let id): return "lexicon: the id \(id) is used twice"
        case let .unknownBroader(id, parent): return "lexicon: \(id) names an unknown broader concept \(parent)"
        case .cycle(let id): return "lexicon: \(id) is its own ancestor"
        case .reservedID(let id): return "lexicon: \(id) is in the namespace of concepts made from text (\(TextConceptID.prefix))"
        }
    }
}
