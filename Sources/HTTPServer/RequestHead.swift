/// A request head that passed every RFC 9112 rule: what the body framing is, whether
/// the connection persists, and the decoded target.
struct RequestHead {
    var method: String
    var rawTarget: String
    var target: RequestTarget
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    var headers: HTTPHeaders
    var framing: BodyFraming
    var keepAlive: Bool
    var expectsContinue: Bool

    enum BodyFraming: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var version: String { minorVersion == 0 ? "HTTP/1.0" : "HTTP/1.1" }
}

/// Parses a complete head (request line, fields, final empty line; every line already
/// known to end in CRLF) and applies the framing rules that stop request smuggling.
enum RequestHeadParser {
    static func parse(_ head: ArraySlice<UInt8>, limits: ParserLimits) throws(HTTPParseError) -> RequestHead {
        var lines = head.split(separator: ASCII.lf, omittingEmptySubsequences: false).map { $0.dropLast() } // drop CR
        // The head ends with CRLF CRLF: the split leaves an empty line then an empty tail.
        if lines.last?.isEmpty == true { lines.removeLast() }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { throw .badRequest("The request line is missing.") }
        var head = try parseRequestLine(requestLine)
        for line in lines.dropFirst() {
            let (name, value) = try parseField(line)
            head.headers.add(name: name, value: value)
        }
        try applyFraming(&head, limits: limits)
        head.target = try RequestTarget.parse(Array(head.rawTarget.utf8)[...], method: head.method)
        return head
    }

    /// method SP request-target SP HTTP-version, single spaces, nothing else.
    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> RequestHead {
        let parts = line.split(separator: ASCII.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .badRequest("The request line is not 'method target version'.") }
        let method = parts[0], target = parts[1], version = parts[2]
        guard !method.isEmpty, method.allSatisfy(ASCII.isToken) else {
            throw .badRequest("The method is not a token.")
        }
        guard !target.isEmpty, target.allSatisfy(ASCII.isVisible) else {
            throw .badRequest("The request target is empty or has invalid characters.")
        }
        let minor = try parseVersion(version)
        return RequestHead(
            method: String(decoding: method, as: UTF8.self), rawTarget: String(decoding: target, as: UTF8.self),
            target: RequestTarget(path: "", pathSegments: [], queryItems: []), minorVersion: minor,
            headers: HTTPHeaders(), framing: .none, keepAlive: true, expectsContinue: false)
    }

    /// "HTTP/" DIGIT "." DIGIT; only 1.0 and 1.1 are served, other well-formed versions
    /// (the HTTP/2 preface "PRI * HTTP/2.0" among them) are a 505.
    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
        let b = Array(bytes)
        guard b.count == 8, b.starts(with: Array("HTTP/".utf8)), ASCII.isDigit(b[5]), b[6] == UInt8(ascii: "."),
              ASCII.isDigit(b[7]) else {
            throw .badRequest("The HTTP version is malformed.")
        }
        switch (b[5], b[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return 1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return 0
        case (UInt8(ascii: "2"), _):
            throw .versionNotSupported("HTTP/2 is not supported; use HTTP/1.1.")
        default:
            throw .versionNotSupported("Only HTTP/1.0 and HTTP/1.1 are supported.")
        }
    }

    /// field-name ":" OWS field-value OWS. No whitespace before the colon, no obs-fold,
    /// no control characters (NUL, bare CR, DEL ...) in the value.
    static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> (String, String) {
        guard let first = line.first else { throw .badRequest("A header line is empty.") }
        if first == ASCII.space || first == ASCII.tab {
            throw .badRequest("Header line folding (obs-fold) is not allowed.")
        }
        guard let colon = line.firstIndex(of: ASCII.colon) else { throw .badRequest("A header line has no colon.") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(ASCII.isToken) else {
            throw .badRequest("A header name is not a token (whitespace before the colon?).")
        }
        var value = line[(colon + 1)...]
        while let f = value.first, f == ASCII.space || f == ASCII.tab { value.removeFirst() }
        while let l = value.last, l == ASCII.space || l == ASCII.tab { value.removeLast() }
        guard value.allSatisfy(ASCII.isFieldValue) else {
            throw .badRequest("A header value contains a control character.")
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Host, Content-Length, Transfer-Encoding, Connection and Expect (RFC 9112 §3.2, §6, §9.3).
    private static func applyFraming(_ head: inout RequestHead, limits: ParserLimits) throws(HTTPParseError) {
        let headers = head.headers
        let hosts = headers.values(for: "host")
        if hosts.count > 1 { throw .badRequest("More than one Host header.") }
        if hosts.isEmpty && head.minorVersion == 1 { throw .badRequest("HTTP/1.1 requires a Host header.") }

        let lengths = headers.values(for: "content-length")
        let hasTransferEncoding = headers.contains("transfer-encoding")
        if hasTransferEncoding {
            if !lengths.isEmpty { throw .badRequest("Both Transfer-Encoding and Content-Length are present.") }
            if head.minorVersion == 0 { throw .badRequest("Transfer-Encoding is not allowed in HTTP/1.0.") }
            let codings = headers.tokens(for: "transfer-encoding")
            guard codings.last == "chunked" else {
                throw .badRequest("Transfer-Encoding must end with chunked.")
            }
            guard codings.count == 1 else {
                throw .notImplemented("Only the chunked transfer coding is supported.")
            }
            head.framing = .chunked
        } else if lengths.count > 1 {
            throw .badRequest("More than one Content-Length header.")
        } else if let length = lengths.first {
            let digits = Array(length.utf8)
            guard !digits.isEmpty, digits.allSatisfy(ASCII.isDigit) else {
                throw .badRequest("Content-Length is not a decimal number.")
            }
            // Counted before converting, so a huge value cannot overflow.
            let significant = digits.drop { $0 == UInt8(ascii: "0") }
            guard significant.count <= 15, let value = Int(String(decoding: significant.isEmpty ? [48] : Array(significant), as: UTF8.self)) else {
                throw .payloadTooLarge
            }
            if value > limits.maxBodyBytes { throw .payloadTooLarge }
            head.framing = value == 0 ? .none : .length(value)
        }

        let connection = headers.tokens(for: "connection")
        if connection.contains("close") {
            head.keepAlive = false
        } else {
            head.keepAlive = head.minorVersion == 1 || connection.contains("keep-alive")
        }
        if head.minorVersion == 1, let expect = headers["expect"], expect.lowercased() == "100-continue" {
            head.expectsContinue = head.framing != .none
        }
    }
}
