import SQLiteDB

/// The item routes that answer one stored column by id (`/v1/studies/{id}`, `/v1/claims/{id}`, …).
enum StoredItem {
    /// Reads the first column of `sql` (one `?`, the path's id) and answers it as `reply`; no row is a 404
    /// naming `noun`.
    static func handler(_ sql: String, noun: String, reply: @escaping @Sendable ([UInt8]) -> Reply = { .json($0) })
        -> @Sendable (RouteContext) throws -> Reply {
        { context in
            try context.readOne { db in
                let id = context.pathValues[0]
                guard let bytes = try db.queryFirst(sql, [id], { row in row.withTextBytes(0) { Array($0) } }) else {
                    throw APIError.notFound("no \(noun) has the id '\(Parameters.printable(id))'")
                }
                return reply(bytes)
            }
        }
    }
}
