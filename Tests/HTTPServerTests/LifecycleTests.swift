import CLinuxShims
import Foundation
import Glibc
import Testing
@testable import HTTPServer

/// Start, shutdown, binding and socket flags.
@Suite struct LifecycleTests {
    @Test func gracefulShutdownFinishesInFlightRequests() throws {
        let server = HTTPServer(configuration: testConfiguration(), handler: echoHandler)
        let port = try server.start()
        var idle: [TestClient] = []
        for _ in 0..<5 {
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            idle.append(client)
        }
        let busy = try TestClient(port: port)
        busy.send("GET /sleep?ms=600 HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)   // the handler is now running
        let stopped = Locked<Date?>(nil)
        let shutdownStarted = Date()
        Thread.detachNewThread {
            server.shutdown(grace: 3)
            stopped.withLock { $0 = Date() }
        }
        // Idle keep-alive connections close at once, not at the end of the grace period.
        for client in idle { #expect(client.isClosedByServer()) }
        #expect(Date().timeIntervalSince(shutdownStarted) < 0.9)
        let response = try busy.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyText == "slept 600")
        #expect(response.headers["connection"] == "close")
        #expect(busy.isClosedByServer())
        try waitUntil { stopped.withLock { $0 } != nil }
        #expect(throws: TestClient.Failure.self) { try TestClient(port: port) }
        server.shutdown()   // idempotent
    }

    @Test func shutdownBeforeStartAndTwiceIsHarmless() throws {
        let never = HTTPServer(configuration: testConfiguration(), handler: echoHandler)
        never.shutdown()
        #expect(throws: HTTPServerError.alreadyStarted) { try never.start() }
        let server = HTTPServer(configuration: testConfiguration(), handler: echoHandler)
        _ = try server.start()
        #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
        server.shutdown()
        server.shutdown()
    }

    @Test func restartOnTheSamePortRightAway() throws {
        let first = HTTPServer(configuration: testConfiguration(), handler: echoHandler)
        let port = try first.start()
        for _ in 0..<10 {
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            _ = try client.readResponse()
        }
        first.shutdown()
        var configuration = testConfiguration()
        configuration.port = port
        let second = HTTPServer(configuration: configuration, handler: echoHandler)
        #expect(try second.start() == port)
        second.shutdown()
    }

    @Test func bindFailureIsATypedError() throws {
        try withServer { _, port in
            var configuration = testConfiguration()
            configuration.port = port
            let clash = HTTPServer(configuration: configuration, handler: echoHandler)
            #expect(throws: HTTPServerError.socket(SocketError("bind", errno: EADDRINUSE))) { try clash.start() }
        }
        var bad = testConfiguration()
        bad.threads = 0
        #expect(throws: HTTPServerError.self) { try HTTPServer(configuration: bad, handler: echoHandler).start() }
    }

    @Test func servesIPv6Loopback() throws {
        var configuration = testConfiguration()
        configuration.host = "::1"
        let server = HTTPServer(configuration: configuration, handler: echoHandler)
        guard let port = try? server.start() else { return }   // no IPv6 on this host
        defer { server.shutdown() }
        let client = try TestClient(port: port, host: "::1")
        client.send("GET /v6 HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
    }

    @Test func wildcardIPv6IsDualStack() throws {
        var configuration = testConfiguration()
        configuration.host = "::"
        let server = HTTPServer(configuration: configuration, handler: echoHandler)
        guard let port = try? server.start() else { return }   // no IPv6 on this host
        defer { server.shutdown() }
        for host in ["127.0.0.1", "::1"] {
            let client = try TestClient(port: port, host: host)
            client.send("GET /dual HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200, "via \(host)")
        }
    }

    @Test func acceptedSocketsAreNonBlockingAndCloseOnExec() throws {
        let (listener, port) = try Socket.listen(host: "127.0.0.1", port: 0, backlog: 8)
        defer { close(listener) }
        let client = try TestClient(port: port)
        var accepted: Int32 = -1
        for _ in 0..<100 {
            if case .accepted(let fd, let peer) = Socket.accept(listener) {
                accepted = fd
                #expect(peer.hasPrefix("127.0.0.1:"))
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        defer { close(accepted) }
        #expect(accepted >= 0)
        #expect(fcntl(accepted, F_GETFL) & O_NONBLOCK != 0)
        #expect(fcntl(accepted, F_GETFD) & FD_CLOEXEC != 0)
        _ = client
    }

    @Test func accessLogWritesOneJSONLinePerRequest() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        var configuration = testConfiguration()
        configuration.accessLog = true
        configuration.accessLogDescriptor = fds[1]
        let server = HTTPServer(configuration: configuration, handler: echoHandler)
        let port = try server.start()
        let client = try TestClient(port: port)
        client.send("GET /logged%20path?x=1 HTTP/1.1\r\nHost: x\r\nX-Request-Id: req-42\r\n\r\n")
        _ = try client.readResponse()
        client.send("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try client.readResponse()
        server.shutdown()
        close(fds[1])
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &chunk, chunk.count)
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["request_id"] as? String == "req-42")
        #expect(first["method"] as? String == "GET")
        #expect(first["path"] as? String == "/logged path")
        #expect(first["status"] as? Int == 200)
        #expect((first["bytes"] as? Int ?? 0) > 0)
        #expect(first["duration_ms"] is Double || first["duration_ms"] is Int)
        #expect((first["peer"] as? String)?.hasPrefix("127.0.0.1:") == true)
        #expect((first["time"] as? String)?.hasSuffix("Z") == true)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["status"] as? Int == 400)
    }
}
