import SQLiteDB

extension ListQuery {
    /// Runs the query for the page the request asks for and builds the envelope with its next cursor.
    /// The cursor's scope is the route and every parameter but `cursor`, `limit` and `format`.
    func respond(_ context: RouteContext, db: Database) throws -> Reply {
        let scope = Self.scope(context) + scopeSuffix
        let cursor = try context.parameters["cursor"].map { text throws(APIError) in try Cursor.decode(text, scope: scope) }
        if let cursor, cursor.keys.count != order.count {
            throw APIError.badRequest("parameter 'cursor' does not belong to this query; start again without it")
        }
        let limit = context.parameters.limit
        let page = try page(db, limit: limit, after: cursor)
        let total = try count(db)
        let next = page.more ? page.lastKeys.map { Cursor(keys: $0, scope: scope).encoded() } : nil
        return .list(ListPage(items: page.items, total: total, limit: limit, nextCursor: next))
    }

    static func scope(_ context: RouteContext) -> String {
        let kept = context.request.queryItems
            .filter { !["cursor", "limit", "format"].contains($0.name) }
            .map { $0.name + "=" + $0.value }
            .sorted()
        return ([context.routePath] + context.pathValues + kept).joined(separator: "&")
    }
}
