import SQLiteDB
import EvidenceModel

/// /v1/conditions and /v1/interventions: the lexicon, with counts, and a concept's evidence matrix.
enum ConceptRoutes {
    static func list(type: String, plural: String) -> Route {
        Route(
            path: "/v1/\(plural)", summary: "The \(plural) of the lexicon and those made from documents' text, with synonyms, "
                + "broader and narrower links and counts.",
            parameters: [.choice("origin", ConceptOrigin.allCases.map(\.rawValue),
                                 "Only the concepts of the lexicon, or only those made from documents' text."),
                         .q, .limit, .cursor, .format], isList: true, schema: "Concept"
        ) { context in
            try context.read { db in
                var query = ListQuery(from: "FROM concepts c", order: ["c.id"], json: ConceptJSON.expression)
                query.filter("c.type = ?", [type])
                switch context.parameters["origin"].flatMap(ConceptOrigin.init(rawValue:)) {
                case .text?: query.filter(TextConceptID.sqlTest("c.id"), [])
                case .lexicon?: query.filter("NOT " + TextConceptID.sqlTest("c.id"), [])
                case nil: break
                }
                if let q = context.parameters["q"] {
                    query.join("JOIN concepts_fts f ON f.rowid = c.rowid AND concepts_fts MATCH ?", matching: FullTextQuery.compile(q))
                }
                return try query.respond(context, db: db)
            }
        }
    }

    static func item(type: String, plural: String) -> Route {
        Route(
            path: "/v1/\(plural)/{id}", summary: "One \(type): its synonyms, broader and narrower \(plural), and counts.",
            parameters: [], isList: false, schema: "Concept"
        ) { context in
            try context.read { db in
                let id = try resolve(context.pathValues[0], type: type, context: context, db: db)
                let json = try db.queryFirst("SELECT " + ConceptJSON.expression + " FROM concepts c WHERE c.id = ?", [id]) {
                    $0.withTextBytes(0) { Array($0) }
                }
                return .json(json ?? [])
            }
        }
    }

    /// A path id may also be a name or synonym (`/v1/conditions/ESRD`); unknown is a 404.
    static func resolve(_ value: String, type: String, context: RouteContext, db: Database) throws -> String {
        if let id = try db.queryFirst("SELECT id FROM concepts WHERE id = ? AND type = ?", [value, type], { $0.text(0) }) {
            return id
        }
        guard let id = try context.services.conceptResolver(db).resolve(value, type: type) else {
            throw APIError.notFound("no \(type) has the id or name '\(Parameters.printable(value))'")
        }
        return id
    }
}
