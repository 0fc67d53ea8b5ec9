import SQLiteDB
import EvidenceModel

enum StudyRoutes {
    static let sorts = ["relevance", "year", "-year", "evidence_level"]

    static let list = Route(
        path: "/v1/studies",
        summary: "Studies, filtered by condition, intervention, design, species, source, direction and year.",
        parameters: [
            .text("condition", "A condition id, name or synonym; narrower conditions are included. A name the lexicon "
                + "does not know matches the studies whose text names it (meta.matched_as_text)."),
            .text("intervention", "An intervention id, name, synonym, form or brand; narrower ones are included. A "
                + "name the lexicon does not know matches the studies whose text names it (meta.matched_as_text)."),
            .choice("design", StudyDesign.allCases.map(\.rawValue), "The study design."),
            .choice("species", Species.allCases.map(\.rawValue), "The species studied."),
            .text("source", "A source id: only studies that source reports."),
            .choice("direction", Direction.allCases.map(\.rawValue), "The direction of the result."),
            .integer("min_year", 1000...3000, "Published in or after this year."),
            .integer("max_year", 1000...3000, "Published in or before this year."),
            .q, .choice("sort", sorts, "Order: relevance (with q), year, -year, evidence_level. Default: id; with q, relevance "
                + "when q matches at most 1,000 studies, else newest first (meta.order says which)."),
            .limit, .cursor, .format,
        ],
        isList: true, schema: "Study"
    ) { context in
        try context.read { db in
            var query = ListQuery(from: "FROM studies s", order: ["s.id"], json: "s.json")
            let p = context.parameters
            // The concept index is ordered by study id, so when it drives the query the default order needs no sort.
            var indexOrder: String?
            // A name the lexicon does not know is matched as a phrase of the studies' own text (TextConceptMatch).
            var resolved: [String: String] = [:], textMatches: [String] = [], matchedAsText: [String] = []
            for (parameter, join, order) in Self.conceptJoins {
                guard let name = p[parameter] else { continue }
                let id = try context.services.concept(name, type: parameter, db: db)
                if id == nil, let phrase = TextConceptMatch.phrase(name) {
                    textMatches.append(phrase); matchedAsText.append(parameter)
                    continue
                }
                // A concept made from one document's words is no closed class: the studies linked to it, or whose
                // own text names it as the unknown name would be matched.
                if let id, TextConceptID.isTextConcept(id),
                   let phrase = TextConceptMatch.phrase(try db.queryFirst("SELECT name FROM concepts WHERE id = ?", [id]) { $0.text(0) } ?? name) {
                    query.filter("(s.id IN (SELECT study_id FROM study_concept_index WHERE concept_id = ?) OR "
                                 + "s.rowid IN (SELECT rowid FROM studies_fts WHERE studies_fts MATCH ?))", [id, phrase])
                    continue
                }
                query.join(join, matching: id)
                if id != nil { indexOrder = indexOrder ?? order }
                resolved[parameter] = id
            }
            let conditionID = resolved["condition"], interventionID = resolved["intervention"]
            let match = p["q"].flatMap(FullTextQuery.compile)
            let filters = Set(context.request.queryItems.map(\.name)).subtracting(["limit", "cursor", "format", "sort"])
            query.knownTotal = StudyTotal.shortcut(filters: filters, condition: conditionID, intervention: interventionID,
                                                   match: match)
            if let design = p["design"] { query.filter("s.design = ?", [design]) }
            if let species = p["species"] { query.filter("s.species = ?", [species]) }
            if let direction = p["direction"] { query.filter("s.direction = ?", [direction]) }
            if let year = p.int("min_year") { query.filter("s.year >= ?", [year]) }
            if let year = p.int("max_year") { query.filter("s.year <= ?", [year]) }
            if let source = p["source"] {
                query.filter("s.id IN (SELECT study_id FROM study_mentions WHERE source_id = ?)", [source])
            }
            if p["q"] != nil || !textMatches.isEmpty {
                // A q without words matches nothing, whatever the text matches beside it.
                let fullText = p["q"] != nil && match == nil ? nil : FullTextQuery.all((match.map { [$0] } ?? []) + textMatches)
                query.join("JOIN studies_fts f ON f.rowid = s.rowid AND studies_fts MATCH ?", matching: fullText)
            }
            if let indexOrder { query.order = [indexOrder] }
            // meta.order, for a q in its default order: which of the two orders the rule chose.
            var listOrder: String?
            switch p["sort"] ?? (p["q"] != nil ? "relevance" : "id") {
            case "relevance":
                guard p["q"] != nil else { throw APIError.badRequest("sort=relevance needs a q to rank by") }
                // Without a single word in q nothing matches and there is no rank to order by.
                query.order = match != nil ? ["f.rank", "s.id"] : ["s.id"]
                // The default order of a q follows /v1/search's rule; an explicit sort=relevance is always ranked.
                if p["sort"] == nil, let match {
                    let limit = context.services.searchRankLimit.load(ordering: .relaxed)
                    listOrder = StudyRanking.ranked
                    if try StudyRanking.isTooCommonToRank(match, limit: limit, db: db) {
                        query.order = ["f.rowid"]
                        query.descending = true
                        listOrder = StudyRanking.recent
                    }
                    // A cursor of one order is refused by the other (after an ingest moved q across the limit).
                    query.scopeSuffix = "&order=" + (listOrder ?? "")
                }
            case "year": query.order = ["coalesce(s.year, 9999)", "s.id"]
            case "-year":
                query.order = ["coalesce(s.year, -1)", "s.id"]
                query.descending = true
            case "evidence_level": query.order = ["coalesce(s.evidence_level, 9)", "s.id"]
            default: break
            }
            let reply = try query.respond(context, db: db)
            guard listOrder != nil || !matchedAsText.isEmpty, case .list(var page) = reply else { return reply }
            page.order = listOrder
            page.matchedAsText = matchedAsText.isEmpty ? nil : matchedAsText
            return .list(page)
        }
    }

    /// The concept filters of the list: the parameter (also the concept's type), its join on the concept index,
    /// and the order that join reads in (by study id).
    private static let conceptJoins = [
        ("condition", "JOIN study_concept_index ci ON ci.study_id = s.id AND ci.concept_id = ?", "ci.study_id"),
        ("intervention", "JOIN study_concept_index ii ON ii.study_id = s.id AND ii.concept_id = ?", "ii.study_id"),
    ]

    static let item = Route(
        path: "/v1/studies/{id}", summary: "One study with its conditions, interventions, doses and every mention.",
        parameters: [], isList: false, schema: "Study",
        handler: StoredItem.handler("SELECT json FROM studies WHERE id = ?", noun: "study")
    )
}
