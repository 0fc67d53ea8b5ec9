import Foundation
import EvidenceModel

/// Splits a document into title, metadata, body, references, comments, boilerplate and furniture.
///
/// The page is read line by line with a small state machine: headings switch the section ("References",
/// "About <Company>", "16 Responses to …", "Professional Medical Disclaimer"), single lines are recognised on
/// their own (review widgets, image credits, bylines), and runs of short link-like lines are menus. Cue phrases
/// come from `lexicon/regions.json` and comment headers from `lexicon/comments.json`. The regions cover the
/// whole text in order; blank lines belong to the region before them.
public struct RegionSegmenter: Sendable {
    let cues: RegionCues
    let headers: CommentHeaderParser

    let boilerplatePrefixes: PhraseMatcher
    let metadataPrefixes: PhraseMatcher
    let titlePrefixes: PhraseMatcher
    private let byWord = PhraseMatcher([" by "])
    private let doiMark = PhraseMatcher(["doi:", "doi.org/", "pmid:", "pmid "])

    public init(locator: ResourceLocator = .standard) throws {
        cues = try locator.loadJSON(RegionCues.self, "lexicon/regions.json")
        headers = CommentHeaderParser(cues: try CommentCues.load(locator))
        boilerplatePrefixes = PhraseMatcher(cues.boilerplate.prefixes)
        metadataPrefixes = PhraseMatcher(cues.metadata.prefixes)
        titlePrefixes = PhraseMatcher(cues.titlePrefixes)
    }

    /// Regions in text order, covering the text.
    public func segment(_ text: SourceText, format: DocumentFormat) -> [Region] {
        guard text.count > 0 else { return [] }
        let lines = TextLine.lines(of: text)
        let kinds = classify(lines, text, format: format)
        return merge(lines, kinds, total: text.count)
    }

    /// Where the line-by-line reading stands.
    enum Mode { case top, body, references, boilerplate, comments, furniture }

    func classify(_ lines: [TextLine], _ text: SourceText, format: DocumentFormat = .text) -> [RegionKind?] {
        var kinds = [RegionKind?](repeating: nil, count: lines.count)
        let menus = menuLines(lines)
        let headerLines = commentHeaderLines(lines, text)
        // How many comment headers remain from each line on: a comment section needs more than one.
        var headersAfter = [Int](repeating: 0, count: lines.count + 1)
        for index in stride(from: lines.count - 1, through: 0, by: -1) {
            headersAfter[index] = headersAfter[index + 1] + (headerLines[index] ? 1 : 0)
        }
        // A count of the responses to the article ("5 Responses to “…”") stands between a blog's article and its
        // comments: above it, a line that reads like a comment header (the article's own byline, "June 8th, 2023 by
        // Name") opens no comment section.
        let articleEnd = lines.firstIndex { line in
            !line.isBlank && line.length <= cues.shortLine && isCommentSectionHeading(line) && isArticleCommentCount(line)
        }
        var mode = Mode.top
        var title: String?
        var titleParts: [String]?
        var titleIsHeading = false
        var bodyLines = 0
        var index = frontMatter(lines, &kinds)

        while index < lines.count {
            defer { index += 1 }
            let line = lines[index]
            if line.isBlank { continue }
            let short = line.length <= cues.shortLine
            let norm = line.norm

            // Comment sections: a heading ("16 Responses to …", "Comments") or the first of several headers.
            if short, mode != .comments, isCommentSectionHeading(line) {
                mode = .comments
                kinds[index] = .comments
                continue
            }
            if mode == .comments {
                // The comment form, or page furniture after the last comment ("Forum rules | Report post").
                let afterLast = headersAfter[index] == 0
                if short, !headerLines[index],
                   cues.furniture.startsSection(line) || afterLast && (isMenuBar(line) || cues.furniture.matches(line, isShort: true)) {
                    mode = .furniture
                    kinds[index] = .furniture
                } else {
                    kinds[index] = .comments
                }
                continue
            }
            // The first of several comment headers opens the comment section; on a forum that is the opening
            // post's header, right under the title.
            if headerLines[index], headersAfter[index] >= 2, articleEnd.map({ index > $0 }) ?? true {
                mode = .comments
                kinds[index] = .comments
                continue
            }
            // Menus: runs of short links, bars of links ("Home | News | Shop"), breadcrumbs ("A › B › C").
            if menus[index] && (mode == .top || mode == .furniture || !line.hasListMarker)
                || short && isMenuBar(line) && !isMetadataLine(line, text) || mode == .top && !line.isHeading && isBreadcrumb(line) {
                kinds[index] = .furniture
                continue
            }
            // The page title's parts repeated: the headline (an <h1>) and the site's name.
            if mode == .top, let t = titleParts, t.count > 1, let part = t.firstIndex(of: norm) {
                kinds[index] = part == 0 ? .title : .furniture
                continue
            }
            if short, line.length <= 60, cues.references.contains(norm) {
                mode = .references
                kinds[index] = .references
                continue
            }
            // An item of a list ("• Contact" in a menu) is no "Contact" or "About <Company>" heading.
            if short, mode != .top, bodyLines >= 2, !line.hasListMarker || line.isHeading, isBoilerplateStart(line, text) {
                mode = .boilerplate
                kinds[index] = .boilerplate
                continue
            }
            if short, cues.furniture.startsSection(line) {
                mode = .furniture
                kinds[index] = .furniture
                continue
            }
            if short && cues.furniture.matches(line, isShort: line.length <= cues.shortLine) {
                // A date line that also carries a widget ("Last updated: … View editorial policy") is metadata.
                kinds[index] = mode != .references && isMetadataLine(line, text) ? .metadata : .furniture
                continue
            }
            if (mode == .top || mode == .body && bodyLines < 12), isMetadataLine(line, text) {
                kinds[index] = .metadata
                continue
            }
            if mode == .top, title == nil, line.length <= 300 {
                title = norm
                titleParts = Self.titleParts(norm)
                titleIsHeading = line.isHeading
                kinds[index] = .title
                continue
            }
            // A better headline under a first title: a Markdown heading (an HTML page's <h1> under its <title>)
            // or a forum's "Thread: …". The metadata stage chooses among title regions.
            if mode == .top, title != nil, line.length <= 250, !line.endsSentence || norm.hasSuffix("?"),
               line.isHeading && !titleIsHeading || titlePrefixes.isPrefix(of: line.normScalars) {
                titleIsHeading = titleIsHeading || line.isHeading
                kinds[index] = .title
                continue
            }
            // The page title repeated as the article's headline (an HTML <title> and its <h1>).
            if mode == .top, let t = title, norm.count >= 8, t.hasPrefix(norm) || norm.hasPrefix(t) {
                kinds[index] = .title
                continue
            }
            switch mode {
            case .top, .body:
                mode = .body
                bodyLines += 1
                kinds[index] = .body
            case .references:
                // Long prose without a year is the article going on after a short "Notes" heading.
                if line.length > 300, !line.hasDigit {
                    mode = .body
                    kinds[index] = .body
                } else {
                    kinds[index] = .references
                }
            case .boilerplate:
                kinds[index] = .boilerplate
            case .furniture:
                if endsFurnitureSection(lines, index) {
                    mode = .body
                    kinds[index] = .body
                } else {
                    kinds[index] = .furniture
                }
            case .comments:
                kinds[index] = .comments
            }
        }
        return kinds
    }

    /// A bar of links: "Home | News | Shop", "[Home](/) | [Research](/research)".
    func isMenuBar(_ line: TextLine) -> Bool {
        guard line.length <= 300 else { return false }
        let segments = line.norm.components(separatedBy: " | ")
        guard segments.count >= 3 else { return false }
        return segments.allSatisfy { $0.split(separator: " ").count <= 5 }
    }

    /// A breadcrumb trail: "Forums › Heart Health › Statins", "Home > News".
    func isBreadcrumb(_ line: TextLine) -> Bool {
        guard line.length <= 200, !line.endsSentence else { return false }
        for separator in [" \u{203A} ", " > ", " \u{BB} ", " / "] {
            let segments = line.norm.components(separatedBy: separator)
            if segments.count >= 2, segments.allSatisfy({ !$0.isEmpty && $0.split(separator: " ").count <= 6 }) { return true }
        }
        return false
    }

    /// "Headline | Site" → ["headline", "site"].
    static func titleParts(_ norm: String) -> [String] {
        var parts = [norm]
        for separator in [" | ", " :: ", " \u{2013} ", " \u{2014} ", " - "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// YAML front matter of Markdown ("---" … "---") is metadata. Returns the first line after it.
    private func frontMatter(_ lines: [TextLine], _ kinds: inout [RegionKind?]) -> Int {
        guard let first = lines.first, first.norm == "---" else { return 0 }
        for index in 1..<min(lines.count, 60) where lines[index].norm == "---" {
            for k in 0...index { kinds[k] = .metadata }
            return index + 1
        }
        return 0
    }

    private func isCommentSectionHeading(_ line: TextLine) -> Bool {
        guard line.length <= 200, line.wordCount <= 30 else { return false }
        let pattern = line.countPattern(numberWords: cues.countWords)
        if cues.commentSections.equals.contains(pattern) { return true }
        return cues.commentSections.prefixes.contains { Phrase.hasPrefix(pattern, $0) }
    }

    /// "5 Responses to “…”", "Twelve thoughts on …": the comments counted as answers to the article.
    private func isArticleCommentCount(_ line: TextLine) -> Bool {
        let pattern = line.countPattern(numberWords: cues.countWords)
        return cues.articleCommentCounts.contains { Phrase.hasPrefix(pattern, $0) }
    }

    /// "About <Company>" headings, "###", media contacts and the like.
    private func isBoilerplateStart(_ line: TextLine, _ text: SourceText) -> Bool {
        let norm = line.norm
        if cues.boilerplate.lines.contains(norm) { return true }
        if boilerplatePrefixes.isPrefix(of: line.normScalars) { return true }
        let about = cues.boilerplate.aboutPrefix
        guard line.length <= 60, !line.endsSentence, line.wordCount <= 7, norm.hasPrefix(about) else { return false }
        let rest = String(norm.dropFirst(about.count))
        if cues.boilerplate.aboutExceptions.contains(where: { Phrase.hasPrefix(rest, $0) }) { return false }
        // The company's name is capitalised: "About PL Thomas", not "About how it works".
        let s = text.scalars
        var i = line.content.start
        while i < line.content.end, s[i] == "#" || s[i] == "*" || ScalarKind.isSpace(s[i]) { i += 1 }
        i += about.unicodeScalars.count
        while i < line.content.end, ScalarKind.isSpace(s[i]) { i += 1 }
        return i < line.content.end && (ScalarKind.isUpper(s[i]) || ScalarKind.isDigit(s[i]))
    }

    /// Bylines and date lines: "19th March 2007 by …", "Last updated: September 19, 2025", "By Jane Roe",
    /// "2006-12-07 – Company".
    func isMetadataLine(_ line: TextLine, _ text: SourceText) -> Bool {
        guard line.length <= cues.metadata.maxLength else { return false }
        let norm = line.norm
        if isCitationLine(norm) || isAuthorList(line, text) { return true }
        let cue = metadataPrefixes.isPrefix(of: line.normScalars)
        let dates = line.hasDigit ? DateParser.dates(in: text.scalars, range: line.content) : []
        if let first = dates.first {
            if cue { return true }
            // A line that starts with its date, or a short line around a date, is a dateline.
            if first.span.start - line.content.start <= 2 { return !line.endsSentence || line.length <= 80 }
            if line.length <= 80, !line.endsSentence { return true }
            if !line.endsSentence, byWord.occurs(in: line.normScalars) { return true }
            return false
        }
        guard cue, !line.endsSentence, line.wordCount <= 12 else { return false }
        // "By Jane Roe": the words after the cue are capitalised names.
        return bylineNameFollows(line, text)
    }

    /// A journal citation at the top of an abstract: "Kidney Int Rep. 2021;6(4):955-964. doi:…".
    private func isCitationLine(_ norm: String) -> Bool {
        if doiMark.occurs(in: Array(norm.unicodeScalars)) { return true }
        // "2021;6(4)": a year, a semicolon and a volume.
        let scalars = Array(norm.unicodeScalars)
        var digits = 0
        for (i, scalar) in scalars.enumerated() {
            if ScalarKind.isDigit(scalar) {
                digits += 1
            } else {
                if digits == 4, scalar == ";", i + 1 < scalars.count, ScalarKind.isDigit(scalars[i + 1]) { return true }
                digits = 0
            }
        }
        return false
    }

    /// The authors of a paper: "Amaya Ruiz, Jonas Berg, Mei Chen" (superscript affiliation numbers allowed).
    func isAuthorList(_ line: TextLine, _ text: SourceText) -> Bool {
        guard !line.endsSentence, line.length <= 300 else { return false }
        let raw = text.slice(line.content)
        guard raw.contains(",") || raw.contains(" and ") else { return false }
        let names = AuthorList.names(in: raw)
        return names.count >= 2
    }

    private func bylineNameFollows(_ line: TextLine, _ text: SourceText) -> Bool {
        let words = text.slice(line.content).split(separator: " ")
        guard words.count >= 2, words.count <= 10 else { return false }
        let capitalised = words.dropFirst().filter { word in word.unicodeScalars.first.map(ScalarKind.isUpper) ?? false }
        return capitalised.count >= 1 && capitalised.count * 2 >= words.count - 1
    }

    /// Lines in runs of short link-like lines: navigation menus and tag clouds.
    private func menuLines(_ lines: [TextLine]) -> [Bool] {
        var result = [Bool](repeating: false, count: lines.count)
        var runStart = 0
        var runLength = 0
        func close(_ end: Int) {
            if runLength >= cues.menuRun {
                for k in runStart..<end where !lines[k].isBlank { result[k] = true }
            }
            runLength = 0
        }
        for (index, line) in lines.enumerated() {
            let menuLike = !line.isBlank && line.length <= 30 && line.wordCount <= 3 && !line.endsSentence
                && !line.hasDigit && !line.norm.hasSuffix(",")
            if menuLike {
                if runLength == 0 { runStart = index }
                runLength += 1
            } else {
                close(index)
            }
        }
        close(lines.count)
        return result
    }

    /// Which lines are comment headers. The parser is only asked about short lines that could be one.
    /// Only strong headers count here: "Name said:" alone may introduce a quote in an article.
    private func commentHeaderLines(_ lines: [TextLine], _ text: SourceText) -> [Bool] {
        lines.map { line in
            guard !line.isBlank, !line.endsSentence || line.hasDigit, headers.mayBeHeader(text.scalars, line.content) else { return false }
            return headers.parse(ScalarText.string(text.scalars, line.content))?.isStrong ?? false
        }
    }

    /// A furniture section ("Disclaimer", "Related posts") ends at a heading followed by long prose.
    private func endsFurnitureSection(_ lines: [TextLine], _ index: Int) -> Bool {
        let line = lines[index]
        guard line.length <= 80, !line.endsSentence, line.startsUpper, index > 0, lines[index - 1].isBlank else { return false }
        var next = index + 1
        while next < lines.count, lines[next].isBlank { next += 1 }
        guard next < lines.count else { return false }
        let following = lines[next]
        return following.length > 80 && following.endsSentence && !cues.furniture.matches(following, isShort: false)
    }

    /// Turns line kinds into regions that cover the text: blank lines join the region before them.
    private func merge(_ lines: [TextLine], _ kinds: [RegionKind?], total: Int) -> [Region] {
        var regions: [Region] = []
        var current: RegionKind?
        var start = 0
        for (index, line) in lines.enumerated() {
            guard let kind = kinds[index] else { continue }
            if current == nil {
                current = kind
                start = 0
            } else if kind != current, let previous = current {
                regions.append(Region(kind: previous, span: TextSpan(start, line.full.start)))
                current = kind
                start = line.full.start
            }
        }
        regions.append(Region(kind: current ?? .body, span: TextSpan(start, total)))
        return regions
    }
}
