/// The citation line of an abstract page ("Kidney Int Rep. 2021;6(4):955-964. doi:…" or
/// "**Journal of Vascular Research** | Published online 9 May 2020"): the journal and year of the study the
/// abstract reports, written once above it.
enum AbstractCitation {
    static func find(_ document: AnalyzedDocument) -> JournalFinderCitationText? {
        // "Int J Diabetes Oncol. 2021 Mar;…": the abbreviated name's full stop may end a sentence of its own,
        // the year opening the next on the same line.
        var pending: String?
        for (index, sentence) in document.sentences.prefix(12).enumerated()
        where sentence.region != .furniture && sentence.region != .comments {
            let tokens = document.sentenceTokens[index]
            guard let year = tokens.compactMap({ JournalFinder.year($0) }).first else {
                let words = sentence.text.split(separator: " ")
                let abbreviated = words.count >= 2 && words.count <= 8 && words.allSatisfy { $0.first?.isUppercase == true || $0.count <= 3 }
                pending = abbreviated && sentence.text.hasSuffix(".") ? ReferenceParser.clean(sentence.text) : nil
                continue
            }
            if let name = pending, let first = tokens.first, JournalFinder.year(first) == year {
                return JournalFinderCitationText(journal: name, year: year)
            }
            pending = nil
            // The journal is what comes before the first separator.
            var name = ""
            for scalar in sentence.text.unicodeScalars {
                if ".|;,(".unicodeScalars.contains(scalar) || WordTokenizer.isDigit(scalar) { break }
                if scalar != "*" && scalar != "_" && scalar != "#" { name.unicodeScalars.append(scalar) }
            }
            name = name.trimmingCharactersInSpaces()
            let words = name.split(separator: " ")
            guard !words.isEmpty, words.count <= 8, words.first?.first?.isUppercase == true else { continue }
            // A journal's name is in title case ("Kidney Int Rep", "Journal of Vascular Research"); a sentence of
            // the abstract with a year in it ("Through them we identified 4,318 adults … in 2010") is not one.
            guard words.allSatisfy({ $0.count <= 3 || $0.first?.isUppercase == true }) else { continue }
            let first = words[0].lowercased()
            if ["published", "updated", "by", "posted", "last", "reviewed", "copyright", "©", "epub", "doi"].contains(first) { continue }
            if let title = document.metadata.title, title.hasPrefix(name) { continue }
            return JournalFinderCitationText(journal: name, year: year)
        }
        return nil
    }
}
