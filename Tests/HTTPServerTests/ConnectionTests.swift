import Foundation
import Testing
@testable import HTTPServer

/// Keep-alive, pipelining, HTTP/1.0, HEAD and response framing over real sockets.
@Suite struct ConnectionTests {
    @Test func keepAliveServesManyRequestsOnOneSocket() throws {
        try withServer { server, port in
            let client = try TestClient(port: port)
            for i in 0..<5 {
                client.send("GET /n\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.bodyText.hasPrefix("GET /n\(i) "))
                #expect(response.headers["connection"] == nil)
            }
            #expect(server.metrics.openConnectionCount == 1)
        }
    }

    @Test func everyResponseHasDateServerLengthAndRequestID() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc-123\r\n\r\n")
            let echoed = try client.readResponse()
            #expect(echoed.headers["x-request-id"] == "abc-123")
            #expect(echoed.headers["content-length"] == String(echoed.body.count))
            #expect(echoed.headers["server"] == "test-server")
            #expect(echoed.headers["date"]?.hasSuffix(" GMT") == true)
            // An unsafe id is replaced, never echoed (it would reach logs and headers).
            client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\"b{}\r\n\r\n")
            let generated = try client.readResponse()
            let id = try #require(generated.headers["x-request-id"])
            #expect(id != "a\"b{}" && !id.isEmpty)
        }
    }

    @Test func connectionCloseEndsTheConnection() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        try withServer { _, port in
            let plain = try TestClient(port: port)
            plain.send("GET / HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().status == 200)
            #expect(plain.isClosedByServer())

            let kept = try TestClient(port: port)
            kept.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try kept.readResponse()
            #expect(first.headers["connection"] == "keep-alive")
            kept.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse().bodyText.hasPrefix("GET /again"))
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            var batch = ""
            for i in 0..<10 {
                batch += i == 4
                    ? "POST /p\(i) HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    : "GET /p\(i) HTTP/1.1\r\nHost: x\r\n\r\n"
            }
            client.send(batch)
            for i in 0..<10 {
                let response = try client.readResponse()
                #expect(response.bodyText.hasPrefix((i == 4 ? "POST" : "GET") + " /p\(i) "))
                if i == 4 { #expect(response.bodyText.hasSuffix("body=5")) }
            }
        }
    }

    /// More requests than one turn answers (16): the rest come on the connection's later turns, all in order.
    @Test func aLongPipelineIsAnsweredInTurnsAndInOrder() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            let count = 200
            client.send((0..<count).map { "GET /n\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for i in 0..<count {
                #expect(try client.readResponse().bodyText.hasPrefix("GET /n\(i) "))
            }
        }
    }

    @Test func headKeepsLengthAndDropsBody() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("GET /big?bytes=123 HTTP/1.1\r\nHost: x\r\n\r\n")
            let get = try client.readResponse()
            client.send("HEAD /big?bytes=123 HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(isHEAD: true)
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == "123" && get.headers["content-length"] == "123")
            #expect(head.headers["content-type"] == get.headers["content-type"])
            // Had the HEAD response carried a body, this would read it as a status line.
            client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().bodyText.hasPrefix("GET /after"))
        }
    }

    /// RFC 9112 §6.3: a response to HEAD has no body, a refusal included; a client (or a proxy
    /// reusing the connection) would otherwise read the problem body as the next response.
    @Test(arguments: [
        "HEAD /a%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "HEAD / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n",
        "HEAD / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;\r\nab\r\n0\r\n\r\n",
    ])
    func refusedHeadGetsNoBody(_ request: String) throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(request)
            let response = try client.readResponse(isHEAD: true)
            #expect(response.status == 400)
            #expect(response.headers["content-type"] == "application/problem+json")
            #expect(client.isClosedByServer())
            #expect(client.unreadBytes == 0, "a body followed the head")
        }
    }

    @Test func noContentHasNoLengthAndNoBody() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("GET /no-content HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 204)
            #expect(response.headers["content-length"] == nil)
            #expect(try client.readResponse().bodyText.hasPrefix("GET /next"))
        }
    }

    @Test func handlerCannotBreakFramingOrInjectHeaders() throws {
        try withServer { server, port in
            let client = try TestClient(port: port)
            client.send("GET /framing HTTP/1.1\r\nHost: x\r\n\r\n")
            let framed = try client.readResponse()
            #expect(framed.headers["content-length"] == "2")
            #expect(framed.headers["transfer-encoding"] == nil)
            #expect(framed.bodyText == "ok")

            client.send("GET /bad-header HTTP/1.1\r\nHost: x\r\n\r\n")
            let injected = try client.readResponse()
            #expect(injected.status == 500)
            #expect(injected.headers["x-injected"] == nil)
            #expect(injected.headers["content-type"] == "application/problem+json")
            #expect(!injected.bodyText.contains("X-Injected"))

            client.send("GET /bad-status HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 500)
            #expect(server.metrics.requestCount(route: "other", status: 500) == 2)
        }
    }

    @Test func chunkedUploadAndExpectContinue() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
            #expect(try client.readResponse().bodyText.hasSuffix("body=5"))

            client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            client.send("data")
            #expect(try client.readResponse().bodyText.hasSuffix("body=4"))

            // Too large: refused at once, without waiting for a body.
            client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 999999\r\n\r\n")
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test func halfClosedClientStillGetsItsAnswer() throws {
        try withServer { server, port in
            var clients: [TestClient] = []
            for _ in 0..<20 {
                let client = try TestClient(port: port)
                client.send("GET /half HTTP/1.1\r\nHost: x\r\n\r\n")
                client.shutdownWrite()
                clients.append(client)
            }
            for client in clients {
                #expect(try client.readResponse().status == 200)
                #expect(client.isClosedByServer())
            }
            // EOF was seen as EOF (not would-block): no connection is left in CLOSE-WAIT.
            try waitUntil { server.metrics.openConnectionCount == 0 }
        }
    }

    @Test func metricsCountByRouteAndStatus() throws {
        try withServer { server, port in
            let client = try TestClient(port: port)
            for _ in 0..<3 {
                client.send("GET /m HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.readResponse()
            }
            let bad = try TestClient(port: port)
            bad.send("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try bad.readResponse()
            #expect(server.metrics.requestCount(route: "/echo", status: 200) == 3)
            #expect(server.metrics.requestCount(route: "invalid", status: 400) == 1)
            let text = server.metrics.prometheusText()
            #expect(text.contains("http_requests_total{route=\"/echo\",status=\"200\"} 3"))
            #expect(text.contains("http_request_duration_seconds_count 4"))
            #expect(text.contains("http_open_connections 2"))
        }
    }
}

/// Polls `condition` for up to `timeout` seconds.
func waitUntil(timeout: TimeInterval = 3, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        if Date() > deadline {
            Issue.record("condition not met within \(timeout) s")
            return
        }
        Thread.sleep(forTimeInterval: 0.01)
    }
}

@Suite struct MetricsTests {
    @Test func routeSeriesAreCapped() {
        let metrics = ServerMetrics(shardCount: 1)
        for i in 0..<(ServerMetrics.maxSeriesPerShard + 50) {
            metrics.record(shard: 0, route: "/raw/\(i)", status: 200, durationNanos: 1_000)
        }
        #expect(metrics.requestCount(route: "overflow", status: 200) == 50)
        #expect(metrics.totalRequests == ServerMetrics.maxSeriesPerShard + 50)
    }

    @Test func labelsAreEscapedAndHistogramIsCumulative() {
        let metrics = ServerMetrics(shardCount: 2)
        metrics.record(shard: 0, route: "a\"b\\c\nd", status: 404, durationNanos: 2_000_000)      // 2 ms
        metrics.record(shard: 1, route: "/x", status: 200, durationNanos: 20_000_000_000)         // 20 s
        let text = metrics.prometheusText()
        #expect(text.contains(#"http_requests_total{route="a\"b\\c\nd",status="404"} 1"#))
        #expect(text.contains("http_request_duration_seconds_bucket{le=\"0.0025\"} 1\n"))
        #expect(text.contains("http_request_duration_seconds_bucket{le=\"10.0\"} 1\n"))
        #expect(text.contains("http_request_duration_seconds_bucket{le=\"+Inf\"} 2\n"))
        #expect(text.contains("http_request_duration_seconds_count 2\n"))
    }
}
