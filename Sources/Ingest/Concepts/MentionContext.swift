import EvidenceModel
/// Judges a found name by the words around it, with the cues of `lexicon/mentions.json`:
/// - inside a journal's title ("published in Stroke", "the Journal of Thrombosis and Haemostasis") a name
///   names the journal, not a condition or a substance the text speaks of;
/// - right after a misdiagnosis ("misdiagnosed with kidney stones", "ruled out cancer") a condition is one the
///   person does not have.
public struct MentionContext: Sendable {
    public struct Cues: Sendable, Decodable {
        public var journalHeads: [String]
        public var journalConnectors: [String]
        public var negationHeads: [String]

        public init(journalHeads: [String] = [], journalConnectors: [String] = [], negationHeads: [String] = []) {
            self.journalHeads = journalHeads
            self.journalConnectors = journalConnectors
            self.negationHeads = negationHeads
        }

        enum CodingKeys: String, CodingKey {
            case journalHeads = "journal_heads", journalConnectors = "journal_connectors", negationHeads = "negation_heads"
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

    public init(cues: Cues = Cues()) {
        journalHeads = Dictionary(grouping: cues.journalHeads.map(Self.keys).filter { !$0.isEmpty }, by: { $0.last ?? "" })
        connectors = Set(cues.journalConnectors.map { MatchTokenizer.fold($0, alphabetic: true) })
        negationHeads = cues.negationHeads.map(Self.keys).filter { !$0.isEmpty }
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
