import EvidenceModel
/// Decides whether a document is, or reports, material from a company that sells what it discusses, and
/// quotes the sentence that shows it.
///
/// Evidence, strongest first: a release speaking for a company ("X today announced"), a reported press
/// release of a company, "About <Company>" boilerplate, trade names ("under the tradename", ™, ®), and an
/// executive of a company quoted ("CEO of …", "head of scientific affairs"). "Company" means a capitalised
/// company word ("Pharma", "Inc.", "Nutrition") in the sentence or a brand of the lexicon in the document, so
/// that a university's press office or a hospital director does not count.
struct SponsorshipFinder: Sendable {
    let cues: MetadataCues.Sponsor
    let brands: [String]
    static let maxEvidenceLength = 300

    func find(sentences: [Sentence], regions: [Region], text: SourceText) -> String? {
        let body = sentences.lazy.filter { $0.region == .body || $0.region == .title }.prefix(600)
        let lowered = body.map { (sentence: $0, lower: $0.text.lowercased()) }
        // Searching every sentence for every brand is the dearest test: made only when a cue needs it, once.
        var brandFound: Bool?
        func brandInDocument() -> Bool {
            if let brandFound { return brandFound }
            let found = body.contains { sentence in brands.contains { mentions(sentence.text, $0) } }
            brandFound = found
            return found
        }

        /// `needsCompany`: a company word in the sentence, or (`brandAnywhere`) a brand anywhere in the document.
        func first(_ phrases: [String], needsCompany: Bool, brandAnywhere: Bool = true) -> Sentence? {
            lowered.first { entry in
                phrases.contains { entry.lower.contains($0) }
                    && !isDisclosure(entry.lower)
                    && (!needsCompany || hasCompanyWord(entry.sentence.text)
                        || (brandAnywhere ? brandInDocument() : brands.contains { mentions(entry.sentence.text, $0) }))
            }?.sentence
        }
        if let s = first(cues.selfAnnouncement, needsCompany: true) { return quote(s) }
        if let s = first(cues.pressMaterial, needsCompany: true) { return quote(s) }
        if let about = aboutBoilerplate(sentences) { return quote(about) }
        if let s = first(cues.tradeNames, needsCompany: false) { return quote(s) }
        // An officer speaks for a company only when the sentence names one: a society's president does not.
        if let s = first(cues.executiveRoles, needsCompany: true, brandAnywhere: false),
           !isPublicBody(s.text.lowercased()) { return quote(s) }
        return nil
    }

    /// A researcher's ties, a funder or donated pills: no sponsorship by the convention.
    private func isDisclosure(_ lower: String) -> Bool {
        cues.disclosureBlockers.contains { lower.contains($0) }
    }

    /// A university, hospital, charity, society or agency.
    private func isPublicBody(_ lower: String) -> Bool {
        cues.publicBodies.contains { lower.contains($0) }
    }

    /// The first sentence after an "About <Company>" heading of a boilerplate region; an "About" section of a
    /// university, hospital or society is no company's.
    private func aboutBoilerplate(_ sentences: [Sentence]) -> Sentence? {
        for (index, sentence) in sentences.enumerated() where sentence.region == .boilerplate {
            guard MetadataExtractor.normalised(sentence.text).hasPrefix("about ") else { continue }
            var found = sentence
            if index + 1 < sentences.count, sentences[index + 1].region == .boilerplate { found = sentences[index + 1] }
            if isPublicBody(sentence.text.lowercased()) || isPublicBody(found.text.lowercased()) { return nil }
            return found
        }
        return nil
    }

    /// A capitalised company word: "Natto Pharma", "Acme Inc.", "PL Thomas & Company".
    func hasCompanyWord(_ sentence: String) -> Bool {
        for token in sentence.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            guard let first = token.unicodeScalars.first, ScalarKind.isUpper(first) else { continue }
            let bare = Trim.chars(String(token), ",.;:()\"'\u{2019}").lowercased()
            if cues.companyWords.contains(bare) { return true }
        }
        return false
    }

    /// `word` in `sentence` on word boundaries, case as written (brands are proper names).
    private func mentions(_ sentence: String, _ word: String) -> Bool {
        guard !word.isEmpty, let range = sentence.range(of: word) else { return false }
        let before = range.lowerBound == sentence.startIndex ? nil : sentence[sentence.index(before: range.lowerBound)]
        let after = range.upperBound == sentence.endIndex ? nil : sentence[range.upperBound]
        return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
    }

    private func quote(_ sentence: Sentence) -> String {
        let scalars = Array(sentence.text.unicodeScalars)
        guard scalars.count > Self.maxEvidenceLength else { return sentence.text }
        var end = Self.maxEvidenceLength
        while end > 200, !ScalarKind.isSpace(scalars[end]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[..<end]))
    }
}
