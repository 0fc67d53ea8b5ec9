import Testing
@testable import HTTPServer

/// Valid requests, and what the handler will see of them.
@Suite struct ParserAcceptTests {
    private func single(_ text: String) -> Parsed? {
        let (whole, bytewise) = parseBothWays(text)
        #expect(whole == bytewise)
        guard whole.count == 1, case .request(let parsed) = whole[0] else {
            Issue.record("expected one request, got \(whole)")
            return nil
        }
        return parsed
    }

    @Test func simpleGet() {
        let p = single("GET /v1/studies/st_1 HTTP/1.1\r\nHost: example\r\nAccept:  application/json \r\n\r\n")
        #expect(p?.method == "GET")
        #expect(p?.path == "/v1/studies/st_1")
        #expect(p?.segments == ["v1", "studies", "st_1"])
        #expect(p?.headers == ["Host: example", "Accept: application/json"])
        #expect(p?.keepAlive == true)
        #expect(p?.version == "HTTP/1.1")
    }

    @Test func contentLengthBody() {
        let p = single("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
        #expect(p?.body == Array("hello".utf8))
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() {
        let p = single("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "0005;a=b\r\nhello\r\nA\r\n 012345678\r\n00\r\nX-Trailer: t\r\n\r\n")
        #expect(p.map { String(decoding: $0.body, as: UTF8.self) } == "hello 012345678")
    }

    /// Every form RFC 9112 §7.1.1 allows: several extensions, BWS around ";" and "=",
    /// quoted values with escapes and the characters a token may not hold.
    @Test(arguments: [
        "2;a\r\n", "2;a=b\r\n", "2;a;b=c;d\r\n", "2 ; a = b\r\n", "2\t;\ta\r\n",
        "2;a=\"\"\r\n", "2;a=\"b c;d=e\"\r\n", "2;a=\"x\\\"y\"\r\n", "2;a=\"q\" ;b\r\n", "2;n=\"\u{E9}\"\r\n",
    ])
    func validChunkExtensions(_ sizeLine: String) {
        let p = single("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + sizeLine + "ab\r\n0;last\r\n\r\n")
        #expect(p.map { String(decoding: $0.body, as: UTF8.self) } == "ab", "\(sizeLine.debugDescription)")
    }

    @Test func absoluteFormTarget() {
        #expect(single("GET http://example.com:8080/a/b?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n")?.path == "/a/b")
        #expect(single("GET HTTPS://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n")?.path == "/")
    }

    @Test func optionsAsterisk() {
        #expect(single("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")?.path == "*")
    }

    @Test func http10Persistence() {
        #expect(single("GET / HTTP/1.0\r\n\r\n")?.keepAlive == false)
        #expect(single("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")?.keepAlive == true)
        #expect(single("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?.keepAlive == false)
        // Connection is a token list, compared case-insensitively.
        #expect(single("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, CLOSE\r\n\r\n")?.keepAlive == false)
        #expect(single("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\n\r\n")?.keepAlive == true)
    }

    @Test func leadingEmptyLinesAreIgnored() {
        #expect(single("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")?.path == "/")
    }

    @Test func obsTextAndTabsInValues() {
        let p = single("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\tb \u{E9}\r\n\r\n")
        #expect(p?.headers.last == "X-A: a\tb \u{E9}")
    }

    @Test func unknownMethodsReachTheHandler() {
        #expect(single("PURGE / HTTP/1.1\r\nHost: x\r\n\r\n")?.method == "PURGE")
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let input = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n"
        let (whole, bytewise) = parseBothWays(input)
        #expect(whole == bytewise)
        let paths = whole.compactMap { outcome -> String? in
            if case .request(let p) = outcome { return p.path }
            return nil
        }
        #expect(paths == ["/1", "/2", "/3"])
    }

    @Test func expectContinueIsAnnouncedOnlyBeforeTheBody() {
        let head = Array("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8)
        let body = Array("abc".utf8)
        // Head first, then body: the parser asks for 100 Continue, then yields the request.
        let steps = parse(head + body, chunks: [head.count, body.count], dropContinue: false)
        #expect(steps.first == .sendContinue)
        #expect(steps.count == 2)
        // Body already there: no interim response.
        #expect(parse(head + body, dropContinue: false).count == 1)
    }

    @Test func queryDecoding() {
        // '+' is a space in the query (form rule); '%2B' is a literal plus.
        #expect(single("GET /s?q=a+b&r=a%2Bb HTTP/1.1\r\nHost: x\r\n\r\n")?.query == ["q=a b", "r=a+b"])
        // Split before decoding: an encoded '=' or '&' stays inside the key or value.
        #expect(single("GET /s?k%3D=v%26w HTTP/1.1\r\nHost: x\r\n\r\n")?.query == ["k==v&w"])
        // Repeats and order kept; a bare key has an empty value; empty pairs are skipped.
        #expect(single("GET /s?a=1&&b&a=2 HTTP/1.1\r\nHost: x\r\n\r\n")?.query == ["a=1", "b=", "a=2"])
        // UTF-8 decodes.
        #expect(single("GET /s?t=caf%C3%A9 HTTP/1.1\r\nHost: x\r\n\r\n")?.query == ["t=caf\u{E9}"])
    }

    @Test func pathDecoding() {
        // '+' is literal in the path; an encoded slash stays inside its segment.
        let p = single("GET /items/a%2Fb/c+d HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(p?.path == "/items/a/b/c+d")
        #expect(p?.segments == ["items", "a/b", "c+d"])
        // Dot-segments are never resolved.
        #expect(single("GET /%2e%2e/x HTTP/1.1\r\nHost: x\r\n\r\n")?.path == "/../x")
    }

    @Test func percentRoundTripForRandomUnicode() {
        var rng = SplitMix64(state: 42)
        let alphabet = Array("aZ09-._~ /?&=+#%é漢😀\u{7F}")
        for _ in 0..<300 {
            let original = String((0..<Int.random(in: 1...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "a" })
            let encoded = original.utf8.map { byte -> String in
                let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
                return unreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded()
            }.joined()
            #expect(single("GET /p?v=\(encoded) HTTP/1.1\r\nHost: x\r\n\r\n")?.query == ["v=\(original)"])
        }
    }
}

private extension String {
    func leftPadded() -> String { count == 1 ? "0" + self : self }
}
