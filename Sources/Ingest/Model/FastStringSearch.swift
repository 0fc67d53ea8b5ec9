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
                guard pin.count <= hay.count else { return nil }
                var index = 0
                let last = hay.count - pin.count
                while index <= last {
                    if hay[index] == first {
                        var matched = 1
                        while matched < pin.count && hay[index + matched] == pin[matched] { matched += 1 }
                        if matched == pin.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
