import SQLiteDB
import EvidenceModel

/// GET /v1/findings and /v1/findings/{id}: what each study found for one studied intervention on one outcome.
enum FindingRoutes {
    static let list = Route(
        path: "/v1/findings",
        summary: "Findings: what each study found for one studied intervention (or arm) on one outcome, with its own direction.",
        parameters: [
            .text("condition", "The outcome: a condition id, name or synonym; narrower conditions are included."),
            .text("intervention", "An intervention id, name, synonym, form or brand; forms and narrower ones are included."),
            .choice("direction", Direction.allCases.map(\.rawValue), "The finding's direction."),
            .choice("design", StudyDesign.allCases.map(\.rawValue), "The design of the finding's study."),
            .text("study", "A study id: that study's findings."),
            .text("source", "A source id: the findings that source reports."),
            .limit, .cursor, .format,
        ],
        isList: true, schema: "Finding"
    ) { context in
        try context.read { db in
            var query = ListQuery(from: "FROM findings f", order: ["f.id"], json: FindingJSON.expression)
            let p = context.parameters
            // The concept index is ordered by finding id within a concept, so when it drives the query the page
            // is read in index order.
            var indexOrder: String?
            var conditionID: String?, interventionID: String?
            if let condition = p["condition"] {
                let id = try context.services.concept(condition, type: "condition", db: db)
                conditionID = id
                query.join("JOIN finding_concept_index ci ON ci.finding_id = f.id AND ci.concept_id = ?", matching: id)
                if id != nil { indexOrder = "ci.finding_id" }
            }
            if let intervention = p["intervention"] {
                let id = try context.services.concept(intervention, type: "intervention", db: db)
                interventionID = id
                query.join("JOIN finding_concept_index ii ON ii.finding_id = f.id AND ii.concept_id = ?", matching: id)
                if id != nil { indexOrder = indexOrder ?? "ii.finding_id" }
            }
            if let indexOrder { query.order = [indexOrder] }
            let filters = Set(context.request.queryItems.map(\.name)).subtracting(["limit", "cursor", "format"])
            query.knownTotal = FindingTotal.shortcut(filters: filters, condition: conditionID, intervention: interventionID)
            if let direction = p["direction"] { query.filter("f.direction = ?", [direction]) }
            if let design = p["design"] {
                query.filter("f.study_id IN (SELECT id FROM studies WHERE design = ?)", [design])
            }
            if let study = p["study"] { query.filter("f.study_id = ?", [study]) }
            if let source = p["source"] { query.filter("f.source_id = ?", [source]) }
            return try query.respond(context, db: db)
        }
    }

    static let item = Route(
        path: "/v1/findings/{id}", summary: "One finding, with its study's id, design and evidence level.",
        parameters: [], isList: false, schema: "Finding",
        handler: StoredItem.handler("SELECT " + FindingJSON.expression + " FROM findings f WHERE f.id = ?", noun: "finding")
    )
}
