import SQLiteDB
import EvidenceModel

enum ClaimRoutes {
    static let list = Route(
        path: "/v1/claims", summary: "Claims: sentences that assert something about a substance, a condition or both.",
        parameters: [
            .text("condition", "A condition id, name or synonym; narrower conditions are included."),
            .text("intervention", "An intervention id, name, synonym, form or brand; narrower ones are included."),
            .choice("kind", ClaimKind.allCases.map(\.rawValue), "The kind of claim."),
            .text("source", "A source id."),
            .text("study", "A study id: the claims that report its result."),
            .boolean("hedged", "Only hedged (true) or only unhedged (false) claims."),
            .q, .limit, .cursor, .format,
        ],
        isList: true, schema: "Claim"
    ) { context in
        try context.read { db in
            var query = ListQuery(from: "FROM claims c", order: ["c.source_id", "c.start", "c.id"], json: ClaimJSON.expression)
            let p = context.parameters
            // The concept index is in reading order within a concept: when it drives the query, the page is read
            // in index order instead of sorting every claim of the concept.
            var indexOrder: [String]?
            var conditionID: String?, interventionID: String?
            if let condition = p["condition"] {
                conditionID = try context.services.concept(condition, type: "condition", db: db)
                query.join(ClaimRoutes.conditionJoin, matching: conditionID)
                if conditionID != nil { indexOrder = ["ci.source_id", "ci.start", "c.id"] }
            }
            if let intervention = p["intervention"] {
                interventionID = try context.services.concept(intervention, type: "intervention", db: db)
                query.join(ClaimRoutes.interventionJoin, matching: interventionID)
                if interventionID != nil { indexOrder = indexOrder ?? ["ii.source_id", "ii.start", "c.id"] }
            }
            if let indexOrder { query.order = indexOrder }
            let filters = Set(context.request.queryItems.map(\.name)).subtracting(["limit", "cursor", "format"])
            query.knownTotal = ClaimTotal.shortcut(filters: filters, condition: conditionID, intervention: interventionID)
            if let kind = p["kind"] { query.filter("c.kind = ?", [kind]) }
            if let source = p["source"] { query.filter("c.source_id = ?", [source]) }
            if let study = p["study"] { query.filter("c.study_id = ?", [study]) }
            if let hedged = p.bool("hedged") { query.filter("c.hedged = ?", [hedged]) }
            if let q = p["q"] {
                query.join("JOIN claims_fts f ON f.rowid = c.rowid AND claims_fts MATCH ?", matching: FullTextQuery.compile(q))
            }
            return try query.respond(context, db: db)
        }
    }

    /// The claim concept index joined by its whole key (concept, source, start, claim): it has no index by claim
    /// (schema version 7), so a second concept filter finds its row by the key, not by the claim alone. Keyed by
    /// rowids (schema version 9): the concept's is looked up once; the claim's is the claim row's own. The index
    /// gives the order up to `start`; claims of a source that start at one place are then ordered by id.
    static let conditionJoin = "JOIN claim_concept_rows ci ON ci.concept_row = (SELECT rowid FROM concepts WHERE id = ?)"
        + " AND ci.source_id = c.source_id AND ci.start = c.start AND ci.claim_row = c.rowid"
    static let interventionJoin = "JOIN claim_concept_rows ii ON ii.concept_row = (SELECT rowid FROM concepts WHERE id = ?)"
        + " AND ii.source_id = c.source_id AND ii.start = c.start AND ii.claim_row = c.rowid"

    static let item = Route(
        path: "/v1/claims/{id}", summary: "One claim.", parameters: [], isList: false, schema: "Claim",
        handler: StoredItem.handler("SELECT " + ClaimJSON.expression + " FROM claims c WHERE c.id = ?", noun: "claim")
    )
}
