import CSQLite
import Foundation

/// A time limit for the statements of one connection, enforced by SQLite's progress handler: a statement still
/// running at the deadline stops with SQLITE_INTERRUPT, so one expensive query cannot hold a server thread.
final class QueryDeadline {
    /// Uptime in nanoseconds after which statements are interrupted; 0 means no limit.
    var deadline: UInt64 = 0
}

extension Database {
    /// Runs `body` with its statements limited to `seconds`; a statement that runs longer throws a `SQLiteError`
    /// whose `isInterrupted` is true.
    public func withTimeLimit<T>(_ seconds: Double, _ body: () throws -> T) rethrows -> T {
        let limit = deadlineState
        limit.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
        defer { limit.deadline = 0 }
        return try body()
    }

    /// Installs the progress handler once per connection; it checks the clock every few thousand VM steps.
    func installProgressHandler(_ state: QueryDeadline) {
        let context = Unmanaged.passUnretained(state).toOpaque()
        sqlite3_progress_handler(handle, 4_000, { pointer in
            guard let pointer else { return 0 }
            let state = Unmanaged<QueryDeadline>.fromOpaque(pointer).takeUnretainedValue()
            guard state.deadline != 0 else { return 0 }
            return DispatchTime.now().uptimeNanoseconds > state.deadline ? 1 : 0
        }, context)
    }
}

extension SQLiteError {
    /// True when the statement was stopped by a time limit or `interrupt()`.
    public var isInterrupted: Bool { code == SQLITE_INTERRUPT }
}
