import EvidenceModel
/// The words the quantity extractor reads, from `lexicon/units.json`: unit spellings, frequencies, number
/// words. Kept as data so that a new spelling is a line in a file, not a code change.
struct UnitTable: Sendable, Decodable {
    struct IUConversion: Sendable, Decodable {
        var words: [String]
        var mcgPerIU: Double
        enum CodingKeys: String, CodingKey {
            case words
            case mcgPerIU = "mcg_per_iu"
        }
    }

    var massUnits: [String: Double]
    var iuUnits: [String]
    var iuConversions: [IUConversion]
    var administrationNouns: [String]
    var timesWords: [String: Double]
    var periodDays: [String: Double]
    var frequencyWords: [String: Double]
    var frequencyPhrases: [String: Double]
    var numberWords: [String: Double]
    var numberScales: [String: Double]
    var ordinals: [String: Double]
    var durationUnits: [String: Double]
    var populationNouns: [String]
    var populationStopWords: [String]
    var effectWords: [String]
    var effectVerbs: [String]
    var effectQualifiers: [String]
    var fractions: [String: Double]
    var ratioNames: [String]

    enum CodingKeys: String, CodingKey {
        case massUnits = "mass_units"
        case iuUnits = "iu_units"
        case iuConversions = "iu_conversions"
        case administrationNouns = "administration_nouns"
        case timesWords = "times_words"
        case periodDays = "period_days"
        case frequencyWords = "frequency_words"
        case frequencyPhrases = "frequency_phrases"
        case numberWords = "number_words"
        case numberScales = "number_scales"
        case ordinals
        case durationUnits = "duration_units"
        case populationNouns = "population_nouns"
        case populationStopWords = "population_stop_words"
        case effectWords = "effect_words"
        case effectVerbs = "effect_verbs"
        case effectQualifiers = "effect_qualifiers"
        case fractions
        case ratioNames = "ratio_names"
    }

    static func load(from locator: ResourceLocator) throws -> UnitTable {
        try locator.loadJSON(UnitTable.self, "lexicon/units.json")
    }
}

/// Phrases of several words (frequencies, fractions, ratio names), looked up word by word.
struct PhraseTable: Sendable {
    private var phrases: [[String]: Double] = [:]
    /// The first words of all phrases: most tokens start none, and are turned away with one look-up.
    private var firstWords: Set<String> = []
    private(set) var longest = 0

    init(_ entries: [String: Double]) {
        for (phrase, value) in entries {
            let words = QuantityTokenizer.words(of: phrase)
            guard !words.isEmpty else { continue }
            phrases[words] = value
            firstWords.insert(words[0])
            longest = max(longest, words.count)
        }
    }

    init(_ entries: [String]) { self.init(Dictionary(entries.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a })) }

    /// The longest phrase starting at token `index`: its value and the index of its last token.
    func match(_ tokens: [QuantityToken], at index: Int) -> (value: Double, last: Int)? {
        guard index < tokens.count, let first = tokens[index].phraseWord, firstWords.contains(first) else { return nil }
        var words: [String] = []
        var best: (Double, Int)?
        var position = index
        while position < tokens.count, words.count < longest {
            guard let word = tokens[position].phraseWord else { break }
            if position > index, tokens[position].startsSentence { break }
            words.append(word)
            if let value = phrases[words] { best = (value, position) }
            position += 1
        }
        return best
    }
}
