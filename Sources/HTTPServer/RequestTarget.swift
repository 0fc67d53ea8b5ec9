/// Splits a request-target into path and query on the raw bytes, *then* percent-decodes
/// each component exactly once (RFC 3986 §2.4), so an encoded "/", "?", "&" or "=" never
/// acts as a delimiter. Decoding is strict: a bad escape, an encoded NUL or bytes that are
/// not UTF-8 make the request a 400. Dot-segments are left alone: the path names a
/// route, never a file.
struct RequestTarget: Equatable {
    var path: String
    var pathSegments: [String]
    var queryItems: [QueryItem]

    struct QueryItem: Equatable {
        var name: String
        var value: String
    }

    /// `bytes` is the whole target, already checked to be visible ASCII.
    static func parse(_ bytes: ArraySlice<UInt8>, method: String) throws(HTTPParseError) -> RequestTarget {
        guard let first = bytes.first else { throw .badRequest("The request target is empty.") }
        if bytes.contains(UInt8(ascii: "#")) { throw .badRequest("The request target contains a fragment.") }
        if first == ASCII.slash {
            return try parseOrigin(bytes)
        }
        if bytes.count == 1, first == UInt8(ascii: "*") {
            guard method == "OPTIONS" else { throw .badRequest("The asterisk target is only for OPTIONS.") }
            return RequestTarget(path: "*", pathSegments: [], queryItems: [])
        }
        if let rest = stripAbsoluteFormPrefix(bytes) {
            return try parseOrigin(rest)
        }
        if method == "CONNECT" { throw .notImplemented("CONNECT is not supported.") }
        throw .badRequest("The request target is not in origin or absolute form.")
    }

    /// "http://host:port/p?q" -> "/p?q" ("/" when the path is empty), else nil.
    private static func stripAbsoluteFormPrefix(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let lowered = bytes.prefix(8).map(ASCII.lower)
        let schemeLength: Int
        if lowered.starts(with: Array("http://".utf8)) {
            schemeLength = 7
        } else if lowered.starts(with: Array("https://".utf8)) {
            schemeLength = 8
        } else {
            return nil
        }
        let afterScheme = bytes.dropFirst(schemeLength)
        guard let authorityEnd = afterScheme.firstIndex(where: { $0 == ASCII.slash || $0 == ASCII.question }) else {
            return afterScheme.isEmpty ? nil : ArraySlice(Array("/".utf8))
        }
        if afterScheme.startIndex == authorityEnd { return nil }   // empty authority
        let rest = bytes[authorityEnd...]
        return rest.first == ASCII.slash ? rest : ArraySlice(Array("/".utf8) + rest)
    }

    private static func parseOrigin(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> RequestTarget {
        let queryStart = bytes.firstIndex(of: ASCII.question)
        let rawPath = bytes[bytes.startIndex..<(queryStart ?? bytes.endIndex)]
        let path = try decode(rawPath, plusIsSpace: false)
        var segments: [String] = []
        for segment in rawPath.dropFirst().split(separator: ASCII.slash, omittingEmptySubsequences: false) {
            segments.append(try decode(segment, plusIsSpace: false))
        }
        var items: [QueryItem] = []
        if let queryStart {
            for pair in bytes[(queryStart + 1)...].split(separator: UInt8(ascii: "&")) {
                let equals = pair.firstIndex(of: UInt8(ascii: "="))
                let name = pair[pair.startIndex..<(equals ?? pair.endIndex)]
                let value = equals.map { pair[($0 + 1)...] } ?? []
                items.append(QueryItem(
                    name: try decode(name, plusIsSpace: true), value: try decode(value, plusIsSpace: true)))
            }
        }
        return RequestTarget(path: path, pathSegments: segments, queryItems: items)
    }

    /// Percent-decodes once. `plusIsSpace` is the form-urlencoded rule, used for the query only.
    static func decode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) throws(HTTPParseError) -> String {
        // Fast path: nothing to decode, and the bytes are ASCII, so already valid UTF-8.
        if !bytes.contains(where: { $0 == ASCII.percent || (plusIsSpace && $0 == ASCII.plus) }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent {
                guard index + 2 < bytes.endIndex,
                      let high = ASCII.hexValue(bytes[index + 1]),
                      let low = ASCII.hexValue(bytes[index + 2]) else {
                    throw .badRequest("The request target has an invalid percent-escape.")
                }
                let decoded = high << 4 | low
                if decoded == 0 { throw .badRequest("The request target encodes a NUL byte.") }
                out.append(decoded)
                index += 3
            } else {
                out.append(plusIsSpace && byte == ASCII.plus ? ASCII.space : byte)
                index += 1
            }
        }
        guard let string = String(validating: out, as: UTF8.self) else {
            throw .badRequest("The request target does not decode to UTF-8.")
        }
        return string
    }
}
