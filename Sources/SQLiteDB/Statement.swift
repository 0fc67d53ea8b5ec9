import CSQLite

/// A prepared statement. Owned by one `Database` and used on that connection's thread only.
///
/// Binding always starts from a clean slate (`reset` + `clear_bindings`), so a statement taken from
/// the cache never carries values or a half-stepped cursor from its previous use.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    private let connection: OpaquePointer

    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        var statement: OpaquePointer?
        let flags: UInt32 = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(connection, sql, -1, flags, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError(connection: connection, code: code == SQLITE_OK ? SQLITE_MISUSE : code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }
    public var columnCount: Int32 { sqlite3_column_count(handle) }
    public func columnName(_ index: Int32) -> String { String(cString: sqlite3_column_name(handle, index)) }
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Resets the cursor and clears every binding.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds positional values (`?`), after a reset.
    public func bind(_ values: [any SQLiteBindable]) throws(SQLiteError) {
        reset()
        for (offset, value) in values.enumerated() {
            try bind(value.sqliteValue, at: Int32(offset + 1))
        }
    }

    /// Binds named values (`:name`, `@name`, `$name`; give the name with its prefix), after a reset.
    public func bind(named values: [String: any SQLiteBindable]) throws(SQLiteError) {
        reset()
        for (name, value) in values {
            let index = sqlite3_bind_parameter_index(handle, name)
            guard index > 0 else {
                throw SQLiteError(code: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
            }
            try bind(value.sqliteValue, at: index)
        }
    }

    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .real(let number): code = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // An explicit byte length keeps text with embedded NUL characters whole.
            var copy = text
            code = copy.withUTF8 { bytes in
                sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1))?
                    .assumingMemoryBound(to: CChar.self), Int32(bytes.count), evidence_sqlite_transient())
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                // A zero-length blob must still be a blob, not NULL: bind zeroblob(0) for it.
                guard let base = buffer.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
                return sqlite3_bind_blob(handle, index, base, Int32(buffer.count), evidence_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection, code: code, sql: sql) }
    }

    /// Advances the cursor. Returns a row while there is one, `nil` at the end.
    public func step() throws(SQLiteError) -> Row? {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return Row(handle: handle)
        case SQLITE_DONE: return nil
        default:
            let error = SQLiteError(connection: connection, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs the statement to completion, discarding any rows.
    public func run(_ values: [any SQLiteBindable] = []) throws(SQLiteError) {
        try bind(values)
        while try step() != nil {}
        sqlite3_reset(handle)
    }

    /// Runs a query and maps every row.
    public func query<T>(_ values: [any SQLiteBindable] = [], _ map: (Row) throws -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var results: [T] = []
        while let row = try step() { results.append(try map(row)) }
        return results
    }

    /// Runs a query and maps its first row, if any.
    public func queryFirst<T>(_ values: [any SQLiteBindable] = [], _ map: (Row) throws -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        guard let row = try step() else { return nil }
        return try map(row)
    }
}

/// The current row of a stepping statement. Valid until the next `step` or `reset`.
public struct Row {
    let handle: OpaquePointer

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }
    public func bool(_ index: Int32) -> Bool { sqlite3_column_int64(handle, index) != 0 }

    public func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }
    public func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }
    public func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }
    public func optionalBool(_ index: Int32) -> Bool? { isNull(index) ? nil : bool(index) }

    /// Calls `body` with the UTF-8 bytes of a text column, without copying them into a String.
    public func withTextBytes<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_text(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    public func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(text(index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .null
        }
    }
}
