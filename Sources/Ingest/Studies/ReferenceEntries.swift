import EvidenceModel
/// One entry of a reference list: "Otto CM, et al. 2020 ACC/AHA Guideline for … . Circulation. 2021." on
/// one line, or a label line ("Guideline"), a title line and a "Journal, 2025" line.
struct ReferenceEntry: Sendable {
    var span: TextSpan
    var label: String?
    var title: String?
    var journal: String?
    var year: Int?
}

/// Splits reference lists into entries. Works line by line: an entry ends at the line holding its year.
struct ReferenceParser: Sendable {
    let cues: StudyCues

    /// The spans of the document's reference lists: the references regions, or, when the region stage
    /// marked none, the body text after a "References" heading line.
    func listSpans(_ document: AnalyzedDocument) -> [TextSpan] {
        let marked = document.regions.filter { $0.kind == .references }.map(\.span)
        if !marked.isEmpty { return marked }
        for (index, sentence) in document.sentences.enumerated() where sentence.region == .body {
            let words = document.sentenceTokens[index].map(\.lower)
            guard words.count <= 2, cues.referenceHeadings.contains(words.joined(separator: " ")) else { continue }
            if let region = document.regions.first(where: { $0.span.contains(sentence.span) }), sentence.span.end < region.span.end {
                return [TextSpan(sentence.span.end, region.span.end)]
            }
        }
        return []
    }

    func entries(_ text: SourceText, in list: TextSpan) -> [ReferenceEntry] {
        var entries: [ReferenceEntry] = []
        var pendingLabel: String?
        var lines: [TextSpan] = []
        for line in Self.lines(text, list) {
            let words = WordTokenizer.tokens(text.slice(line), base: line.start)
            guard !words.isEmpty else { continue }
            let lower = words.map(\.lower).joined(separator: " ")
            if lines.isEmpty && cues.referenceHeadings.contains(lower) { continue }
            if lines.isEmpty && cues.referenceLabels.contains(lower) {
                pendingLabel = lower
                continue
            }
            lines.append(line)
            guard words.contains(where: { JournalFinder.year($0) != nil }) else {
                // Four lines without a year are not a reference (a disclaimer after the list, say).
                if lines.count >= 4 { lines = []; pendingLabel = nil }
                continue
            }
            // "Data on file", a package insert, an agency's fact sheet: sources cited, not studies.
            let entryWords = lines.flatMap { WordTokenizer.tokens(text.slice($0), base: $0.start) }
            if !cues.nonStudyReferences.contains(in: entryWords) { entries.append(entry(text, lines, label: pendingLabel)) }
            lines = []
            pendingLabel = nil
        }
        return entries
    }

    private func entry(_ text: SourceText, _ lines: [TextSpan], label: String?) -> ReferenceEntry {
        let span = TextSpan(lines.first?.start ?? 0, lines.last?.end ?? 0)
        var entry = ReferenceEntry(span: span, label: label)
        let lastWords = WordTokenizer.tokens(text.slice(lines.last ?? span), base: 0)
        // The year of publication closes the entry ("… Guideline 2020 … Circulation. 2021.").
        entry.year = lastWords.compactMap { JournalFinder.year($0) }.last
        if lines.count >= 2 {
            // Title line, then "Journal, year".
            entry.title = Self.clean(text.slice(lines[0]))
            let last = text.slice(lines[lines.count - 1])
            entry.journal = Self.clean(Self.beforeYear(last))
            return entry
        }
        // One line: "Authors. Title. Journal. Year;vol:pages." or "Authors. Title. Journal Year;vol:pages."
        let segments = Self.segments(text.slice(span))
        var rest = segments[...]
        if let first = rest.first, Self.looksLikeAuthors(first) { rest = rest.dropFirst() }
        // The journal sits just before the entry's (last) year: in the year's segment, or in the segment before
        // it when the year opens its own. Only what comes before the journal can be a title: "Smith J, et al.
        // The Lancet. 2016;22:821." names no title, and its journal must not be taken for one.
        guard let yearIndex = rest.lastIndex(where: { segment in
            WordTokenizer.tokens(segment, base: 0).contains { JournalFinder.year($0) != nil }
        }) else {
            entry.title = rest.first.flatMap(Self.clean)
            return entry
        }
        var titleEnd = yearIndex
        if let inline = Self.clean(Self.beforeYear(rest[yearIndex])) {
            entry.journal = inline
        } else if yearIndex > rest.startIndex {
            entry.journal = Self.clean(rest[yearIndex - 1])
            titleEnd = yearIndex - 1
        }
        entry.title = rest[..<titleEnd].first.flatMap(Self.clean)
        return entry
    }

    /// Lines of a span, as spans, without their list markers ("1.", "-", "•").
    static func lines(_ text: SourceText, _ span: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        var start = span.start
        var index = span.start
        let end = min(span.end, text.count)
        while index <= end {
            if index == end || text.scalars[index] == "\n" {
                var line = text.trimmed(TextSpan(start, index))
                // Skip list markers.
                var cursor = line.start
                while cursor < line.end, "0123456789".unicodeScalars.contains(text.scalars[cursor]) { cursor += 1 }
                if cursor < line.end, cursor > line.start, text.scalars[cursor] == "." || text.scalars[cursor] == ")" { line = text.trimmed(TextSpan(cursor + 1, line.end)) }
                if line.start < line.end, "-•*–".unicodeScalars.contains(text.scalars[line.start]) { line = text.trimmed(TextSpan(line.start + 1, line.end)) }
                if !line.isEmpty { result.append(line) }
                start = index + 1
            }
            index += 1
        }
        return result
    }

    /// Splits at ". " and "? " (sentence ends inside a citation), keeping short abbreviations together.
    static func segments(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        let scalars = Array(line.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            current.unicodeScalars.append(scalar)
            let atEnd = index + 1 == scalars.count || scalars[index + 1] == " "
            guard (scalar == "." || scalar == "?") && atEnd else { continue }
            // "Calif." or an initial ("SU.") do not end a segment when followed by more of the same part.
            let lastWord = current.split(separator: " ").last.map(String.init) ?? ""
            if scalar == "." && lastWord != "al." && lastWord.count <= 3 && lastWord.first?.isLowercase == true { continue }
            parts.append(current.trimmingCharactersInSpaces())
            current = ""
        }
        if !current.trimmingCharactersInSpaces().isEmpty { parts.append(current.trimmingCharactersInSpaces()) }
        return parts.isEmpty ? [line] : parts
    }

    /// "Nigwekar SU, Thadhani R, Brandenburg VM." or "Otto CM, Nishimura RA, et al."
    static func looksLikeAuthors(_ segment: String) -> Bool {
        if segment.contains("et al") { return true }
        let words = segment.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let initials = words.filter { word in
            let letters = word.filter { $0 != "." }
            return !letters.isEmpty && letters.count <= 3 && letters.allSatisfy { $0.isUppercase }
        }
        return initials.count >= 1 && initials.count * 3 >= words.count
    }

    /// The text before the first year ("Integrative medicine (Encinitas, Calif.), 2015" -> "Integrative medicine (Encinitas, Calif.)").
    static func beforeYear(_ text: String) -> String {
        let tokens = WordTokenizer.tokens(text, base: 0)
        guard let year = tokens.first(where: { JournalFinder.year($0) != nil }) else { return text }
        var result = String()
        result.unicodeScalars.append(contentsOf: Array(text.unicodeScalars)[0..<year.start])
        return result
    }

    static func clean(_ text: String) -> String? {
        var value = text.trimmingCharactersInSpaces()
        while let last = value.unicodeScalars.last, ".,;: ".unicodeScalars.contains(last) { value.unicodeScalars.removeLast() }
        return value.isEmpty ? nil : value
    }
}

extension String {
    /// Trims spaces and newlines without Foundation's CharacterSet bridging.
    func trimmingCharactersInSpaces() -> String { Trim.spaces(self) }
}
