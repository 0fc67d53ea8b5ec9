import EvidenceModel

/// The word lists of `lexicon/text_concepts.json`, folded as the concept matcher folds text (lower case, no
/// diacritics, singular), so that a list's word and the text's word compare as equal keys.
struct TextConceptCues: Sendable {
    /// Each cue as its folded words ("risk of" -> ["risk", "of"]).
    var outcomeCues: [[String]]
    var leadingWords: Set<String>
    var measureHeads: Set<String>
    var stopWords: Set<String>
    var genericHeads: Set<String>
    var vagueWords: Set<String>
    var interventionHeads: Set<String>
    var namedHeads: Set<String>
    /// Endings a one-word outcome must have, and endings no head may have (folded, matched as suffixes).
    var singleWordEndings: [String]
    var adjectiveEndings: [String]
    /// Words no phrase may contain: numbers in words, days, money and publishing words.
    var genericModifiers: Set<String>
    /// Endings of international nonproprietary names (lower case, matched as suffixes of a long word).
    var drugNameEndings: [String] = []
    /// Nouns of a product that a naming cue may introduce ("drug", "device"), and the cues ("called", "known as").
    var productNouns: Set<String> = []
    var namingCues: [[String]] = []

    private struct File: Decodable {
        var outcomeCues: [String]
        var leadingWords: [String]
        var measureHeads: [String]
        var stopWords: [String]
        var genericHeads: [String]
        var vagueWords: [String]
        var interventionHeads: [String]
        var namedHeads: [String]
        var singleWordEndings: [String]
        var adjectiveEndings: [String]
        var genericModifiers: [String]
        var drugNameEndings: [String]?
        var productNouns: [String]?
        var namingCues: [String]?

        enum CodingKeys: String, CodingKey {
            case outcomeCues = "outcome_cues", leadingWords = "leading_words", measureHeads = "measure_heads"
            case stopWords = "stop_words", genericHeads = "generic_heads", vagueWords = "vague_words"
            case interventionHeads = "intervention_heads", namedHeads = "named_heads"
            case singleWordEndings = "single_word_endings", adjectiveEndings = "adjective_endings"
            case genericModifiers = "generic_modifiers"
            case drugNameEndings = "drug_name_endings", productNouns = "product_nouns", namingCues = "naming_cues"
        }
    }

    static func load(_ locator: ResourceLocator = .standard) throws -> TextConceptCues {
        let file = try locator.loadJSON(File.self, "lexicon/text_concepts.json")
        func words(_ list: [String]) -> Set<String> { Set(list.flatMap(folded)) }
        return TextConceptCues(outcomeCues: file.outcomeCues.map(folded).filter { !$0.isEmpty },
                               leadingWords: words(file.leadingWords), measureHeads: words(file.measureHeads),
                               stopWords: words(file.stopWords), genericHeads: words(file.genericHeads),
                               vagueWords: words(file.vagueWords), interventionHeads: words(file.interventionHeads),
                               namedHeads: words(file.namedHeads), singleWordEndings: file.singleWordEndings.map { $0.lowercased() },
                               adjectiveEndings: file.adjectiveEndings.map { $0.lowercased() },
                               genericModifiers: words(file.genericModifiers),
                               drugNameEndings: (file.drugNameEndings ?? []).map { $0.lowercased() },
                               productNouns: words(file.productNouns ?? []),
                               namingCues: (file.namingCues ?? []).map(folded).filter { !$0.isEmpty })
    }

    /// The folded words of a phrase of the lists.
    static func folded(_ phrase: String) -> [String] {
        let scalars = Array(phrase.unicodeScalars)
        return MatchTokenizer.tokens(scalars, in: TextSpan(0, scalars.count)).map(\.folded)
    }
}
