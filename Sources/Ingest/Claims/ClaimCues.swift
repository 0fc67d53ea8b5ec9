import EvidenceModel
/// The cue words of the claim stage, kept as data in `lexicon/claims.json`.
struct ClaimCues: Sendable {
    struct KindCue: Decodable, Sendable {
        var kind: String
        var cues: [String]
    }

    struct File: Decodable, Sendable {
        var hedges: [String]
        var kinds: [KindCue]
        var headingKinds: [KindCue]
        var speechVerbs: [String]
        var pronounSpeakers: [String]
        var nameTitles: [String]
        var clauseBreaks: [String]
        var speakerStopWords: [String]
        var weakKindsFrom: Int
        var fallbackKindsFrom: Int
        var dosageWithQuantity: [String]
        var imperatives: [String]
        var discourseOpeners: [String]
        var nonClaimLabels: [String]
        var methodVerbs: [String]
        var resultSignals: [String]
        var allocationPhrases: [String]
        var hedgeExceptions: [String]
        var nonClaimStatements: [String]
        var businessStatements: [String]
        var pageFurniture: [String]
        var releaseEndMarkers: [String]
        var labWords: [String]
        var leadingSubordinators: [String]
        var citationNumberHeads: [String]
        var notSpeakerWords: [String]
        var organisationWords: [String]
        var neverInNames: [String]
        var efficacyDesigns: [String]
        var backReferenceOpeners: [String]
        var harmIncrease: [String]
        var useWords: [String]
        var epidemiologyDesigns: [String]
        var prevalence: [String]
        var contrastWords: [String]
        var clauseMinimumWords: Int
        var pairedOpeners: [String]
        var efficacySignals: [String]
        var clauseSubjects: [String]
        var finiteVerbs: [String]
        var armComparisons: [String]
        var armWords: [String]
        var shareWords: [String]

        enum CodingKeys: String, CodingKey {
            case hedges, kinds
            case headingKinds = "heading_kinds", speechVerbs = "speech_verbs", pronounSpeakers = "pronoun_speakers"
            case nameTitles = "name_titles", clauseBreaks = "clause_breaks", speakerStopWords = "speaker_stop_words"
            case weakKindsFrom = "weak_kinds_from", fallbackKindsFrom = "fallback_kinds_from", dosageWithQuantity = "dosage_with_quantity"
            case imperatives, discourseOpeners = "discourse_openers", nonClaimLabels = "non_claim_labels", methodVerbs = "method_verbs", resultSignals = "result_signals", allocationPhrases = "allocation_phrases"
            case hedgeExceptions = "hedge_exceptions", nonClaimStatements = "non_claim_statements", businessStatements = "business_statements", pageFurniture = "page_furniture"
            case releaseEndMarkers = "release_end_markers", labWords = "lab_words"
            case leadingSubordinators = "leading_subordinators", citationNumberHeads = "citation_number_heads"
            case notSpeakerWords = "not_speaker_words", organisationWords = "organisation_words"
            case neverInNames = "never_in_names", efficacyDesigns = "efficacy_designs", epidemiologyDesigns = "epidemiology_designs"
            case prevalence, contrastWords = "contrast_words", clauseMinimumWords = "clause_minimum_words"
            case pairedOpeners = "paired_openers", efficacySignals = "efficacy_signals"
            case clauseSubjects = "clause_subjects", finiteVerbs = "finite_verbs"
            case armComparisons = "arm_comparisons", armWords = "arm_words", shareWords = "share_words"
            case backReferenceOpeners = "back_reference_openers", harmIncrease = "harm_increase", useWords = "use_words"
        }
    }

    let hedges: PhraseSet
    /// Kinds in the order they are tried; those from `weakKindsFrom` on are only tried on the whole sentence.
    let kinds: [(ClaimKind, PhraseSet)]
    let weakKindsFrom: Int
    /// Lists from this one on are tried last, before `other`: general words of a kind ("cells", "outcome",
    /// "risk of") that decide only when no other cue does, and that alone make no sentence a claim.
    let fallbackKindsFrom: Int
    let headingKinds: [(ClaimKind, PhraseSet)]
    let speechVerbs: Set<String>
    let pronounSpeakers: Set<String>
    let nameTitles: Set<String>
    let clauseBreaks: [String]
    let speakerStopWords: Set<String>
    let dosageWithQuantity: PhraseSet
    let imperatives: Set<String>
    /// "But", "So", "Please": words before an imperative that leave it one ("But don't stop …").
    let discourseOpeners: PhraseSet
    /// "Keywords:", "Funding:": labelled lines that list or declare, never assert.
    let nonClaimLabels: PhraseSet
    /// Verbs of a method description ("researchers exposed …", "rats were divided …").
    /// How a trial shared out its treatments ("randomly assigned", "took either … or a placebo"): a method,
    /// not a finding, unless a result is told in the same sentence.
    let allocationPhrases: PhraseSet
    let methodVerbs: Set<String>
    /// "percent", "compared with", "estimated": a sentence with a method verb and one of these (or a "%") gives a
    /// result ("… developed in 3 percent of those given X, compared with 6 percent …"), not a method.
    let resultSignals: PhraseSet
    /// "more likely", "whenever possible": a hedge word inside one of these does not hedge.
    let hedgeExceptions: PhraseSet
    /// Product, company, funding and publication statements ("a leading supplier of", "available at",
    /// "funded by", "presented at"): a sentence with one and no claim cue asserts nothing about health.
    /// Who supplied the pills, sells the product, earns from it or holds ties to its maker ("supplied", "trade
    /// name", "earnings", "financial relationships"): business, never a health claim, whatever cue it carries.
    let businessStatements: PhraseSet
    let nonClaimStatements: PhraseSet
    /// Disclaimers, pointers to more reading, copyright and disclosure lines ("does not offer medical advice",
    /// "has more on", "all rights reserved"): page furniture, never a claim, whatever cue it carries.
    let pageFurniture: PhraseSet
    /// "###": a press release's text ends there; what follows is boilerplate.
    let releaseEndMarkers: [String]
    /// Animal and laboratory words: such results are never epidemiology.
    let labWords: PhraseSet
    /// "While …, X", "Although …, X": the main clause comes after the first comma.
    let leadingSubordinators: Set<String>
    /// Words after which a closing number is a quantity ("over 50", "type 2"), not a citation marker.
    let citationNumberHeads: Set<String>
    /// Words that never begin a speaker's name (pronouns, function words, role words): dropped from its front.
    let notSpeakerWords: Set<String>
    /// Weekdays, months and nationalities: "said Tuesday", "The United …" are not names.
    let neverInNames: Set<String>
    /// A result of a trial or an experiment is efficacy; one of an observational study, epidemiology.
    let efficacyDesigns: Set<StudyDesign>
    let epidemiologyDesigns: Set<StudyDesign>
    /// "one in five", "million adults", "affects": how common a condition is, which no study design turns into
    /// a result of that study.
    let prevalence: PhraseSet
    /// "but", "however", "which suggests": after a comma they open a clause that is a claim of its own (`ClaimClauses`).
    let contrastWords: PhraseSet
    let clauseMinimumWords: Int
    /// "not only", "not just": their "but" continues the same assertion.
    let pairedOpeners: PhraseSet
    /// Words that make a statement one of efficacy: a study, its people or a population, a comparison, a
    /// reported or significant result, a judgement of a treatment ("the trial", "participants", "placebo",
    /// "found", "promising").
    let efficacySignals: PhraseSet
    /// ", and" opens a clause of its own when one of these subjects follows ("…, and scientists believe …")
    /// with a finite verb of `finiteVerbs` within the next words; lists ("X, Y, and Z") have no verb there.
    let clauseSubjects: PhraseSet
    let finiteVerbs: Set<String>
    /// "It", "The supplement": a sentence opening so goes on about what the sentence before named.
    let backReferenceOpeners: PhraseSet
    /// "higher risk", "more likely to develop" with a word of taking a product ("taking", "users"): a drug or
    /// supplement linked to more disease, which is safety ("patients taking it were more likely to develop …").
    let harmIncrease: PhraseSet
    let useWords: PhraseSet
    /// "compared with", "versus": with a number and a word of what a group was given (`armWords`: "given",
    /// "placebo", "control group"), a claim without any kind cue compares treatment arms, which is a result.
    let armComparisons: PhraseSet
    let armWords: PhraseSet
    /// "percent", "per cent", "twice": a number written in words.
    let shareWords: PhraseSet
    /// Words of organisations and places, which are not speakers ("Reuters Health", "Cancer Society").
    let organisationWords: Set<String>

    init(locator: ResourceLocator) throws {
        let file = try locator.loadJSON(File.self, "lexicon/claims.json")
        func compile(_ list: [KindCue]) -> [(ClaimKind, PhraseSet)] {
            list.compactMap { cue in ClaimKind(rawValue: cue.kind).map { ($0, PhraseSet(cue.cues)) } }
        }
        hedges = PhraseSet(file.hedges)
        kinds = compile(file.kinds)
        weakKindsFrom = file.weakKindsFrom
        fallbackKindsFrom = file.fallbackKindsFrom
        headingKinds = compile(file.headingKinds)
        speechVerbs = Set(file.speechVerbs.map { WordTokenizer.fold($0) })
        pronounSpeakers = Set(file.pronounSpeakers)
        nameTitles = Set(file.nameTitles.map { WordTokenizer.fold($0) })
        clauseBreaks = file.clauseBreaks
        speakerStopWords = Set(file.speakerStopWords)
        dosageWithQuantity = PhraseSet(file.dosageWithQuantity)
        imperatives = Set(file.imperatives)
        discourseOpeners = PhraseSet(file.discourseOpeners)
        nonClaimLabels = PhraseSet(file.nonClaimLabels)
        methodVerbs = Set(file.methodVerbs)
        resultSignals = PhraseSet(file.resultSignals)
        allocationPhrases = PhraseSet(file.allocationPhrases)
        hedgeExceptions = PhraseSet(file.hedgeExceptions)
        nonClaimStatements = PhraseSet(file.nonClaimStatements)
        businessStatements = PhraseSet(file.businessStatements)
        pageFurniture = PhraseSet(file.pageFurniture)
        releaseEndMarkers = file.releaseEndMarkers
        labWords = PhraseSet(file.labWords)
        leadingSubordinators = Set(file.leadingSubordinators)
        citationNumberHeads = Set(file.citationNumberHeads)
        notSpeakerWords = Set(file.notSpeakerWords.map { WordTokenizer.fold($0) })
        organisationWords = Set(file.organisationWords)
        neverInNames = Set(file.neverInNames)
        backReferenceOpeners = PhraseSet(file.backReferenceOpeners)
        harmIncrease = PhraseSet(file.harmIncrease)
        useWords = PhraseSet(file.useWords)
        prevalence = PhraseSet(file.prevalence)
        contrastWords = PhraseSet(file.contrastWords)
        clauseMinimumWords = file.clauseMinimumWords
        pairedOpeners = PhraseSet(file.pairedOpeners)
        efficacySignals = PhraseSet(file.efficacySignals)
        clauseSubjects = PhraseSet(file.clauseSubjects)
        finiteVerbs = Set(file.finiteVerbs)
        armComparisons = PhraseSet(file.armComparisons)
        armWords = PhraseSet(file.armWords)
        shareWords = PhraseSet(file.shareWords)
        efficacyDesigns = Set(file.efficacyDesigns.compactMap(StudyDesign.init(rawValue:)))
        epidemiologyDesigns = Set(file.epidemiologyDesigns.compactMap(StudyDesign.init(rawValue:)))
    }
}
