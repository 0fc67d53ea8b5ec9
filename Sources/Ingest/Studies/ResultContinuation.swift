import EvidenceModel
/// A sentence that gives a further result of the study in focus, in a paragraph of its own:
/// "Supplement X made no difference to Y" right after the study's report, or "Smith and her team found that
/// those taking X had less Y" after a paragraph of explanation. It names one of the study's substances and
/// reports a result in the past tense (a rise, a fall, no difference); it follows the study's report directly,
/// or its subject is the study's team. Quotes, advice, hedged expectations and sentences about other studies
/// ("studies linking low X to …", "previous work found …") are no results of this study.
struct ResultContinuation: Sendable {
    let cues: StudyCues
    let directions: StudyDirectionReader

    /// The team words stand in the sentence's first few words (its subject).
    static let subjectWindow = 5

    func continues(_ tokens: [WordToken], _ span: TextSpan, _ text: SourceText, study: StudyDraft, previousAttached: Bool,
                   substances: (TextSpan) -> Set<String>) -> Bool {
        guard !study.isGroup, study.reference == nil else { return false }
        guard previousAttached || hasTeamSubject(tokens) else { return false }
        guard !text.slice(span).contains(where: { "\"\u{201C}\u{201D}".contains($0) }) else { return false }
        let words = tokens.map(\.lower)
        guard !words.contains(where: { cues.resultBlockers.contains($0) || cues.pluralHeads.contains($0) }),
              !cues.vague.contains(in: tokens), words.contains(where: isPastTense) else { return false }
        let named = substances(span)
        guard !named.isEmpty else { return false }
        let studied = study.explicit.reduce(into: Set<String>()) { $0.formUnion(substances($1)) }
        guard !named.isDisjoint(with: studied) else { return false }
        return !directions.polarities(tokens, skipClause: { _ in false }).isEmpty
    }

    /// "Kwan and her team found …", "The researchers also saw …": the study's authors report a result.
    private func hasTeamSubject(_ tokens: [WordToken]) -> Bool {
        tokens.prefix(Self.subjectWindow).contains { cues.teamWords.contains($0.lower) || cues.authorSubjects.contains($0.lower) }
    }

    /// A reported result is told in the past: "was lower", "made no difference", "reduced".
    private func isPastTense(_ word: String) -> Bool {
        cues.pastResultVerbs.contains(word) || word.count > 4 && word.hasSuffix("ed")
    }
}
