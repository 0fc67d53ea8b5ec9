import Foundation

/// Request counters by route label and status, a latency histogram and the open
/// connection gauge, exposed as Prometheus text.
///
/// Each event loop records into its own shard, so loops never contend for a lock;
/// `prometheusText()` sums the shards when scraped.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    static let maxSeriesPerShard = 1000

    struct Key: Hashable, Sendable {
        var route: String
        var status: Int
    }

    struct Shard: Sendable {
        var counts: [Key: Int] = [:]
        var buckets = [Int](repeating: 0, count: ServerMetrics.bucketBounds.count)
        var durationSum: Double = 0
        var durationCount = 0
    }

    private let shards: [Locked<Shard>]
    let openConnections = Locked<Int>(0)
    /// Times a handler ran past `handlerStallThreshold` and another thread took its loop over.
    let loopTakeovers = Locked<Int>(0)
    let droppedLogLines = Locked<Int>(0)

    init(shardCount: Int) {
        shards = (0..<max(1, shardCount)).map { _ in Locked(Shard()) }
    }

    func record(shard: Int, route: String, status: Int, durationNanos: UInt64) {
        let seconds = Double(durationNanos) / 1e9
        let bucket = Self.bucketBounds.firstIndex { seconds <= $0 }
        shards[shard % shards.count].withLock { s in
            var key = Key(route: route, status: status)
            // Labels should be low-cardinality; if a caller passes raw paths, cap the
            // series instead of growing memory and the scrape without bound.
            if s.counts[key] == nil && s.counts.count >= Self.maxSeriesPerShard {
                key.route = "overflow"
            }
            s.counts[key, default: 0] += 1
            if let bucket { s.buckets[bucket] += 1 }
            s.durationSum += seconds
            s.durationCount += 1
        }
    }

    /// Requests answered with `status` on `route` ("other" for handlers that set no label,
    /// "invalid" for requests refused by the parser).
    public func requestCount(route: String, status: Int) -> Int {
        shards.reduce(0) { $0 + $1.withLock { $0.counts[Key(route: route, status: status)] ?? 0 } }
    }

    public var totalRequests: Int {
        shards.reduce(0) { $0 + $1.withLock { $0.durationCount } }
    }

    public var openConnectionCount: Int { openConnections.withLock { $0 } }
    public var loopTakeoverCount: Int { loopTakeovers.withLock { $0 } }

    public func prometheusText() -> String {
        var counts: [Key: Int] = [:]
        var buckets = [Int](repeating: 0, count: Self.bucketBounds.count)
        var sum = 0.0, count = 0
        for shard in shards {
            shard.withLock { s in
                counts.merge(s.counts, uniquingKeysWith: +)
                for i in buckets.indices { buckets[i] += s.buckets[i] }
                sum += s.durationSum
                count += s.durationCount
            }
        }
        var text = "# HELP http_requests_total Requests answered, by route label and status.\n"
        text += "# TYPE http_requests_total counter\n"
        for (key, value) in counts.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
            text += "http_requests_total{route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(value)\n"
        }
        text += "# HELP http_request_duration_seconds Time from a complete request to its queued response.\n"
        text += "# TYPE http_request_duration_seconds histogram\n"
        var cumulative = 0
        for (bound, inBucket) in zip(Self.bucketBounds, buckets) {
            cumulative += inBucket
            text += "http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        text += "http_request_duration_seconds_bucket{le=\"+Inf\"} \(count)\n"
        text += "http_request_duration_seconds_sum \(sum)\n"
        text += "http_request_duration_seconds_count \(count)\n"
        text += "# HELP http_open_connections Client connections currently open.\n"
        text += "# TYPE http_open_connections gauge\n"
        text += "http_open_connections \(openConnectionCount)\n"
        text += "# HELP http_access_log_dropped_lines_total Access log lines dropped because stdout was too slow.\n"
        text += "# TYPE http_access_log_dropped_lines_total counter\n"
        text += "http_access_log_dropped_lines_total \(droppedLogLines.withLock { $0 })\n"
        text += "# HELP http_loop_takeovers_total Handlers that ran past the stall threshold, so another thread took their loop over.\n"
        text += "# TYPE http_loop_takeovers_total counter\n"
        text += "http_loop_takeovers_total \(loopTakeoverCount)\n"
        return text
    }

    /// Label values escape backslash, double quote and newline (Prometheus text format).
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
