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
        /// True when only the name's own "Journal" marked it (no "published in", "reported in" before it).
        var isNamedOnly = false
    }

    func find(in tokens: [WordToken]) -> Citation? {
        for index in tokens.indices where cues.journalTriggers.contains(tokens[index].lower) {
            // "Editor-in-Chief of the Journal of X": the speaker's post, not where a study appeared.
            if cues.journalRoleWords.contains(in: tokens, from: max(0, index - 4), to: index) { continue }
            // "… report in the American Journal of Psychiatry": a capitalised "Journal" is inside the name,
            // which starts at the capitalised words before it.
            if tokens[index].lower == "journal", tokens[index].isCapitalized, var whole = nameAround(tokens, journalAt: index) {
                let lead = tokens[max(0, index - 8)..<index]
                whole.isNamedOnly = !lead.contains { cues.journalTriggers.contains($0.lower) && $0.lower != "journal" }
                return whole
            }
            // "journal Blood": the name follows directly; otherwise it follows an "in"/"of" within a few words.
            var candidates: [Int] = []
            if tokens[index].lower == "journal" { candidates.append(index + 1) }
            // ("published in 2015 in JAMA Internal Medicine": the second "in" may introduce the name.)
            for next in (index + 1)..<min(tokens.count, index + 6) where tokens[next].lower == "in" || tokens[next].lower == "of" {
                candidates.append(next + 1)
                if candidates.count >= 2 { break }
            }
            for start in candidates {
                if let citation = name(tokens, from: start) { return citation }
            }
        }
        return nil
    }

    /// The first journal-like name (capitalised words, at least two, or one after "journal") from `start` on.
    func name(in tokens: [WordToken], from start: Int) -> Citation? {
        for index in start..<max(start, tokens.count) where tokens[index].isCapitalized {
            if let citation = name(tokens, from: index) { return citation }
        }
        return nil
    }

    private func nameAround(_ tokens: [WordToken], journalAt index: Int) -> Citation? {
        var first = index
        while first > 0 {
            let previous = tokens[first - 1]
            guard previous.isCapitalized || previous.hasInnerCapital || previous.lower == "&" else { break }
            if cues.months.contains(previous.lower) || Self.year(previous) != nil { break }
            first -= 1
        }
        guard var citation = name(tokens, from: first) else { return nil }
        // (The name must reach the word "Journal" itself: "Boston Journal" yes, "In May Journal" no.)
        guard citation.journal.end >= tokens[index].end else { return nil }
        if tokens[first].lower == "the" { citation.journal = TextSpan(tokens[first + 1].start, citation.journal.end) }
        return citation
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
            // "in Aesthetic Surgery Journal, Cellulaze resulted": a comma, full stop or bracket and its space end the
            // name (two characters between words; " & " inside a name is three).
            if position > first, token.start - tokens[position - 1].end == 2 { break }
            if token.isCapitalized || token.hasInnerCapital {
                last = position
            } else if !cues.journalConnectors.contains(token.lower) {
                break
            }
            position += 1
        }
        guard last >= first, first < tokens.count else { return nil }
        let words = tokens[first...last]
        // "in the U.S.", "in the U.K.": initials of a country, not a journal.
        guard words.contains(where: { $0.text.count > 1 }) else { return nil }
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

    /// "Eur Heart Metab J" abbreviates "European Heart & Metabolism Journal": as many words, each the start
    /// of its counterpart (connectors like "of", "and", "&", "the" left out).
    static func abbreviates(_ short: String, _ full: String) -> Bool {
        func words(_ text: String) -> [String] {
            WordTokenizer.tokens(text, base: 0).map { $0.lower.filter { $0.isLetter } }
                .filter { !$0.isEmpty && !["of", "and", "the", "for", "in"].contains($0) }
        }
        let abbreviated = words(short)
        let written = words(full)
        guard abbreviated.count >= 2, abbreviated.count == written.count, abbreviated != written else { return false }
        return zip(abbreviated, written).allSatisfy { $1.hasPrefix($0) }
    }

    /// A plausible publication year written as a word ("2024").
    static func year(_ token: WordToken) -> Int? {
        guard token.text.count == 4, let value = Int(token.text), (1900...2100).contains(value) else { return nil }
        return value
    }
}
