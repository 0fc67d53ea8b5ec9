import EvidenceModel
import Foundation
import HTTPServer

/// The common work on every 200: the content type, CSV when asked, ETag and 304, caching and security headers.
enum Negotiation {
    static func prefersCSV(_ accept: String?) -> Bool {
        guard let accept = accept?.lowercased() else { return false }
        return accept.contains("text/csv") && !accept.contains("application/json")
    }

    /// `csv`: the shape of the listed objects when the answer is to be CSV. `cacheControl`: the route's (see `Route`).
    /// `etag`: the tag when the route knows it before the body (`RepresentationTag`); otherwise a hash of the body.
    static func response(
        for reply: Reply, csv: ObjectShape?, request: HTTPRequest, cacheControl: String = "public, max-age=60",
        etag knownTag: String? = nil
    ) -> HTTPResponse {
        let body: [UInt8]
        let contentType: String
        switch reply {
        case .json(let bytes):
            body = bytes
            contentType = "application/json; charset=utf-8"
        case .list(let page):
            if let shape = csv {
                body = page.csv(shape)
                contentType = "text/csv; charset=utf-8"
            } else {
                body = page.json()
                contentType = "application/json; charset=utf-8"
            }
        case let .text(bytes, type):
            body = bytes
            contentType = type
        }
        let etag = knownTag ?? "\"" + ETag.of(body) + "\""
        if let match = request.headers["if-none-match"], ETag.matches(match, etag) {
            return notModified(etag: etag, cacheControl: cacheControl)
        }
        var headers: [(name: String, value: String)] = [
            ("Content-Type", contentType), ("ETag", etag), ("Cache-Control", cacheControl), ("Vary", "Accept"),
        ]
        headers.append(contentsOf: SecurityHeaders.json)
        return HTTPResponse(status: 200, headers: headers, body: body)
    }

    /// The 304: the 200's headers but Content-Type, and no body.
    static func notModified(etag: String, cacheControl: String) -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("ETag", etag), ("Cache-Control", cacheControl), ("Vary", "Accept")]
        headers.append(contentsOf: SecurityHeaders.json)
        return HTTPResponse(status: 304, headers: headers)
    }
}

enum ETag {
    /// A 64-bit hash of the body: any change of the bytes changes it, which is all an ETag needs. Four
    /// independent FNV-style lanes take 32 bytes a step, so the multiplications overlap instead of waiting on
    /// each other (one lane of eight bytes was still 4.7% of a 34 KB list page's time), then fold into one.
    static func of(_ bytes: [UInt8]) -> String {
        let prime: UInt64 = 0x100_0000_01b3
        var lanes: (UInt64, UInt64, UInt64, UInt64) =
            (0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count), 0x8422_2325_cbf2_9ce4, 0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f)
        var hash: UInt64 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 32 <= raw.count {
                lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
                lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
                lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
                lanes.0 ^= lanes.0 >> 29
                lanes.1 ^= lanes.1 >> 29
                lanes.2 ^= lanes.2 >> 29
                lanes.3 ^= lanes.3 >> 29
                offset += 32
            }
            hash = lanes.0
            for lane in [lanes.1, lanes.2, lanes.3] {
                hash = (hash ^ lane) &* prime
                hash ^= hash >> 29
            }
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                hash ^= hash >> 29
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* prime
                offset += 1
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `If-None-Match` holds "*" or a list of (possibly weak) tags. `wildcard: false` ignores "*", which only
    /// matches a representation that exists: before the route ran, that is not known yet.
    static func matches(_ header: String, _ etag: String, wildcard: Bool = true) -> Bool {
        header.split(separator: ",").contains { part in
            let tag = part.trimmingCharacters(in: .whitespaces)
            return (wildcard && tag == "*") || tag == etag || tag == "W/" + etag
        }
    }
}
