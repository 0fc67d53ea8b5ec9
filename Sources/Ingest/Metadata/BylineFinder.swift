/// Finds an author's name in a byline: "by Arrow Durfee", "Written by Jane Roe", "Author: J. K. Smith",
/// "Posted by Sam van Dijk on …". "Reviewed by …", "Photo by …" and the like are not the author.
struct BylineFinder: Sendable {
    let cues: MetadataCues.Author
    /// The cues as words, with colons trimmed ("Author:" is "author"), split once rather than per token.
    private let authorCues: [[String]]
    private let reviewerCues: [[String]]
    private let excludedCues: [[String]]

    init(cues: MetadataCues.Author) {
        self.cues = cues
        func words(_ list: [String]) -> [[String]] {
            list.map { $0.split(separator: " ").map { Trim.chars(String($0), ":") } }.filter { !$0.isEmpty }
        }
        authorCues = words(cues.cues)
        reviewerCues = words(cues.reviewerCues)
        excludedCues = cues.notCues.map { $0.split(separator: " ").map(String.init) }
    }

    /// The writer named in a byline.
    func author(in line: String) -> String? { find(in: line, cueList: authorCues, excluding: excludedCues) }

    /// The reviewer or answerer of a Q&A page ("Medically reviewed by …", "Answered by …").
    func reviewer(in line: String) -> String? { find(in: line, cueList: reviewerCues, excluding: []) }

    private func find(in rawLine: String, cueList: [[String]], excluding: [[String]]) -> String? {
        let line = String(String.UnicodeScalarView(rawLine.unicodeScalars.filter { $0 != "*" && $0 != "_" }))
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{A0}" }).map(String.init)
        guard tokens.count >= 2, tokens.count <= 60 else { return nil }
        let lower = tokens.map { $0.lowercased() }
        let bare = lower.map { Trim.chars($0, ":") }
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard let cueLength = cueLength(at: i, bare, cueList) else { continue }
            if isExcluded(at: i, lower, excluding) { continue }
            if let name = name(from: i + cueLength, tokens, lower) { return name }
        }
        return nil
    }

    /// The number of tokens of the author cue starting at i ("written by" is two). `bare` are the line's
    /// lower-cased tokens without colons, so "by" also matches "By:" and "author:" matches "Author".
    private func cueLength(at i: Int, _ bare: [String], _ cueList: [[String]]) -> Int? {
        for parts in cueList where i + parts.count <= bare.count {
            if parts.indices.allSatisfy({ bare[i + $0] == parts[$0] }) { return parts.count }
        }
        return nil
    }

    private func isExcluded(at i: Int, _ lower: [String], _ excluding: [[String]]) -> Bool {
        guard i > 0 else { return false }
        for parts in excluding {
            guard parts.count >= 2, parts.last == "by", i + 1 >= parts.count - 1 else { continue }
            let before = parts.dropLast()
            let start = i - before.count
            guard start >= 0 else { continue }
            if Array(lower[start..<i]) == Array(before) { return true }
        }
        return false
    }

    /// Up to four capitalised words (with initials and particles such as "van"), stopping at dates,
    /// separators and words such as "Posted".
    private func name(from start: Int, _ tokens: [String], _ lower: [String]) -> String? {
        var words: [String] = []
        var j = start
        while j < tokens.count, words.count < 5 {
            let token = tokens[j]
            let bare = Trim.chars(token, ",;:|·.()\"'\u{201C}\u{201D}")
            let bareLower = bare.lowercased()
            guard !bare.isEmpty, !cues.stopWords.contains(bareLower) else { break }
            guard !bare.unicodeScalars.contains(where: ScalarKind.isDigit) else { break }
            guard let first = bare.unicodeScalars.first else { break }
            // "Dr. Rachel Stein": titles are no part of the name.
            if words.isEmpty, cues.honorifics.contains(token.lowercased()) || cues.honorifics.contains(bareLower) {
                j += 1
                continue
            }
            let isParticle = cues.particles.contains(bareLower) && !words.isEmpty
            guard ScalarKind.isUpper(first) || isParticle else { break }
            // Keep an initial's period ("J."), drop a sentence's comma.
            words.append(token.hasSuffix(".") && bare.count <= 2 ? bare + "." : bare)
            if token.hasSuffix(",") || token.hasSuffix("|") || token.hasSuffix(";") { break }
            j += 1
        }
        while let last = words.last, cues.particles.contains(last.lowercased()) { words.removeLast() }
        guard !words.isEmpty, words.count <= 4 else { return nil }
        return words.joined(separator: " ")
    }
}
