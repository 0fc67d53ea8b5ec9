import Foundation
import Testing
@testable import HTTPServer

/// With `handlerThreads > 0`, handlers run off the loops: slow handlers must not stall
/// other connections, order and framing must be the same as inline.
@Suite struct WorkerPoolTests {
    private func pooled(loops: Int = 1, workers: Int = 4) -> ServerConfiguration {
        var configuration = testConfiguration()
        configuration.threads = loops
        configuration.handlerThreads = workers
        return configuration
    }

    @Test func slowHandlerDoesNotStallTheLoop() throws {
        // One loop only: inline, the 800 ms handler would hold every other client.
        try withServer(pooled(loops: 1, workers: 4)) { _, port in
            let slow = try TestClient(port: port)
            slow.send("GET /sleep?ms=800 HTTP/1.1\r\nHost: x\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.05)
            for _ in 0..<10 {
                let started = Date()
                let fast = try TestClient(port: port)
                fast.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try fast.readResponse().status == 200)
                #expect(Date().timeIntervalSince(started) < 0.1)
            }
            #expect(try slow.readResponse().bodyText == "slept 800")
        }
    }

    @Test func pipelinedResponsesStayInOrder() throws {
        try withServer(pooled()) { _, port in
            let client = try TestClient(port: port)
            // Different handler times must not reorder responses on one connection.
            client.send((0..<6).map { i in
                i % 2 == 0 ? "GET /sleep?ms=\(30 - i * 5) HTTP/1.1\r\nHost: x\r\n\r\n" : "GET /p\(i) HTTP/1.1\r\nHost: x\r\n\r\n"
            }.joined())
            for i in 0..<6 {
                let body = try client.readResponse().bodyText
                #expect(i % 2 == 0 ? body == "slept \(30 - i * 5)" : body.hasPrefix("GET /p\(i) "))
            }
        }
    }

    @Test func clientLeavingWhileTheHandlerRunsIsHarmless() throws {
        try withServer(pooled()) { server, port in
            for _ in 0..<10 {
                let client = try TestClient(port: port)
                client.send("GET /sleep?ms=50 HTTP/1.1\r\nHost: x\r\n\r\n")
                client.reset()
            }
            Thread.sleep(forTimeInterval: 0.2)
            // Fds were reused meanwhile; late results must not reach the new connections.
            let client = try TestClient(port: port)
            for i in 0..<5 {
                client.send("GET /after\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse().bodyText.hasPrefix("GET /after\(i) "))
            }
            try waitUntil { server.metrics.openConnectionCount == 1 }
        }
    }

    @Test func gracefulShutdownClosesIdleAtOnceAndFinishesInFlight() throws {
        let server = HTTPServer(configuration: pooled(loops: 1, workers: 2), handler: echoHandler)
        let port = try server.start()
        var idle: [TestClient] = []
        for _ in 0..<10 {
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            idle.append(client)
        }
        let busy = try TestClient(port: port)
        busy.send("GET /sleep?ms=700 HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let started = Date()
        Thread.detachNewThread { server.shutdown(grace: 3) }
        for client in idle { #expect(client.isClosedByServer()) }
        // Same loop as the running handler, yet closed within 100 ms (inline could not).
        #expect(Date().timeIntervalSince(started) < 0.1)
        let response = try busy.readResponse()
        #expect(response.status == 200 && response.headers["connection"] == "close")
        server.shutdown()
    }

    @Test func headAndErrorsBehaveAsInline() throws {
        try withServer(pooled()) { _, port in
            let client = try TestClient(port: port)
            client.send("HEAD /big?bytes=50 HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(isHEAD: true)
            #expect(head.headers["content-length"] == "50")
            client.send("GET /bad-header HTTP/1.1\r\nHost: x\r\n\r\nGET /x%zz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 500)
            #expect(try client.readResponse().status == 400)
            #expect(client.isClosedByServer())
        }
    }
}
