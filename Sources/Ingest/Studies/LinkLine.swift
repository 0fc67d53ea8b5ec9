import EvidenceModel
/// "MORE: Coffee Lovers Live Longer, Study Says": a label in capitals and a colon before the headline of another
/// article. A link names no study of this document, and its study noun must neither open one nor join one.
enum LinkLine {
    static func isLink(_ sentence: Sentence, cues: StudyCues) -> Bool {
        let text = sentence.text
        guard let colon = text.unicodeScalars.firstIndex(of: ":"),
              text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: colon) <= 14 else { return false }
        let label = String(text.unicodeScalars[..<colon]).trimmingCharactersInSpaces()
        // Capitals only: "Read more: …" in running text may introduce the study's own description.
        guard !label.isEmpty, label.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }) else { return false }
        let words = WordTokenizer.tokens(label, base: 0)
        guard let match = cues.linkLabels.matches(in: words).first else { return false }
        return match == 0..<words.count
    }
}
