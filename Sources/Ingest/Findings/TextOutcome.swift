import EvidenceModel
/// An outcome the concept stage made from the text ("bone thinning") is often the plain wording of a condition the
/// study already holds from the lexicon ("bone mineral density"). Such a phrase shares a content word with that
/// condition; the finding then takes the lexicon's concept, which is the one the evidence matrix and a query by
/// condition know. A phrase that shares no word ("social difficulties" beside "pregnancy") keeps its own concept.
struct TextOutcome: Sendable {
    /// The study's lexicon conditions that may be outcomes, in the study's order.
    let conditions: [String]
    /// Words that tie nothing ("disease", "risk", "health"): a phrase and a condition sharing only these differ.
    let generic: Set<String>

    static let none = TextOutcome(conditions: [], generic: [])

    /// Each text-made outcome replaced by the first of the study's lexicon conditions that shares a content word
    /// with it; an outcome named twice so is kept once.
    func resolved(_ outcomes: [String], _ context: StudyContext) -> [String] {
        guard outcomes.contains(where: TextConceptID.isTextConcept) else { return outcomes }
        var found: [String] = []
        for id in outcomes {
            let chosen = TextConceptID.isTextConcept(id) ? lexical(for: id, context) ?? id : id
            if !found.contains(chosen) { found.append(chosen) }
        }
        return found
    }

    /// The study's lexicon condition a text-made outcome names, if any.
    func lexical(for id: String, _ context: StudyContext) -> String? {
        guard let phrase = context.lexicon.concept(id) else { return nil }
        let words = contentWords(phrase.name)
        guard !words.isEmpty else { return nil }
        return conditions.first { condition in
            guard !TextConceptID.isTextConcept(condition), let concept = context.lexicon.concept(condition) else { return false }
            return ([concept.name] + concept.synonyms).contains { !contentWords($0).isDisjoint(with: words) }
        }
    }

    /// Lower-case words of four letters or more, a plural's ending dropped, without the generic ones.
    func contentWords(_ name: String) -> Set<String> {
        var words: Set<String> = []
        for piece in name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var word = String(piece)
            if word.count > 5, word.hasSuffix("sses") {
                word.removeLast(2)
            } else if word.count > 4, word.hasSuffix("ies") {
                word.removeLast(3)
                word += "y"
            } else if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") {
                word.removeLast()
            }
            guard word.count >= 4, !generic.contains(word) else { continue }
            words.insert(word)
        }
        return words
    }
}
