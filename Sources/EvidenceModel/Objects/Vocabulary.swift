/// The enumerations of the API contract. Their raw values are what the API serves.

public enum SourceKind: String, Sendable, Codable, CaseIterable {
    case newsArticle = "news_article"
    case pressRelease = "press_release"
    case medicalQA = "medical_qa"
    case blogPost = "blog_post"
    case abstract
    case forumThread = "forum_thread"
    case other
}

public enum StudyDesign: String, Sendable, Codable, CaseIterable {
    case caseReport = "case_report"
    case caseSeries = "case_series"
    case rct
    case controlledTrial = "controlled_trial"
    case singleArmTrial = "single_arm_trial"
    case cohort
    case caseControl = "case_control"
    case crossSectional = "cross_sectional"
    case animal
    case inVitro = "in_vitro"
    case review
    case metaAnalysis = "meta_analysis"
    case guideline
    case unspecifiedTrials = "unspecified_trials"
    case unspecified

    /// The Oxford CEBM level of evidence a design supports (1 best, 5 weakest); nil when unknown.
    public var evidenceLevel: Int? {
        switch self {
        case .metaAnalysis: return 1
        case .rct: return 2
        case .controlledTrial, .cohort: return 3
        case .caseControl, .crossSectional, .caseSeries, .caseReport, .singleArmTrial: return 4
        case .animal, .inVitro, .guideline, .review: return 5
        case .unspecifiedTrials, .unspecified: return nil
        }
    }
}

public enum Direction: String, Sendable, Codable, CaseIterable {
    case benefit
    case noEffect = "no_effect"
    case harm
    case mixed
    case unclear
}

public enum ClaimKind: String, Sendable, Codable, CaseIterable {
    case efficacy, safety, mechanism, dosage, interaction, recommendation, epidemiology, other
}

public enum Species: String, Sendable, Codable, CaseIterable {
    case human, rat, mouse, rabbit, pig, dog, cell, other
}

/// What an intervention is to a study: the one whose effect it reports, or a part of its design that is not.
public enum InterventionRole: String, Sendable, Codable, CaseIterable {
    /// The intervention or exposure whose effect the study reports.
    case studied
    /// Placebo, usual care, the control arm's agent.
    case comparator
    /// Given to every arm alongside the studied one.
    case coIntervention = "co_intervention"
    /// Used to cause the condition (a drug that induces calcification in an animal model).
    case inducer
    /// Named, not part of the design.
    case mentioned
}
