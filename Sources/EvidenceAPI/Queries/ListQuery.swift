import SQLiteDB

/// A keyset-paginated list query, assembled from fixed SQL fragments written in this module.
/// Only `?` placeholders ever carry what a user sent.
struct ListQuery {
    /// "FROM studies s" and its joins.
    var from: String
    var fromValues: [any SQLiteBindable] = []
    var conditions: [String] = []
    var values: [any SQLiteBindable] = []
    /// Sort expressions, the last one unique (the id). All ascending or all descending.
    var order: [String]
    var descending = false
    /// The SQL giving the item's JSON: its stored rendering, or an expression that renders it (claims, findings).
    var json: String
    /// A cheaper way to the total than counting, when the route knows one (a precomputed count).
    var knownTotal: ((Database) throws -> Int)?
    /// Added to the cursor's scope: what else than the parameters decides the order (a rule's choice).
    var scopeSuffix = ""

    mutating func filter(_ condition: String, _ bound: [any SQLiteBindable]) {
        conditions.append(condition)
        values.append(contentsOf: bound)
    }

    /// Filters through `join` (a concept index or a full-text match) bound to `value`; when the user's value
    /// resolved to nothing (an unknown name, a q without words) the list is empty, like any filter matching nothing.
    mutating func join(_ clause: String, matching value: String?) {
        if let value { join(clause, [value]) } else { conditions.append("0") }
    }

    /// Adds a join that filters (such as a concept index or a full-text match), with its own values.
    mutating func join(_ clause: String, _ bound: [any SQLiteBindable]) {
        from += " " + clause
        fromValues.append(contentsOf: bound)
    }

    private func whereClause(after cursor: Cursor?) -> (String, [any SQLiteBindable]) {
        var clauses = conditions
        var bound = values
        if let cursor {
            let columns = "(" + order.joined(separator: ", ") + ")"
            let marks = "(" + Array(repeating: "?", count: order.count).joined(separator: ", ") + ")"
            clauses.append(columns + (descending ? " < " : " > ") + marks)
            bound.append(contentsOf: cursor.keys.map { $0 as any SQLiteBindable })
        }
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), bound)
    }

    /// One page: the JSON of up to `limit` items and the sort keys of the last, plus whether more follow.
    func page(_ db: Database, limit: Int, after cursor: Cursor?) throws -> (items: [[UInt8]], lastKeys: [SQLiteValue]?, more: Bool) {
        let (clause, bound) = whereClause(after: cursor)
        let direction = descending ? " DESC" : ""
        let sql = "SELECT " + json + ", " + order.joined(separator: ", ") + " " + from + clause
            + " ORDER BY " + order.map { $0 + direction }.joined(separator: ", ") + " LIMIT ?"
        var items: [[UInt8]] = []
        var lastKeys: [SQLiteValue]?
        var more = false
        let statement = try db.cached(sql)
        try statement.bind(fromValues + bound + [limit + 1])
        defer { statement.reset() }
        while let row = try statement.step() {
            if items.count == limit { more = true; break }
            items.append(row.withTextBytes(0) { Array($0) })
            lastKeys = (1...Int32(order.count)).map { row.value($0) }
        }
        return (items, lastKeys, more)
    }

    func count(_ db: Database) throws -> Int {
        if let knownTotal { return try knownTotal(db) }
        let (clause, bound) = whereClause(after: nil)
        return try db.queryFirst("SELECT count(*) " + from + clause, fromValues + bound) { $0.int(0) } ?? 0
    }
}
