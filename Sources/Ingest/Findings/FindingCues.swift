import EvidenceModel
/// The cue words of the findings stage, kept as data in `lexicon/findings.json`. Compiled once into phrase sets.
struct FindingCues: Sendable {
    struct File: Decodable, Sendable {
        var inducerCues: [String]
        var inducerLinks: [String]
        var comparatorCues: [String]
        var coInterventionCues: [String]
        var methodCues: [String]
        var armWords: [String]
        var armHeads: [String]
        var extraNull: [String]
        var unclearCues: [String]
        var hedges: [String]
        var comparatorArms: [String]
        var populationNouns: [String]
        var populationLinks: [String]
        var notOutcomes: [String]
        var notAgentWords: [String]
        var populationPrefixes: [String]
        var soughtOutcomes: [String]
        var comparisonWords: [String]
        var nonResultCues: [String]
        var partCues: [String]
        var compositeCues: [String]
        var levelWords: [String]
        var addedBenefitCues: [String]
        var baseLinks: [String]
        var connectiveAfterCue: [String]
        var resultJoints: [String]
        var wholeMarkers: [String]
        var exampleCues: [String]
        var adjustmentCues: [String]
        var chanceCues: [String]
        var adverseListCues: [String]
        var adverseNegations: [String]
        var adverseReductions: [String]
        var adverseLinks: [String]
        var nonResultMasks: [String]
        var extraBenefit: [String]
        var emphasisCues: [String]
        var extraRises: [String]
        var treatmentAnaphors: [String]
        var textOutcomeGeneric: [String]
        var outcomeVerbs: [String: String]?

        enum CodingKeys: String, CodingKey {
            case hedges
            case inducerCues = "inducer_cues", inducerLinks = "inducer_links", comparatorCues = "comparator_cues"
            case coInterventionCues = "co_intervention_cues", methodCues = "method_cues", armWords = "arm_words"
            case armHeads = "arm_heads", extraNull = "extra_null", unclearCues = "unclear_cues"
            case comparatorArms = "comparator_arms", populationNouns = "population_nouns"
            case populationLinks = "population_links", notOutcomes = "not_outcomes"
            case notAgentWords = "not_agent_words", nonResultCues = "non_result_cues", populationPrefixes = "population_prefixes"
            case soughtOutcomes = "sought_outcomes", comparisonWords = "comparison_words"
            case partCues = "part_cues", compositeCues = "composite_cues", levelWords = "level_words"
            case addedBenefitCues = "added_benefit_cues", baseLinks = "base_links", connectiveAfterCue = "connective_after_cue"
            case resultJoints = "result_joints", wholeMarkers = "whole_markers", exampleCues = "example_cues"
            case adjustmentCues = "adjustment_cues", chanceCues = "chance_cues"
            case adverseListCues = "adverse_list_cues", adverseNegations = "adverse_negations"
            case adverseReductions = "adverse_reductions", adverseLinks = "adverse_links"
            case nonResultMasks = "non_result_masks", extraBenefit = "extra_benefit", emphasisCues = "emphasis_cues"
            case extraRises = "extra_rises", treatmentAnaphors = "treatment_anaphors"
            case textOutcomeGeneric = "text_outcome_generic_words"
            case outcomeVerbs = "outcome_verbs"
        }
    }

    /// "induced", "to cause": an agent linked to one of these causes the condition.
    let inducer: PhraseSet
    /// "by", "with", "adding": what may stand between an inducing word and its agent.
    let inducerLinks: Set<String>
    /// "compared with", "versus", "control group": what introduces the comparator.
    let comparator: PhraseSet
    /// "in addition to", "alongside": what introduces a treatment every arm had.
    let coIntervention: PhraseSet
    /// "received", "supplemented", "intake": words that put a substance in the design.
    let method: PhraseSet
    /// "high", "normal": words that name an arm by its amount, before a head ("dose", "intake") or the substance.
    let armWords: Set<String>
    let armHeads: Set<String>
    /// Null results the study stage's direction cues leave out ("continued comparably", "no relationship").
    let extraNull: PhraseSet
    /// "insufficient evidence": a result that settles nothing.
    let unclear: PhraseSet
    let hedges: PhraseSet
    /// "the placebo group": a clause about the comparator arm's own course.
    let comparatorArms: PhraseSet
    /// "patients", "adults": a condition right before one of these describes who was studied, not an outcome.
    let populationNouns: Set<String>
    /// "with", "on", "undergoing": after a population noun, the condition that follows describes the population.
    let populationLinks: Set<String>
    /// Condition concepts that are procedures or settings (dialysis, transplantation), never an outcome.
    let notOutcomes: Set<String>
    /// "vitamin K metabolism": a substance named with one of these is a process, not an agent given.
    let notAgentWords: Set<String>
    /// "at risk of", "a history of": the conditions that follow describe who was studied.
    let populationPrefixes: PhraseSet
    /// Condition concepts of which more is better (bone density, NAD+ metabolism): a rise in one is a benefit.
    let soughtOutcomes: Set<String>
    /// "than", "compared with": in a result, what follows is the comparison ("higher than those who took calcium").
    let comparison: PhraseSet
    /// "looked at the potential to", "would be", "the mortality rate": an aim, a conjecture or background, not a result.
    let nonResult: PhraseSet
    /// "including", "such as": after an outcome, the outcomes that follow are its parts, not results of their own.
    let parts: PhraseSet
    /// "the combined number of", "a composite of": the outcomes that follow make one composite outcome.
    let composite: PhraseSet
    /// "levels of": "lower levels of markers of inflammation" speaks of the condition, not of a low exposure.
    let levelWords: PhraseSet
    /// "provided no extra benefit": a result for what was added, not for what it was added to.
    let addedBenefit: PhraseSet
    /// "adding the supplements to the exercise programme": what follows one of these is the base, not the result's.
    let baseLinks: PhraseSet
    /// "in addition to showing that …": after a co-treatment cue, a word that makes it a connective of the text.
    let connectiveAfterCue: Set<String>
    /// "and", "with": where a clause that states a result and then a null on another outcome is cut in two.
    let resultJoints: Set<String>
    /// "other", "any", "overall": before a broader outcome word, it means the whole, not a narrower kind named before.
    let wholeMarkers: Set<String>
    /// "such as", "mainly": a member of a class named after one of these is an example of the class studied.
    let examples: PhraseSet
    /// "after accounting for", "adjusted for": what follows names covariates, not the exposure or the outcome.
    let adjustment: PhraseSet
    /// "the gap may be down to chance", "was not significant": a clause that names nothing and says
    /// the difference before it may be chance makes that result a null.
    let chance: PhraseSet
    /// "side effects", "adverse reactions": the conditions listed after one of these are the treatment's harms.
    let adverseLists: PhraseSet
    /// "no", "without": a few words before an adverse cue, they make its list a null ("no side effects such as …").
    let adverseNegations: PhraseSet
    /// "fewer", "less": a few words before an adverse cue, they make its list a benefit ("fewer side effects, such as …").
    let adverseReductions: PhraseSet
    /// "were", "included", "such as": after an adverse cue, what opens its list.
    let adverseLinks: PhraseSet
    /// "the recommended dose": words that hold a non-result cue but name an amount, not advice.
    let nonResultMasks: PhraseSet
    /// "protection against": benefits the study stage's direction cues leave out, read when they find none.
    let extraBenefit: PhraseSet
    /// "particularly", "especially": an example cue that singles the member out, which then shares the class's result.
    let emphasis: PhraseSet
    /// "increasing", "raising": rises the study stage's cues leave out, read per outcome beside a fall.
    let extraRises: PhraseSet
    /// "the treatment", "those who took it": words that refer back to a study's substance without naming it.
    let treatmentAnaphors: PhraseSet
    /// "disease", "risk", "health": words an outcome made from the text may share with a lexicon condition without
    /// naming it (see `TextOutcome`).
    let textOutcomeGeneric: Set<String>
    /// "less likely to die": a verb that names an outcome (by its concept id) where no condition is named.
    let outcomeVerbs: [String: String]

    init(locator: ResourceLocator) throws {
        let file = try locator.loadJSON(File.self, "lexicon/findings.json")
        func lowerSet(_ words: [String]) -> Set<String> { Set(words.map { WordTokenizer.fold($0) }) }
        inducer = PhraseSet(file.inducerCues)
        inducerLinks = lowerSet(file.inducerLinks)
        comparator = PhraseSet(file.comparatorCues)
        coIntervention = PhraseSet(file.coInterventionCues)
        method = PhraseSet(file.methodCues)
        armWords = lowerSet(file.armWords)
        armHeads = lowerSet(file.armHeads)
        extraNull = PhraseSet(file.extraNull)
        unclear = PhraseSet(file.unclearCues)
        hedges = PhraseSet(file.hedges)
        comparatorArms = PhraseSet(file.comparatorArms)
        populationNouns = lowerSet(file.populationNouns)
        populationLinks = lowerSet(file.populationLinks)
        notOutcomes = Set(file.notOutcomes)
        notAgentWords = lowerSet(file.notAgentWords)
        populationPrefixes = PhraseSet(file.populationPrefixes)
        soughtOutcomes = Set(file.soughtOutcomes)
        comparison = PhraseSet(file.comparisonWords)
        nonResult = PhraseSet(file.nonResultCues)
        parts = PhraseSet(file.partCues)
        composite = PhraseSet(file.compositeCues)
        levelWords = PhraseSet(file.levelWords)
        addedBenefit = PhraseSet(file.addedBenefitCues)
        baseLinks = PhraseSet(file.baseLinks)
        connectiveAfterCue = lowerSet(file.connectiveAfterCue)
        resultJoints = lowerSet(file.resultJoints)
        wholeMarkers = lowerSet(file.wholeMarkers)
        examples = PhraseSet(file.exampleCues)
        adjustment = PhraseSet(file.adjustmentCues)
        chance = PhraseSet(file.chanceCues)
        adverseLists = PhraseSet(file.adverseListCues)
        adverseNegations = PhraseSet(file.adverseNegations)
        adverseReductions = PhraseSet(file.adverseReductions)
        adverseLinks = PhraseSet(file.adverseLinks)
        nonResultMasks = PhraseSet(file.nonResultMasks)
        extraBenefit = PhraseSet(file.extraBenefit)
        emphasis = PhraseSet(file.emphasisCues)
        extraRises = PhraseSet(file.extraRises)
        treatmentAnaphors = PhraseSet(file.treatmentAnaphors)
        textOutcomeGeneric = lowerSet(file.textOutcomeGeneric)
        outcomeVerbs = Dictionary((file.outcomeVerbs ?? [:]).map { (WordTokenizer.fold($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
