/// Words that tell the authors' own earlier work ("Previous work from the team found …", "his own previous
/// research indicates …") from earlier work in general ("previous research has shown …").
struct EarlierWorkCues: Sendable {
    /// "previous", "earlier", "prior".
    let markers: Set<String>
    /// "work", "research": nouns that name research without being a study noun.
    let nouns: Set<String>
    /// "their", "his", "team's": a possessive before the marker says whose work it was.
    let owners: Set<String>
    /// "team", "group", "same": "from the team", "by the same group" after the noun says it.
    let ownerWords: Set<String>
    /// "found", "showed": the earlier work reports a result of its own.
    let verbs: Set<String>
}

extension StudyDetector {
    /// The authors' own earlier work reported with a result: one study of its own, kept apart from the study
    /// being reported. Without an owner ("previous research has shown") or a result it is a vague mention.
    func earlierWorkAnchor(_ tokens: [WordToken]) -> StudyAnchor? {
        let work = cues.earlierWork
        for index in tokens.indices.dropLast() where work.markers.contains(tokens[index].lower) && work.nouns.contains(tokens[index + 1].lower) {
            let noun = index + 1
            // "their previous work", "his own previous research".
            var start = index
            if start > 0, tokens[start - 1].lower == "own" { start -= 1 }
            let possessive = start > 0 && work.owners.contains(tokens[start - 1].lower)
            // "previous work from the team", "earlier research by the same group".
            let follow = (noun + 1)..<min(tokens.count, noun + 5)
            let ownedAfter = follow.first.map { ["from", "by", "of"].contains(tokens[$0].lower) } == true
                && follow.dropFirst().contains { work.ownerWords.contains(tokens[$0].lower) }
            guard possessive || ownedAfter else { continue }
            let window = (noun + 1)..<min(tokens.count, noun + 10)
            guard window.contains(where: { work.verbs.contains(tokens[$0].lower) }) else { continue }
            let from = possessive ? start - 1 : index
            return StudyAnchor(kind: .indefinite, tokens: from..<(noun + 1), head: "work")
        }
        return nil
    }
}
