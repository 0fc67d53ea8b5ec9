import EvidenceModel
/// The ingest pipeline from decoded text to an `Extraction`: regions, sentences, metadata, concepts,
/// quantities, studies and their findings, claims and comments. Loads its data files once; then pure and thread-safe.
public struct Pipeline: Sendable {
    public let lexicon: Lexicon
    let regions: RegionSegmenter
    let sentences: SentenceSplitter
    let metadata: MetadataExtractor
    let concepts: ConceptMatcher
    let textConcepts: TextConceptFinder
    let quantities: QuantityExtractor
    let studies: StudyExtractor
    let findings: FindingExtractor
    let claims: ClaimExtractor
    let comments: CommentExtractor
    let documentConditions: DocumentConditions

    public init(locator: ResourceLocator = .standard) throws {
        let lexicon = try Lexicon.load(from: locator)
        self.lexicon = lexicon
        _ = try MonthNames.load(locator)   // dates are read through MonthNames.standard; fail here if it is missing
        regions = try RegionSegmenter(locator: locator)
        sentences = try SentenceSplitter(locator: locator)
        metadata = try MetadataExtractor(lexicon: lexicon, locator: locator)
        concepts = ConceptMatcher(lexicon: lexicon, cues: try MentionContext.Cues.load(locator))
        textConcepts = TextConceptFinder(cues: try TextConceptCues.load(locator))
        quantities = try QuantityExtractor(locator: locator)
        studies = try StudyExtractor(lexicon: lexicon, locator: locator)
        findings = try FindingExtractor(lexicon: lexicon, locator: locator)
        claims = try ClaimExtractor(lexicon: lexicon, locator: locator)
        comments = try CommentExtractor(locator: locator)
        documentConditions = DocumentConditions(lexicon: lexicon, cues: try DocumentConditionCues.load(locator))
    }

    /// Runs the text stages: everything the study, claim and comment stages need.
    public func analyze(_ text: SourceText, format: DocumentFormat) -> AnalyzedDocument {
        analyze(text, format: format, thread: nil)
    }

    /// The text stages, with a thread's structure laid over the regions: replies are comments (never the page's
    /// claims), the opening post is the page's body.
    func analyze(_ text: SourceText, format: DocumentFormat, thread: DiscussionThread?) -> AnalyzedDocument {
        var regionList = regions.segment(text, format: format)
        if let thread {
            if let opening = thread.opening { regionList = RegionOverlay.apply(regionList, opening.span, kind: .body) }
            if let replies = thread.repliesExtent { regionList = RegionOverlay.apply(regionList, replies, kind: .comments) }
        }
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
        // What the lexicon does not know, the text may still name as an outcome or an intervention.
        mentions = textConcepts.apply(to: mentions, text: text, sentences: sentenceList)
        return AnalyzedDocument(text: text, format: format, regions: regionList, sentences: sentenceList,
                                metadata: meta, concepts: mentions, doses: doses, durations: durations,
                                sampleSizes: sizes, ages: ages, effects: effects)
    }

    /// Extracts everything from one decoded document.
    /// `outline`: the HTML page's outline from the reading stage, where the comment stage finds a thread's posts.
    public func extract(file: String, text: String, sha256: String, format: DocumentFormat,
                        outline: HTMLOutline? = nil) -> Extraction {
        let sourceText = SourceText(text)
        var thread = comments.thread(in: sourceText, format: format, outline: outline)
        var document = analyze(sourceText, format: format, thread: thread)
        // A forum page whose posts only their header lines show: read again with its opening post as the body.
        if thread == nil, let found = comments.headerThread(sourceText, regions: document.regions, outline: outline) {
            thread = found
            document = analyze(sourceText, format: format, thread: found)
        }
        if let thread { document.metadata = metadata.adjusted(document.metadata, for: thread, text: sourceText) }
        // A thread's opening post is the source's own text: its poster is the source's author.
        if document.metadata.author == nil, let poster = thread?.opening?.author { document.metadata.author = poster }
        var studyList = studies.extract(document)
        findings.apply(&studyList, document)
        let claimList = claims.extract(document, studies: studyList)
        documentConditions.apply(to: &studyList, document)
        var commentList = comments.extract(sourceText, regions: document.regions, metadata: document.metadata, thread: thread)
        for index in commentList.indices {
            let span = commentList[index].span
            let found = document.concepts.filter { span.contains($0.span) }
            commentList[index].conditionIDs = conceptIDs(found, type: .condition)
            commentList[index].interventionIDs = conceptIDs(found, type: .intervention)
            commentList[index].doses = document.doses.filter { span.contains($0.span) }
        }
        let source = ExtractedSource(file: file, text: sourceText, sha256: sha256, metadata: document.metadata)
        return Extraction(source: source, studies: studyList, claims: claimList, comments: commentList,
                          mentions: document.concepts, regions: document.regions,
                          textConcepts: TextConceptFinder.concepts(of: document.concepts))
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
