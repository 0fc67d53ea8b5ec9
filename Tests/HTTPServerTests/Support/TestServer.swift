import Foundation
@testable import HTTPServer

/// Short limits and timeouts, so limit and timeout tests run in well under a second.
func testConfiguration() -> ServerConfiguration {
    ServerConfiguration(
        host: "127.0.0.1", port: 0, threads: 2,
        maxRequestLineBytes: 1024, maxHeaderBytes: 2048, maxHeaderCount: 20, maxBodyBytes: 4096,
        headerReadTimeout: 0.5, bodyReadTimeout: 0.5, keepAliveTimeout: 0.6, writeTimeout: 1,
        shutdownGracePeriod: 2, accessLog: false, serverName: "test-server")
}

/// Echoes what it parsed as JSON-ish text, so tests can check decoding end to end.
/// "/sleep?ms=N" sleeps, "/big?bytes=N" returns N bytes, "/bad-header" tries to inject.
let echoHandler: HTTPHandler = { request in
    switch request.path {
    case "/sleep":
        let ms = Int(request.query("ms") ?? "0") ?? 0
        Thread.sleep(forTimeInterval: Double(ms) / 1000)
        return HTTPResponse(status: 200, body: Array("slept \(ms)".utf8))
    case "/big":
        let count = Int(request.query("bytes") ?? "0") ?? 0
        return HTTPResponse(status: 200, body: [UInt8](repeating: UInt8(ascii: "x"), count: count))
    case "/bad-header":
        return HTTPResponse(status: 200, headers: [(name: "X-Evil", value: "a\r\nX-Injected: 1")], body: Array("no".utf8))
    case "/bad-status":
        return HTTPResponse(status: 42)
    case "/no-content":
        return HTTPResponse(status: 204, body: Array("dropped".utf8))
    case "/framing":
        return HTTPResponse(status: 200, headers: [(name: "Content-Length", value: "999"), (name: "Transfer-Encoding", value: "chunked")], body: Array("ok".utf8))
    default:
        var response = HTTPResponse(
            status: 200, headers: [(name: "Content-Type", value: "text/plain")],
            body: Array("\(request.method) \(request.path) \(request.queryItems.map { "\($0.name)=\($0.value)" }.joined(separator: "&")) body=\(request.body.count)".utf8))
        response.routeLabel = "/echo"
        return response
    }
}

/// Starts a server on an ephemeral port, runs `body`, and always shuts the server down.
func withServer(
    _ configuration: ServerConfiguration = testConfiguration(), handler: @escaping HTTPHandler = echoHandler,
    _ body: (HTTPServer, Int) throws -> Void
) throws {
    let server = HTTPServer(configuration: configuration, handler: handler)
    let port = try server.start()
    defer { server.shutdown(grace: 1) }
    try body(server, port)
}

/// Open file descriptors of this process (to catch leaks).
func openFDCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}
