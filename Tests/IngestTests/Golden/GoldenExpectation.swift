import Foundation

/// The hand-written expected extraction of one golden document (`<document>.expected.json`).
///
/// Conventions of the files: a study attribute that is `null` or absent is not checked (the text may
/// not give it); a list where one value is expected means "any of these is right". For claims,
/// `attributed_to: null` is checked (the claim must not be attributed), `hedged: null` is not.
/// For comments, `is_question`/`is_promotional` null are not checked, `reply_to: null` is.
struct GoldenExpectation: Decodable {
    var note: String?
    var source: ExpectedSource
    var studiesExhaustive: Bool
    var studies: [ExpectedStudy]
    var claimsExhaustive: Bool
    var claims: [ExpectedClaim]
    /// Quotes of sentences that may or may not be taken as claims: neither a hit nor a false positive.
    var optionalClaims: [String]
    /// Quotes that must never be inside a claim (furniture, titles, headings, comments, boilerplate).
    var notClaims: [String]
    var comments: [ExpectedComment]

    enum CodingKeys: String, CodingKey {
        case note, source, studies, claims, comments
        case studiesExhaustive = "studies_exhaustive"
        case claimsExhaustive = "claims_exhaustive"
        case optionalClaims = "optional_claims"
        case notClaims = "not_claims"
    }
}

struct ExpectedSource: Decodable {
    var kind: String?
    var title: String?
    var published: String?
    var author: String?
    var industrySponsored: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, title, published, author
        case industrySponsored = "industry_sponsored"
    }
}

struct ExpectedIntervention: Decodable {
    var id: String
    var form: String?
    var mcgPerDay: Double?

    enum CodingKeys: String, CodingKey {
        case id, form
        case mcgPerDay = "mcg_per_day"
    }
}

struct ExpectedStudy: Decodable {
    var design: OneOrMany<String>
    var species: String?
    var populationSize: Int?
    var conditions: [String]
    var interventions: [ExpectedIntervention]
    var durationDays: OneOrMany<Double>?
    var direction: String?
    var journal: String?
    var year: Int?
    var title: String?
    var name: String?
    /// A substring of one of the study's mentions: how the extracted study is found.
    var quote: String
    /// Findings that must be there (intervention, outcome, one of the directions, the arm when given).
    var findings: [ExpectedFinding]?
    /// Roles of interventions, by concept id ("warfarin": "inducer"); an intervention with a role other than
    /// studied must have no finding.
    var roles: [String: String]?

    enum CodingKeys: String, CodingKey {
        case design, species, conditions, interventions, direction, journal, year, title, name, quote, findings, roles
        case populationSize = "population_size"
        case durationDays = "duration_days"
    }
}

struct ExpectedFinding: Decodable {
    var intervention: String
    var outcome: String
    var direction: OneOrMany<String>
    var arm: String?
}

struct ExpectedClaim: Decodable {
    var kind: OneOrMany<String>
    var hedged: Bool?
    var attributedTo: String?
    /// A substring of the claim's sentence: an extracted claim overlapping it matches.
    var quoteContains: String
    /// Index into the expected studies of the study whose result the claim reports; nil: not checked.
    var study: Int?

    enum CodingKeys: String, CodingKey {
        case kind, hedged, study
        case attributedTo = "attributed_to"
        case quoteContains = "quote_contains"
    }
}

struct ExpectedComment: Decodable {
    var number: Int
    var author: String
    var authorID: String
    /// The number of the comment answered; a list when several are right (it may hold null).
    var replyTo: OneOrMany<Int?>
    var isQuestion: Bool?
    var isPromotional: Bool?

    enum CodingKeys: String, CodingKey {
        case number, author
        case authorID = "author_id"
        case replyTo = "reply_to"
        case isQuestion = "is_question"
        case isPromotional = "is_promotional"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(Int.self, forKey: .number)
        author = try c.decode(String.self, forKey: .author)
        authorID = try c.decode(String.self, forKey: .authorID)
        // `reply_to: null` decodes as "must be null", not as "absent".
        replyTo = try c.decodeIfPresent(OneOrMany<Int?>.self, forKey: .replyTo) ?? OneOrMany(values: [nil])
        isQuestion = try c.decodeIfPresent(Bool.self, forKey: .isQuestion)
        isPromotional = try c.decodeIfPresent(Bool.self, forKey: .isPromotional)
    }
}

/// A JSON value that is either one value or a list of acceptable values.
struct OneOrMany<T: Decodable & Equatable>: Decodable {
    var values: [T]

    init(values: [T]) { self.values = values }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([T].self) {
            values = list
        } else {
            values = [try container.decode(T.self)]
        }
    }

    func accepts(_ value: T) -> Bool { values.contains(value) }
    var description: String { values.map { "\($0)" }.joined(separator: "|") }
}
