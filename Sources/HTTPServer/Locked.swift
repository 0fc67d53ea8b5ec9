import Foundation

/// A value behind a lock, for the little state threads share (loop inboxes, metrics
/// shards, the log queue, the server's lifecycle).
///
/// `@unchecked Sendable` is safe because `value` is private and only reached inside
/// `withLock`, which holds `lock` for the whole access; `Value: Sendable` keeps what goes
/// in and out of the lock safe to move between threads.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
