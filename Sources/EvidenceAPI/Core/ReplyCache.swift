import Synchronization

/// The replies of list routes, kept for the data they were read from: a repeat of the same request (route, path
/// values and query as sent) is answered without its queries until another process commits to the database.
///
/// Why it is exact: every lookup first asks SQLite's `data_version` on a connection of the pool, which bumps
/// `ReadPool.generation` when anything was committed since that connection last looked; an entry is only used
/// under the generation that was current before its queries ran (so its snapshot is at least that new) and the
/// whole cache is dropped when the generation moves.
final class ReplyCache: Sendable {
    private struct State {
        var generation = -1
        var replies: [String: Reply] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    let maxEntries: Int
    let maxBytes: Int
    /// Replies larger than this are not kept (a CSV export of 100 sources would crowd out hundreds of pages).
    let maxReplyBytes: Int

    init(maxEntries: Int = 1_024, maxBytes: Int = 32 << 20, maxReplyBytes: Int = 256 << 10) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
        self.maxReplyBytes = maxReplyBytes
    }

    func reply(for key: String, generation: Int) -> Reply? {
        state.withLock { state in state.generation == generation ? state.replies[key] : nil }
    }

    func store(_ reply: Reply, for key: String, generation: Int) {
        let size = reply.byteCount + key.utf8.count
        guard maxEntries > 0, size <= maxReplyBytes else { return }
        state.withLock { state in
            if state.generation != generation {
                // Only a newer generation replaces the cache; a reply read under an older one is simply not kept.
                guard generation > state.generation else { return }
                state = State(generation: generation)
            }
            guard state.replies[key] == nil else { return }
            // Oldest first out, until the new reply fits.
            while state.order.count >= maxEntries || (state.bytes + size > maxBytes && !state.order.isEmpty) {
                let oldest = state.order.removeFirst()   // at most maxEntries: the shift is cheap and rare
                if let gone = state.replies.removeValue(forKey: oldest) { state.bytes -= gone.byteCount + oldest.utf8.count }
            }
            state.replies[key] = reply
            state.order.append(key)
            state.bytes += size
        }
    }

    var count: Int { state.withLock { $0.replies.count } }

    /// The key of a request: the route, its path values and its query items exactly as sent (the parameters were
    /// validated before), separated by bytes that percent-decoded input can hold but the route paths never do.
    static func key(_ context: RouteContext) -> String {
        var key = context.routePath
        for value in context.pathValues { key += "\u{1}" + value }
        for item in context.request.queryItems { key += "\u{2}" + item.name + "\u{3}" + item.value }
        return key
    }
}

extension Reply {
    var byteCount: Int {
        switch self {
        case .json(let bytes), .text(let bytes, _): bytes.count
        case .list(let page): page.items.reduce(64) { $0 + $1.count + 1 }
        }
    }
}
