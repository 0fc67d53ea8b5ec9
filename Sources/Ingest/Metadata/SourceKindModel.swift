import EvidenceModel

/// Press release or news story, learnt from labelled documents rather than written as cues.
///
/// Cue phrases ("today announced", "###", "in a press release") kept failing on unseen documents: most real
/// releases carry none of them, and news stories quote releases. A logistic regression over which words a
/// text contains tells the two apart far better on a held-out half of a labelled corpus (see EVALUATION.md).
/// Its weights are data (`lexicon/source_kind_model.json`, trained by `scripts/train-source-kind.py`); the
/// features here must stay exactly those the script computes: runs of ASCII letters, lower-cased, 2 to 20
/// letters long, each counted once.
struct SourceKindModel: Sendable, Decodable {
    let bias: Double
    let weights: [String: Double]

    /// The log-odds that `text` is a press release rather than a news story.
    func releaseLogOdds(_ text: SourceText) -> Double {
        var seen: Set<String> = []
        var word: [UInt8] = []
        var score = bias
        func close() {
            defer { word.removeAll(keepingCapacity: true) }
            guard (2...20).contains(word.count) else { return }
            let key = String(decoding: word, as: UTF8.self)
            if let weight = weights[key], seen.insert(key).inserted { score += weight }
        }
        for scalar in text.scalars {
            switch scalar.value {
            case 0x61...0x7A: word.append(UInt8(scalar.value))
            case 0x41...0x5A: word.append(UInt8(scalar.value + 0x20))
            default: if !word.isEmpty { close() }
            }
        }
        if !word.isEmpty { close() }
        return score
    }
}
