import EvidenceModel
/// The cue words of the study stage, kept as data in `lexicon/studies.json` so that they can be extended
/// without touching code. Compiled once into phrase sets.
struct StudyCues: Sendable {
    struct DesignCue: Decodable, Sendable {
        var design: String
        var cues: [String]
    }

    struct DirectionFile: Decodable, Sendable {
        var decreaseWords: [String]
        var increaseWords: [String]
        var alwaysBenefit: [String]
        var alwaysHarm: [String]
        var goodOutcomes: [String]
        var lossWords: [String]
        var null: [String]
        var notNegations: [String]
        var lowExposure: [String]
        var comparatorMarkers: [String]
        var comparatorMasks: [String]
        var safetyMarkers: [String]
        var clauseBreaks: [String]
        var riskWords: [String]
        var evidenceQuality: [String]

        enum CodingKeys: String, CodingKey {
            case null
            case decreaseWords = "decrease_words", increaseWords = "increase_words"
            case alwaysBenefit = "always_benefit", alwaysHarm = "always_harm", goodOutcomes = "good_outcomes"
            case lossWords = "loss_words", notNegations = "not_negations", lowExposure = "low_exposure"
            case comparatorMarkers = "comparator_markers", comparatorMasks = "comparator_masks"
            case safetyMarkers = "safety_markers", clauseBreaks = "clause_breaks", riskWords = "risk_words", evidenceQuality = "evidence_quality"
        }
    }

    struct File: Decodable, Sendable {
        var heads: [String]
        var definiteOnlyHeads: [String]
        var reportOrganisations: [String]
        var indefiniteDeterminers: [String]
        var definiteDeterminers: [String]
        var groupQuantifiers: [String]
        var vagueMarkers: [String]
        var futureMarkers: [String]
        var nonNameWords: [String]
        var attachedCues: [String]
        var connectors: [String]
        var methodVerbs: [String]
        var journalTriggers: [String]
        var referenceHeadings: [String]
        var referenceLabels: [String]
        var designs: [DesignCue]
        var direction: DirectionFile
        var modifierWords: [String]
        var mainStudyModifiers: [String]
        var journalConnectors: [String]
        var dateWords: [String]
        var vagueReferences: [String]
        var contextConditions: [String]
        var headBlockers: [String]
        var pluralHeads: [String]
        var approximateQualifiers: [String]
        var futureBefore: [String]
        var appositionWords: [String]
        var teamWords: [String]
        var subjectWords: [String]
        var sourceLineLabels: [String]
        var publicationVerbs: [String]
        var distinctModifiers: [String]
        var nonJournalWords: [String]
        var headPreblockers: [String]
        var anchorNegations: [String]
        var focusLeadIns: [String]
        var nonStudyReferences: [String]
        var hypotheticalBefore: [String]
        var commentaryWords: [String]
        var postModifierWords: [String]
        var clauseRelatives: [String]
        var linkLabels: [String]
        var sponsorSuffixes: [String]
        var journalRoleWords: [String]
        var memberNouns: [String]
        var ordinals: [String]
        var noveltyAfter: [String]
        var nameGivers: [String]
        var followUpCues: [String]
        var sameStudyLinks: [String]
        var journalBlurbs: [String]
        var conductVerbs: [String]
        var authorSubjects: [String]
        var looseDesignWords: [String]
        var reviewDeterminers: [String]
        var boundQualifiers: [String]
        var resultBlockers: [String]
        var pastResultVerbs: [String]
        var speciesWords: [String: String]
        var comparatorPhrases: ComparatorPhrases
        var earlierWork: EarlierWorkFile
        var armSubjects: CueList
        var loneAuthors: CueList

        struct CueList: Decodable {
            var cues: [String]
        }

        struct EarlierWorkFile: Decodable {
            var markers: [String]
            var nouns: [String]
            var owners: [String]
            var ownerWords: [String]
            var verbs: [String]

            enum CodingKeys: String, CodingKey {
                case markers, nouns, owners, verbs
                case ownerWords = "owner_words"
            }
        }

        struct ComparatorPhrases: Decodable {
            var placebo: [String]
            var introducers: [String]
        }

        enum CodingKeys: String, CodingKey {
            case heads, designs, direction, connectors
            case definiteOnlyHeads = "definite_only_heads", reportOrganisations = "report_organisations"
            case indefiniteDeterminers = "indefinite_determiners", definiteDeterminers = "definite_determiners"
            case groupQuantifiers = "group_quantifiers", vagueMarkers = "vague_markers", futureMarkers = "future_markers"
            case nonNameWords = "non_name_words", attachedCues = "attached_cues", methodVerbs = "method_verbs"
            case journalTriggers = "journal_triggers", referenceHeadings = "reference_headings"
            case referenceLabels = "reference_labels", modifierWords = "modifier_words"
            case mainStudyModifiers = "main_study_modifiers", journalConnectors = "journal_connectors", dateWords = "date_words"
            case vagueReferences = "vague_references", contextConditions = "context_conditions"
            case headBlockers = "head_blockers", pluralHeads = "plural_heads", approximateQualifiers = "approximate_qualifiers"
            case futureBefore = "future_before", boundQualifiers = "bound_qualifiers", appositionWords = "apposition_words", teamWords = "team_words"
            case subjectWords = "subject_words", sourceLineLabels = "source_line_labels", publicationVerbs = "publication_verbs"
            case distinctModifiers = "distinct_modifiers", nonJournalWords = "non_journal_words", headPreblockers = "head_preblockers"
            case anchorNegations = "anchor_negations", focusLeadIns = "focus_lead_ins"
            case nonStudyReferences = "non_study_references"
            case hypotheticalBefore = "hypothetical_before", commentaryWords = "commentary_words"
            case postModifierWords = "post_modifier_words", clauseRelatives = "clause_relatives", linkLabels = "link_labels"
            case sponsorSuffixes = "sponsor_suffixes", journalRoleWords = "journal_role_words"
            case memberNouns = "member_nouns"
            case ordinals, noveltyAfter = "novelty_after", nameGivers = "name_givers"
            case followUpCues = "follow_up_cues", sameStudyLinks = "same_study_links", journalBlurbs = "journal_blurbs"
            case conductVerbs = "conduct_verbs", authorSubjects = "author_subjects"
            case looseDesignWords = "loose_design_words", reviewDeterminers = "review_determiners"
            case speciesWords = "species_words", comparatorPhrases = "comparator_phrases"
            case resultBlockers = "result_blockers", pastResultVerbs = "past_result_verbs"
            case earlierWork = "earlier_work", armSubjects = "arm_subjects", loneAuthors = "lone_authors"
        }
    }

    let heads: Set<String>
    let definiteOnlyHeads: Set<String>
    let reportOrganisations: Set<String>
    let indefinite: Set<String>
    let definite: Set<String>
    let groupQuantifiers: Set<String>
    let vague: PhraseSet
    let future: PhraseSet
    let nonNameWords: Set<String>
    let attached: PhraseSet
    let connectors: PhraseSet
    let methodVerbs: Set<String>
    let journalTriggers: Set<String>
    let referenceHeadings: Set<String>
    let referenceLabels: Set<String>
    /// Design cues in priority order: the first design with a matching cue wins.
    let designs: [(StudyDesign, PhraseSet)]
    let decrease: PhraseSet, increase: PhraseSet, alwaysBenefit: PhraseSet, alwaysHarm: PhraseSet
    let goodOutcomes: PhraseSet, lossWords: PhraseSet, null: PhraseSet, notNegations: PhraseSet
    let lowExposure: PhraseSet, comparatorMarkers: PhraseSet, comparatorMasks: PhraseSet, safetyMarkers: PhraseSet
    let clauseBreaks: Set<String>
    /// "risk", "incidence", "deaths": what an increase is bad for.
    let riskWords: PhraseSet
    /// "graded the evidence as low quality": a clause about the evidence, not a result.
    let evidenceQuality: PhraseSet
    let modifierWords: Set<String>
    /// "the new study" speaks of the study the document is about, whatever was mentioned last.
    let mainStudyModifiers: Set<String>
    let journalConnectors: Set<String>
    /// Month names (`lexicon/dates.json`) and the words that stand before them in a date ("early", "mid"):
    /// where a journal's name ends.
    let months: Set<String>
    /// "previous studies have …", "it is well established": a sentence about other studies.
    let vagueReferences: PhraseSet
    /// Conditions that describe a population or an outcome ("hemodialysis", "mortality") rather than the
    /// disease studied; a study with only these takes the page's topic condition.
    let contextConditions: Set<String>
    /// "institutional review board", "review process": a study noun followed by one of these is no study.
    let headBlockers: Set<String>
    /// "trials", "studies": a design word before them describes other studies.
    let pluralHeads: Set<String>
    /// "nearly 400", "over 50,000": a count that is not exact is no population size.
    let approximateQualifiers: PhraseSet
    /// "confirmed by another study", "replicated in a larger trial": a study not yet done.
    let futureBefore: PhraseSet
    /// "in", "of", "this one": words that may link two phrases naming one study.
    let appositionWords: Set<String>
    /// "colleagues", "co-authors": "X and colleagues randomized …" speaks of the reported study's authors.
    let teamWords: Set<String>
    /// "researchers", "scientists", "a team": the subject of a sentence describing what a study did.
    let subjectWords: Set<String>
    /// "source", "reference": a line "SOURCE: Journal of X, online May 2, 2011." cites the reported study.
    let sourceLineLabels: Set<String>
    /// "published", "came out", "appeared": a year after one of these dates the study's paper.
    let publicationVerbs: PhraseSet
    /// "similar", "separate", "another": an indefinite study phrase with one of these names a different study.
    let distinctModifiers: Set<String>
    /// "university", "news", "hospital": a name with one of these on a source line is no journal.
    let nonJournalWords: Set<String>
    /// "priority", "peer": a study noun after one of these names a process ("Priority Review", "peer review").
    let headPreblockers: Set<String>
    /// "not", "isn't": before "a trial" they say what the study in focus is not, and name no study.
    let anchorNegations: Set<String>
    /// "the first time": before "a trial" it praises the study in focus rather than naming another.
    let focusLeadIns: PhraseSet
    /// "data on file", "package insert", "fact sheet": reference entries that cite no study.
    let nonStudyReferences: PhraseSet
    /// "such": before "a study" it speaks of a kind of study ("no one would run such a trial"), not of one.
    let hypotheticalBefore: Set<String>
    /// "editorial", "commentary": "an analysis in an accompanying editorial" is an opinion, not a study.
    let commentaryWords: PhraseSet
    /// "of", "in", "comparing": words that open what follows a study noun, so that its verb ("is needed") may
    /// stand further on ("a larger study of the drug in other groups is needed").
    let postModifierWords: Set<String>
    /// "who", "which": a relative clause's verb is not the study phrase's ("a study of people who would be …").
    let clauseRelatives: Set<String>
    /// "more", "related", "read more": a label in capitals with a colon before a linked headline.
    let linkLabels: PhraseSet
    /// "-funded", "-sponsored": the ending of a compound naming who paid for a study ("NIH-funded trial").
    let sponsorSuffixes: [String]
    /// "editor-in-chief of the Journal of X": a person's post at a journal, not a paper published in it.
    let journalRoleWords: PhraseSet
    /// "participant", "author": after "a study" or "one study" they name a person of the study in focus
    /// ("one study participant said …"), not another study.
    let memberNouns: Set<String>
    /// "first", "second": "the second trial" is the one a second phrase named, or a new one; never simply the study
    /// in focus.
    let ordinals: Set<String>
    /// "to", "ever": after "the first study" they say it is the first of its kind (the study in focus), not the
    /// first of several.
    let noveltyAfter: PhraseSet
    /// "named", "called": "The study, named X, was a 20-patient trial" gives the study its name between two
    /// phrases that tell one study.
    let nameGivers: Set<String>
    /// "followed for", "median follow-up": cohort cues that a trial shares (trials follow their patients too).
    let followUpCues: PhraseSet
    /// "based on", "come from": "The findings are based on the X study" tells one study twice.
    let sameStudyLinks: PhraseSet
    /// "the official journal of", "impact factor": a journal's description of itself (a press release's footer),
    /// which reports no study.
    let journalBlurbs: PhraseSet
    /// "carried out", "conducted": what authors do to their own study ("the team carried out a meta-analysis").
    let conductVerbs: PhraseSet
    /// "team", "researchers", "they": who carries out the study in focus.
    let authorSubjects: Set<String>
    /// "he", "she": a lone researcher carrying out the study in focus ("he conducted an experiment").
    let loneAuthors: Set<String>
    /// Words that make a sentence advice or expectation rather than a reported result (`ResultContinuation`).
    let resultBlockers: Set<String>
    /// Past forms of result verbs that do not end in "-ed" ("found", "made", "was").
    let pastResultVerbs: Set<String>
    /// "review", "overview": design words that count in a sentence only after one of `reviewDeterminers`.
    let looseDesignWords: Set<String>
    let reviewDeterminers: Set<String>
    /// "more than a decade", "up to 5 years": a bound, not the length of the study.
    let boundQualifiers: PhraseSet
    /// "rats", "mice": the species of an animal study written as a plain word, in the order tried.
    let speciesWords: [(word: String, species: Species)]
    /// "Previous work from the team found …", "her previous research shows …": the authors' own earlier work
    /// (`StudyDetector.earlierWorkAnchor`).
    let earlierWork: EarlierWorkCues
    /// "men taking", "those who took": a sentence about one of the study's arms (read for its outcomes only).
    let armSubjects: PhraseSet
    /// "placebo" names the comparator itself; "compared with", "versus" introduce it.
    let placeboWords: [String], comparatorIntroducers: [String]

    init(locator: ResourceLocator) throws {
        let file = try locator.loadJSON(File.self, "lexicon/studies.json")
        func lowerSet(_ words: [String]) -> Set<String> { Set(words.map { WordTokenizer.fold($0) }) }
        heads = lowerSet(file.heads)
        definiteOnlyHeads = lowerSet(file.definiteOnlyHeads)
        reportOrganisations = lowerSet(file.reportOrganisations)
        indefinite = lowerSet(file.indefiniteDeterminers)
        definite = lowerSet(file.definiteDeterminers)
        groupQuantifiers = lowerSet(file.groupQuantifiers)
        vague = PhraseSet(file.vagueMarkers)
        future = PhraseSet(file.futureMarkers)
        nonNameWords = lowerSet(file.nonNameWords)
        attached = PhraseSet(file.attachedCues)
        connectors = PhraseSet(file.connectors)
        methodVerbs = lowerSet(file.methodVerbs)
        journalTriggers = lowerSet(file.journalTriggers)
        referenceHeadings = lowerSet(file.referenceHeadings)
        referenceLabels = lowerSet(file.referenceLabels)
        designs = file.designs.compactMap { cue in StudyDesign(rawValue: cue.design).map { ($0, PhraseSet(cue.cues)) } }
        let d = file.direction
        decrease = PhraseSet(d.decreaseWords)
        increase = PhraseSet(d.increaseWords)
        alwaysBenefit = PhraseSet(d.alwaysBenefit)
        alwaysHarm = PhraseSet(d.alwaysHarm)
        goodOutcomes = PhraseSet(d.goodOutcomes)
        lossWords = PhraseSet(d.lossWords)
        null = PhraseSet(d.null)
        notNegations = PhraseSet(d.notNegations)
        lowExposure = PhraseSet(d.lowExposure)
        comparatorMarkers = PhraseSet(d.comparatorMarkers)
        comparatorMasks = PhraseSet(d.comparatorMasks)
        safetyMarkers = PhraseSet(d.safetyMarkers)
        clauseBreaks = lowerSet(d.clauseBreaks)
        riskWords = PhraseSet(d.riskWords)
        evidenceQuality = PhraseSet(d.evidenceQuality)
        modifierWords = lowerSet(file.modifierWords)
        mainStudyModifiers = lowerSet(file.mainStudyModifiers)
        journalConnectors = lowerSet(file.journalConnectors)
        months = Set(MonthNames.standard.keys).union(lowerSet(file.dateWords))
        vagueReferences = PhraseSet(file.vagueReferences)
        contextConditions = Set(file.contextConditions)
        headBlockers = lowerSet(file.headBlockers)
        speciesWords = file.speciesWords.keys.sorted().compactMap { word in
            file.speciesWords[word].flatMap(Species.init(rawValue:)).map { (WordTokenizer.fold(word), $0) }
        }
        placeboWords = file.comparatorPhrases.placebo
        comparatorIntroducers = file.comparatorPhrases.introducers
        pluralHeads = lowerSet(file.pluralHeads)
        approximateQualifiers = PhraseSet(file.approximateQualifiers)
        futureBefore = PhraseSet(file.futureBefore)
        appositionWords = lowerSet(file.appositionWords)
        teamWords = lowerSet(file.teamWords)
        subjectWords = lowerSet(file.subjectWords)
        sourceLineLabels = lowerSet(file.sourceLineLabels)
        publicationVerbs = PhraseSet(file.publicationVerbs)
        distinctModifiers = lowerSet(file.distinctModifiers)
        nonJournalWords = lowerSet(file.nonJournalWords)
        headPreblockers = lowerSet(file.headPreblockers)
        anchorNegations = lowerSet(file.anchorNegations)
        focusLeadIns = PhraseSet(file.focusLeadIns)
        nonStudyReferences = PhraseSet(file.nonStudyReferences)
        hypotheticalBefore = lowerSet(file.hypotheticalBefore)
        commentaryWords = PhraseSet(file.commentaryWords)
        postModifierWords = lowerSet(file.postModifierWords)
        clauseRelatives = lowerSet(file.clauseRelatives)
        linkLabels = PhraseSet(file.linkLabels)
        sponsorSuffixes = file.sponsorSuffixes.map { WordTokenizer.fold($0) }
        journalRoleWords = PhraseSet(file.journalRoleWords)
        memberNouns = lowerSet(file.memberNouns)
        ordinals = lowerSet(file.ordinals)
        noveltyAfter = PhraseSet(file.noveltyAfter)
        nameGivers = lowerSet(file.nameGivers)
        followUpCues = PhraseSet(file.followUpCues)
        sameStudyLinks = PhraseSet(file.sameStudyLinks)
        journalBlurbs = PhraseSet(file.journalBlurbs)
        conductVerbs = PhraseSet(file.conductVerbs)
        authorSubjects = lowerSet(file.authorSubjects)
        loneAuthors = lowerSet(file.loneAuthors.cues)
        looseDesignWords = lowerSet(file.looseDesignWords)
        reviewDeterminers = lowerSet(file.reviewDeterminers)
        boundQualifiers = PhraseSet(file.boundQualifiers)
        resultBlockers = lowerSet(file.resultBlockers)
        pastResultVerbs = lowerSet(file.pastResultVerbs)
        armSubjects = PhraseSet(file.armSubjects.cues)
        let work = file.earlierWork
        earlierWork = EarlierWorkCues(markers: lowerSet(work.markers), nouns: lowerSet(work.nouns), owners: lowerSet(work.owners),
                                      ownerWords: lowerSet(work.ownerWords), verbs: lowerSet(work.verbs))
    }
}
