import CSQLite

/// An error reported by SQLite, with everything needed to act on it:
/// the (extended) result code, SQLite's own message, and the SQL that failed.
/// Bound values are never part of the description, so errors are safe to log.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
    public let code: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code & 0xff
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    init(connection: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, extendedCode: extended, message: message, sql: sql)
    }

    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    public var isReadOnly: Bool { code == SQLITE_READONLY }
    public var isFull: Bool { code == SQLITE_FULL }
    public var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
    public var isIOError: Bool { code == SQLITE_IOERR }
    public var isCantOpen: Bool { code == SQLITE_CANTOPEN }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (while running: \(sql))" }
        return text
    }
}

/// Errors of this layer that are not SQLite result codes.
public enum DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The linked SQLite lacks a compile-time feature the application needs.
    case missingFeature(String)
    /// A column was read as a type it does not hold.
    case typeMismatch(column: Int32, expected: String, actual: String)
    /// A statement expected to return a row returned none.
    case noRow(sql: String)

    public var description: String {
        switch self {
        case .missingFeature(let feature):
            return "the system SQLite library lacks \(feature); install a libsqlite3 built with it (Debian's libsqlite3-0 has it)"
        case let .typeMismatch(column, expected, actual):
            return "column \(column) holds \(actual), not \(expected)"
        case .noRow(let sql):
            return "the query returned no row: \(sql)"
        }
    }
}
