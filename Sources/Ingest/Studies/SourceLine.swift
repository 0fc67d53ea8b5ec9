import EvidenceModel
/// A news story's citation line: "SOURCE: Journal of Clinical Oncology, online February 14, 2011." or
/// "Reference: Smith J et al. Lancet 2012." It cites the paper of the study the story reports, whatever
/// region the page layout put it in.
struct SourceLine: Sendable, Equatable {
    var journal: String
    var year: Int?

    /// The last such line of the document (the citation closes a story).
    static func find(_ document: AnalyzedDocument, cues: StudyCues, journals: JournalFinder) -> SourceLine? {
        var found: SourceLine?
        for sentence in document.sentences where sentence.region != .title && sentence.region != .comments {
            let text = sentence.text
            guard let colon = text.unicodeScalars.firstIndex(of: ":"),
                  text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: colon) <= 12 else { continue }
            let label = WordTokenizer.fold(String(text.unicodeScalars[..<colon]).trimmingCharactersInSpaces())
            guard cues.sourceLineLabels.contains(label) else { continue }
            let tokens = WordTokenizer.tokens(text, base: 0)
            guard let citation = journals.name(in: tokens, from: 1) else { continue }
            let words = tokens.filter { citation.journal.contains(TextSpan($0.start, $0.end)) }
            // "Source: University of Surrey news release" names who sent the story, not a journal.
            if words.contains(where: { cues.reportOrganisations.contains($0.lower) || cues.nonJournalWords.contains($0.lower) }) { continue }
            var line = SourceLine(journal: Slice.scalars(text, citation.journal), year: nil)
            line.year = tokens.compactMap { JournalFinder.year($0) }.last
            found = line
        }
        return found
    }
}

private enum Slice {
    static func scalars(_ text: String, _ span: TextSpan) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String()
        result.unicodeScalars.append(contentsOf: scalars[max(0, span.start)..<min(scalars.count, span.end)])
        return result
    }
}
