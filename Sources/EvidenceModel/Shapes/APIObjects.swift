/// The objects of the API contract (docs/API.md), field by field, with what each field means.
public enum APIObjects {
    static let offsets = "Offsets are Unicode scalars into the source's stored text (GET /v1/sources/{id}/text), end exclusive."

    public static let conceptRef = ObjectShape(nil, "A concept by id and canonical name.", [
        Field("id", .string, "The concept's id (a slug such as vitamin-k2)."),
        Field("name", .string, "The canonical name."),
    ])

    public static let mention = ObjectShape(nil, "A place where the study is spoken of. " + offsets, [
        Field("source_id", .string, "The source that mentions the study."),
        Field("start", .integer, "Start offset of the quote."),
        Field("end", .integer, "End offset of the quote (exclusive)."),
        Field("quote", .string, "The text between the offsets."),
    ])

    public static let dose = ObjectShape(nil, "A dose as the text gives it, with where it is stated.", [
        Field("text", .string, "The dose as written (\"360 mcg/day\")."),
        Field("mcg_per_day", .number, nullable: true,
              "The dose converted to micrograms a day: mg × 1,000; IU of vitamin D × 0.025; a weekly or monthly "
                  + "dose divided by 7 or 30; times a day multiplied (45 mg/day → 45000; 5 mg three times a week → "
                  + "2142.86). Null when the text gives no convertible amount."),
        Field("source_id", .string, "The source that states the dose."),
        Field("start", .integer, nullable: true, "Start offset of the dose text."),
        Field("end", .integer, nullable: true, "End offset of the dose text (exclusive)."),
    ])

    public static let studyIntervention = ObjectShape(nil, "A substance or regimen an arm of the study receives.", [
        Field("id", .string, "The intervention's concept id."),
        Field("name", .string, "Its canonical name."),
        Field("form", .string, nullable: true, "The specific form, when named (MK-7 of vitamin K2)."),
        Field("role", .enumeration(InterventionRole.allCases.map(\.rawValue)), nullable: true,
              "What it is to the study: studied (the intervention or exposure whose effect the study reports), "
                  + "comparator (placebo, usual care, the control arm's agent), co_intervention (given to every arm "
                  + "alongside), inducer (used to cause the condition, as a drug that induces calcification in animals) "
                  + "or mentioned (named, not part of the design). Null for a database ingested before roles were read."),
        Field("dose", .object(dose), nullable: true, "The studied arm's dose; null when the text gives none."),
    ])

    public static let findingIntervention = ObjectShape(nil, "The studied intervention a finding is for.", [
        Field("id", .string, "The intervention's concept id (the substance)."),
        Field("name", .string, "Its canonical name."),
        Field("form", .string, nullable: true, "The specific form the result is for, when the text names one."),
    ])

    /// The fields a finding has inside its study; /v1/findings adds its study's id, design and level.
    static let studyFindingFields: [Field] = [
        Field("id", .string, "Stable id: the same study, source, intervention, arm and outcome keep it across re-ingests."),
        Field("intervention", .object(findingIntervention), "The studied intervention."),
        Field("arm", .string, nullable: true,
              "The arm the result is for, when the text tells arms apart by amount (\"high dose\", \"normal dose\"); "
                  + "null for the intervention as a whole."),
        Field("outcome", .object(conceptRef), "The outcome: a condition (a disease, a risk factor, mortality, fracture), "
                  + "never a procedure or a population descriptor."),
        Field("direction", .enumeration(Direction.allCases.map(\.rawValue)),
              "What the study found for this intervention (or arm) on this outcome, read with its own negation: "
                  + "benefit, no_effect (\"did not significantly affect\", \"had no correlation\"), harm, mixed "
                  + "(results for the pair that disagree) or unclear (\"insufficient evidence\")."),
        Field("effect", .string, nullable: true, "The size of the effect as the result states it (\"56% less progression\")."),
        Field("hedged", .boolean, "True when the result is put as uncertain (may, might, suggests)."),
        Field("source_id", .string, "The source that reports the result."),
        Field("start", .integer, "Start offset of the quote."),
        Field("end", .integer, "End offset of the quote (exclusive)."),
        Field("quote", .string, "The sentence that states the result: exactly the source's text between the offsets."),
    ]

    public static let studyFinding = ObjectShape(nil, "What the study found for one studied intervention (or arm) on one outcome. " + offsets,
                                                 studyFindingFields)

    public static let finding = ObjectShape("Finding",
        "What one study found for one studied intervention (or arm) on one outcome, with its study's design. " + offsets,
        studyFindingFields + [
            Field("study_id", .string, "The study."),
            Field("design", .enumeration(StudyDesign.allCases.map(\.rawValue)), "The study's design."),
            Field("evidence_level", .integer, nullable: true, "The study's evidence level (1 best to 5)."),
        ])

    public static let duration = ObjectShape(nil, "How long the study ran, with where it is stated.", [
        Field("text", .string, "The duration as written."),
        Field("days", .number, "The duration in days (a month is 30 days, a year 365)."),
        Field("source_id", .string, "The source that states it."),
        Field("start", .integer, nullable: true, "Start offset of the duration text."),
        Field("end", .integer, nullable: true, "End offset of the duration text (exclusive)."),
    ])

    public static let study = ObjectShape("Study", "One piece of research, however many documents report it.", [
        Field("id", .string, "Stable id: the same study keeps it across re-ingests and documents."),
        Field("title", .string, nullable: true, "The paper's title, when the text gives it."),
        Field("name", .string, nullable: true, "The trial's or cohort's name (often an acronym)."),
        Field("design", .enumeration(StudyDesign.allCases.map(\.rawValue)),
              "case_report, case_series, rct, controlled_trial (a trial never called randomised), single_arm_trial, "
                  + "cohort, case_control, cross_sectional, animal, in_vitro, review, meta_analysis, guideline, "
                  + "unspecified_trials (a group of trials named together) or unspecified."),
        Field("evidence_level", .integer, nullable: true,
              "The Oxford CEBM level the design supports: 1 (meta-analysis) to 5 (animal, in vitro, review, guideline, "
                  + "expert opinion); null when the design is unknown."),
        Field("species", .enumeration(Species.allCases.map(\.rawValue)), nullable: true,
              "Who or what was studied: human, rat, mouse, rabbit, pig, dog, cell (in vitro) or other."),
        Field("population", .object(ObjectShape(nil, "Who was studied.", [
            Field("description", .string, nullable: true, "The population in the text's words."),
            Field("size", .integer, nullable: true, "The exact number of participants; null when the text gives only an approximation."),
        ])), "Who was studied."),
        Field("conditions", .array(.object(conceptRef)),
              "The diseases and outcomes the study is about (never procedures or population descriptors)."),
        Field("interventions", .array(.object(studyIntervention)), "What the arms received, with form and dose."),
        Field("comparator", .string, nullable: true, "What the studied arm was compared with (placebo, usual care)."),
        Field("duration", .object(duration), nullable: true, "Treatment length for trials, mean follow-up for cohorts."),
        Field("direction", .enumeration(Direction.allCases.map(\.rawValue)),
              "The result for the studied intervention: benefit, no_effect, harm, mixed (results pointing different "
                  + "ways) or unclear (no result reported)."),
        Field("effect", .string, nullable: true, "The size of the effect as the text states it."),
        Field("findings", .array(.object(studyFinding)),
              "What the study found for each studied intervention (or arm) on each outcome, each with its own "
                  + "direction and quote. The study's direction sums these up."),
        Field("publication", .object(ObjectShape(nil, "Where the study was published.", [
            Field("journal", .string, nullable: true, "The journal, as the text names it."),
            Field("year", .integer, nullable: true, "The year of publication."),
        ])), "Where the study was published, when the text says."),
        Field("mentions", .array(.object(mention)), "Every place in every source where the study is spoken of."),
    ])

    public static let source = ObjectShape("Source", "One ingested document.", [
        Field("id", .string, "Stable id, from the file name."),
        Field("file", .string, "The file's path relative to the folder it was ingested from."),
        Field("kind", .enumeration(SourceKind.allCases.map(\.rawValue)),
              "news_article, press_release, medical_qa, blog_post, abstract, forum_thread or other."),
        Field("title", .string, nullable: true, "The headline or page title."),
        Field("published", .string, nullable: true, "The publication date, only as precise as the text gives it (2007-03-19, 2007-03 or 2007)."),
        Field("author", .string, nullable: true, "The byline's author."),
        Field("publisher", .string, nullable: true, "The site or organisation that published it."),
        Field("industry_sponsored", .boolean,
              "True when a seller of what the text discusses (a company, or a trade body of such companies) wrote the text or is its source."),
        Field("sponsor_evidence", .string, nullable: true, "The words that show the sponsorship."),
        Field("sha256", .string, "SHA-256 of the file's bytes: its version."),
        Field("ingested_at", .string, "When this version was stored (RFC 3339)."),
        Field("counts", .object(ObjectShape(nil, "What the source yielded.", [
            Field("studies", .integer, "Studies it reports."),
            Field("claims", .integer, "Claims of its own text."),
            Field("comments", .integer, "Reader comments or forum replies."),
        ])), "What the source yielded."),
    ])

    public static let claim = ObjectShape("Claim", "A sentence or clause of a source's own text that asserts something about a substance, a condition or their relation. " + offsets, [
        Field("id", .string, "Stable id, from the source and offsets."),
        Field("source_id", .string, "The source it is quoted from."),
        Field("text", .string, "The claim's text: exactly the source's text between start and end."),
        Field("start", .integer, "Start offset."),
        Field("end", .integer, "End offset (exclusive)."),
        Field("kind", .enumeration(ClaimKind.allCases.map(\.rawValue)),
              "efficacy, safety, mechanism, dosage, interaction, recommendation, epidemiology or other."),
        Field("hedged", .boolean, "True when the claim is put as uncertain (may, might, suggest, appear)."),
        Field("attributed_to", .string, nullable: true, "The person or body the text attributes it to."),
        Field("study_id", .string, nullable: true, "The study whose result the claim reports."),
        Field("finding_id", .string, nullable: true, "The finding the claim reports, when it states one of the study's results."),
        Field("conditions", .array(.object(conceptRef)), "Conditions the claim names."),
        Field("interventions", .array(.object(conceptRef)), "Interventions the claim names."),
    ])

    public static let commentDose = ObjectShape(nil, "A dose a comment names.", [
        Field("text", .string, "The dose as written."),
        Field("mcg_per_day", .number, nullable: true, "Micrograms a day, as for a study's dose; null when not convertible."),
    ])

    public static let comment = ObjectShape("Comment", "A reader comment or forum reply (never the opening post, which is the source's own text). " + offsets, [
        Field("id", .string, "Stable id."),
        Field("source_id", .string, "The page it was posted on."),
        Field("number", .integer, "Its number on the page, in page order."),
        Field("author", .string, nullable: true, "The author exactly as the page shows; null when it shows none."),
        Field("author_id", .string, nullable: true,
              "One id per person on the page: spelling variants and \"Name (OP)\" share it; different people "
                  + "who share a generic name (Guest, Anonymous) do not."),
        Field("date", .string, nullable: true, "The date shown with it, as precise as shown."),
        Field("text", .string, "The comment's own text."),
        Field("start", .integer, "Start offset."),
        Field("end", .integer, "End offset (exclusive)."),
        Field("reply_to", .string, nullable: true,
              "The id of the comment it answers, when the page shows it (nesting, a quote, @name, a greeting by "
                  + "name, an answer right after a question addressed to its author)."),
        Field("is_question", .boolean, "True for a direct or indirect request (rhetorical questions are not)."),
        Field("is_promotional", .boolean, "True for coupon codes, shop links, links to one's own business, sales pitches."),
        Field("conditions", .array(.object(conceptRef)), "Conditions it names."),
        Field("interventions", .array(.object(conceptRef)), "Interventions it names."),
        Field("doses", .array(.object(commentDose)), "Doses it names."),
    ])

    public static let concept = ObjectShape("Concept", "A condition or an intervention of the lexicon, or one made from the text of a "
                                            + "document that names an outcome or an intervention the lexicon does not know.", [
        Field("id", .string, "Its id; a concept made from text has an id of the text: namespace (text:brain-atrophy, "
              + "text:intervention:deep-brain-stimulation)."),
        Field("name", .string, "The canonical name (for a concept made from text, the phrase as the first document to name it wrote it)."),
        Field("type", .string, "condition or intervention."),
        Field("origin", .enumeration(ConceptOrigin.allCases.map(\.rawValue)),
              "lexicon: a concept of the lexicon; text: a concept made from a document's text, with no synonyms or links but the "
              + "wordings the documents used."),
        Field("synonyms", .array(.string), "Other names, abbreviations and brands it is known by."),
        Field("broader", .array(.string), "Ids of broader concepts."),
        Field("narrower", .array(.string), "Ids of narrower concepts (forms, for an intervention)."),
        Field("study_count", .integer, "Studies of it or of a narrower concept."),
        Field("claim_count", .integer, "Claims naming it or a narrower concept."),
    ])

    public static let matrixRow = ObjectShape(nil, "The studies of one intervention for the condition.", [
        Field("intervention", .object(conceptRef), "The intervention."),
        Field("study_count", .integer, "Studies counted in this row."),
        Field("by_design", .map(.integer), "Studies by design."),
        Field("by_direction", .map(.integer), "Studies by direction."),
        Field("best_evidence_level", .integer, nullable: true, "The best (lowest) evidence level among them."),
        Field("conflicting", .boolean,
              "True when the row holds benefit beside no_effect or harm: the studies disagree, read them before the counts."),
        Field("findings", .string,
              "The path of the findings behind this row: /v1/findings?condition=…&intervention=…."),
        Field("study_ids", .array(.string), "The studies' ids (at most 20)."),
        Field("study_ids_complete", .boolean, "False when study_ids was cut at 20; page through the rest with /v1/studies."),
    ])

    public static let evidenceMatrix = ObjectShape("EvidenceMatrix", "What is known about one condition and its narrower ones.", [
        Field("condition", .object(conceptRef), "The condition asked for."),
        Field("data", .array(.object(matrixRow)), "One row per intervention."),
        Field("meta", .object(ObjectShape(nil, "Counts.", [Field("total", .integer, "The number of rows.")])), "Counts."),
    ])

    public static let searchHit = ObjectShape("SearchHit", "One match of a full-text search.", [
        Field("type", .enumeration(["study", "claim", "comment", "source"]), "What matched."),
        Field("id", .string, "Its id."),
        Field("snippet", .string, "The matching text, matches marked with « »."),
        Field("source_id", .string, nullable: true, "The source it is in (null for a study)."),
    ])

    /// The fields of `listMeta` a route writes only when they apply; every other field is on every page.
    public static let listMetaOptionalFields: Set<String> = ["order", "matched_as_text"]

    public static let listMeta = ObjectShape("ListMeta", "Where this page stands in the whole list.", [
        Field("total", .integer, "How many items match, over all pages."),
        Field("limit", .integer, "The page size asked for (default 20, at most 100)."),
        Field("next_cursor", .string, nullable: true, "Pass as cursor for the next page; null on the last page."),
        Field("order", .enumeration(["relevance", "recent"]),
              "Only on /v1/studies with q in its default order, and on /v1/search: relevance (best matches first; q "
                  + "matches at most 1,000 rows) or recent (newest first)."),
        Field("matched_as_text", .array(.string),
              "Only on /v1/studies when condition or intervention named no concept of the lexicon: those parameters, "
                  + "whose value was then matched as a phrase of the studies' titles and quoted sentences."),
    ])

    public static let problem = ObjectShape("Problem", "An error, as RFC 9457 problem details.", [
        Field("type", .string, "A URI naming the kind of problem."),
        Field("title", .string, "A short summary."),
        Field("status", .integer, "The HTTP status."),
        Field("detail", .string, "What was wrong with this request, and how to fix it."),
    ])

    public static let health = ObjectShape("Health", "Whether the service can read its database, with counts.", [
        Field("status", .string, "ok, or unavailable when the database cannot be read."),
        Field("documents", .integer, "Sources stored."),
        Field("studies", .integer, "Studies stored."),
        Field("claims", .integer, "Claims stored."),
        Field("comments", .integer, "Comments stored."),
        Field("concepts", .integer, "Concepts in the lexicon."),
        Field("schema_version", .integer, "The database's schema version."),
        Field("sqlite_version", .string, "The SQLite library's version."),
    ])

    /// Every object a list route serves, by component name: the CSV header of a list comes from here.
    public static let listed: [String: ObjectShape] = [
        "Study": study, "Finding": finding, "Source": source, "Claim": claim, "Comment": comment, "Concept": concept, "SearchHit": searchHit,
    ]
}
