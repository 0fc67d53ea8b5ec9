import Foundation
import Testing
@testable import HTTPServer

/// Each limit and parse error over a real socket: the status, a problem+json body,
/// `Connection: close`, then the connection ends, and nothing after it is answered.
@Suite struct LimitAndErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var request: String
        var status: Int
        var testDescription: String { name }
    }

    // testConfiguration(): request line 1024, headers 2048 bytes / 20 fields, body 4096.
    static let cases: [Case] = [
        Case(name: "request line too long", request: "GET /" + String(repeating: "a", count: 1100) + " HTTP/1.1\r\nHost: x\r\n\r\n", status: 414),
        Case(name: "header section too large", request: "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 3000) + "\r\n\r\n", status: 431),
        Case(name: "too many header fields", request: "GET / HTTP/1.1\r\nHost: x\r\n" + (0..<25).map { "X-\($0): v\r\n" }.joined() + "\r\n", status: 431),
        Case(name: "body too large", request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n", status: 413),
        Case(name: "HTTP/2 preface", request: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", status: 505),
        Case(name: "unknown version", request: "GET / HTTP/1.7\r\nHost: x\r\n\r\n", status: 505),
        Case(name: "missing Host", request: "GET / HTTP/1.1\r\n\r\n", status: 400),
        Case(name: "bad percent-encoding", request: "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "invalid UTF-8 in path", request: "GET /a%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "obs-fold", request: "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", status: 400),
        Case(name: "bare LF", request: "GET / HTTP/1.1\nHost: x\n\n", status: 400),
        Case(name: "CL plus TE", request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "duplicate CL", request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", status: 400),
        Case(name: "bad CL", request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\na", status: 400),
        Case(name: "unsupported coding", request: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501),
    ]

    @Test(arguments: cases)
    func answersAndCloses(_ c: Case) throws {
        try withServer { server, port in
            let client = try TestClient(port: port)
            // A valid request pipelined behind the bad one must never be answered.
            client.send(c.request + "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == c.status)
            #expect(response.headers["connection"] == "close")
            #expect(response.headers["content-type"] == "application/problem+json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(json["status"] as? Int == c.status)
            #expect(json["type"] as? String == "about:blank")
            #expect((json["title"] as? String)?.isEmpty == false)
            #expect((json["detail"] as? String)?.isEmpty == false)
            #expect(client.isClosedByServer())
            #expect(client.unreadBytes == 0)
            #expect(server.metrics.requestCount(route: "other", status: 200) == 0)
            #expect(server.metrics.requestCount(route: "/echo", status: 200) == 0)
        }
    }

    @Test func smuggledRequestInChunkedBodyGetsNoSecondResponse() throws {
        try withServer { server, port in
            let client = try TestClient(port: port)
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 400)
            #expect(client.isClosedByServer())
            #expect(client.unreadBytes == 0)
            #expect(server.metrics.totalRequests == 1)
        }
    }

    @Test func clientReadsTheErrorEvenWithUnreadBodyBehindIt() throws {
        // The server half-closes and drains instead of closing with unread input, which
        // would reset the connection and could destroy the 413 before the client reads it.
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "z", count: 100_000))
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test func headersJustUnderTheLimitPass() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            // 2048-byte header section limit: a 1900-byte field passes.
            client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 1900) + "\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func maxConnectionsHoldsNewClientsInTheBacklog() throws {
        var configuration = testConfiguration()
        configuration.maxConnections = 2
        configuration.keepAliveTimeout = 5
        configuration.headerReadTimeout = 5
        try withServer(configuration) { server, port in
            let a = try TestClient(port: port), b = try TestClient(port: port)
            a.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            b.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try a.readResponse()
            _ = try b.readResponse()
            let waiting = try TestClient(port: port, timeout: 0.3)
            waiting.send("GET /late HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(throws: TestClient.Failure.self) { try waiting.readResponse() }
            #expect(server.metrics.openConnectionCount == 2)
            a.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            _ = try a.readResponse()
            // Once a slot frees, the waiting client is accepted and answered.
            let late = try waiting.readResponseRetrying()
            #expect(late.bodyText.hasPrefix("GET /late"))
        }
    }
}

extension TestClient {
    /// Retries reads that time out, for up to `attempts` timeouts.
    func readResponseRetrying(attempts: Int = 10) throws -> Response {
        for _ in 1..<attempts {
            do { return try readResponse() } catch Failure.timedOut { continue }
        }
        return try readResponse()
    }
}
