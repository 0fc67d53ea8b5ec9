import EvidenceModel
/// Decides what kind of page a document is from cue phrases (`lexicon/metadata.json`) and from its regions.
///
/// Order matters, because pages mix genres: a blog post that reposts a press release is a blog post (its own
/// frame: "Posted in", "Name says:" comments), a thread is a thread whatever its posts quote. What is left is
/// a press release or a news story: a page that says which it is ("in a press release", "today announced",
/// "###", an agency's dateline) is taken at its word, and the rest, most real pages, go to a learnt model (`SourceKindModel`), since
/// counting attributions ("said", "according to") called most real releases news on held-out documents.
struct SourceKindClassifier: Sendable {
    let cues: MetadataCues.Kinds
    let model: SourceKindModel
    // One pass per sentence and cue list: asking `contains` once per phrase went through Foundation and was
    // a tenth of the metadata stage.
    private let blogPost: PhraseMatcher, medicalQA: PhraseMatcher, reportedPress: PhraseMatcher
    private let newsSources: PhraseMatcher, pressRelease: PhraseMatcher

    init(cues: MetadataCues.Kinds, model: SourceKindModel) {
        self.cues = cues
        self.model = model
        blogPost = PhraseMatcher(cues.blogPost)
        medicalQA = PhraseMatcher(cues.medicalQA)
        reportedPress = PhraseMatcher(cues.reportedPress)
        newsSources = PhraseMatcher(cues.newsSources)
        pressRelease = PhraseMatcher(cues.pressRelease)
    }

    /// `window` holds the lower-cased sentences near the start and end of the document.
    func classify(window: [(sentence: Sentence, lower: String)], regions: [Region], text: SourceText, title: String?) -> SourceKind {
        let lowered = window.map { Array($0.lower.unicodeScalars) }
        func count(_ matcher: PhraseMatcher) -> Int {
            lowered.reduce(0) { total, scalars in total + (matcher.occurs(in: scalars) ? 1 : 0) }
        }
        func countPrefixed(_ phrases: [String]) -> Int {
            window.reduce(0) { total, entry in total + (phrases.contains { entry.lower.hasPrefix($0) } ? 1 : 0) }
        }
        let hasComments = regions.contains { $0.kind == .comments }
        let hasAbout = regions.contains { region in
            region.kind == .boilerplate && MetadataExtractor.normalised(text.slice(TextSpan(region.span.start, min(region.span.end, region.span.start + 80))))
                .hasPrefix("about ")
        }
        let saysHeaders = window.filter { $0.sentence.region == .comments && $0.lower.hasSuffix("says:") }.count

        let forum = countPrefixed(cues.forumThread)
        let blog = count(blogPost) + (saysHeaders > 0 ? 2 : 0)
        if forum >= 2, forum > blog { return .forumThread }
        if blog >= 2 || blog >= 1 && hasComments { return .blogPost }

        let qa = count(medicalQA)
        let asksQuestion = title.map { $0.hasSuffix("?") } ?? false
        if qa >= 3 || asksQuestion && qa >= 1 { return .medicalQA }

        var labels: Set<String> = []
        for entry in window where entry.sentence.region != .comments {
            // "Background: …", "**Objective.** …", "## Abstract".
            let head = entry.lower.prefix(40)
            let label = head.split(whereSeparator: { $0 == ":" || $0 == "." }).first.map { Trim.spaces(String($0)) } ?? ""
            if cues.abstractLabels.contains(label), head.contains(":") || head.contains(".") || entry.lower.count <= 40 {
                labels.insert(label)
            }
        }
        if labels.count >= 3 || labels.count >= 2 && labels.contains("abstract") { return .abstract }

        if asksQuestion && regions.contains(where: { $0.kind == .body }) && qa >= 1 { return .medicalQA }
        // A page that says it reports a release is news; one that speaks as the release ("today announced",
        // "###", an "About <Company>" section) is one. Only when neither is said does the model decide.
        if count(reportedPress) >= 1 || count(newsSources) >= 1 { return .newsArticle }
        if count(pressRelease) >= 1 || hasAbout || hasEndMarker(text) { return .pressRelease }
        return model.releaseLogOdds(text) > 0 ? .pressRelease : .newsArticle
    }

    /// A line that ends a release ("###", "# # #", "-30-"): searched in the last part of the text, where it
    /// stands, and as the end of a line ("… 202-555-0100.# # #") as well as a line of its own.
    private func hasEndMarker(_ text: SourceText) -> Bool {
        let scalars = text.scalars
        let start = max(0, scalars.count - MetadataExtractor.tailWindow)
        let longest = cues.endMarkers.map(\.count).max() ?? 0
        // Markers are short: only each line's last few characters are copied and lower-cased, not the tail.
        for line in String(String.UnicodeScalarView(scalars[start...])).split(whereSeparator: \.isNewline) {
            let end = Trim.spaces(String(line.suffix(longest + 8))).lowercased()
            if line.utf8.count <= 4 * (longest + 8), cues.endMarkers.contains(end) { return true }
            if cues.endMarkers.contains(where: { $0.hasPrefix("#") && $0.count >= 3 && end.hasSuffix($0) && (end.count > $0.count || line.utf8.count > end.utf8.count) }) {
                return true
            }
        }
        return false
    }
}
