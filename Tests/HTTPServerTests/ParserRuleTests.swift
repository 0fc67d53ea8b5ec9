import Testing
@testable import HTTPServer

/// Each RFC 9112 rule, fed whole and byte by byte.
@Suite struct ParserRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var status: Int?        // nil: a valid request
        var testDescription: String { name }
    }

    static let rejected: [Case] = [
        Case(name: "bare LF line ending", input: "GET / HTTP/1.1\nHost: x\n\n", status: 400),
        Case(name: "bare LF after headers", input: "GET / HTTP/1.1\r\nHost: x\n\r\n", status: 400),
        Case(name: "obs-fold", input: "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  continued\r\n\r\n", status: 400),
        Case(name: "whitespace before first header", input: "GET / HTTP/1.1\r\n Host: x\r\n\r\n", status: 400),
        Case(name: "space before colon", input: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", status: 400),
        Case(name: "TE with space before colon", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "NUL in value", input: "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n", status: 400),
        Case(name: "bare CR in value", input: "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", status: 400),
        Case(name: "DEL in value", input: "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{7F}\r\n\r\n", status: 400),
        Case(name: "header without colon", input: "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", status: 400),
        Case(name: "empty header name", input: "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", status: 400),
        Case(name: "method with a delimiter", input: "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "two spaces in request line", input: "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "trailing space in request line", input: "GET / HTTP/1.1 \r\nHost: x\r\n\r\n", status: 400),
        Case(name: "no version (HTTP/0.9)", input: "GET /\r\n\r\n", status: 400),
        Case(name: "version prefix HTTP/1.32", input: "GET / HTTP/1.32\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "lowercase version", input: "GET / http/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "HTTP/2 preface", input: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", status: 505),
        Case(name: "HTTP/3.0", input: "GET / HTTP/3.0\r\nHost: x\r\n\r\n", status: 505),
        Case(name: "HTTP/1.2", input: "GET / HTTP/1.2\r\nHost: x\r\n\r\n", status: 505),
        Case(name: "missing Host on 1.1", input: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", status: 400),
        Case(name: "two Host headers", input: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        Case(name: "CL and TE", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400),
        Case(name: "CL and mixed-case TE", input: "POST / HTTP/1.1\r\nHost: x\r\ntRANSFER-ENCODING: chunked\r\nContent-Length: 3\r\n\r\nabc", status: 400),
        Case(name: "duplicate equal CL", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", status: 400),
        Case(name: "conflicting CL", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400),
        Case(name: "CL list", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello", status: 400),
        Case(name: "CL with plus", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello", status: 400),
        Case(name: "CL negative", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", status: 400),
        Case(name: "CL hex", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n", status: 400),
        Case(name: "CL not a number", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", status: 400),
        Case(name: "CL empty", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n", status: 400),
        Case(name: "CL huge", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10737418240\r\n\r\n", status: 413),
        Case(name: "CL absurd", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999999\r\n\r\n", status: 413),
        Case(name: "CL over the limit", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 65537\r\n\r\n", status: 413),
        Case(name: "TE gzip alone", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", status: 400),
        Case(name: "TE chunked then gzip", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", status: 400),
        Case(name: "TE gzip then chunked", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501),
        Case(name: "TE identity", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n", status: 400),
        Case(name: "TE chunked twice", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 501),
        Case(name: "TE on HTTP/1.0", input: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size not hex", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", status: 400),
        Case(name: "chunk size 0x prefix", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0x1\r\na\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size with underscore", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0_0\r\n\r\n", status: 400),
        Case(name: "chunk size empty", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", status: 400),
        Case(name: "chunk size overflow", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100000005\r\nhello\r\n0\r\n\r\n", status: 413),
        Case(name: "chunk size line bare LF", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk data not followed by CRLF", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext with control char", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;a=\u{1}\r\nx\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext too long", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;" + String(repeating: "a", count: 1100) + "\r\nx\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext semicolon with no name", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;\r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext unclosed quote", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a=\"b\r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext quote swallowing the line", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a=\"b\r\nab\r\n0\r\n\r\n\"\r\n", status: 400),
        Case(name: "chunk ext equals with no value", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a=\r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext value with a space inside", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a=b c\r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext name not a token", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a@b\r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext trailing whitespace", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a \r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext text after a quoted value", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a=\"b\"c\r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size then whitespace only", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2 \r\nab\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk ext on the last chunk malformed", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0;\r\n\r\n", status: 400),
        Case(name: "chunked body over the limit", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8000\r\n" + String(repeating: "a", count: 0x8000) + "\r\n8001\r\n", status: 413),
        Case(name: "bad trailer", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: 1\r\n\r\n", status: 400),
        Case(name: "percent escape invalid", input: "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "percent escape truncated", input: "GET /a%4 HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "percent escape not UTF-8", input: "GET /a%C3 HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "percent-encoded NUL", input: "GET /a%00 HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "bad escape in query", input: "GET /a?q=%G1 HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "fragment in target", input: "GET /a#frag HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "non-ASCII byte in target", input: "GET /caf\u{E9} HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "relative target", input: "GET a/b HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "asterisk for GET", input: "GET * HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "CONNECT authority-form", input: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n", status: 501),
        Case(name: "too many empty lines first", input: "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
    ]

    @Test(arguments: rejected)
    func rejects(_ c: Case) {
        let (whole, bytewise) = parseBothWays(c.input)
        #expect(whole.last?.status == c.status, "\(whole)")
        #expect(whole == bytewise)
        // Nothing after a framing error is ever parsed as a request (no smuggling).
        #expect(whole.count == 1)
    }

    @Test func smuggledRequestInBodyIsNeverParsed() {
        let input = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n"
        let (whole, bytewise) = parseBothWays(input)
        #expect(whole == [.error(.badRequest("Both Transfer-Encoding and Content-Length are present."))])
        #expect(bytewise == whole)
    }

    @Test func limitsAreExactAtTheBoundary() {
        var limits = ParserLimits()
        limits.maxRequestLineBytes = 64
        limits.maxHeaderBytes = 128
        limits.maxHeaderCount = 3
        limits.maxBodyBytes = 10
        // Request line of exactly 64 bytes passes; 65 is a 414.
        let path64 = "/" + String(repeating: "a", count: 64 - "GET / HTTP/1.1".count)
        #expect(parse("GET \(path64) HTTP/1.1\r\nHost: x\r\n\r\n", limits: limits).first?.status == nil)
        #expect(parse("GET \(path64)a HTTP/1.1\r\nHost: x\r\n\r\n", limits: limits).first?.status == 414)
        // A request line that never ends is cut at the limit, before any CRLF arrives.
        #expect(parse("GET /" + String(repeating: "a", count: 100), limits: limits).first?.status == 414)
        // Three headers pass, four are a 431.
        let three = "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n"
        #expect(parse(three, limits: limits).first?.status == nil)
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits).first?.status == 431)
        // A header section over 128 bytes is a 431, even without its end.
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nA: " + String(repeating: "v", count: 200), limits: limits).first?.status == 431)
        // Bodies: 10 bytes pass, 11 are a 413 before the body arrives.
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits).first?.status == nil)
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits: limits).first?.status == 413)
    }

    @Test func defaultLimitsMatchTheIssue() {
        let c = ServerConfiguration()
        #expect(c.maxRequestLineBytes == 8192 && c.maxHeaderBytes == 16384 && c.maxHeaderCount == 100)
        #expect(c.maxBodyBytes == 65536 && c.maxConnections == 4096)
        #expect(c.headerReadTimeout == 10 && c.keepAliveTimeout == 30 && c.writeTimeout == 30 && c.shutdownGracePeriod == 10)
        #expect(c.host == "127.0.0.1" && c.port == 8080 && c.accessLog)
        // 100 header fields pass with the defaults, 101 do not.
        let fields = (1...99).map { "X-\($0): v\r\n" }.joined()
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n\(fields)\r\n").first?.status == nil)
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n\(fields)X-100: v\r\n\r\n").first?.status == 431)
    }
}
