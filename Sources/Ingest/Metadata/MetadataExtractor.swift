import Foundation

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
        classifier = SourceKindClassifier(cues: cues.kinds)
        bylines = BylineFinder(cues: cues.author)
        let brands = lexicon.concepts.flatMap(\.brands).filter { $0.unicodeScalars.count >= 3 }
        sponsorship = SponsorshipFinder(cues: cues.sponsor, brands: brands)
        headers = CommentHeaderParser(cues: try CommentCues.load(locator))
    }

    public func extract(_ text: SourceText, format: DocumentFormat, regions: [Region], sentences: [Sentence]) -> SourceMetadata {
        let window = sentences.filter { $0.span.start < Self.headWindow || $0.span.end > text.count - Self.tailWindow }
            .map { (sentence: $0, lower: $0.text.lowercased()) }
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
            published: findDate(text, regions: regions, sentences: sentences),
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
        let titles = regions.filter { $0.kind == .title }.map { clean(text.slice($0.span)) }.filter { !$0.isEmpty }
        guard var title = titles.first else {
            let first = sentences.first { $0.region == .body }?.text
            return (first.map { String($0.prefix(200)) }, nil)
        }
        var publisher: String?
        if titles.count > 1, title.hasPrefix(titles[1]), titles[1].count >= 8 {
            publisher = siteName(after: titles[1], in: title)
            title = titles[1]
        } else {
            for separator in [" | ", " :: ", " \u{2013} ", " \u{2014} ", " - "] {
                guard format == .html || separator == " | " || separator == " :: " else { continue }
                guard let range = title.range(of: separator, options: .backwards) else { continue }
                let head = String(title[..<range.lowerBound]), tail = String(title[range.upperBound...])
                if tail.split(separator: " ").count <= 5, head.split(separator: " ").count >= 2 {
                    title = head
                    publisher = tail
                    break
                }
            }
        }
        return (title, publisher)
    }

    private func siteName(after headline: String, in full: String) -> String? {
        let rest = Trim.chars(String(full.dropFirst(headline.count)), " |:-\u{2013}\u{2014}")
        return rest.isEmpty || rest.split(separator: " ").count > 5 ? nil : rest
    }

    /// A title line without a Markdown "#", list marker or surrounding space.
    private func clean(_ line: String) -> String {
        Trim.spaces(Trim.chars(Trim.spaces(line), "#*=_"))
    }

    // MARK: Date

    /// The page's own date: one after a date cue ("Last updated:", "Posted on"), else the first date of the
    /// metadata lines (a byline's date comes before the date of a reposted release), else the first full date of
    /// the opening body sentences. Dates of things the page reports further down are not taken.
    private func findDate(_ text: SourceText, regions: [Region], sentences: [Sentence]) -> String? {
        if let front = frontMatterValue("date", regions: regions, text: text), let date = DateParser.dates(in: front).first {
            return date.iso
        }
        let top = sentences.prefix(40).filter { $0.region == .metadata || $0.region == .title || $0.region == .furniture }
        var firstMetadataDate: String?
        for sentence in top {
            let dates = DateParser.dates(in: text.scalars, range: sentence.span)
            guard !dates.isEmpty else {
                if let year = yearAfterCue(sentence) { return year }
                continue
            }
            for date in dates {
                let before = text.slice(TextSpan(max(sentence.span.start, date.span.start - 30), date.span.start)).lowercased()
                if cues.dates.cues.contains(where: { before.contains($0) }) { return date.iso }
            }
            if firstMetadataDate == nil, sentence.region == .metadata { firstMetadataDate = dates.first?.iso }
        }
        if let date = firstMetadataDate { return date }
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

    // MARK: Author

    private func findAuthor(_ text: SourceText, regions: [Region], sentences: [Sentence], kind: SourceKind) -> String? {
        if let front = frontMatterValue("author", regions: regions, text: text) { return front }
        let top = sentences.prefix(40).filter { $0.region == .metadata || $0.region == .title }
        for sentence in top where sentence.region == .metadata {
            // A forum's opening post header ("Posted by Name on …").
            if let header = headers.parse(sentence.text) { return header.author }
            if let name = bylines.author(in: sentence.text) { return name }
        }
        // A byline left in the body's first lines ("By Jane Roe" under the headline).
        for sentence in sentences.lazy.filter({ $0.region == .body }).prefix(3) where sentence.text.count <= 80 {
            if sentence.text.lowercased().hasPrefix("by "), let name = bylines.author(in: sentence.text) { return name }
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
           let about = sentences.first(where: { $0.region == .boilerplate && $0.text.lowercased().hasPrefix("about ") }) {
            return organisation(in: String(about.text.dropFirst(6)))
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
