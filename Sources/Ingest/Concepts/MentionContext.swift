import EvidenceModel
/// Judges a found name by the words around it, with the cues of `lexicon/mentions.json`:
/// - inside a journal's title ("published in Stroke", "the Journal of Thrombosis and Haemostasis") a name
///   names the journal, not a condition or a substance the text speaks of;
/// - inside an organisation's name ("the American Cancer Society", "the Diabetes Centre at …") a name is part of
///   the name, not a condition or a substance the text speaks of;
/// - right after a misdiagnosis ("misdiagnosed with kidney stones", "ruled out cancer") a condition is one the
///   person does not have.
public struct MentionContext: Sendable {
    public struct Cues: Sendable, Decodable {
        public var journalHeads: [String]
        public var journalConnectors: [String]
        public var negationHeads: [String]
        public var organisationWords: [String]

        public init(journalHeads: [String] = [], journalConnectors: [String] = [], negationHeads: [String] = [],
                    organisationWords: [String] = []) {
            self.journalHeads = journalHeads
            self.journalConnectors = journalConnectors
            self.negationHeads = negationHeads
            self.organisationWords = organisationWords
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            journalHeads = try container.decode([String].self, forKey: .journalHeads)
            journalConnectors = try container.decode([String].self, forKey: .journalConnectors)
            negationHeads = try container.decode([String].self, forKey: .negationHeads)
            organisationWords = try container.decodeIfPresent([String].self, forKey: .organisationWords) ?? []
        }

        enum CodingKeys: String, CodingKey {
            case journalHeads = "journal_heads", journalConnectors = "journal_connectors", negationHeads = "negation_heads"
            case organisationWords = "organisation_words"
        }

        public static func load(_ locator: ResourceLocator = .standard) throws -> Cues {
            try locator.loadJSON(Cues.self, "lexicon/mentions.json")
        }
    }

    /// A journal title runs at most this many words after its head.
    static let journalTitleLength = 8

    /// Journal heads by their last word, so that each token is checked against the few heads it can end.
    private let journalHeads: [String: [[String]]]
    private let connectors: Set<String>
    private let negationHeads: [[String]]
    private let organisationWords: Set<String>

    public init(cues: Cues = Cues()) {
        journalHeads = Dictionary(grouping: cues.journalHeads.map(Self.keys).filter { !$0.isEmpty }, by: { $0.last ?? "" })
        connectors = Set(cues.journalConnectors.map { MatchTokenizer.fold($0, alphabetic: true) })
        negationHeads = cues.negationHeads.map(Self.keys).filter { !$0.isEmpty }
        organisationWords = Set(cues.organisationWords.map { MatchTokenizer.fold($0, alphabetic: true) })
    }

    private static func keys(_ phrase: String) -> [String] {
        let scalars = Array(phrase.unicodeScalars)
        return MatchTokenizer.tokens(scalars, in: TextSpan(0, scalars.count)).map(\.folded)
    }

    /// The tokens that belong to a journal's title: the capitalised words (and connectors between them) that
    /// follow a journal head, up to the first lower-case word, number or sentence break.
    func journalTitleTokens(_ tokens: [MatchToken]) -> Set<Int> {
        var inside: Set<Int> = []
        guard !journalHeads.isEmpty, !Self.isTitleCase(tokens) else { return inside }
        for index in tokens.indices {
            for head in journalHeads[tokens[index].folded] ?? [] where Self.matches(head, tokens, endingAt: index) {
                var position = index + 1
                while position < tokens.count, position - index <= Self.journalTitleLength, !Self.endsClause(tokens[position].gap) {
                    let token = tokens[position]
                    if Self.isCapitalised(token) {
                        inside.insert(position)
                    } else if !connectors.contains(token.folded) {
                        break
                    }
                    position += 1
                }
            }
        }
        return inside
    }

    /// The tokens of an organisation's name: a run of capitalised words (connectors such as "of" and "for" may
    /// join them) holding an organisation word ("Society", "Institute", "Foundation", "Centre" …).
    func organisationNameTokens(_ tokens: [MatchToken]) -> Set<Int> {
        var inside: Set<Int> = []
        guard !organisationWords.isEmpty, !Self.isTitleCase(tokens) else { return inside }
        var index = 0
        while index < tokens.count {
            guard Self.isCapitalised(tokens[index]), tokens[index].isAlphabetic else {
                index += 1
                continue
            }
            var run = [index]
            var next = index + 1
            while next < tokens.count, !Self.endsClause(tokens[next].gap) {
                if Self.isCapitalised(tokens[next]) && tokens[next].isAlphabetic {
                    run.append(next)
                    next += 1
                } else if connectors.contains(tokens[next].folded), next + 1 < tokens.count, !Self.endsClause(tokens[next + 1].gap),
                          Self.isCapitalised(tokens[next + 1]), tokens[next + 1].isAlphabetic {
                    run.append(next + 1)
                    next += 2
                } else {
                    break
                }
            }
            if run.count >= 2, run.contains(where: { organisationWords.contains(tokens[$0].folded) }) {
                inside.formUnion(run)
            }
            index = next
        }
        return inside
    }

    /// True when a negation head ends right before token `start` (a determiner may stand between).
    func isNegated(_ tokens: [MatchToken], before start: Int) -> Bool {
        guard start > 0, !negationHeads.isEmpty, tokens[start].gap != .breaking else { return false }
        var end = start - 1
        if MatchTokenizer.skippable.contains(tokens[end].folded), end > 0, tokens[end].gap != .breaking { end -= 1 }
        return negationHeads.contains { Self.matches($0, tokens, endingAt: end) }
    }

    /// A headline in title case ("Journal Study Links Diabetes To Gum Disease") has no journal title to find.
    private static func isTitleCase(_ tokens: [MatchToken]) -> Bool {
        let words = tokens.filter { $0.isAlphabetic && $0.cased.unicodeScalars.count > 3 }
        guard words.count >= 3 else { return false }
        return words.filter(isCapitalised).count * 10 >= words.count * 9
    }

    /// A break, or punctuation that ends a clause: a journal title does not run across it.
    private static func endsClause(_ gap: MatchToken.Gap) -> Bool {
        switch gap {
        case .breaking: return true
        case .joining: return false
        case .literal(let text): return text.unicodeScalars.contains { ".;:!?()[]".unicodeScalars.contains($0) }
        }
    }

    private static func matches(_ head: [String], _ tokens: [MatchToken], endingAt end: Int) -> Bool {
        let first = end - head.count + 1
        guard first >= 0 else { return false }
        for (offset, key) in head.enumerated() {
            let token = tokens[first + offset]
            if token.folded != key { return false }
            if offset > 0, token.gap == .breaking { return false }
        }
        return true
    }

    private static func isCapitalised(_ token: MatchToken) -> Bool {
        guard let first = token.cased.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
}
