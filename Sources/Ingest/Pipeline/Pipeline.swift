import EvidenceModel
/// The ingest pipeline from decoded text to an `Extraction`: regions, sentences, metadata, concepts,
/// quantities, studies, claims and comments. Loads its data files once; then pure and thread-safe.
public struct Pipeline: Sendable {
    public let lexicon: Lexicon
    let regions: RegionSegmenter
    let sentences: SentenceSplitter
    let metadata: MetadataExtractor
    let concepts: ConceptMatcher
    let quantities: QuantityExtractor
    let studies: StudyExtractor
    let claims: ClaimExtractor
    let comments: CommentExtractor

    public init(locator: ResourceLocator = .standard) throws {
        let lexicon = try Lexicon.load(from: locator)
        self.lexicon = lexicon
        regions = try RegionSegmenter(locator: locator)
        sentences = try SentenceSplitter(locator: locator)
        metadata = try MetadataExtractor(lexicon: lexicon, locator: locator)
        concepts = ConceptMatcher(lexicon: lexicon)
        quantities = try QuantityExtractor(locator: locator)
        studies = try StudyExtractor(lexicon: lexicon, locator: locator)
        claims = try ClaimExtractor(lexicon: lexicon, locator: locator)
        comments = try CommentExtractor(locator: locator)
    }

    /// Runs the text stages: everything the study, claim and comment stages need.
    public func analyze(_ text: SourceText, format: DocumentFormat) -> AnalyzedDocument {
        let regionList = regions.segment(text, format: format)
        let sentenceList = sentences.split(text, regions: regionList)
        let meta = metadata.extract(text, format: format, regions: regionList, sentences: sentenceList)
        var mentions: [ConceptMention] = []
        var doses: [Dose] = []
        var durations: [Duration] = []
        var sizes: [SampleSize] = []
        var ages: [Age] = []
        var effects: [EffectSize] = []
        // Furniture never yields facts, so it is not analysed at all.
        for region in regionList where region.kind != .furniture {
            mentions += concepts.mentions(in: text, span: region.span)
            // One tokenisation of the region for all five kinds of quantity.
            let found = quantities.all(in: text, span: region.span)
            doses += found.doses
            durations += found.durations
            sizes += found.sampleSizes
            ages += found.ages
            effects += found.effects
        }
        return AnalyzedDocument(text: text, format: format, regions: regionList, sentences: sentenceList,
                                metadata: meta, concepts: mentions, doses: doses, durations: durations,
                                sampleSizes: sizes, ages: ages, effects: effects)
    }

    /// Extracts everything from one decoded document.
    public func extract(file: String, text: String, sha256: String, format: DocumentFormat) -> Extraction {
        let sourceText = SourceText(text)
        let document = analyze(sourceText, format: format)
        let studyList = studies.extract(document)
        let claimList = claims.extract(document, studies: studyList)
        var commentList = comments.extract(sourceText, regions: document.regions, metadata: document.metadata)
        for index in commentList.indices {
            let span = commentList[index].span
            let found = document.concepts.filter { span.contains($0.span) }
            commentList[index].conditionIDs = conceptIDs(found, type: .condition)
            commentList[index].interventionIDs = conceptIDs(found, type: .intervention)
            commentList[index].doses = document.doses.filter { span.contains($0.span) }
        }
        let source = ExtractedSource(file: file, text: sourceText, sha256: sha256, metadata: document.metadata)
        return Extraction(source: source, studies: studyList, claims: claimList, comments: commentList,
                          mentions: document.concepts, regions: document.regions)
    }

    /// Distinct concept ids of one type, in order of first mention.
    func conceptIDs(_ mentions: [ConceptMention], type: ConceptType) -> [String] {
        var seen: Set<String> = []
        var ids: [String] = []
        for mention in mentions where lexicon.concept(mention.conceptID)?.type == type {
            if seen.insert(mention.conceptID).inserted { ids.append(mention.conceptID) }
        }
        return ids
    }
}
