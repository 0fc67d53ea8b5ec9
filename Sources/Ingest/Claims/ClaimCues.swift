import EvidenceModel
/// The cue words of the claim stage, kept as data in `lexicon/claims.json`.
struct ClaimCues: Sendable {
    struct KindCue: Decodable, Sendable {
        var kind: String
        var cues: [String]
    }

    struct File: Decodable, Sendable {
        var hedges: [String]
        var kinds: [KindCue]
        var headingKinds: [KindCue]
        var speechVerbs: [String]
        var pronounSpeakers: [String]
        var nameTitles: [String]
        var clauseBreaks: [String]
        var speakerStopWords: [String]
        var weakKindsFrom: Int
        var dosageWithQuantity: [String]
        var imperatives: [String]
        var nonClaimLabels: [String]
        var methodVerbs: [String]

        enum CodingKeys: String, CodingKey {
            case hedges, kinds
            case headingKinds = "heading_kinds", speechVerbs = "speech_verbs", pronounSpeakers = "pronoun_speakers"
            case nameTitles = "name_titles", clauseBreaks = "clause_breaks", speakerStopWords = "speaker_stop_words"
            case weakKindsFrom = "weak_kinds_from", dosageWithQuantity = "dosage_with_quantity"
            case imperatives, nonClaimLabels = "non_claim_labels", methodVerbs = "method_verbs"
        }
    }

    let hedges: PhraseSet
    /// Kinds in the order they are tried; those from `weakKindsFrom` on are only tried on the whole sentence.
    let kinds: [(ClaimKind, PhraseSet)]
    let weakKindsFrom: Int
    let headingKinds: [(ClaimKind, PhraseSet)]
    let speechVerbs: Set<String>
    let pronounSpeakers: Set<String>
    let nameTitles: Set<String>
    let clauseBreaks: [String]
    let speakerStopWords: Set<String>
    let dosageWithQuantity: PhraseSet
    let imperatives: Set<String>
    /// "Keywords:", "Funding:": labelled lines that list or declare, never assert.
    let nonClaimLabels: PhraseSet
    /// Verbs of a method description ("researchers exposed …", "rats were divided …").
    let methodVerbs: Set<String>

    init(locator: ResourceLocator) throws {
        let file = try locator.loadJSON(File.self, "lexicon/claims.json")
        func compile(_ list: [KindCue]) -> [(ClaimKind, PhraseSet)] {
            list.compactMap { cue in ClaimKind(rawValue: cue.kind).map { ($0, PhraseSet(cue.cues)) } }
        }
        hedges = PhraseSet(file.hedges)
        kinds = compile(file.kinds)
        weakKindsFrom = file.weakKindsFrom
        headingKinds = compile(file.headingKinds)
        speechVerbs = Set(file.speechVerbs.map { WordTokenizer.fold($0) })
        pronounSpeakers = Set(file.pronounSpeakers)
        nameTitles = Set(file.nameTitles.map { WordTokenizer.fold($0) })
        clauseBreaks = file.clauseBreaks
        speakerStopWords = Set(file.speakerStopWords)
        dosageWithQuantity = PhraseSet(file.dosageWithQuantity)
        imperatives = Set(file.imperatives)
        nonClaimLabels = PhraseSet(file.nonClaimLabels)
        methodVerbs = Set(file.methodVerbs)
    }
}
