import CSQLite

/// How a connection opens its file.
public enum OpenMode: Sendable, Equatable {
    /// Read and write; creates the file when `create` is true.
    case readWrite(create: Bool)
    /// Read only (`mode=ro`): sees commits made by other connections.
    case readOnly
    /// Read only, and the file is promised never to change (`immutable=1`): no locking at all.
    case immutable
}

/// One SQLite connection.
///
/// A connection is not thread-safe by itself (it is opened with `SQLITE_OPEN_NOMUTEX`): use it from one
/// thread at a time. Servers keep one connection per worker; see `ConnectionPool`.
public final class Database {
    public let path: String
    public let mode: OpenMode
    let handle: OpaquePointer
    private var statementCache: [String: Statement] = [:]
    /// Owned here so that the progress handler's context pointer lives as long as the connection.
    let deadlineState = QueryDeadline()

    public init(path: String, mode: OpenMode = .readWrite(create: true), busyTimeoutMilliseconds: Int32 = 5_000) throws(SQLiteError) {
        self.path = path
        self.mode = mode
        var flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readWrite(let create): flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        case .readOnly, .immutable: flags |= SQLITE_OPEN_READONLY
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(Database.uri(path: path, mode: mode), &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw SQLiteError(code: error.code, extendedCode: error.extendedCode,
                              message: "cannot open database: \(error.message)")
        }
        self.handle = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)
        installProgressHandler(deadlineState)
        do {
            try execute("PRAGMA foreign_keys = ON")
            if case .readWrite = mode {
                // WAL lets readers (the server) run while one writer (ingest) commits.
                try execute("PRAGMA journal_mode = WAL")
                try execute("PRAGMA synchronous = NORMAL")
            }
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(connection)
            throw error
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A `file:` URI for the path, with the characters that URIs reserve escaped.
    static func uri(path: String, mode: OpenMode) -> String {
        var escaped = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        switch mode {
        case .readWrite: return "file:\(escaped)"
        case .readOnly: return "file:\(escaped)?mode=ro"
        case .immutable: return "file:\(escaped)?mode=ro&immutable=1"
        }
    }

    /// Runs one or more statements that take no parameters and return no rows of interest.
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Prepares a statement that the caller owns.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: handle, sql: sql, persistent: false)
    }

    /// Returns the connection's prepared statement for this SQL, preparing it on first use.
    public func cached(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(connection: handle, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    public var cachedStatementCount: Int { statementCache.count }

    /// Runs a statement with positional values and returns the mapped rows.
    public func query<T>(_ sql: String, _ values: [any SQLiteBindable] = [], _ map: (Row) throws -> T) throws -> [T] {
        try cached(sql).query(values, map)
    }

    public func queryFirst<T>(_ sql: String, _ values: [any SQLiteBindable] = [], _ map: (Row) throws -> T) throws -> T? {
        try cached(sql).queryFirst(values, map)
    }

    /// Runs a statement with positional values, discarding rows.
    public func run(_ sql: String, _ values: [any SQLiteBindable] = []) throws(SQLiteError) {
        try cached(sql).run(values)
    }

    public var changes: Int { Int(sqlite3_changes64(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Interrupts a running statement from another thread (the only call that is safe to make so).
    public func interrupt() { sqlite3_interrupt(handle) }
}
