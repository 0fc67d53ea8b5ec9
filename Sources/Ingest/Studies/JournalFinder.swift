import EvidenceModel
/// Finds where a sentence names the journal a study appeared in ("reported in Kidney Reports in May 2021",
/// "the respected journal Circulation", "appear in Osteoporosis International (2023)")
/// and the year written after it.
struct JournalFinder: Sendable {
    let cues: StudyCues

    struct Citation: Sendable, Equatable {
        /// From the first to the last word of the name (so "&" inside it is kept when sliced).
        var journal: TextSpan
        var year: Int?
    }

    func find(in tokens: [WordToken]) -> Citation? {
        for index in tokens.indices where cues.journalTriggers.contains(tokens[index].lower) {
            // "journal Blood": the name follows directly; otherwise it follows an "in"/"of" within a few words.
            var candidates: [Int] = []
            if tokens[index].lower == "journal" { candidates.append(index + 1) }
            for next in (index + 1)..<min(tokens.count, index + 6) where tokens[next].lower == "in" || tokens[next].lower == "of" {
                candidates.append(next + 1)
                break
            }
            for start in candidates {
                if let citation = name(tokens, from: start) { return citation }
            }
        }
        return nil
    }

    private func name(_ tokens: [WordToken], from start: Int) -> Citation? {
        var position = start
        // "in the journal X", "in the European Journal of Epidemiology".
        while position < tokens.count, tokens[position].lower == "the" || tokens[position].lower == "journal" && !tokens[position].isCapitalized {
            position += 1
        }
        let first = position
        var last = -1
        while position < tokens.count {
            let token = tokens[position]
            if cues.months.contains(token.lower) || Self.year(token) != nil { break }
            if token.isCapitalized || token.hasInnerCapital {
                last = position
            } else if !cues.journalConnectors.contains(token.lower) {
                break
            }
            position += 1
        }
        guard last >= first, first < tokens.count else { return nil }
        let words = tokens[first...last]
        // A single capitalised word is a journal only after the word "journal" ("journal Blood").
        // (Or after "issues of", "edition of": "the print issues of Blood".)
        if words.count == 1 && !(first > 0 && tokens[first - 1].lower == "journal")
            && !(first > 1 && ["issues", "issue", "edition"].contains(tokens[first - 2].lower)) { return nil }
        var year: Int?
        for next in (last + 1)..<min(tokens.count, last + 5) {
            if let found = Self.year(tokens[next]) { year = found; break }
        }
        return Citation(journal: TextSpan(tokens[first].start, tokens[last].end), year: year)
    }

    /// A plausible publication year written as a word ("2024").
    static func year(_ token: WordToken) -> Int? {
        guard token.text.count == 4, let value = Int(token.text), (1900...2100).contains(value) else { return nil }
        return value
    }
}
