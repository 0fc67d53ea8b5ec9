import Glibc

/// Monotonic time in nanoseconds for deadlines and durations (never jumps with the wall clock).
@inline(__always) func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

func nanos(_ seconds: Double) -> UInt64 {
    seconds <= 0 ? 0 : UInt64(min(seconds, 1e9) * 1e9)
}

/// Formats wall-clock times for the Date header (IMF-fixdate, RFC 9110 §5.6.7) and the
/// access log (ISO 8601 UTC), caching the text of the current second: under load one
/// `gmtime_r` per second instead of one per response.
struct WallClock {
    private var cachedSecond: Int = -1
    private(set) var dateHeaderLine: [UInt8] = []
    private var isoPrefix: [UInt8] = []

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Brings the cache up to the current second; returns the milliseconds within it.
    @discardableResult
    mutating func refresh() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let second = Int(ts.tv_sec)
        if second != cachedSecond {
            cachedSecond = second
            var t = time_t(second)
            var parts = tm()
            gmtime_r(&t, &parts)
            let day = Self.days[Int(parts.tm_wday) % 7], month = Self.months[Int(parts.tm_mon) % 12]
            let year = Int(parts.tm_year) + 1900
            dateHeaderLine = Array(
                "Date: \(day), \(pad(parts.tm_mday)) \(month) \(year) \(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)) GMT\r\n".utf8)
            isoPrefix = Array(
                "\(year)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))".utf8)
        }
        return Int(ts.tv_nsec) / 1_000_000
    }

    /// "2025-01-31T12:00:00.123Z" for the current time.
    mutating func isoTimestamp(into out: inout [UInt8]) {
        let millis = refresh()
        out.append(contentsOf: isoPrefix)
        out.append(UInt8(ascii: "."))
        out.append(UInt8(48 + millis / 100))
        out.append(UInt8(48 + (millis / 10) % 10))
        out.append(UInt8(48 + millis % 10))
        out.append(UInt8(ascii: "Z"))
    }

    private func pad(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
