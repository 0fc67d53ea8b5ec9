import Foundation
import EvidenceModel

/// Finds the source's kind, title, date, author, publisher and industry sponsorship.
///
/// Everything is read from the regions the segmenter found: the title region, the metadata lines (bylines,
/// datelines), the first body sentences, boilerplate and furniture (for a copyright line). Cue phrases live in
/// `lexicon/metadata.json`; brands come from the concept lexicon.
public struct MetadataExtractor: Sendable {
    let cues: MetadataCues
    let classifier: SourceKindClassifier
    let bylines: BylineFinder
    let sponsorship: SponsorshipFinder
    let headers: CommentHeaderParser

    /// Kind cues are searched only this far from the start and the end of a document.
    static let headWindow = 30_000
    static let tailWindow = 10_000

    public init(lexicon: Lexicon, locator: ResourceLocator = .standard) throws {
        cues = try locator.loadJSON(MetadataCues.self, "lexicon/metadata.json")
        classifier = SourceKindClassifier(
            cues: cues.kinds, model: try locator.loadJSON(SourceKindModel.self, "lexicon/source_kind_model.json"))
        bylines = BylineFinder(cues: cues.author)
        let brands = lexicon.concepts.flatMap(\.brands).filter { $0.unicodeScalars.count >= 3 }
        sponsorship = SponsorshipFinder(cues: cues.sponsor, brands: brands)
        headers = CommentHeaderParser(cues: try CommentCues.load(locator))
    }

    public func extract(_ text: SourceText, format: DocumentFormat, regions: [Region], sentences: [Sentence]) -> SourceMetadata {
        let window = sentences.filter { $0.span.start < Self.headWindow || $0.span.end > text.count - Self.tailWindow }
            .map { (sentence: $0, lower: Self.normalised($0.text)) }
        var (title, titlePublisher) = findTitle(text, format: format, regions: regions, sentences: sentences)
        let kind = classifier.classify(window: window, regions: regions, text: text, title: title)
        if kind == .medicalQA, !(title?.hasSuffix("?") ?? false),
           let question = sentences.prefix(12).first(where: { ($0.region == .title || $0.region == .body) && $0.text.hasSuffix("?") }) {
            title = question.text
        }
        let evidence = sponsorship.find(sentences: sentences, regions: regions, text: text)
        return SourceMetadata(
            kind: kind,
            title: title,
            published: findDate(text, regions: regions, sentences: sentences, kind: kind),
            author: findAuthor(text, regions: regions, sentences: sentences, kind: kind),
            publisher: findPublisher(window: window, kind: kind, sentences: sentences) ?? titlePublisher,
            industrySponsored: evidence != nil,
            sponsorEvidence: evidence)
    }

    // MARK: Title

    /// The headline. An HTML <title> often carries the site's name ("Headline | Site"): the repeated <h1> or
    /// the part before the separator is the headline, and the site is a publisher candidate.
    private func findTitle(_ text: SourceText, format: DocumentFormat, regions: [Region], sentences: [Sentence]) -> (String?, String?) {
        if let front = frontMatterValue("title", regions: regions, text: text) { return (front, nil) }
        let raws = regions.filter { $0.kind == .title }.map { Self.titleLine(Trim.spaces(text.slice($0.span))) }.filter { !$0.isEmpty }
        guard !raws.isEmpty else {
            let first = sentences.first { $0.region == .body }?.text
            return (first.map { String($0.prefix(200)) }, nil)
        }
        let titles = raws.map(clean)
        // Which title region names the page: "Thread: …", a Markdown heading, an HTML page's <h1>, else the first.
        var chosen = 0
        if let named = titles.firstIndex(where: { title in cues.titlePrefixes.contains { title.lowercased().hasPrefix($0) } }) {
            chosen = named
        } else if let heading = raws.firstIndex(where: { $0.hasPrefix("#") }) {
            chosen = heading
        }
        var title = titles[chosen]
        for prefix in cues.titlePrefixes where title.lowercased().hasPrefix(prefix) {
            title = Trim.spaces(String(title.dropFirst(prefix.count)))
        }
        // A breadcrumb ends with the page: "Community › Dialysis › Vitamin K2 on dialysis?".
        for separator in [" \u{203A} ", " \u{BB} ", " > "] where title.contains(separator) {
            title = Trim.spaces(title.components(separatedBy: separator).last ?? title)
        }
        var publisher: String?
        if chosen > 0, titles[0].hasPrefix(title), title.count >= 8 {
            publisher = siteName(after: title, in: titles[0])
        } else if chosen == 0 || format == .html {
            // "Headline - Section - Site", "Headline « Blog": site and section names are cut off one by one.
            var source = chosen == 0 ? title : titles[0]
            var cut = true
            while cut {
                cut = false
                for separator in [" | ", " :: ", " \u{AB} ", " \u{2013} ", " \u{2014} ", " - "] {
                    guard format == .html || separator == " | " || separator == " :: " else { continue }
                    guard let range = source.range(of: separator, options: .backwards) else { continue }
                    let head = Trim.spaces(String(source[..<range.lowerBound])), tail = Trim.spaces(String(source[range.upperBound...]))
                    guard Self.isSiteName(tail), head.split(separator: " ").count >= 2 else { continue }
                    if chosen == 0 { title = head }
                    if publisher == nil { publisher = tail }
                    source = head
                    cut = true
                    break
                }
            }
        }
        return (title.isEmpty ? nil : title, publisher)
    }

    /// A site's or section's name: a few words, capitalised ("Steady Beat Journal", "Health A to Z",
    /// "example.com"), not a clause ("cut or not cut", "does it help?").
    static func isSiteName(_ tail: String) -> Bool {
        let words = tail.split(separator: " ")
        guard !words.isEmpty, words.count <= 5, let last = tail.last, last != "?", last != "!" else { return false }
        if words.count == 1, tail.contains("."), !tail.hasSuffix(".") { return true }
        let long = words.filter { $0.count >= 4 }
        guard words.contains(where: { $0.first?.isUppercase ?? false }) else { return false }
        return long.allSatisfy { $0.first?.isUppercase ?? false }
    }

    private func siteName(after headline: String, in full: String) -> String? {
        let rest = Trim.chars(String(full.dropFirst(headline.count)), " |:-\u{2013}\u{2014}")
        return rest.isEmpty || rest.split(separator: " ").count > 5 ? nil : rest
    }

    /// The line of a title region that is the headline: a level-one Markdown heading when the region has one,
    /// else its first line that is not a navigation bar ("Site · Questions · Tags", "[Home](/)").
    static func titleLine(_ region: String) -> String {
        let lines = region.split(whereSeparator: \.isNewline).map { Trim.spaces(String($0)) }.filter { !$0.isEmpty }
        guard lines.count > 1 else { return region }
        let content = lines.filter { line in line.components(separatedBy: " \u{B7} ").count < 3 && !line.contains("](") }
        if let heading = content.first(where: { $0.hasPrefix("# ") }) { return heading }
        return content.first ?? lines[0]
    }

    /// A title line without a Markdown "#", list marker or surrounding space.
    private func clean(_ line: String) -> String {
        Trim.spaces(Trim.chars(Trim.spaces(line), "#*=_"))
    }

    /// Lower case without Markdown emphasis and heading marks, for cue matching.
    static func normalised(_ sentence: String) -> String {
        let kept = sentence.utf8.allSatisfy({ $0 < 0x80 })
            // ASCII: lower-cased and filtered as bytes rather than scalar by scalar.
            ? String(decoding: sentence.utf8.compactMap { $0 == 0x2A || $0 == 0x60 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) },
                     as: UTF8.self)
            : String(String.UnicodeScalarView(sentence.lowercased().unicodeScalars.filter { $0 != "*" && $0 != "`" }))
        return Trim.spaces(Trim.chars(kept, "#> "))
    }

    // MARK: Date

    /// The page's own date: one after a date cue ("Last updated:", "Posted on"), else the first date of the
    /// metadata lines (a byline's date comes before the date of a reposted release), else the first full date of
    /// the opening body sentences. Dates of things the page reports further down are not taken.
    private func findDate(_ text: SourceText, regions: [Region], sentences: [Sentence], kind: SourceKind) -> String? {
        if let front = frontMatterValue("date", regions: regions, text: text), let date = DateParser.dates(in: front).first {
            return date.iso
        }
        let top = sentences.prefix(40).filter { $0.region == .metadata || $0.region == .title || $0.region == .furniture }
        var firstMetadataDate: String?
        for sentence in top {
            let dates = DateParser.dates(in: text.scalars, range: sentence.span)
            guard !dates.isEmpty else {
                if let year = yearAfterCue(sentence) { return year }
                if firstMetadataDate == nil, sentence.region == .metadata, let year = citationYear(sentence.text) {
                    firstMetadataDate = year
                }
                continue
            }
            for (position, date) in dates.enumerated() {
                let before = text.slice(TextSpan(max(sentence.span.start, date.span.start - 30), date.span.start)).lowercased()
                guard let cue = cues.dates.cues.first(where: { before.contains($0) }) else { continue }
                // "By A. Writer | 12 Feb 2024 | Last updated 13 Feb 2024": the line's first date is the page's.
                if position > 0, cues.dates.updateCues.contains(where: { cue.contains($0) }) { return dates[0].iso }
                return date.iso
            }
            if firstMetadataDate == nil, sentence.region == .metadata { firstMetadataDate = dates.first?.iso }
        }
        if let date = firstMetadataDate { return date }
        // A forum thread's date is its opening post's.
        if kind == .forumThread, let first = sentences.first(where: { $0.region == .comments }),
           let header = headers.parse(first.text), let date = header.date {
            return date
        }
        for sentence in sentences.lazy.filter({ $0.region == .body }).prefix(5) {
            if let date = DateParser.dates(in: text.scalars, range: sentence.span).first { return date.iso }
        }
        return nil
    }

    /// "Published 2007", "Updated: 2019": a bare year right after a date cue.
    private func yearAfterCue(_ sentence: Sentence) -> String? {
        let lower = sentence.text.lowercased()
        for cue in cues.dates.cues {
            guard let range = lower.range(of: cue) else { continue }
            let rest = Trim.chars(String(lower[range.upperBound...]), " :\u{A0}")
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, let year = Int(digits), (1800...2199).contains(year),
               rest.dropFirst(4).first.map({ !$0.isNumber }) ?? true {
                return String(year)
            }
        }
        return nil
    }

    /// The year of a journal citation: "Kidney Int Rep. 2021;6(4):955-964" → "2021".
    private func citationYear(_ line: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i + 4 < scalars.count {
            if (i == 0 || !ScalarKind.isDigit(scalars[i - 1])), scalars[i..<(i + 4)].allSatisfy(ScalarKind.isDigit),
               scalars[i + 4] == ";" || scalars[i + 4] == ")" && i > 0 && scalars[i - 1] == "(" {
                let year = String(String.UnicodeScalarView(scalars[i..<(i + 4)]))
                if let value = Int(year), (1800...2199).contains(value) { return year }
            }
            i += 1
        }
        return nil
    }

    // MARK: Author

    /// The writer of a byline; else a Q&A page's reviewer or answerer; else the first author of a paper's
    /// author line; else a forum's opening poster; else a "By …" line at the top of the body.
    private func findAuthor(_ text: SourceText, regions: [Region], sentences: [Sentence], kind: SourceKind) -> String? {
        if let front = frontMatterValue("author", regions: regions, text: text) { return front }
        let metadata = sentences.prefix(60).filter { $0.region == .metadata }
        for sentence in metadata {
            if let header = headers.parse(sentence.text) { return header.author }
            if let name = bylines.author(in: sentence.text) { return name }
        }
        for sentence in metadata {
            if let name = bylines.reviewer(in: sentence.text) { return name }
        }
        for sentence in metadata {
            if let first = AuthorList.names(in: sentence.text).first { return first }
        }
        if kind == .forumThread, let first = sentences.first(where: { $0.region == .comments }), let header = headers.parse(first.text) {
            return header.author
        }
        for sentence in sentences.lazy.filter({ $0.region == .body }).prefix(3) where sentence.text.count <= 80 {
            if Self.normalised(sentence.text).hasPrefix("by "), let name = bylines.author(in: sentence.text) { return name }
        }
        return nil
    }

    // MARK: Publisher

    /// A stated publisher: "Published by X", "© 2020 X", "X assumes no liability …"; for a press release, the
    /// company of its first "About <Company>" section.
    private func findPublisher(window: [(sentence: Sentence, lower: String)], kind: SourceKind, sentences: [Sentence]) -> String? {
        for entry in window where entry.sentence.region != .comments && entry.sentence.region != .body {
            for cue in cues.publisher.cues {
                guard let range = entry.lower.range(of: cue) else { continue }
                let offset = entry.lower.distance(from: entry.lower.startIndex, to: range.upperBound)
                let rest = String(entry.sentence.text.dropFirst(offset))
                if let name = organisation(in: rest) { return name }
            }
            for cue in cues.publisher.liability {
                guard let range = entry.lower.range(of: cue) else { continue }
                let offset = entry.lower.distance(from: entry.lower.startIndex, to: range.lowerBound)
                if let name = organisation(in: String(entry.sentence.text.prefix(offset)), fromEnd: true) { return name }
            }
        }
        if kind == .pressRelease,
           let about = sentences.first(where: { $0.region == .boilerplate && Self.normalised($0.text).hasPrefix("about ") }) {
            return organisation(in: String(Trim.chars(about.text, "#* ").dropFirst(6)))
        }
        return nil
    }

    /// A short capitalised name at the start (or end) of `fragment`, without years, "All rights reserved" and
    /// trailing punctuation.
    private func organisation(in fragment: String, fromEnd: Bool = false) -> String? {
        var words = fragment.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        if fromEnd { words = Array(words.suffix(5)) }
        var name: [String] = []
        for word in words {
            let bare = Trim.chars(word, ".,;:()\u{A9}")
            if bare.isEmpty || bare.allSatisfy({ $0.isNumber || $0 == "-" }) || bare.lowercased() == "c" {
                if name.isEmpty { continue } else { break }
            }
            if ["all", "the", "by"].contains(bare.lowercased()), name.isEmpty { continue }
            guard let first = bare.unicodeScalars.first, ScalarKind.isUpper(first) || ScalarKind.isDigit(first) || bare == "&" else {
                if fromEnd { name.removeAll(); continue }
                break
            }
            name.append(bare)
            if word.hasSuffix(".") || word.hasSuffix(",") || name.count >= 6 { break }
        }
        let joined = name.joined(separator: " ")
        return joined.isEmpty || joined.lowercased().hasPrefix("all rights") ? nil : joined
    }

    // MARK: Front matter

    /// A "key: value" line of Markdown front matter (a metadata region that starts with "---").
    private func frontMatterValue(_ key: String, regions: [Region], text: SourceText) -> String? {
        guard let first = regions.first, first.kind == .metadata, text.slice(TextSpan(0, 3)) == "---" else { return nil }
        for line in text.slice(first.span).split(separator: "\n").prefix(60) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, Trim.spaces(String(parts[0])).lowercased() == key else { continue }
            let value = Trim.chars(Trim.spaces(String(parts[1])), "\"'")
            if !value.isEmpty { return value }
        }
        return nil
    }
}

extension MetadataExtractor {
    /// A page whose first post carries a poster's header, as its replies do, is a forum thread whatever its
    /// words say; its date is that post's (a reply's date is not the page's), and its text is its users', not
    /// a company's material.
    func adjusted(_ metadata: SourceMetadata, for thread: DiscussionThread, text: SourceText) -> SourceMetadata {
        guard let opening = thread.opening, opening.author != nil || opening.date != nil, !thread.replies.isEmpty,
              metadata.kind != .abstract else { return metadata }
        var result = metadata
        result.kind = .forumThread
        // The opening post's date, else the first full date of its header; never a reply's or the page's.
        let own = opening.date.flatMap(Self.day)
        result.published = own?.count == 10 ? own : Self.headerDate(of: opening, in: text) ?? own
        result.industrySponsored = false
        result.sponsorEvidence = nil
        // Only a title that is the site's name gives way to the thread's subject heading.
        if let heading = Self.heading(of: opening, in: text), result.title.map(Self.isSiteName) ?? true { result.title = heading }
        return result
    }

    /// The first full date between the opening post's header and the start of its text: "Posted 1/16/2019",
    /// "Nov 20, 2019 11:26 PM" (the member's "Joined: Aug 2008" has no day and is passed over).
    static func headerDate(of opening: ThreadPost, in text: SourceText) -> String? {
        let span = TextSpan(opening.extent.start, max(opening.extent.start, min(text.count, opening.span.start + headerReach)))
        if let date = DateParser.dates(in: text.scalars, range: span).first(where: { $0.iso.count == 10 }) { return date.iso }
        guard let order = NumericDate.order(in: text.string) else { return nil }
        return NumericDate.first(in: text.slice(span), order: order)
    }

    /// How far past the start of the opening post's text its header's date may stand.
    static let headerReach = 80

    /// How far into the opening post its subject heading may stand.
    static let headingReach = 300

    /// The heading that names a thread: a Markdown heading line between the opening post's header and the
    /// start of its text ("## How long should I wait?"), where forum pages put the thread's subject.
    static func heading(of opening: ThreadPost, in text: SourceText) -> String? {
        let span = TextSpan(opening.extent.start, min(text.count, max(opening.extent.start, opening.span.start + headingReach)))
        for line in text.slice(span).split(whereSeparator: \.isNewline) {
            let trimmed = Trim.spaces(String(line))
            guard trimmed.hasPrefix("#") else { continue }
            let heading = Trim.spaces(Trim.chars(trimmed, "#*"))
            if heading.split(separator: " ").count >= 2 { return heading }
        }
        return nil
    }

    /// "2014-07-21" of "2014-07-21T11:59+00:00"; a date without its day stays as it is.
    static func day(_ iso: String) -> String? {
        let scalars = Array(iso.unicodeScalars)
        guard scalars.count >= 4, scalars[0..<4].allSatisfy(ScalarKind.isDigit) else { return nil }
        return String(String.UnicodeScalarView(scalars.prefix(10)))
    }
}
