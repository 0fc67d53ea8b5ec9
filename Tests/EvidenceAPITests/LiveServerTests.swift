import Foundation
import HTTPServer
import Ingest
import SQLiteDB
import Synchronization
import Testing
@testable import EvidenceAPI
import EvidenceModel

final class MetricsBox: Sendable {
    let server = Mutex<HTTPServer?>(nil)
    func text() -> String { server.withLock { $0?.metrics.prometheusText() } ?? "" }
}

/// The API behind the real HTTP server over real sockets on 127.0.0.1.
@Suite struct LiveServerTests {
    let corpus: TestCorpus
    let server: HTTPServer
    let port: Int
    let box: MetricsBox

    init() throws {
        let corpus = try TestCorpus()
        let box = MetricsBox()
        let api = EvidenceAPI(databasePath: corpus.path) { box.text() }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.accessLog = false
        let server = HTTPServer(configuration: configuration) { request in api.handle(request) }
        box.server.withLock { $0 = server }
        self.port = try server.start()
        self.corpus = corpus
        self.server = server
        self.box = box
    }

    /// Shuts the server down and breaks the box → server → handler → API → box cycle, so nothing leaks.
    func stop() {
        server.shutdown(grace: 1)
        box.server.withLock { $0 = nil }
    }

    /// Sends raw bytes and reads until the server closes (each request asks for Connection: close).
    func exchange(_ request: String) throws -> String { try Self.exchange(port: port, request) }

    static func exchange(port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    func get(_ target: String, method: String = "GET", extra: String = "") throws -> (head: String, body: String) {
        let reply = try exchange("\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\(extra)\r\n")
        let parts = reply.components(separatedBy: "\r\n\r\n")
        return (parts[0], parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    @Test func getAndHeadAgreeOnHeadersAndHeadHasNoBody() throws {
        defer { stop() }
        let full = try get("/v1/studies?condition=vascular%20calcification")
        #expect(full.head.hasPrefix("HTTP/1.1 200"))
        #expect(full.body.contains("\"total\":4"))
        let head = try get("/v1/studies?condition=vascular%20calcification", method: "HEAD")
        #expect(head.head.hasPrefix("HTTP/1.1 200"))
        #expect(head.body.isEmpty)
        let length = { (text: String) in text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") } }
        #expect(length(full.head) != nil && length(full.head) == length(head.head))
        #expect(full.head.contains("ETag: "))
    }

    @Test func errorsAndMetricsOverTheWire() throws {
        defer { stop() }
        #expect(try get("/v1/studies?limit=0").head.hasPrefix("HTTP/1.1 400"))
        #expect(try get("/nowhere").head.hasPrefix("HTTP/1.1 404"))
        let post = try get("/v1/studies", method: "POST", extra: "Content-Length: 0\r\n")
        #expect(post.head.hasPrefix("HTTP/1.1 405") && post.head.contains("Allow: GET, HEAD, OPTIONS"))
        let metrics = try get("/metrics").body
        #expect(metrics.contains("/v1/studies"))
    }

    /// Probes and scrapers must see the live state, never a copy kept by a cache on the way.
    @Test func healthAndMetricsAreNotStored() throws {
        defer { stop() }
        for path in ["/health", "/metrics"] {
            let head = try get(path).head
            #expect(head.hasPrefix("HTTP/1.1 200"))
            #expect(head.contains("\r\nCache-Control: no-store\r\n"), "\(path): \(head)")
        }
        #expect(try get("/v1/studies").head.contains("\r\nCache-Control: public, max-age=60\r\n"))
    }

    /// A request whose query waits out SQLite's 2 s busy timeout (another process holds the database
    /// locked) holds its own thread only: requests on other connections are answered at once.
    @Test func aTwoSecondQueryHoldsNoOtherRequest() throws {
        defer { stop() }
        // Rollback-journal mode, where a writer's exclusive lock shuts readers out (WAL would let them read).
        let locker = try Database(path: corpus.path, mode: .readWrite(create: false))
        try locker.execute("PRAGMA journal_mode = DELETE")
        try locker.execute("BEGIN EXCLUSIVE")
        let slowStatus = Mutex<String?>(nil)
        let slowStarted = Date()
        let port = self.port
        Thread.detachNewThread {
            let reply = (try? Self.exchange(port: port, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
            slowStatus.withLock { $0 = String((reply ?? "failed").prefix(12)) }
        }
        Thread.sleep(forTimeInterval: 0.2)
        var slowest = 0.0
        for _ in 0..<10 {
            let started = Date()
            #expect(try get("/metrics").head.hasPrefix("HTTP/1.1 200"))
            #expect(try get("/openapi.json").head.hasPrefix("HTTP/1.1 200"))
            slowest = max(slowest, Date().timeIntervalSince(started))
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(slowStatus.withLock { $0 } == nil, "the locked query should still be waiting")
        // An answer held behind the locked query would wait out the 2 s busy timeout; half of it is the bound,
        // so a loaded machine (two cores shared by several builds) cannot fail the test by scheduling alone.
        #expect(slowest < 1.0, "slowest answer beside the locked query: \(slowest) s")
        while slowStatus.withLock({ $0 }) == nil && Date().timeIntervalSince(slowStarted) < 6 { Thread.sleep(forTimeInterval: 0.05) }
        #expect(slowStatus.withLock { $0 } == "HTTP/1.1 503")
        #expect(Date().timeIntervalSince(slowStarted) >= 1.9)
        try locker.execute("ROLLBACK")
        #expect(server.metrics.loopTakeoverCount >= 1)
    }

    @Test func aNewIngestIsServedWhileRunning() throws {
        defer { stop() }
        #expect(try get("/health").body.contains("\"documents\":3"))
        let store = try corpus.store()
        try store.write(Extraction(source: ExtractedSource(file: "late.txt", text: SourceText("Magnesium and arterial stiffness."),
                                                           sha256: "x", kind: .other)))
        #expect(try get("/health").body.contains("\"documents\":4"))
    }
}
