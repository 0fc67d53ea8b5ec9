import SQLiteDB

enum CommentRoutes {
    static let list = Route(
        path: "/v1/comments", summary: "Reader comments and forum posts, with authors, replies and flags.",
        parameters: [
            .text("source", "A source id."),
            .text("author", "An author id or an author's name as written (case-insensitive)."),
            .boolean("question", "Only comments that ask (true) or do not ask (false) a question."),
            .boolean("promotional", "Only promotional (true) or non-promotional (false) comments."),
            .text("condition", "A condition id, name or synonym; narrower conditions are included."),
            .text("intervention", "An intervention id, name, synonym, form or brand; narrower ones are included."),
            .q, .limit, .cursor, .format,
        ],
        isList: true, schema: "Comment"
    ) { context in
        try context.read { db in
            var query = ListQuery(from: "FROM comments m", order: ["m.source_id", "m.start", "m.id"], json: "m.json")
            let p = context.parameters
            // Reading order within a concept, as in /v1/claims: the index drives the page without a sort.
            var indexOrder: [String]?
            if let condition = p["condition"] {
                let id = try context.services.concept(condition, type: "condition", db: db)
                query.join("JOIN comment_concept_index ci ON ci.comment_id = m.id AND ci.concept_id = ?", matching: id)
                if id != nil { indexOrder = ["ci.source_id", "ci.start", "ci.comment_id"] }
            }
            if let intervention = p["intervention"] {
                let id = try context.services.concept(intervention, type: "intervention", db: db)
                query.join("JOIN comment_concept_index ii ON ii.comment_id = m.id AND ii.concept_id = ?", matching: id)
                if id != nil { indexOrder = indexOrder ?? ["ii.source_id", "ii.start", "ii.comment_id"] }
            }
            if let indexOrder { query.order = indexOrder }
            if let source = p["source"] { query.filter("m.source_id = ?", [source]) }
            if let author = p["author"] { query.filter("(m.author_id = ? OR m.author = ? COLLATE NOCASE)", [author, author]) }
            if let question = p.bool("question") { query.filter("m.is_question = ?", [question]) }
            if let promotional = p.bool("promotional") { query.filter("m.is_promotional = ?", [promotional]) }
            if let q = p["q"] {
                query.join("JOIN comments_fts f ON f.rowid = m.rowid AND comments_fts MATCH ?", matching: FullTextQuery.compile(q))
            }
            return try query.respond(context, db: db)
        }
    }

    static let item = Route(
        path: "/v1/comments/{id}", summary: "One comment.", parameters: [], isList: false, schema: "Comment",
        handler: StoredItem.handler("SELECT json FROM comments WHERE id = ?", noun: "comment")
    )
}
