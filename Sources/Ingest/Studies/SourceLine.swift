import EvidenceModel
/// A news story's citation line: "SOURCE: Journal of Clinical Oncology, online February 14, 2011." or
/// "Reference: Smith J, Jones K, et al. Title. Eur Heart J. 2012." It cites the paper of the study the story
/// reports, whatever region the page layout put it in.
struct SourceLine: Sendable, Equatable {
    var journal: String
    var year: Int?

    /// True when the sentence opens with a citation label and a colon ("Source:", "Reference:").
    static func isLabelled(_ sentence: Sentence, cues: StudyCues) -> Bool {
        let text = sentence.text
        guard let colon = text.unicodeScalars.firstIndex(of: ":"),
              text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: colon) <= 12 else { return false }
        let label = WordTokenizer.fold(String(text.unicodeScalars[..<colon]).trimmingCharactersInSpaces())
        return cues.sourceLineLabels.contains(label)
    }

    /// "SOURCE: bit.ly/x1y2 Journal of X, March 10, 2011.": a short link before the citation is no part of it.
    static func skippingLinks(_ line: TextSpan, _ text: SourceText) -> TextSpan {
        var start = line.start
        while start < line.end {
            var end = start
            while end < line.end, !text.scalars[end].properties.isWhitespace { end += 1 }
            let chunk = text.slice(TextSpan(start, end)).lowercased()
            guard chunk.contains("/") || chunk.hasPrefix("www.") || chunk.hasPrefix("http") else { break }
            start = end
            while start < line.end, text.scalars[start].properties.isWhitespace { start += 1 }
        }
        return start < line.end ? TextSpan(start, line.end) : line
    }

    /// The last such line of the document (the citation closes a story).
    static func find(_ document: AnalyzedDocument, cues: StudyCues, journals: JournalFinder, references: ReferenceParser) -> SourceLine? {
        var found: SourceLine?
        let text = document.text
        for sentence in document.sentences where sentence.region != .title && sentence.region != .comments && isLabelled(sentence, cues: cues) {
            // The whole line: a reference's own full stops split it into several sentences.
            var end = sentence.span.start
            while end < text.count, text.scalars[end] != "\n" { end += 1 }
            var start = sentence.span.start
            while start < end, text.scalars[start] != ":" { start += 1 }
            let line = Self.skippingLinks(text.trimmed(TextSpan(min(start + 1, end), end)), text)
            let body = text.slice(line)
            if ReferenceParser.segments(body).first.map(ReferenceParser.looksLikeAuthors) == true {
                // "Smith J, et al. Title. Journal. 2012." is read as a reference entry.
                // (A journal with a colon is a run-together line: "Appeared or available on-line: May 4".)
                if let entry = references.entries(text, in: line).first, let journal = entry.journal, !journal.contains(":") {
                    found = SourceLine(journal: journal, year: entry.year)
                }
                continue
            }
            let tokens = WordTokenizer.tokens(body, base: line.start)
            guard let citation = journals.name(in: tokens, from: 0) else { continue }
            let words = tokens.filter { citation.journal.contains(TextSpan($0.start, $0.end)) }
            // "Source: University of Surrey news release" names who sent the story, not a journal.
            if words.contains(where: { cues.reportOrganisations.contains($0.lower) || cues.nonJournalWords.contains($0.lower) }) { continue }
            found = SourceLine(journal: text.slice(citation.journal), year: tokens.compactMap { JournalFinder.year($0) }.last)
        }
        return found
    }
}
