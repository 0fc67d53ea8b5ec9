import Foundation
import Testing
@testable import HTTPServer

/// Handlers run inline, but one that stalls gives its loop up to another thread: a slow
/// request must hold nobody else, and order, framing and shutdown must be as before.
@Suite struct SlowHandlerTests {
    /// One loop: without the takeover, a slow handler would hold every other client.
    private func oneLoop(maxHandlers: Int = 64) -> ServerConfiguration {
        var configuration = testConfiguration()
        configuration.threads = 1
        configuration.maxConcurrentHandlers = maxHandlers
        return configuration
    }

    @Test func twoSecondHandlerHoldsNoOtherConnection() throws {
        try withServer(oneLoop()) { server, port in
            let slow = try TestClient(port: port)
            let slowStarted = Date()
            slow.send("GET /sleep?ms=2000 HTTP/1.1\r\nHost: x\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.05)
            var slowest = 0.0
            for i in 0..<20 {
                // New connections (accepted by the stalled loop) and a kept-alive one alike.
                let started = Date()
                let fast = try TestClient(port: port)
                fast.send("GET /fast\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try fast.readResponse().bodyText.hasPrefix("GET /fast\(i) "))
                fast.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try fast.readResponse().status == 200)
                slowest = max(slowest, Date().timeIntervalSince(started))
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(slowest < 0.1, "slowest answer beside the slow handler: \(slowest) s")
            #expect(try slow.readResponse().bodyText == "slept 2000")
            #expect(Date().timeIntervalSince(slowStarted) >= 2)
            #expect(server.metrics.loopTakeoverCount >= 1)
            // The slow connection is still usable afterwards.
            slow.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try slow.readResponse().bodyText.hasPrefix("GET /after "))
        }
    }

    @Test func fastHandlersNeverHandTheLoopOver() throws {
        try withServer(oneLoop()) { server, port in
            let client = try TestClient(port: port)
            for i in 0..<200 {
                client.send("GET /f\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            #expect(server.metrics.loopTakeoverCount == 0)
        }
    }

    @Test func manySlowHandlersAtOnceAllAnswer() throws {
        try withServer(oneLoop()) { _, port in
            let clients = try (0..<8).map { _ in try TestClient(port: port) }
            let started = Date()
            for client in clients { client.send("GET /sleep?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n") }
            for client in clients { #expect(try client.readResponse().bodyText == "slept 300") }
            // In parallel, each on a thread of its own: not 8 × 300 ms one after another.
            #expect(Date().timeIntervalSince(started) < 1.2)
        }
    }

    @Test func overTheHandlerLimitTheAnswerIs503() throws {
        try withServer(oneLoop(maxHandlers: 2)) { _, port in
            let slow = try (0..<2).map { _ in try TestClient(port: port) }
            for client in slow {
                client.send("GET /sleep?ms=500 HTTP/1.1\r\nHost: x\r\n\r\n")
                Thread.sleep(forTimeInterval: 0.05)
            }
            let refused = try TestClient(port: port)
            refused.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
            let busy = try refused.readResponse()
            #expect(busy.status == 503 && busy.headers["retry-after"] == "1")
            for client in slow { #expect(try client.readResponse().bodyText == "slept 500") }
            // Slots free again: the same connection is served.
            refused.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try refused.readResponse().status == 200)
        }
    }

    @Test func pipelinedResponsesStayInOrder() throws {
        try withServer(oneLoop()) { _, port in
            let client = try TestClient(port: port)
            // Handlers slow enough to be taken over, between fast ones: order must not change.
            client.send((0..<6).map { i in
                i % 2 == 0 ? "GET /sleep?ms=\(60 - i * 10) HTTP/1.1\r\nHost: x\r\n\r\n" : "GET /p\(i) HTTP/1.1\r\nHost: x\r\n\r\n"
            }.joined())
            for i in 0..<6 {
                let body = try client.readResponse().bodyText
                #expect(i % 2 == 0 ? body == "slept \(60 - i * 10)" : body.hasPrefix("GET /p\(i) "))
            }
        }
    }

    @Test func clientLeavingWhileTheHandlerRunsIsHarmless() throws {
        try withServer(oneLoop()) { server, port in
            for _ in 0..<10 {
                let client = try TestClient(port: port)
                client.send("GET /sleep?ms=50 HTTP/1.1\r\nHost: x\r\n\r\n")
                client.reset()
            }
            Thread.sleep(forTimeInterval: 0.3)
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
        let server = HTTPServer(configuration: oneLoop(), handler: echoHandler)
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
        // Same loop as the running handler, yet closed within 100 ms.
        #expect(Date().timeIntervalSince(started) < 0.1)
        let response = try busy.readResponse()
        #expect(response.status == 200 && response.headers["connection"] == "close")
        server.shutdown()
    }

    @Test func shutdownDeadlineCutsAStuckHandlerShort() throws {
        let server = HTTPServer(configuration: oneLoop(), handler: echoHandler)
        let port = try server.start()
        let stuck = try TestClient(port: port)
        stuck.send("GET /sleep?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let started = Date()
        server.shutdown(grace: 0.3)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(stuck.isClosedByServer())
        // The handler's thread comes back after the loop ended: it must find everything closed, not crash.
        Thread.sleep(forTimeInterval: 1.5)
    }

    @Test func headAndErrorsBehaveAsBefore() throws {
        try withServer(oneLoop()) { _, port in
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
