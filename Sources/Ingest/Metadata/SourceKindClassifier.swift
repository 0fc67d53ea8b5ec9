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

    /// `window` holds the lower-cased sentences near the start and end of the document.
    func classify(window: [(sentence: Sentence, lower: String)], regions: [Region], text: SourceText, title: String?) -> SourceKind {
        func count(_ phrases: [String], prefixOnly: Bool = false) -> Int {
            window.reduce(0) { total, entry in
                let hit = prefixOnly ? phrases.contains { entry.lower.hasPrefix($0) } : phrases.contains { entry.lower.contains($0) }
                return total + (hit ? 1 : 0)
            }
        }
        let hasComments = regions.contains { $0.kind == .comments }
        let hasAbout = regions.contains { region in
            region.kind == .boilerplate && MetadataExtractor.normalised(text.slice(TextSpan(region.span.start, min(region.span.end, region.span.start + 80))))
                .hasPrefix("about ")
        }
        let saysHeaders = window.filter { $0.sentence.region == .comments && $0.lower.hasSuffix("says:") }.count

        let forum = count(cues.forumThread, prefixOnly: true)
        let blog = count(cues.blogPost) + (saysHeaders > 0 ? 2 : 0)
        if forum >= 2, forum > blog { return .forumThread }
        if blog >= 2 || blog >= 1 && hasComments { return .blogPost }

        let qa = count(cues.medicalQA)
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
        if count(cues.reportedPress) >= 1 || count(cues.newsSources) >= 1 { return .newsArticle }
        if count(cues.pressRelease) >= 1 || hasAbout || hasEndMarker(text) { return .pressRelease }
        return model.releaseLogOdds(text) > 0 ? .pressRelease : .newsArticle
    }

    /// A line that ends a release ("###", "# # #", "-30-"): searched in the last part of the text, where it
    /// stands, and as the end of a line ("… 202-555-0100.# # #") as well as a line of its own.
    private func hasEndMarker(_ text: SourceText) -> Bool {
        let scalars = text.scalars
        let start = max(0, scalars.count - MetadataExtractor.tailWindow)
        let tail = String(String.UnicodeScalarView(scalars[start...])).lowercased()
        for line in tail.split(whereSeparator: \.isNewline) {
            let trimmed = Trim.spaces(String(line))
            if cues.endMarkers.contains(trimmed) { return true }
            if cues.endMarkers.contains(where: { $0.hasPrefix("#") && $0.count >= 3 && trimmed.hasSuffix($0) && trimmed.count > $0.count }) {
                return true
            }
        }
        return false
    }
}
