import Foundation
import SQLiteDB
import Synchronization
import EvidenceModel

/// One read-only connection with its prepared statements.
final class ReadConnection: @unchecked Sendable {
    // @unchecked: a connection is only ever used by the one thread that took it from the pool, and goes back
    // to the pool (under its mutex) before another thread can take it.
    let db: Database
    var dataVersion: Int

    init(path: String) throws {
        db = try Database(path: path, mode: .readOnly, busyTimeoutMilliseconds: 2_000)
        try Schema.verify(db)
        // Reads of a large file go through the page cache of the kernel, not copies into SQLite's own cache.
        try db.execute("PRAGMA mmap_size = 1073741824")
        dataVersion = try db.dataVersion()
    }
}

/// Read-only connections, one per thread that needs one at the same time (the server's threads), each reused
/// with its statement cache. The server never writes, so a connection that fails is simply dropped.
final class ReadPool: Sendable {
    let path: String
    private let idle = Mutex<[ReadConnection]>([])
    /// Bumped whenever any connection sees that another process committed (a new ingest).
    let generation = Atomic<Int>(0)

    init(path: String) { self.path = path }

    func withConnection<T>(_ body: (ReadConnection) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? opened()
        do {
            let result = try body(connection)
            idle.withLock { $0.append(connection) }
            return result
        } catch let error as SQLiteError where error.isCorrupt || error.isIOError {
            throw error   // drop the connection: the file may have been replaced
        } catch {
            idle.withLock { $0.append(connection) }
            throw error
        }
    }

    /// A new connection starts from the data as it is now, which may hold a commit that no other connection has
    /// noted yet: the generation moves, so that nothing read or tagged before that commit is taken for current.
    private func opened() throws -> ReadConnection {
        let connection = try ReadConnection(path: path)
        generation.add(1, ordering: .sequentiallyConsistent)
        return connection
    }

    /// Notes a commit by another process (a new ingest) that this connection has not seen yet, so that what is
    /// cached per generation (the concept resolver, the reply cache) is rebuilt. Inside a read transaction this reads the
    /// transaction's own snapshot and takes no lock of its own.
    private func noteDataVersion(_ connection: ReadConnection) throws {
        let version = try connection.db.dataVersion()
        if version != connection.dataVersion {
            connection.dataVersion = version
            generation.add(1, ordering: .sequentiallyConsistent)
        }
    }

    /// Runs `body` in one read transaction, so that every query of a request sees the same snapshot:
    /// a document written meanwhile is seen entirely or not at all.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try withConnection { try read(on: $0, body) }
    }

    /// `read` on a connection the request already holds (see `Route.cached`): one connection per request.
    func read<T>(on connection: ReadConnection, _ body: (Database) throws -> T) throws -> T {
        try connection.db.withTimeLimit(Self.queryTimeLimit) {
            let db = connection.db
            // BEGIN and COMMIT from the statement cache: `Database.transaction` runs them through
            // sqlite3_exec, which parses both again on every request.
            try db.run("BEGIN DEFERRED")
            do {
                try noteDataVersion(connection)
                let result = try body(db)
                try db.run("COMMIT")
                return result
            } catch {
                if db.isInTransaction { try? db.run("ROLLBACK") }
                throw error
            }
        }
    }

    /// Runs one statement's worth of reading without an explicit transaction: a single statement already reads
    /// one snapshot, and BEGIN/COMMIT around it cost two more statements per request. Nor does it check
    /// `data_version`: outside a transaction that is one more snapshot (a lock and an unlock of the WAL index),
    /// and a single-statement route caches nothing per generation.
    func readOne<T>(_ body: (Database) throws -> T) throws -> T {
        try withConnection { try readOne(on: $0, body) }
    }

    /// `readOne` on a connection the request already holds.
    func readOne<T>(on connection: ReadConnection, _ body: (Database) throws -> T) throws -> T {
        try connection.db.withTimeLimit(Self.queryTimeLimit) { try body(connection.db) }
    }

    /// The generation after checking, on the request's own connection, whether another process committed since
    /// that connection last looked (what `ReplyCache` keys on).
    func generation(checking connection: ReadConnection) throws -> Int {
        try noteDataVersion(connection)
        return generation.load(ordering: .sequentiallyConsistent)
    }

    /// Handlers run on the server's event loops, so one request's queries must not hold a loop for long.
    static let queryTimeLimit = 2.0
}
