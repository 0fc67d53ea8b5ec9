import Glibc
import Foundation
import Testing
@testable import HTTPServer

/// Slowloris, idle and write timeouts (testConfiguration: head 0.5 s, idle 0.6 s).
@Suite struct TimeoutTests {
    @Test func headDeadlineCountsFromTheFirstByteNotTheLast() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            let started = Date()
            // One byte every 100 ms: a per-byte idle timer would never fire.
            let request = "GET /slow HTTP/1.1\r\nHost: x\r\nX-Pad: " + String(repeating: "p", count: 40)
            var timedOut = false
            for byte in request.utf8 {
                client.send([byte])
                Thread.sleep(forTimeInterval: 0.1)
                if Date().timeIntervalSince(started) > 1.5 { break }
                if Date().timeIntervalSince(started) > 0.9 { timedOut = true; break }
            }
            #expect(timedOut)
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 1.5)
        }
    }

    @Test func silentConnectionIsClosedWithoutAResponse() throws {
        try withServer { server, port in
            let client = try TestClient(port: port)
            #expect(client.isClosedByServer())
            #expect(client.unreadBytes == 0)
            try waitUntil { server.metrics.openConnectionCount == 0 }
        }
    }

    @Test func idleKeepAliveConnectionsAreReapedWithoutNewTraffic() throws {
        try withServer { server, port in
            var clients: [TestClient] = []
            for _ in 0..<30 {
                let client = try TestClient(port: port)
                client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.readResponse()
                clients.append(client)
            }
            #expect(server.metrics.openConnectionCount == 30)
            let started = Date()
            for client in clients { #expect(client.isClosedByServer()) }
            #expect(Date().timeIntervalSince(started) < 1.5)
            try waitUntil { server.metrics.openConnectionCount == 0 }
        }
    }

    @Test func slowBodyGets408() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a little")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByServer())
        }
    }

    @Test func hundredHalfOpenConnectionsDoNotDelayANormalRequest() throws {
        var configuration = testConfiguration()
        configuration.headerReadTimeout = 3
        try withServer(configuration) { _, port in
            var attackers: [TestClient] = []
            for i in 0..<100 {
                let attacker = try TestClient(port: port)
                attacker.send("GET /slow\(i) HTTP/1.1\r\nHost: x\r\nX-Partial: ")
                attackers.append(attacker)
            }
            var worst = 0.0
            for _ in 0..<20 {
                let started = Date()
                let client = try TestClient(port: port)
                client.send("GET /normal HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse().status == 200)
                worst = max(worst, Date().timeIntervalSince(started))
                // The attackers keep trickling bytes.
                for attacker in attackers.prefix(10) { attacker.send("a") }
            }
            #expect(worst < 0.1, "slowest normal request took \(worst) s")
            _ = attackers.count
        }
    }

    @Test func slowReaderGetsEveryByteAndDoesNotBlockOthers() throws {
        var configuration = testConfiguration()
        configuration.writeTimeout = 5
        try withServer(configuration) { _, port in
            let slow = try TestClient(port: port, timeout: 5, receiveBuffer: 4096)
            let size = 4_000_000
            slow.send("GET /big?bytes=\(size) HTTP/1.1\r\nHost: x\r\n\r\n")
            // While the big response is stuck in the socket buffers, others are served fast.
            for _ in 0..<10 {
                let started = Date()
                let other = try TestClient(port: port)
                other.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try other.readResponse().status == 200)
                // Typically ~1 ms; the bound leaves room for a loaded 2-core CI machine.
                #expect(Date().timeIntervalSince(started) < 0.1)
                Thread.sleep(forTimeInterval: 0.03)
            }
            let response = try slow.readResponse()
            #expect(response.body.count == size)
            #expect(response.headers["content-length"] == String(size))
        }
    }

    @Test func clientsVanishingMidResponseCostNothing() throws {
        try withServer { server, port in
            for _ in 0..<20 {
                let client = try TestClient(port: port, receiveBuffer: 4096)
                client.send("GET /big?bytes=5000000 HTTP/1.1\r\nHost: x\r\n\r\n")
                var probe = [UInt8](repeating: 0, count: 1024)
                _ = probe.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, 0) }
                client.reset()
            }
            let client = try TestClient(port: port)
            client.send("GET /still-alive HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            try waitUntil { server.metrics.openConnectionCount == 1 }
        }
    }
}

/// The write timeout and a blocked stdout.
@Suite struct StalledOutputTests {
    @Test func readerThatNeverReadsIsClosedAtTheWriteTimeout() throws {
        try withServer { server, port in   // writeTimeout 1 s
            let stalled = try TestClient(port: port, receiveBuffer: 4096)
            stalled.send("GET /big?bytes=8000000 HTTP/1.1\r\nHost: x\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.3)
            #expect(server.metrics.openConnectionCount == 1)
            try waitUntil(timeout: 2.5) { server.metrics.openConnectionCount == 0 }
        }
    }

    @Test func blockedStdoutNeverDelaysRequests() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        var configuration = testConfiguration()
        configuration.accessLog = true
        configuration.accessLogDescriptor = fds[1]   // nobody reads fds[0]: the pipe fills at 64 KB
        let server = HTTPServer(configuration: configuration, handler: echoHandler)
        let port = try server.start()
        let client = try TestClient(port: port)
        let started = Date()
        for i in 0..<3000 {
            client.send("GET /log\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
        }
        #expect(Date().timeIntervalSince(started) < 5)
        close(fds[0])   // the writer now gets EPIPE and drops the rest
        server.shutdown()
        close(fds[1])
    }
}
