import CSQLite

extension Database {
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at once, so a writer never fails half-way with SQLITE_BUSY on upgrade.
        case immediate = "BEGIN IMMEDIATE"
        /// Takes locks on first use; a read transaction sees one snapshot throughout.
        case deferred = "BEGIN DEFERRED"
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute(kind.rawValue)
        let result: T
        do {
            result = try body()
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            rollbackQuietly()
            throw error
        }
        return result
    }

    /// Runs `body` in a savepoint: a transaction nested in the current one (or a transaction of its own outside
    /// one). Releases it when `body` returns; when `body` throws, undoes only the savepoint's changes.
    ///
    /// After SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM SQLite may have rolled back the enclosing transaction
    /// as a whole: the error is rethrown and `isInTransaction` is false, so the caller knows its earlier work
    /// is gone too. Savepoints nest, so one name serves all: ROLLBACK TO and RELEASE act on the innermost.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT evidence_savepoint")
        let result: T
        do {
            result = try body()
            try execute("RELEASE evidence_savepoint")
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO evidence_savepoint")
                try? execute("RELEASE evidence_savepoint")
            }
            throw error
        }
        return result
    }

    private func rollbackQuietly() {
        // ROLLBACK fails only when SQLite already rolled back on its own (e.g. after SQLITE_FULL).
        if isInTransaction { try? execute("ROLLBACK") }
    }
}

extension Database {
    /// `PRAGMA user_version`: the schema version this application wrote.
    public func userVersion() throws -> Int {
        try queryFirst("PRAGMA user_version") { $0.int(0) } ?? 0
    }

    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        try execute("PRAGMA user_version = \(version)")
    }

    /// `PRAGMA data_version`: changes whenever another connection commits to the file.
    public func dataVersion() throws -> Int {
        try queryFirst("PRAGMA data_version") { $0.int(0) } ?? 0
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try prepare("PRAGMA integrity_check").query { $0.text(0) }.joined(separator: "; ")
    }

    /// The version of the linked SQLite library.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Verifies that the linked SQLite has FTS5 and the JSON functions, which the schema and the queries need.
    public static func checkCapabilities() throws {
        let probe = try Database(path: ":memory:", mode: .readWrite(create: true))
        do {
            try probe.execute("CREATE VIRTUAL TABLE capability_probe USING fts5(body)")
        } catch {
            throw DatabaseError.missingFeature("FTS5 (full-text search)")
        }
        do {
            _ = try probe.queryFirst("SELECT json_extract('{\"a\":1}', '$.a')") { $0.int(0) }
        } catch {
            throw DatabaseError.missingFeature("the JSON functions")
        }
    }
}
