import Glibc

/// Substring search on UTF-8 bytes.
///
/// With Foundation imported, `String.contains(String)` and `range(of:)` resolve to Foundation's CFString search on
/// Linux, which the ingest profile showed taking over 40% of all instructions (the cue lists are searched in every
/// sentence). These non-generic overloads win overload resolution inside this module and compare bytes instead.
/// They match exact code-unit sequences (no canonical-equivalence folding), which is what cue matching needs.
extension String {
    func contains(_ other: String) -> Bool {
        byteOffset(of: other) != nil
    }

    func range(of other: String) -> Range<String.Index>? {
        guard let offset = byteOffset(of: other) else { return nil }
        // A match starts on the needle's first byte, which is never a UTF-8 continuation byte: a scalar boundary.
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: other.utf8.count)
        return start..<end
    }

    func byteOffset(of other: String) -> Int? {
        var haystack = self
        var needle = other
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin -> Int? in
                guard let first = pin.first else { return 0 }
                guard pin.count <= hay.count, let hayBase = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
                // memchr finds each candidate first byte, memcmp checks the rest: both vectorised in libc.
                var index = 0
                let last = hay.count - pin.count
                while index <= last {
                    guard let found = memchr(hayBase + index, Int32(first), last - index + 1) else { return nil }
                    let candidate = UnsafeRawPointer(found) - UnsafeRawPointer(hayBase)
                    if memcmp(hayBase + candidate, pinBase, pin.count) == 0 { return candidate }
                    index = candidate + 1
                }
                return nil
            }
        }
    }

    /// The parts between occurrences of `separator`, like Foundation's `components(separatedBy:)` (which this
    /// overload shadows inside the module for the same reason as `range(of:)` above).
    func components(separatedBy separator: String) -> [String] {
        guard !separator.isEmpty else { return [self] }
        var haystack = self
        var needle = separator
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin -> [String] in
                // An empty text has no base address: it is its own only part.
                guard let hayBase = hay.baseAddress, let pinBase = pin.baseAddress else { return [self] }
                var parts: [String] = []
                var partStart = 0
                var index = 0
                while index + pin.count <= hay.count {
                    if hay[index] == pin[0], memcmp(hayBase + index, pinBase, pin.count) == 0 {
                        parts.append(String(decoding: UnsafeBufferPointer(rebasing: hay[partStart..<index]), as: UTF8.self))
                        index += pin.count
                        partStart = index
                    } else {
                        index += 1
                    }
                }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: hay[partStart...]), as: UTF8.self))
                return parts
            }
        }
    }
}
