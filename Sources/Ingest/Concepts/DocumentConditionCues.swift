import EvidenceModel

/// The word lists of `lexicon/document_conditions.json`: which sentences of a document are background, so that a
/// condition named only there is not its study's topic.
struct DocumentConditionCues: Sendable {
    /// Prevalence, other research, general statements, aims, plans and advice: a sentence with one is background.
    var background: PhraseSet
    /// A side-effect list is a result even when it says "most often" or "can cause".
    var adverse: PhraseSet
    /// "diseases such as", "problems including": the condition after them is an example.
    var exampleHeads: Set<String>
    var exampleCues: PhraseSet

    /// No cues: every mention counts (what the stage did before it read sentences).
    init() {
        background = PhraseSet([])
        adverse = PhraseSet([])
        exampleHeads = []
        exampleCues = PhraseSet([])
    }

    private struct File: Decodable {
        var backgroundCues: [String: [String]]
        var adverseCues: [String]
        var exampleHeads: [String]
        var exampleCues: [String]

        enum CodingKeys: String, CodingKey {
            case backgroundCues = "background_cues", adverseCues = "adverse_cues"
            case exampleHeads = "example_heads", exampleCues = "example_cues"
        }
    }

    static func load(_ locator: ResourceLocator = .standard) throws -> DocumentConditionCues {
        let file = try locator.loadJSON(File.self, "lexicon/document_conditions.json")
        var cues = DocumentConditionCues()
        cues.background = PhraseSet(file.backgroundCues.keys.sorted().flatMap { file.backgroundCues[$0] ?? [] })
        cues.adverse = PhraseSet(file.adverseCues)
        cues.exampleHeads = Set(file.exampleHeads.map { $0.lowercased() })
        cues.exampleCues = PhraseSet(file.exampleCues)
        return cues
    }
}
