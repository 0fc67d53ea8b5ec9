import Foundation
import HTTPServer

/// The common work on every 200: the content type, CSV when asked, ETag and 304, caching and security headers.
enum Negotiation {
    static func prefersCSV(_ accept: String?) -> Bool {
        guard let accept = accept?.lowercased() else { return false }
        return accept.contains("text/csv") && !accept.contains("application/json")
    }

    static func response(for reply: Reply, csv: Bool, request: HTTPRequest) -> HTTPResponse {
        let body: [UInt8]
        let contentType: String
        switch reply {
        case .json(let bytes):
            body = bytes
            contentType = "application/json; charset=utf-8"
        case .list(let page):
            if csv {
                body = page.csv()
                contentType = "text/csv; charset=utf-8"
            } else {
                body = page.json()
                contentType = "application/json; charset=utf-8"
            }
        case let .text(bytes, type):
            body = bytes
            contentType = type
        }
        let etag = "\"" + ETag.of(body) + "\""
        var headers: [(name: String, value: String)] = [
            ("Content-Type", contentType), ("ETag", etag), ("Cache-Control", "public, max-age=60"), ("Vary", "Accept"),
        ]
        headers.append(contentsOf: SecurityHeaders.json)
        if let match = request.headers["if-none-match"], ETag.matches(match, etag) {
            return HTTPResponse(status: 304, headers: headers.filter { $0.name != "Content-Type" })
        }
        return HTTPResponse(status: 200, headers: headers, body: body)
    }
}

enum ETag {
    /// A 64-bit hash of the body, eight bytes a step (a byte-at-a-time FNV was a quarter of a small handler's
    /// time): any change of the bytes changes it, which is all an ETag needs.
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash = (hash ^ word) &* 0x100_0000_01b3
                hash ^= hash >> 29
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x100_0000_01b3
                offset += 1
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `If-None-Match` holds "*" or a list of (possibly weak) tags.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { part in
            let tag = part.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
